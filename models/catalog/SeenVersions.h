// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/CatalogSet.h"
#include "repo/Environment.h"

namespace EnvDeck {

// The input of a `seen` catalog: every (component, version) that an environment of the snapshot
// runs, once each, in environment order.
QList<SeenVersion> seenVersions(const RepositorySnapshot &snapshot);

} // namespace EnvDeck
