// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/CatalogFetch.h"
#include "catalog/CatalogSet.h"

namespace EnvDeck {

// The steps of loading a CatalogSet, shared by the offline load (CatalogSet.cpp) and the one that
// downloads (CatalogLoader.cpp).
class CatalogLoaderPrivate
{
public:
    // A set with one unloaded state per configured catalog.
    static CatalogSet prepare(const QString &root, const CatalogConfig &config,
                              const CatalogLoadOptions &options);
    // Everything that is on disk: index files, git tags, `seen`, and the caches of URL catalogs.
    static void loadLocal(CatalogSet &set, const CatalogLoadOptions &options);
    // Whether a URL catalog should be downloaded, given its cache and the allowed cache age.
    static bool needsDownload(const CatalogSet &set, const CatalogState &state,
                              const CatalogLoadOptions &options);
    // Takes a download's outcome into a URL catalog's state; falls back to its cache on failure.
    static void applyDownload(const CatalogSet &set, CatalogState &state,
                              const Result<FetchedDocument> &result);
};

} // namespace EnvDeck
