// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validation/ValidationInput.h"

namespace EnvDeck::Validation {

// Loads the catalogs of `.envdeck.yaml` (downloads only when `offline` is false) and answers the
// engine's questions from them. Catalog entries that cannot be used and index files that cannot
// be read are added to input.repositoryFindings. An empty query when no catalogs are configured.
// Blocks while downloading: never call it on the GUI thread.
CatalogQuery makeCatalogQuery(ValidationInput &input, bool offline);

} // namespace EnvDeck::Validation
