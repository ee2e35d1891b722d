// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/World.h"

#include <QByteArray>
#include <QList>

#include <utility>

// Pieces of TerraformRenderer that live in their own files to keep each one readable.
namespace EnvDeck::Demo::Terraform {

using Attributes = QList<std::pair<QByteArray, QByteArray>>;

// Attribute lines with their '=' aligned, as `terraform fmt` leaves them.
QByteArray aligned(const Attributes &attributes, int indent);

// TerraformEnvironment.cpp: the root module of one environment.
QByteArray environmentMain(const World &world, int environment);
QByteArray environmentVariables(const World &world, int environment);
QByteArray environmentOutputs(const World &world, int environment);
QByteArray environmentBackend(const World &world, int environment);
QByteArray environmentProviders();

// TerraformGenerated.cpp: the further building blocks options.modules asks for.
QByteArray generatedModuleMain(const ModuleSpec &module);
QByteArray generatedModuleVariables();
QByteArray generatedModuleOutputs(const ModuleSpec &module);

} // namespace EnvDeck::Demo::Terraform
