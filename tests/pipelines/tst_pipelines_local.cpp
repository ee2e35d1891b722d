// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_pipelines.h"

#include "GitFixture.h"
#include "LoopbackServer.h"
#include "PipelineFixtures.h"

#include "core/CacheDatabase.h"
#include "demo/DemoRepository.h"
#include "pipelines/DemoRuns.h"
#include "pipelines/PipelineCache.h"
#include "pipelines/PipelineRefresher.h"
#include "repo/RepositoryConfig.h"

#include <QSet>
#include <QSignalSpy>
#include <QtTest>

using namespace EnvDeck;
using namespace EnvDeck::Pipelines;
using Forge::Provider;

namespace {

QList<PipelineRun> sampleRuns()
{
    PipelineRun finished;
    finished.provider = QStringLiteral("gitlab");
    finished.id = QStringLiteral("47");
    finished.name = QStringLiteral("deploy");
    finished.status = QStringLiteral("completed");
    finished.result = QStringLiteral("failed");
    finished.started = utc(QStringLiteral("2026-11-20T10:00:00.250Z"));
    finished.finished = utc(QStringLiteral("2026-11-20T10:07:30Z"));
    finished.branch = QStringLiteral("main");
    finished.commit = QStringLiteral("a91957a858320c0e17f3a0eca7cfacbff50ea29a");
    finished.environment = QStringLiteral("staging");
    finished.url = QStringLiteral("https://gitlab.example.io/platform/infra/-/pipelines/47");
    finished.stages
        = {{QStringLiteral("plan"), QStringLiteral("staging"), QStringLiteral("completed"),
            QStringLiteral("succeeded"), utc(QStringLiteral("2026-11-20T10:00:01Z")),
            utc(QStringLiteral("2026-11-20T10:02:00Z"))},
           {QStringLiteral("apply"), QStringLiteral("staging"), QStringLiteral("completed"),
            QStringLiteral("failed"), utc(QStringLiteral("2026-11-20T10:02:10Z")),
            utc(QStringLiteral("2026-11-20T10:07:29Z"))}};
    PipelineRun running;
    running.provider = QStringLiteral("gitlab");
    running.id = QStringLiteral("48");
    running.name = QStringLiteral("deploy");
    running.status = QStringLiteral("running");
    running.started = utc(QStringLiteral("2026-11-21T08:00:00Z"));
    running.branch = QStringLiteral("main");
    running.commit = QStringLiteral("eb94b618fb5865b26e80fdd8ae531b7a63ad851a");
    running.stages
        = {{QStringLiteral("plan"), QString(), QStringLiteral("queued"), QString(), {}, {}}};
    return {running, finished}; // newest first
}

void compareLists(const QList<PipelineRun> &actual, const QList<PipelineRun> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i)
        QVERIFY2(runDifferences(actual.at(i), expected.at(i)).isEmpty(),
                 qPrintable(runDifferences(actual.at(i), expected.at(i))));
}

} // namespace

void TestPipelines::cacheRoundTrip()
{
    const QString path = cacheDatabasePath(m_tmp->filePath(QStringLiteral("repo.git")));
    const QDateTime refreshed = utc(QStringLiteral("2026-11-21T09:00:00Z"));
    {
        PipelineCache cache(path, QStringLiteral("tst-write"));
        QVERIFY2(cache.open().ok(), "cannot open the cache");
        QVERIFY(!cache.lastRefreshed(QStringLiteral("gitlab")).isValid());
        const Result<void> stored = cache.store(QStringLiteral("gitlab"), sampleRuns(), refreshed);
        QVERIFY2(stored.ok(), qPrintable(errorText(stored)));
    }
    // A new connection reads from the file what the first one wrote.
    PipelineCache cache(path, QStringLiteral("tst-read"));
    QVERIFY(cache.open().ok());
    const Result<CachedRuns> read = cache.read(QStringLiteral("gitlab"));
    QVERIFY2(read.ok(), qPrintable(errorText(read)));
    compareLists(read->runs, sampleRuns());
    QCOMPARE(read->refreshed, refreshed);
    QCOMPARE(cache.lastRefreshed(QStringLiteral("gitlab")), refreshed);
    // Another provider's runs are kept apart.
    QVERIFY(cache.read(QStringLiteral("github"))->runs.isEmpty());
    QVERIFY(!cache.lastRefreshed(QStringLiteral("github")).isValid());
}

