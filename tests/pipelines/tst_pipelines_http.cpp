// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_pipelines.h"

#include "LoopbackServer.h"
#include "PipelineFixtures.h"

#include "pipelines/PipelineJob.h"

#include <QSignalSpy>
#include <QtTest>

using namespace EnvDeck;
using namespace EnvDeck::Pipelines;
using Forge::Provider;

Q_DECLARE_METATYPE(EnvDeck::Forge::Provider)

namespace {

void waitFor(PipelineJob *job)
{
    QSignalSpy finished(job, &PipelineJob::finished);
    if (!job->isFinished())
        finished.wait(Patience);
}

void addProviderRows()
{
    QTest::addColumn<Provider>("provider");
    QTest::newRow("azure-devops") << Provider::AzureDevOps;
    QTest::newRow("gitlab") << Provider::GitLab;
    QTest::newRow("github") << Provider::GitHub;
}

// One run page of `provider` with runs `ids` (all finished, no details of interest).
QByteArray runPage(Provider provider, const QList<int> &ids)
{
    QJsonArray runs;
    for (int id : ids) {
        switch (provider) {
        case Provider::AzureDevOps:
            runs.append(QJsonObject{{QStringLiteral("id"), id},
                                    {QStringLiteral("status"), QStringLiteral("completed")},
                                    {QStringLiteral("result"), QStringLiteral("succeeded")}});
            break;
        case Provider::GitLab:
        case Provider::GitHub:
            runs.append(QJsonObject{{QStringLiteral("id"), id},
                                    {QStringLiteral("status"), QStringLiteral("success")}});
            break;
        case Provider::Local:
            break;
        }
    }
    if (provider == Provider::AzureDevOps)
        return toJson(
            QJsonObject{{QStringLiteral("count"), runs.size()}, {QStringLiteral("value"), runs}});
    if (provider == Provider::GitHub)
        return toJson(QJsonObject{{QStringLiteral("total_count"), runs.size()},
                                  {QStringLiteral("workflow_runs"), runs}});
    return toJson(runs);
}

// What each run costs after the list: Azure DevOps a timeline, GitLab details and jobs, GitHub
// jobs; GitLab and GitHub end with the deployments.
void enqueueDetails(LoopbackServer &server, Provider provider, int runs)
{
    for (int i = 0; i < runs; ++i) {
        switch (provider) {
        case Provider::AzureDevOps:
            server.enqueue(200, R"({"records":[]})");
            break;
        case Provider::GitLab:
            server.enqueue(200, R"({"status":"success"})");
            server.enqueue(200, "[]");
            break;
        case Provider::GitHub:
            server.enqueue(200, R"({"total_count":0,"jobs":[]})");
            break;
        case Provider::Local:
            break;
        }
    }
    if (provider != Provider::AzureDevOps)
        server.enqueue(200, "[]");
}

} // namespace

void TestPipelines::sendsAuthorization_data()
{
    QTest::addColumn<Provider>("provider");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("azure-devops: Basic with the token as password")
        << Provider::AzureDevOps << QByteArray("authorization")
        << QByteArray("Basic " + QByteArray(":" + testToken().toUtf8()).toBase64());
    QTest::newRow("gitlab: PRIVATE-TOKEN")
        << Provider::GitLab << QByteArray("private-token") << testToken().toUtf8();
    QTest::newRow("github: Bearer") << Provider::GitHub << QByteArray("authorization")
                                    << QByteArray("Bearer " + testToken().toUtf8());
}

void TestPipelines::sendsAuthorization()
{
    QFETCH(Provider, provider);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    LoopbackServer server;
    QVERIFY(server.listen());
    server.enqueue(200, runPage(provider, {5}));
    enqueueDetails(server, provider, 1);
    const PipelineSource source = testSource(provider, server.url());
    PipelineJob *job = listRuns(testConnection(source, m_network.get()), source, {}, this);
    waitFor(job);
    QVERIFY(job->isFinished());
    QVERIFY2(job->result().ok(), qPrintable(errorText(job->result())));
    QVERIFY(server.requests().size() >= 2);
    // Every request of the job, not only the first, carries the token.
    for (const LoopbackServer::Request &request : server.requests())
        QCOMPARE(request.header(header.constData()), value);
}

void TestPipelines::followsPages_data()
{
    addProviderRows();
}

