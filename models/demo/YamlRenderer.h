// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/TerraformRenderer.h"
#include "demo/World.h"

namespace EnvDeck::Demo::Yaml {

// environments/<name>/versions.yaml in the format of the product brief.
RenderedFile versionsFile(const World &world, int environment);
// .envdeck.yaml at the repository root.
RenderedFile envdeckConfig(const Layout &layout);
// approvals/staging/<date>-r<N>.yaml
RenderedFile approvalFile(const Approval &approval);
// catalogs/third-party-index.yaml: a Helm repository index of every third-party chart release.
RenderedFile chartIndex(const World &world);

// "2025-03-04T10:15:00Z"
QByteArray isoUtc(qint64 secondsSinceEpoch);

} // namespace EnvDeck::Demo::Yaml