void TestPipelines::cacheReplacesRuns()
{
    const QString path = cacheDatabasePath(m_tmp->filePath(QStringLiteral("repo.git")));
    PipelineCache cache(path, QStringLiteral("tst-replace"));
    QVERIFY(cache.open().ok());
    QVERIFY(cache
                .store(QStringLiteral("gitlab"), sampleRuns(),
                       utc(QStringLiteral("2026-11-21T09:00:00Z")))
                .ok());
    // Run 48 finished since: stored again, it replaces the running copy and its stages.
    PipelineRun done = sampleRuns().first();
    done.status = QStringLiteral("completed");
    done.result = QStringLiteral("succeeded");
    done.finished = utc(QStringLiteral("2026-11-21T08:09:00Z"));
    done.stages = {{QStringLiteral("apply"), QStringLiteral("dev"), QStringLiteral("completed"),
                    QStringLiteral("succeeded"), done.started, done.finished}};
    const QDateTime later = utc(QStringLiteral("2026-11-21T10:00:00Z"));
    QVERIFY(cache.store(QStringLiteral("gitlab"), {done}, later).ok());
    const Result<CachedRuns> read = cache.read(QStringLiteral("gitlab"));
    QVERIFY(read.ok());
    compareLists(read->runs, {done, sampleRuns().last()});
    QCOMPARE(read->refreshed, later);
}

void TestPipelines::cacheGivesAgeOffline()
{
    const QString path = cacheDatabasePath(m_tmp->filePath(QStringLiteral("repo.git")));
    const QDateTime now = utc(QStringLiteral("2026-11-21T12:00:00Z"));
    {
        PipelineCache cache(path, QStringLiteral("tst-age-write"));
        QVERIFY(cache.open().ok());
        QVERIFY(cache.store(QStringLiteral("github"), {}, now.addSecs(-7200)).ok());
    }
    PipelineCache cache(path, QStringLiteral("tst-age-read"));
    QVERIFY(cache.open().ok());
    const Result<CachedRuns> read = cache.read(QStringLiteral("github"));
    QVERIFY(read.ok());
    QCOMPARE(read->ageSeconds(now), 7200);
    QCOMPARE(CachedRuns{}.ageSeconds(now), -1);
}

void TestPipelines::refresherStoresAndKeepsCacheOffline()
{
    LoopbackServer server;
    QVERIFY(server.listen());
    const QString path = cacheDatabasePath(m_tmp->filePath(QStringLiteral("repo.git")));
    const PipelineSource source = testSource(Provider::GitLab, server.url());
    PipelineRefresher refresher(path, source, testConnection(source, m_network.get()));
    QSignalSpy finished(&refresher, &PipelineRefresher::finished);
    QSignalSpy progress(&refresher, &PipelineRefresher::progress);

    // First refresh: one pipeline, online.
    server.enqueue(
        200, R"([{"id":47,"status":"success","ref":"main","sha":"abc","name":"deploy-dev"}])");
    server.enqueue(
        200,
        R"({"status":"success","started_at":"2026-11-20T10:00:00Z","finished_at":"2026-11-20T10:05:00Z"})");
    server.enqueue(200, "[]");
    server.enqueue(200, "[]");
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    refresher.refresh();
    QVERIFY(refresher.isRunning());
    QVERIFY(finished.wait(Patience));
    const RefreshOutcome online = refresher.lastOutcome();
    QVERIFY2(online.error.isEmpty(), qPrintable(online.error));
    QVERIFY(online.fresh);
    QCOMPARE(online.runs.size(), 1);
    QCOMPARE(online.runs.first().id, QStringLiteral("47"));
    QCOMPARE(online.runs.first().environment, QStringLiteral("dev"));
    QVERIFY(online.asOf >= before);
    QVERIFY(!progress.isEmpty());
    // The first refresh reaches back 90 days.
    const QDateTime since
        = QDateTime::fromString(server.requests().first().query.queryItemValue(
                                    QStringLiteral("updated_after"), QUrl::FullyDecoded),
                                Qt::ISODate);
    QVERIFY(qAbs(since.daysTo(QDateTime::currentDateTimeUtc()) - 90) <= 1);

    // Second refresh: the server is gone. The cached run comes back with its age.
    server.close();
    refresher.refresh();
    QVERIFY(finished.wait(Patience));
    const RefreshOutcome offline = refresher.lastOutcome();
    QVERIFY(!offline.fresh);
    QVERIFY2(offline.error.contains(QStringLiteral("refused the connection. Check "
                                                   "`pipelines.url` in .envdeck.yaml")),
             qPrintable(offline.error));
    QCOMPARE(offline.runs.size(), 1);
    QVERIFY2(runDifferences(offline.runs.first(), online.runs.first()).isEmpty(),
             qPrintable(runDifferences(offline.runs.first(), online.runs.first())));
    QCOMPARE(offline.asOf.toMSecsSinceEpoch(), online.asOf.toMSecsSinceEpoch());
    QVERIFY(offline.ageSeconds() >= 0);
}

void TestPipelines::refresherCancels()
{
    LoopbackServer server;
    QVERIFY(server.listen());
    server.enqueue(LoopbackServer::Reply{200, {}, {}, true});
    const QString path = cacheDatabasePath(m_tmp->filePath(QStringLiteral("repo.git")));
    const PipelineSource source = testSource(Provider::GitHub, server.url());
    PipelineRefresher refresher(path, source, testConnection(source, m_network.get()));
    QSignalSpy finished(&refresher, &PipelineRefresher::finished);
    refresher.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, Patience);
    refresher.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, Patience);
    QVERIFY(refresher.lastOutcome().cancelled);
    QVERIFY(!refresher.lastOutcome().fresh);
    QVERIFY(!refresher.isRunning());
}