void TestPipelines::followsPages()
{
    QFETCH(Provider, provider);
    LoopbackServer server;
    QVERIFY(server.listen());
    const QByteArray base = server.url().toEncoded();
    QList<std::pair<QByteArray, QByteArray>> page1;
    QList<std::pair<QByteArray, QByteArray>> page2;
    QList<QByteArray> wanted;
    switch (provider) {
    case Provider::AzureDevOps:
        // A token with characters that must be encoded in the next URL.
        page1 = {{"x-ms-continuationtoken", "a b+c/="}};
        page2 = {{"x-ms-continuationtoken", "second"}};
        wanted = {"/contoso/platform/_apis/build/builds?api-version=7.1&definitions=12%2C14&"
                  "queryOrder=startTimeDescending&$top=100",
                  "/contoso/platform/_apis/build/builds?api-version=7.1&definitions=12%2C14&"
                  "queryOrder=startTimeDescending&$top=100&continuationToken=a%20b%2Bc%2F%3D",
                  "/contoso/platform/_apis/build/builds?api-version=7.1&definitions=12%2C14&"
                  "queryOrder=startTimeDescending&$top=100&continuationToken=second"};
        break;
    case Provider::GitLab:
        page1 = {{"x-next-page", "2"}, {"x-page", "1"}};
        page2 = {{"x-next-page", "3"}, {"x-page", "2"}};
        wanted = {"/api/v4/projects/platform%2Finfra/pipelines?order_by=id&sort=desc&per_page=100",
                  "/api/v4/projects/platform%2Finfra/pipelines?order_by=id&sort=desc&per_page=100&"
                  "page=2",
                  "/api/v4/projects/platform%2Finfra/pipelines?order_by=id&sort=desc&per_page=100&"
                  "page=3"};
        break;
    case Provider::GitHub:
        page1 = {{"link", "<" + base
                              + "/repositories/7/actions/runs?per_page=100&page=2>; "
                                "rel=\"next\", <"
                              + base
                              + "/repositories/7/actions/runs?per_page=100&page=3>; rel=\"last\""}};
        page2 = {{"link", "<" + base
                              + "/repositories/7/actions/runs?per_page=100&page=1>; "
                                "rel=\"prev\", <"
                              + base
                              + "/repositories/7/actions/runs?per_page=100&page=3>; rel=\"next\""}};
        wanted = {"/repos/octo/hello/actions/runs?per_page=100",
                  "/repositories/7/actions/runs?per_page=100&page=2",
                  "/repositories/7/actions/runs?per_page=100&page=3"};
        break;
    case Provider::Local:
        QFAIL("no such provider row");
    }
    server.enqueue(200, runPage(provider, {1, 2}), page1);
    server.enqueue(200, runPage(provider, {3}), page2);
    server.enqueue(200, runPage(provider, {4}));
    enqueueDetails(server, provider, 4);

    const PipelineSource source = testSource(provider, server.url());
    PipelineJob *job = listRuns(testConnection(source, m_network.get()), source, {}, this);
    QSignalSpy progress(job, &PipelineJob::progress);
    waitFor(job);
    QVERIFY(job->isFinished());
    QVERIFY2(job->result().ok(), qPrintable(errorText(job->result())));
    QStringList ids;
    for (const PipelineRun &run : job->result().value())
        ids.append(run.id);
    ids.sort();
    QCOMPARE(ids, QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                               QStringLiteral("4")}));
    QVERIFY(server.requests().size() >= 3);
    for (int i = 0; i < wanted.size(); ++i)
        QCOMPARE(pathAndQuery(server.requests().at(i)), wanted.at(i));
    QCOMPARE(job->pagesRead(), int(server.requests().size()));
    QVERIFY(progress.size() >= job->pagesRead());
    QCOMPARE(progress.last().at(0).toInt(), job->pagesRead());
}

void TestPipelines::retriesAfter429_data()
{
    addProviderRows();
}

void TestPipelines::retriesAfter429()
{
    QFETCH(Provider, provider);
    LoopbackServer server;
    QVERIFY(server.listen());
    server.enqueue(429, R"({"message":"slow down"})", {{"retry-after", "0"}});
    const QList<QByteArray> empty = emptyRunsReplies(provider);
    for (const QByteArray &body : empty)
        server.enqueue(200, body);
    const PipelineSource source = testSource(provider, server.url());
    PipelineJob *job = listRuns(testConnection(source, m_network.get()), source, {}, this);
    QSignalSpy progress(job, &PipelineJob::progress);
    waitFor(job);
    QVERIFY(job->isFinished());
    QVERIFY2(job->result().ok(), qPrintable(errorText(job->result())));
    QVERIFY(job->result()->isEmpty());
    QCOMPARE(server.requests().size(), empty.size() + 1);
    QCOMPARE(pathAndQuery(server.requests().at(0)), pathAndQuery(server.requests().at(1)));
    bool toldToWait = false;
    for (const QList<QVariant> &signal : std::as_const(progress))
        toldToWait = toldToWait || signal.at(1).toString().contains(QStringLiteral("429"));
    QVERIFY(toldToWait);
}

