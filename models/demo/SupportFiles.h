// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/TerraformRenderer.h"
#include "demo/World.h"

namespace EnvDeck::Demo::Support {

// pipelines/azure-pipelines.yml, pipelines/templates/*.yml and the per-tier deploy pipelines at
// world.pipelineRevision.
QList<RenderedFile> pipelineFiles(const World &world);
// What revision `revision` (>= 1) of the pipelines changed: "cache Terraform providers".
QString pipelineEditMessage(int revision);
// The last revision that still changes something.
int lastPipelineRevision();

// README.md at world.readmeRevision, and .gitignore.
RenderedFile readme(const World &world);
QString readmeEditMessage(int revision);
RenderedFile gitignore();

} // namespace EnvDeck::Demo::Support