void TestPipelines::demoRunsAreDeterministic()
{
    Demo::Options options;
    options.commits = 60;
    options.environments = 3;
    options.modules = 6;
    options.components = 3;
    const auto demo = Demo::generate(m_tmp->filePath(QStringLiteral("infra")), options);
    QVERIFY2(demo.ok(), qPrintable(errorText(demo)));
    const Result<QList<PipelineRun>> first = demoRuns(demo->workTree);
    QVERIFY2(first.ok(), qPrintable(errorText(first)));
    const Result<QList<PipelineRun>> second = demoRuns(demo->workTree);
    QVERIFY(second.ok());
    QVERIFY(!first->isEmpty());
    QCOMPARE(*first, *second);

    // The same history generated elsewhere gives the same runs: the seeds are the commit ids.
    const auto again = Demo::generate(m_tmp->filePath(QStringLiteral("again")), options);
    QVERIFY(again.ok());
    QCOMPARE(again->headId, demo->headId);
    const Result<QList<PipelineRun>> third = demoRuns(again->workTree);
    QVERIFY(third.ok());
    QCOMPARE(*third, *first);
}

void TestPipelines::demoRunsFollowCommits()
{
    Demo::Options options;
    options.commits = 80;
    options.environments = 3;
    options.modules = 6;
    options.components = 3;
    const auto demo = Demo::generate(m_tmp->filePath(QStringLiteral("infra")), options);
    QVERIFY2(demo.ok(), qPrintable(errorText(demo)));
    const Result<QList<PipelineRun>> runs = demoRuns(demo->workTree);
    QVERIFY2(runs.ok(), qPrintable(errorText(runs)));
    const Result<RepositoryConfig> config = RepositoryConfig::read(demo->workTree);
    QVERIFY(config.ok());
    QVERIFY(!config->environments.isEmpty());

    // What git itself says: the first-parent commits of main that changed each environment's
    // folder (the root commit creates everything and deploys nothing).
    const GitFixture git(demo->workTree);
    const QString root = git.git({QStringLiteral("rev-list"), QStringLiteral("--max-parents=0"),
                                  QStringLiteral("main")})
                             .trimmed();
    QSet<QString> expected;
    for (const RepositoryConfig::EnvironmentEntry &environment : config->environments) {
        const QString log = git.git({QStringLiteral("log"), QStringLiteral("--first-parent"),
                                     QStringLiteral("--format=%H"), QStringLiteral("main"),
                                     QStringLiteral("--"), environment.path});
        QVERIFY(!log.isNull());
        for (const QString &commit : log.split(u'\n', Qt::SkipEmptyParts)) {
            if (commit != root)
                expected.insert(commit + u' ' + environment.name);
        }
    }
    QVERIFY(!expected.isEmpty());

    QSet<QString> seen;
    QSet<QString> ids;
    int failures = 0;
    int fixes = 0;
    QDateTime previous;
    for (qsizetype i = runs->size() - 1; i >= 0; --i) { // oldest first
        const PipelineRun &run = runs->at(i);
        const QString key = run.commit + u' ' + run.environment;
        QVERIFY2(expected.contains(key), qPrintable(QStringLiteral("run %1 for %2 in %3: that "
                                                                   "commit did not change it")
                                                        .arg(run.id, run.commit, run.environment)));
        QCOMPARE(run.provider, QStringLiteral("demo"));
        QCOMPARE(run.name, QStringLiteral("deploy-") + run.environment);
        QCOMPARE(run.branch, QStringLiteral("main"));
        QCOMPARE(run.status, QStringLiteral("completed"));
        QVERIFY(run.url.isEmpty());
        QVERIFY(run.succeeded() || run.failed());
        QVERIFY(run.durationSeconds() > 0);
        QVERIFY(!ids.contains(run.id));
        ids.insert(run.id);
        if (previous.isValid())
            QVERIFY(run.started >= previous);
        previous = run.started;
        const QString committed = git.git({QStringLiteral("show"), QStringLiteral("-s"),
                                           QStringLiteral("--format=%ct"), run.commit})
                                      .trimmed();
        const qint64 delay = run.started.toSecsSinceEpoch() - committed.toLongLong();
        QVERIFY2(delay >= 60 && delay <= 3 * 3600, qPrintable(QString::number(delay)));
        if (seen.contains(key)) {
            // A second run of the same commit and environment is the fix-run after a failure.
            QVERIFY(run.succeeded());
            ++fixes;
        }
        seen.insert(key);
        if (run.failed())
            ++failures;
    }
    QCOMPARE(seen, expected);
    QVERIFY2(failures > 0, "no failures drawn in the demo history");
    QVERIFY2(fixes > 0, "no fix-run drawn in the demo history");
}