void TestPipelines::waitsForGitHubRateLimit()
{
    LoopbackServer server;
    QVERIFY(server.listen());
    const QByteArray reset
        = QByteArray::number(QDateTime::currentDateTimeUtc().addSecs(1).toSecsSinceEpoch());
    server.enqueue(403, R"({"message":"API rate limit exceeded"})",
                   {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", reset}});
    for (const QByteArray &body : emptyRunsReplies(Provider::GitHub))
        server.enqueue(200, body);
    const PipelineSource source = testSource(Provider::GitHub, server.url());
    PipelineJob *job = listRuns(testConnection(source, m_network.get()), source, {}, this);
    QSignalSpy progress(job, &PipelineJob::progress);
    QElapsedTimer clock;
    clock.start();
    waitFor(job);
    QVERIFY(job->isFinished());
    QVERIFY2(job->result().ok(), qPrintable(errorText(job->result())));
    QCOMPARE(server.requests().size(), 3);
    QVERIFY2(clock.elapsed() >= 900, "the job did not wait for the reset time");
    QVERIFY(!progress.isEmpty());
    QVERIFY2(progress.first().at(1).toString().contains(QStringLiteral("rate limit")),
             qPrintable(progress.first().at(1).toString()));
}

void TestPipelines::reportsGitHubRateLimit()
{
    LoopbackServer server;
    QVERIFY(server.listen());
    const QDateTime resetTime = QDateTime::currentDateTimeUtc().addSecs(3600);
    server.enqueue(403, R"({"message":"API rate limit exceeded"})",
                   {{"x-ratelimit-remaining", "0"},
                    {"x-ratelimit-reset", QByteArray::number(resetTime.toSecsSinceEpoch())}});
    const PipelineSource source = testSource(Provider::GitHub, server.url());
    PipelineJob *job = listRuns(testConnection(source, m_network.get()), source, {}, this);
    waitFor(job);
    QVERIFY(job->isFinished());
    QVERIFY(!job->result());
    const QString message = job->result().error().message();
    QVERIFY2(message.startsWith(QStringLiteral(
                 "GitHub: cannot list the pipeline runs of repository octo/hello: the API rate "
                 "limit is used up until ")),
             qPrintable(message));
    QVERIFY2(message.contains(resetTime.toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
             qPrintable(message));
    QCOMPARE(server.requests().size(), 1);
}

void TestPipelines::reportsHttpErrors_data()
{
    QTest::addColumn<Provider>("provider");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("says");
    const QString azure = QStringLiteral(
        "Azure DevOps: cannot list the pipeline runs of project contoso/platform: ");
    const QString gitlab
        = QStringLiteral("GitLab: cannot list the pipeline runs of project platform/infra: ");
    const QString github
        = QStringLiteral("GitHub: cannot list the pipeline runs of repository octo/hello: ");
    const QString refused = QStringLiteral("the token was refused (401 Unauthorized)");
    QTest::newRow("azure 401") << Provider::AzureDevOps << 401 << azure
                               << QStringLiteral("Build (Read) scope");
    QTest::newRow("azure 404") << Provider::AzureDevOps << 404 << azure
                               << QStringLiteral(
                                      "(404 Not Found). Check `pipelines:` in .envdeck.yaml");
    QTest::newRow("gitlab 401") << Provider::GitLab << 401 << gitlab
                                << QStringLiteral("read_api scope");
    QTest::newRow("gitlab 404") << Provider::GitLab << 404 << gitlab
                                << QStringLiteral("project platform/infra or what was asked for");
    QTest::newRow("github 401") << Provider::GitHub << 401 << github << refused;
    QTest::newRow("github 403") << Provider::GitHub << 403 << github
                                << QStringLiteral("(403 Forbidden)");
    QTest::newRow("github 404") << Provider::GitHub << 404 << github
                                << QStringLiteral("repository octo/hello or what was asked for");
    QTest::newRow("github 500") << Provider::GitHub << 500 << github
                                << QStringLiteral("the server failed (500)");
}

void TestPipelines::reportsHttpErrors()
{
    QFETCH(Provider, provider);
    QFETCH(int, status);
    QFETCH(QString, prefix);
    QFETCH(QString, says);
    LoopbackServer server;
    QVERIFY(server.listen());
    server.enqueue(status, R"({"message":"no"})");
    const PipelineSource source = testSource(provider, server.url());
    PipelineJob *job = listRuns(testConnection(source, m_network.get()), source, {}, this);
    waitFor(job);
    QVERIFY(job->isFinished());
    QVERIFY(!job->result());
    const QString message = job->result().error().message();
    QVERIFY2(message.startsWith(prefix), qPrintable(message));
    QVERIFY2(message.contains(says), qPrintable(message));
    QVERIFY2(!message.contains(testToken()), qPrintable(message));
    QCOMPARE(server.requests().size(), 1);
}

void TestPipelines::cancels_data()
{
    addProviderRows();
}

void TestPipelines::cancels()
{
    QFETCH(Provider, provider);
    LoopbackServer server;
    QVERIFY(server.listen());
    // The list answers; the next request (details or deployments) never does.
    server.enqueue(200, runPage(provider, {9}));
    server.enqueue(LoopbackServer::Reply{200, {}, {}, true});
    const PipelineSource source = testSource(provider, server.url());
    PipelineJob *job = listRuns(testConnection(source, m_network.get()), source, {}, this);
    QSignalSpy finished(job, &PipelineJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 2, Patience);
    QVERIFY(!job->isFinished());
    job->cancel();
    QVERIFY(job->isFinished());
    QCOMPARE(finished.size(), 1);
    QVERIFY(!job->result());
    QVERIFY2(job->result().error().message().contains(QStringLiteral("cancelled")),
             qPrintable(errorText(job->result())));
    job->cancel(); // a second cancel changes nothing
    QCOMPARE(finished.size(), 1);
}
