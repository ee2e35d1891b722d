// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace EnvDeck::History {

// Versions written directly in the Terraform of one environment folder, read from file contents
// (blobs of a commit, not files on disk). What counts:
//  - `module "x"` with a literal `version = "..."`          -> component x
//  - `module "x"` whose literal `source` has `?ref=...`      -> component x, version = the ref
//  - `resource "helm_release" "y"` with a literal `version`  -> component = its literal `name`,
//    else the label y
//  - the same with `version = var.v`                         -> the literal default of
//    `variable "v"`, overridden by terraform.tfvars, then *.auto.tfvars in name order
// Anything computed (locals, functions, yamldecode of versions.yaml, interpolations) is skipped:
// versions.yaml is read on its own, and nothing here evaluates Terraform.

// Where one version is written.
struct TerraformVersion
{
    QString version;
    QString path; // the file, as given to readTerraformFile()

    friend bool operator==(const TerraformVersion &, const TerraformVersion &) = default;
};

// What one file contributes. Kept per blob, so a file unchanged between commits is parsed once.
struct TerraformFileVersions
{
    QString path;
    bool variablesFile = false;               // terraform.tfvars / *.auto.tfvars
    QList<Error> errors;                      // parse errors, located at path:line:column
    QHash<QString, QString> literals;         // component -> version written literally
    QHash<QString, QString> releaseVariables; // helm_release component -> variable name
    QHash<QString, QString> defaults;         // variable name -> literal default
    QHash<QString, QString> values;           // .tfvars: variable name -> literal value
    QList<QString> order;                     // components in source order (literal or variable)

    bool ok() const { return errors.isEmpty(); }
};

// Whether a file of a folder is read: *.tf, terraform.tfvars and *.auto.tfvars.
bool isTerraformVersionFile(const QString &fileName);

// Parses one file; `path` names it in errors and in the versions found.
TerraformFileVersions readTerraformFile(const QByteArray &bytes, const QString &path);

// The versions of one folder from all its files (in any order). A component written twice keeps
// the first by path. Fails with the first parse error when a file did not parse: a half-read
// folder would report versions that are not there.
Result<QHash<QString, TerraformVersion>>
combineTerraformVersions(const QList<TerraformFileVersions> &files);

} // namespace EnvDeck::History
