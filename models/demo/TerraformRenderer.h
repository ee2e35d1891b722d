// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/World.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace EnvDeck::Demo {

struct RenderedFile
{
    QString path; // relative to the repository root
    QByteArray content;
};

// Terraform text of the demo repository: environment root modules and building-block modules.
// Pure functions of the World, so a file is rendered again only when its inputs changed.
namespace Terraform {

// main.tf, variables.tf, outputs.tf, backend.tf, providers.tf and terraform.tfvars of one
// environment (versions.yaml comes from the YAML renderer).
QList<RenderedFile> environmentFiles(const World &world, int environment);
RenderedFile environmentTfvars(const World &world, int environment);

// main.tf, variables.tf and outputs.tf of one building block with its applied edits.
QList<RenderedFile> moduleFiles(const World &world, int module);

// What the next edit of a module changes, as a commit message after "modules/<name>: ".
QString moduleEditMessage(const Layout &layout, int module, int edit);
// How many edits of a module are written by hand; later ones are generic tuning.
int moduleOwnEdits(const Layout &layout, int module);

} // namespace Terraform
} // namespace EnvDeck::Demo
