// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "demo/DemoRepository.h"
#include "demo/Semver.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace EnvDeck::Demo {

enum class EnvironmentTier { Dev, Staging, Production };

struct EnvironmentSpec
{
    QString name;
    EnvironmentTier tier = EnvironmentTier::Dev;
    QString promotesFrom; // "staging" for production environments
    QString base;         // customer clusters are built like prod-eu
    QString location;     // Azure region: "westeurope"
    QString locationShort;
    QString addressSpace; // "10.8.0.0/16"
    QString vmSize;
    int nodeCount = 3;
    bool customer = false;
    bool integrations = false; // runs the integration services (modules/integrations)
    QList<int> modules;        // indexes into Layout::modules, in the order main.tf calls them
};

enum class ModuleKind {
    Network,
    Cluster,
    KeyVault,
    Platform,
    Services,
    Integrations,
    Postgres,
    Monitoring,
    Dns,
    Redis,
    Storage,
    ServiceBus,
    Generated
};

struct ModuleSpec
{
    QString name;  // folder under modules/
    QString label; // name of the module block in environments: module "key_vault"
    ModuleKind kind = ModuleKind::Generated;
    QString generatedKind; // for Generated: "cache", "queue", ...
};

struct ComponentSpec
{
    QString name;
    QString chart;
    QString repository;
    Semver initial;
    bool integration = false;  // erp-connector, sftp-bridge: staging and customer clusters only
    QString requiredComponent; // component this one needs, or empty
    QString requiredRange;     // ">=2.0.0 <3.0.0"
    QString comment;           // a line of YAML comment written above the entry, or empty
};

struct ThirdPartySpec
{
    QString name;
    QString repository;
    Semver initial;
    QList<Semver> older; // releases before `initial` that the chart index lists
};

// The static shape of a demo repository: which environments, modules, components and third-party
// charts exist, derived from the options and the seed. What changes over time lives in World.
struct Layout
{
    QList<EnvironmentSpec> environments; // promotion order
    QList<ModuleSpec> modules;
    QList<ComponentSpec> components; // core services first, then the integration services
    QList<ThirdPartySpec> thirdParty;

    static Result<Layout> create(const Options &options);

    int environmentIndex(const QString &name) const;
    int moduleIndex(ModuleKind kind) const; // -1 when the layout has no such module
    bool hasModule(ModuleKind kind) const { return moduleIndex(kind) >= 0; }
    const ComponentSpec *component(const QString &name) const;
    // Team components an environment runs: every core service, plus the integration services
    // where the environment has integrations.
    QStringList componentsOf(int environment) const;
    QStringList coreComponents() const;
    // Components some other component `requires`: their major version never changes.
    bool isRequired(const QString &component) const;
    bool isProduction(int environment) const
    {
        return environments.at(environment).tier == EnvironmentTier::Production;
    }
    int stagingIndex() const { return 1; }
    int devIndex() const { return 0; }
    int prodEuIndex() const { return 2; }
};

// Checks the ranges the generator supports; the error names the option and its range.
Result<void> validateOptions(const Options &options);

QString tierName(EnvironmentTier tier);

} // namespace EnvDeck::Demo
