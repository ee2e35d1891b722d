// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "approval/Approval.h"
#include "repo/Environment.h"
#include "validation/Finding.h"
#include "validation/ValidationConfig.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace EnvDeck::Validation {

// One component entry of a versions file, with the places its values are written.
struct ComponentEntry
{
    struct Requirement
    {
        QString component;
        QString range; // ">=2.4.0 <3.0.0"
        SourceLocation location;
    };

    QString name;
    QString version;
    SourceLocation location;        // the entry's key
    SourceLocation versionLocation; // the version value
    QString chart;
    bool locked = false;
    QString lockReason;
    bool thirdParty = false;
    bool allowDowngrade = false;
    QString pattern; // the component's own version pattern (a regular expression), if any
    SourceLocation patternLocation;
    QList<Requirement> requirements;
};

// What a catalog says about one component.
struct CatalogAnswer
{
    bool checked = false; // false: no catalog covers it, or the catalog is unavailable
    QStringList versions; // the versions offered, when checked
    QString source;       // "git tags billing/v*", "helm index catalogs/third-party-index.yaml"
    QString reason;       // why it was not checked
};

using CatalogQuery = std::function<CatalogAnswer(const QString &component, const QString &chart)>;

struct EnvironmentInput
{
    QString name;
    Tier tier = Tier::Unknown;
    QString path;
    QString promotesFrom;
    QString base;
    QString versionsFile; // relative path; empty when the environment has none
    bool folderExists = true;
    SourceLocation configLocation; // its entry in .envdeck.yaml, when it is listed there
    QList<ComponentEntry> components;
    // At the base revision: nullopt when no base was given; empty when the file did not exist.
    std::optional<QList<ComponentEntry>> baseComponents;
    QList<Error> syntaxErrors;       // files that could not be read (YAML and HCL), with locations
    QList<Finding> documentFindings; // found while reading the versions file (duplicate keys, ...)
    Terraform::RootModule terraform;
    int terraformFiles = 0;

    const ComponentEntry *findComponent(const QString &name) const;
};

// Everything the engine looks at, read beforehand: the engine itself does no I/O, so the same
// input gives the same report, in the GUI and on the command line.
struct ValidationInput
{
    QString root;
    QList<EnvironmentInput> environments; // promotion order
    ValidationConfig config;
    QList<Finding> repositoryFindings;      // .envdeck.yaml problems found while reading
    QHash<QString, ApprovalList> approvals; // per environment name
    CatalogQuery catalog;                   // may be empty: then catalog rules are not checked
    QString base;                           // the base revision's name, empty when none
    QString baseCommit;

    const EnvironmentInput *findEnvironment(const QString &name) const;
};

} // namespace EnvDeck::Validation
