// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace EnvDeck::Terraform {

enum class SourceKind { Local, Registry, Git, Http, Other };
QString sourceKindName(SourceKind kind); // "local", "registry", "git", "http", "other"

// A value shown to the user and the place where it is written: the literal itself, found by
// following var.x (to its default or the environment's .tfvars), local.x, module inputs and
// yamldecode(file(...)) into YAML files.
struct TracedValue
{
    QString value;           // the literal's value; empty when it could not be traced
    SourceLocation location; // where the literal is written; invalid when unknown
    QString via;             // how it was found: "literal", "variable default", "tfvars", "yaml"

    bool found() const { return location.isValid(); }
};

struct ModuleCall
{
    QString name;
    QString source;
    SourceKind sourceKind = SourceKind::Other;
    QString version; // the `version` attribute (registry modules), empty when absent
    SourceLocation versionLocation;
    QString ref;                   // `?ref=` of a git source
    QString subdir;                // the part after `//` in a source
    QString count;                 // source text of `count`, empty when absent
    QString forEach;               // source text of `for_each`, empty when absent
    QMap<QString, QString> inputs; // argument name -> source text
    QStringList references;        // "module.x" used anywhere in the call, sorted, unique
    QString localPath; // for local sources: the module folder relative to the repository root
    SourceLocation location;
};

struct HelmRelease
{
    QString address; // helm_release.<label>
    QString module;  // the module call that creates it; empty for the root module
    QString name;    // the `name` attribute when it is a literal
    QString chart;
    QString repository;
    QString ns; // namespace, when literal
    TracedValue version;
    bool hasVersion = false; // a `version` attribute is written (traced or not)
    SourceLocation location;
};

// Secrets and config maps Terraform creates (kubernetes_secret, azurerm_key_vault_secret, ...).
struct SecretResource
{
    QString type;
    QString address;
    QString module;
    QString name; // metadata.name or name, when literal
    SourceLocation location;
};

struct Variable
{
    QString name;
    QString type; // source text
    TracedValue defaultValue;
    SourceLocation location;
};

struct RootModule
{
    QString path; // relative to the repository root
    QList<ModuleCall> modules;
    QList<HelmRelease> helmReleases;
    QList<SecretResource> secrets;
    QList<Variable> variables;
    QMap<QString, QString> locals; // name -> source text
    QStringList outputs;
    QMap<QString, TracedValue> tfvars; // values of the environment's .tfvars and terraform.tfvars
    QList<Error> problems;             // parse errors with file:line:column
};

// Reads the root module at `path` (relative to `repositoryRoot`) and the local modules it calls,
// with `varsFile` (relative to the repository root) as the environment's .tfvars when given.
RootModule readRootModule(const QString &repositoryRoot, const QString &path,
                          const QString &varsFile = {});

} // namespace EnvDeck::Terraform
