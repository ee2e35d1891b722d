// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QTemporaryDir>

#include <memory>

// Pipeline runs: each provider's parsing against the fixtures (tst_pipelines.cpp); paging,
// authorization, 429, rate limits, errors and cancel (tst_pipelines_http.cpp); `pipelines:` in
// .envdeck.yaml (tst_pipelines_config.cpp); the cache, the refresher and the demo runs
// (tst_pipelines_local.cpp).
class TestPipelines : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // tst_pipelines.cpp
    void normalises_data();
    void normalises();
    void parsesAzureDevOps();
    void parsesGitLab();
    void parsesGitHub_data();
    void parsesGitHub();
    void matchesEnvironmentNames_data();
    void matchesEnvironmentNames();

    // tst_pipelines_http.cpp
    void sendsAuthorization_data();
    void sendsAuthorization();
    void followsPages_data();
    void followsPages();
    void retriesAfter429_data();
    void retriesAfter429();
    void waitsForGitHubRateLimit();
    void reportsGitHubRateLimit();
    void reportsHttpErrors_data();
    void reportsHttpErrors();
    void cancels_data();
    void cancels();

    // tst_pipelines_config.cpp
    void readsPipelinesConfig_data();
    void readsPipelinesConfig();
    void rejectsBadPipelinesConfig_data();
    void rejectsBadPipelinesConfig();
    void warnsAboutUnknownPipelinesKeys();

    // tst_pipelines_local.cpp
    void cacheRoundTrip();
    void cacheReplacesRuns();
    void cacheGivesAgeOffline();
    void refresherStoresAndKeepsCacheOffline();
    void refresherCancels();
    void demoRunsAreDeterministic();
    void demoRunsFollowCommits();

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QTemporaryDir> m_tmp;
};
