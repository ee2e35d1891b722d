// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QHash>
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

// A module call of the root module. Terragrunt environments have no module calls: each unit
// (a folder with a terragrunt.hcl) is listed as one, named after its folder, whose references are
// its `dependency.<name>` blocks and the units of its `dependencies { paths }` (the path as
// written when no unit is there), and whose location is its `terraform` block (else line 1).
struct ModuleCall
{
    QString name;
    QString source; // as written; ${...} parts that could be traced are replaced by their value
    SourceKind sourceKind = SourceKind::Other;
    QString version;           // the `version` attribute's value (its source text when not traced)
    TracedValue tracedVersion; // where that version is written; not found when absent or computed
    QString ref;               // `?ref=` of a git source (a traced ${...} is replaced by its value)
    // Where the ref is written: inside the source string itself (the column of the ref text), or,
    // for a template source like "git::...?ref=${var.ref}", wherever var.ref is traced to.
    TracedValue tracedRef;
    QString subdir;                // the part after `//` in a source
    QString count;                 // source text of `count`, empty when absent
    QString forEach;               // source text of `for_each`, empty when absent
    QMap<QString, QString> inputs; // argument name -> source text
    QStringList references;        // "module.x" used anywhere in the call, sorted, unique
    // "module.x" used outside `depends_on` -> the outputs of it used ("kube_config"), sorted and
    // unique; empty when the module is used whole or through an index (module.x[0]).
    QMap<QString, QStringList> usedOutputs;
    QStringList dependsOn; // "module.x" listed in `depends_on`, sorted, unique
    // For calls inside a local module: the module path of the call that contains it
    // ("platform", "platform.inner"); empty for the root module's own calls.
    QString parent;
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
    QString count;           // source text of `count`, empty when absent
    QString forEach;         // source text of `for_each`, empty when absent
    // The secrets and config maps of the same module the block refers to, nested blocks
    // (`set {}`) included: "kubernetes_secret.billing", sorted, unique. Only addresses of a
    // SecretResource of that module are listed, so the diagram can hang them on the release.
    QStringList references;
    SourceLocation location;
};

// Secrets and config maps Terraform creates (kubernetes_secret, azurerm_key_vault_secret, ...).
struct SecretResource
{
    QString type;
    QString address;
    QString module;
    QString name;    // metadata.name or name, when literal
    QString count;   // source text of `count`, empty when absent
    QString forEach; // source text of `for_each`, empty when absent
    SourceLocation location;
};

struct Variable
{
    QString name;
    QString type; // source text
    TracedValue defaultValue;
    SourceLocation location;
};

// `include "root" { path = find_in_parent_folders() expose = true }` of a Terragrunt unit.
struct TerragruntInclude
{
    QString name;           // the label; empty for an unlabelled `include { }`
    QString pathExpression; // source text of `path`
    QString resolvedPath;   // the included file relative to the repository root; empty if not found
    bool expose = false;    // `include.<name>.locals.x` is traced only through exposed includes
    SourceLocation location;
};

// `dependency "vpc" { config_path = "../vpc" }`, or one path of `dependencies { paths = [...] }`.
struct TerragruntDependency
{
    QString name;       // the block label; empty for an entry of `dependencies { paths }`
    QString configPath; // the value as written (or traced)
    QString path;       // the folder it points at, relative to the repository root
    QString unit;       // the unit of the same environment at `path`; empty when there is none
    SourceLocation location;
};

// One Terragrunt unit: a folder with a terragrunt.hcl. Folders that are only included by other
// units (a parent terragrunt.hcl shared by its children) are not units.
struct TerragruntUnit
{
    QString name; // the folder relative to the environment folder (its own name for a lone unit)
    QString path; // the folder relative to the repository root
    QString configFile; // .../terragrunt.hcl, relative to the repository root
    // `terraform { source = "..." }`, analysed like a module call's source
    QString source;
    SourceKind sourceKind = SourceKind::Other;
    QString subdir;
    QString ref;           // `?ref=` of the source
    TracedValue tracedRef; // where the ref is written, as for ModuleCall::tracedRef
    QString version;       // `?version=` of a tfr:/// registry source
    TracedValue tracedVersion;
    // The `terraform` block: the unit's own, or the first included file's when it has none.
    SourceLocation sourceLocation;            // invalid when neither has one
    QList<TerragruntDependency> dependencies; // dependency blocks first, then `dependencies`
    QList<TerragruntInclude> includes;
    // `inputs = { name = ... }`: name -> source text; inputs that are not an object literal
    // (merge(local.common, {...})) are kept whole under the empty name.
    QMap<QString, QString> inputs;
    QMap<QString, QString> locals; // name -> source text
};

struct RootModule
{
    QString path; // relative to the repository root
    QList<ModuleCall> modules;
    // Calls written inside the local modules the root module calls (followed as deep as the
    // Helm releases and secrets are), each with its `parent`; in the order they are found.
    QList<ModuleCall> nestedModules;
    QList<HelmRelease> helmReleases;
    QList<SecretResource> secrets;
    QList<Variable> variables;
    QMap<QString, QString> locals; // name -> source text
    QStringList outputs;
    QMap<QString, TracedValue> tfvars; // values of the environment's .tfvars and terraform.tfvars
    // Terragrunt environments (a folder without .tf files, or with its own terragrunt.hcl): the
    // units of its subtree, sorted by name; each is also listed as a module call, in the same
    // order, at the end of `modules`.
    QList<TerragruntUnit> terragruntUnits;
    QList<Error> problems; // parse errors with file:line:column
};

// Reads the root module at `path` (relative to `repositoryRoot`) and the local modules it calls,
// with `varsFile` (relative to the repository root) as the environment's .tfvars when given.
RootModule readRootModule(const QString &repositoryRoot, const QString &path,
                          const QString &varsFile = {});

// The same, reading the bytes of `overlay` (repository-relative path -> contents) instead of
// those files on disk, so unsaved edits show. An overlay path that does not exist on disk is read
// as a new file of its folder.
RootModule readRootModule(const QString &repositoryRoot, const QString &path,
                          const QString &varsFile, const QHash<QString, QByteArray> &overlay);

} // namespace EnvDeck::Terraform
