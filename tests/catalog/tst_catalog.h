// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

// Catalogs: .envdeck.yaml `catalogs:`, Helm indexes, git tags, `seen`, lookups (tst_catalog.cpp),
// and downloads against a loopback server with caching and offline use (tst_catalog_fetch.cpp).
class TestCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void readsConfig_data();
    void readsConfig();
    void rejectsMalformedConfig();
    void parsesHelmIndex_data();
    void parsesHelmIndex();
    void rejectsMalformedHelmIndex_data();
    void rejectsMalformedHelmIndex();
    void readsGitTags_data();
    void readsGitTags();
    void gitTagsOutsideRepository();
    void lookup_data();
    void lookup();
    void demoCatalogsCoverEnvironments();

    // tst_catalog_fetch.cpp
    void fetchAnswers_data();
    void fetchAnswers();
    void fetchTimesOut();
    void loadAsyncDownloadsAndCaches();
    void offlineUsesCacheWithAge_data();
    void offlineUsesCacheWithAge();
    void noCacheNoNetworkIsUnavailable();
    void loadCachedNeverDownloads();
    void freshCacheSkipsNetwork();
    void cancelStopsDownload();
    void credentialsNeverShown();
    void downloadsTogetherWithProgress();
};
