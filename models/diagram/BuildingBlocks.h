// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The building blocks an architect adds to an environment: every module folder under
// `modules/`, and the modules the environments already call (local folders elsewhere, registry
// and git sources), each with what its form needs: its variables and outputs.

#include "core/Result.h"
#include "diagram/DiagramEdits.h"
#include "terraform/TerraformModel.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace EnvDeck {
struct RepositorySnapshot;
}

namespace EnvDeck::Diagram {

struct BlockVariable
{
    QString name;
    QString type;         // source text; empty when not declared
    QString defaultValue; // source text of `default`; empty when there is none
    QString description;
    bool required = true; // no default
    SourceLocation location;

    friend bool operator==(const BlockVariable &, const BlockVariable &) = default;
};

struct BuildingBlock
{
    QString name;      // "network", "vpc" (registry terraform-aws-modules/vpc/aws)
    QString localPath; // local modules: the folder relative to the repository root
    QString source;    // other modules: as written (git: without its ?ref=)
    Terraform::SourceKind kind = Terraform::SourceKind::Local;
    QString version;                // registry: a version an environment uses; git: its ref
    QList<BlockVariable> variables; // sorted by file, then line; unknown for remote modules
    QStringList outputs;            // sorted
    QStringList environments;       // the environments calling it, sorted
    QList<Error> problems;          // files that do not parse, with file:line:column

    // The `source` to write in a module call of the environment folder: a relative path for
    // local modules ("../../modules/network" from "environments/staging"), with the ref for git.
    QString sourceFrom(const QString &environmentFolder) const;
    // A free module call name for it: the name with '-' and '.' turned into '_'.
    QString suggestedCallName() const;
    bool variablesKnown() const { return kind == Terraform::SourceKind::Local; }
};

// Local blocks first (by path), then the others (by source). Files are read through `read`
// when given (so unsaved edits count), else from disk.
QList<BuildingBlock> readBuildingBlocks(const RepositorySnapshot &snapshot,
                                        const FileReader &read = {});

// The variables and outputs of the module folder (relative to root) from all its .tf files.
void readModuleInterface(const QString &root, BuildingBlock &block, const FileReader &read = {});

} // namespace EnvDeck::Diagram
