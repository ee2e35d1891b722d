// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_pipelines.h"

#include "LoopbackServer.h"
#include "PipelineFixtures.h"
#include "TestSupport.h"

#include "pipelines/PipelineJob.h"
#include "pipelines/ProviderRuns.h"

#include <QSignalSpy>

using namespace EnvDeck;
using namespace EnvDeck::Pipelines;
using Forge::Provider;

namespace {

// Runs `job` to its end and gives its runs, failing the test with its error otherwise.
QList<PipelineRun> runsOf(PipelineJob *job)
{
    QSignalSpy finished(job, &PipelineJob::finished);
    if (!job->isFinished() && !finished.wait(Patience))
        qWarning("pipeline job did not finish");
    if (!job->isFinished() || !job->result()) {
        qWarning("pipeline job failed: %s",
                 job->isFinished() ? qPrintable(errorText(job->result())) : "(running)");
        return {};
    }
    return job->result().value();
}

// The Azure DevOps Build skeleton with every field PipelineRun reads filled in; the rest of the
// skeleton stays as generated (placeholders the parser must ignore).
QJsonObject azureBuild(int id, const QString &definition, const QString &status,
                       const QString &result, const QString &start, const QString &finish,
                       const QString &branch, const QString &commit)
{
    QJsonObject build = fixtureObject(QStringLiteral("azure-devops/build.schema-skeleton.json"));
    build[QStringLiteral("id")] = id;
    QJsonObject definitionObject = build.value(QStringLiteral("definition")).toObject();
    definitionObject[QStringLiteral("name")] = definition;
    build[QStringLiteral("definition")] = definitionObject;
    build[QStringLiteral("status")] = status;
    build[QStringLiteral("result")] = result;
    build[QStringLiteral("startTime")] = start;
    build[QStringLiteral("finishTime")] = finish;
    build[QStringLiteral("sourceBranch")] = branch;
    build[QStringLiteral("sourceVersion")] = commit;
    QJsonObject links = build.value(QStringLiteral("_links")).toObject();
    links[QStringLiteral("web")] = QJsonObject{
        {QStringLiteral("href"),
         QStringLiteral("https://dev.azure.com/contoso/platform/_build/results?buildId=%1")
             .arg(id)}};
    build[QStringLiteral("_links")] = links;
    return build;
}

QJsonObject azureRecord(const QString &type, int order, const QString &name,
                        const QString &identifier, const QString &state, const QString &result,
                        const QString &start, const QString &finish)
{
    const QJsonObject skeleton
        = fixtureObject(QStringLiteral("azure-devops/build_timeline.schema-skeleton.json"));
    QJsonObject record = skeleton.value(QStringLiteral("records")).toArray().first().toObject();
    record[QStringLiteral("type")] = type;
    record[QStringLiteral("order")] = order;
    record[QStringLiteral("name")] = name;
    record[QStringLiteral("identifier")] = identifier;
    record[QStringLiteral("state")] = state;
    record[QStringLiteral("result")] = result;
    record[QStringLiteral("startTime")] = start;
    record[QStringLiteral("finishTime")] = finish;
    return record;
}

QJsonObject azureTimeline(const QJsonArray &records)
{
    QJsonObject timeline
        = fixtureObject(QStringLiteral("azure-devops/build_timeline.schema-skeleton.json"));
    timeline[QStringLiteral("records")] = records;
    return timeline;
}

} // namespace

void TestPipelines::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

void TestPipelines::cleanup()
{
    m_network.reset();
    m_tmp.reset();
}

void TestPipelines::normalises_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("wantStatus");
    QTest::addColumn<QString>("wantResult");
    const auto row = [](const char *tag, const char *provider, const char *status,
                        const char *result, const char *wantStatus, const char *wantResult) {
        QTest::newRow(tag) << QString::fromLatin1(provider) << QString::fromLatin1(status)
                           << QString::fromLatin1(result) << QString::fromLatin1(wantStatus)
                           << QString::fromLatin1(wantResult);
    };
    row("azure notStarted", "azure-devops", "notStarted", "none", "queued", "");
    row("azure postponed", "azure-devops", "postponed", "none", "queued", "");
    row("azure inProgress", "azure-devops", "inProgress", "none", "running", "");
    row("azure cancelling", "azure-devops", "cancelling", "none", "running", "");
    row("azure succeeded", "azure-devops", "completed", "succeeded", "completed", "succeeded");
    row("azure partially", "azure-devops", "completed", "partiallySucceeded", "completed",
        "succeeded");
    row("azure failed", "azure-devops", "completed", "failed", "completed", "failed");
    row("azure canceled", "azure-devops", "completed", "canceled", "completed", "canceled");
    row("azure record pending", "azure-devops", "pending", "", "queued", "");
    row("azure record skipped", "azure-devops", "completed", "skipped", "completed", "skipped");
    row("azure record abandoned", "azure-devops", "completed", "abandoned", "completed",
        "canceled");
    row("azure record with issues", "azure-devops", "completed", "succeededWithIssues", "completed",
        "succeeded");
    row("gitlab created", "gitlab", "created", "", "queued", "");
    row("gitlab pending", "gitlab", "pending", "", "queued", "");
    row("gitlab manual", "gitlab", "manual", "", "queued", "");
    row("gitlab running", "gitlab", "running", "", "running", "");
    row("gitlab success", "gitlab", "success", "", "completed", "succeeded");
    row("gitlab failed", "gitlab", "failed", "", "completed", "failed");
    row("gitlab canceled", "gitlab", "canceled", "", "completed", "canceled");
    row("gitlab skipped", "gitlab", "skipped", "", "completed", "skipped");
    row("github queued", "github", "queued", "", "queued", "");
    row("github waiting", "github", "waiting", "", "queued", "");
    row("github in_progress", "github", "in_progress", "", "running", "");
    row("github success", "github", "completed", "success", "completed", "succeeded");
    row("github failure", "github", "completed", "failure", "completed", "failed");
    row("github timed_out", "github", "completed", "timed_out", "completed", "failed");
    row("github cancelled", "github", "completed", "cancelled", "completed", "canceled");
    row("github skipped", "github", "completed", "skipped", "completed", "skipped");
    row("github neutral", "github", "completed", "neutral", "completed", "succeeded");
}

void TestPipelines::normalises()
{
    QFETCH(QString, provider);
    QFETCH(QString, status);
    QFETCH(QString, result);
    QFETCH(QString, wantStatus);
    QFETCH(QString, wantResult);
    Normalised got;
    if (provider == u"azure-devops")
        got = normaliseAzureDevOps(status, result);
    else if (provider == u"gitlab")
        got = normaliseGitLab(status);
    else
        got = normaliseGitHub(status, result);
    QCOMPARE(got.status, wantStatus);
    QCOMPARE(got.result, wantResult);
}

void TestPipelines::parsesAzureDevOps()
{
    LoopbackServer server;
    QVERIFY(server.listen());
    const QString commit = QStringLiteral("4b825dc642cb6eb9a060e54bf8d69288fbee4904");
    const QJsonArray builds{
        azureBuild(101, QStringLiteral("deploy-infra"), QStringLiteral("completed"),
                   QStringLiteral("failed"), QStringLiteral("2026-11-20T10:00:00.1234567Z"),
                   QStringLiteral("2026-11-20T10:07:30Z"), QStringLiteral("refs/heads/main"),
                   commit),
        azureBuild(102, QStringLiteral("deploy-infra"), QStringLiteral("inProgress"),
                   QStringLiteral("none"), QStringLiteral("2026-11-21T08:00:00Z"),
                   QStringLiteral("<date-time>"), QStringLiteral("refs/heads/release/r7"),
                   QStringLiteral("<string>"))};
    server.enqueue(
        200, toJson(QJsonObject{{QStringLiteral("count"), 2}, {QStringLiteral("value"), builds}}));
    server.enqueue(
        200, toJson(azureTimeline(QJsonArray{
                 azureRecord(QStringLiteral("Stage"), 2, QStringLiteral("Deploy"),
                             QStringLiteral("deploy_staging"), QStringLiteral("completed"),
                             QStringLiteral("failed"), QStringLiteral("2026-11-20T10:03:00Z"),
                             QStringLiteral("2026-11-20T10:07:29Z")),
                 azureRecord(QStringLiteral("Job"), 1, QStringLiteral("Plan prod-eu"),
                             QStringLiteral("plan"), QStringLiteral("completed"),
                             QStringLiteral("succeeded"), QStringLiteral("2026-11-20T10:00:05Z"),
                             QStringLiteral("2026-11-20T10:02:00Z")),
                 azureRecord(QStringLiteral("Stage"), 1, QStringLiteral("Build"),
                             QStringLiteral("build"), QStringLiteral("completed"),
                             QStringLiteral("succeeded"), QStringLiteral("2026-11-20T10:00:01Z"),
                             QStringLiteral("2026-11-20T10:02:59Z"))})));
    // A build that has not started yet has no records.
    QJsonObject empty = azureTimeline({});
    empty[QStringLiteral("records")] = QJsonValue::Null;
    server.enqueue(200, toJson(empty));

    const PipelineSource source = testSource(Provider::AzureDevOps, server.url());
    PipelineJob *job = listRuns(testConnection(source, m_network.get()), source,
                                utc(QStringLiteral("2026-11-01T00:00:00Z")), this);
    const QList<PipelineRun> runs = runsOf(job);
    QCOMPARE(runs.size(), 2);

    PipelineRun running;
    running.provider = QStringLiteral("azure-devops");
    running.id = QStringLiteral("102");
    running.name = QStringLiteral("deploy-infra");
    running.status = QStringLiteral("running");
    running.started = utc(QStringLiteral("2026-11-21T08:00:00Z"));
    running.branch = QStringLiteral("release/r7");
    running.commit = QStringLiteral("<string>");
    running.url
        = QStringLiteral("https://dev.azure.com/contoso/platform/_build/results?buildId=102");

    PipelineRun failed;
    failed.provider = QStringLiteral("azure-devops");
    failed.id = QStringLiteral("101");
    failed.name = QStringLiteral("deploy-infra");
    failed.status = QStringLiteral("completed");
    failed.result = QStringLiteral("failed");
    failed.started = utc(QStringLiteral("2026-11-20T10:00:00.123Z"));
    failed.finished = utc(QStringLiteral("2026-11-20T10:07:30Z"));
    failed.branch = QStringLiteral("main");
    failed.commit = commit;
    failed.environment = QStringLiteral("staging");
    failed.url
        = QStringLiteral("https://dev.azure.com/contoso/platform/_build/results?buildId=101");
    failed.stages
        = {{QStringLiteral("Build"), QString(), QStringLiteral("completed"),
            QStringLiteral("succeeded"), utc(QStringLiteral("2026-11-20T10:00:01Z")),
            utc(QStringLiteral("2026-11-20T10:02:59Z"))},
           {QStringLiteral("Deploy"), QStringLiteral("staging"), QStringLiteral("completed"),
            QStringLiteral("failed"), utc(QStringLiteral("2026-11-20T10:03:00Z")),
            utc(QStringLiteral("2026-11-20T10:07:29Z"))}};

    QVERIFY2(runDifferences(runs.at(0), running).isEmpty(),
             qPrintable(runDifferences(runs.at(0), running)));
    QVERIFY2(runDifferences(runs.at(1), failed).isEmpty(),
             qPrintable(runDifferences(runs.at(1), failed)));
    QCOMPARE(runs.at(1).durationSeconds(), 449);
    QVERIFY(runs.at(1).failed());

    QCOMPARE(server.requests().size(), 3);
    const LoopbackServer::Request &list = server.requests().at(0);
    QCOMPARE(list.method, QByteArray("GET"));
    QVERIFY2(pathAndQuery(list).startsWith("/contoso/platform/_apis/build/builds?"),
             pathAndQuery(list).constData());
    QCOMPARE(list.query.queryItemValue(QStringLiteral("api-version")), QStringLiteral("7.1"));
    QCOMPARE(list.query.queryItemValue(QStringLiteral("definitions"), QUrl::FullyDecoded),
             QStringLiteral("12,14"));
    QCOMPARE(list.query.queryItemValue(QStringLiteral("minTime"), QUrl::FullyDecoded),
             QStringLiteral("2026-11-01T00:00:00Z"));
    QCOMPARE(pathAndQuery(server.requests().at(1)),
             QByteArray("/contoso/platform/_apis/build/builds/101/timeline?api-version=7.1"));
    QCOMPARE(pathAndQuery(server.requests().at(2)),
             QByteArray("/contoso/platform/_apis/build/builds/102/timeline?api-version=7.1"));
}

void TestPipelines::parsesGitLab()
{
    LoopbackServer server;
    QVERIFY(server.listen());
    const QJsonArray pipelines = fixtureArray(QStringLiteral("gitlab/pipelines_list.json"));
    const QJsonObject detail = fixtureObject(QStringLiteral("gitlab/pipeline_get.json"));
    QJsonObject running = detail;
    running[QStringLiteral("status")] = QStringLiteral("running");
    running[QStringLiteral("started_at")] = QStringLiteral("2022-09-22T07:00:00.000Z");
    running[QStringLiteral("finished_at")] = QJsonValue::Null;
    // The deployments fixture names pipeline 36 and job 657: point it at pipeline 47's first
    // job, so the environment can be seen landing on the run and on the job.
    QJsonArray deployments = fixtureArray(QStringLiteral("gitlab/deployments_list.go-gitlab.json"));
    QJsonObject deployment = deployments.at(0).toObject();
    QJsonObject deployable = deployment.value(QStringLiteral("deployable")).toObject();
    deployable[QStringLiteral("id")] = 6;
    QJsonObject pipelineRef = deployable.value(QStringLiteral("pipeline")).toObject();
    pipelineRef[QStringLiteral("id")] = 47;
    deployable[QStringLiteral("pipeline")] = pipelineRef;
    deployment[QStringLiteral("deployable")] = deployable;
    deployments[0] = deployment;

    server.enqueue(200, toJson(pipelines));
    server.enqueue(200, toJson(detail));
    server.enqueue(200, pipelineFixture(QStringLiteral("gitlab/pipeline_jobs_list.json")));
    server.enqueue(200, toJson(running));
    server.enqueue(200, "[]");
    server.enqueue(200, toJson(deployments));

    const PipelineSource source = testSource(Provider::GitLab, server.url());
    PipelineJob *job = listRuns(testConnection(source, m_network.get()), source,
                                utc(QStringLiteral("2016-08-01T00:00:00Z")), this);
    const QList<PipelineRun> runs = runsOf(job);
    QCOMPARE(runs.size(), 2);

    PipelineRun second;
    second.provider = QStringLiteral("gitlab");
    second.id = QStringLiteral("48");
    second.name = QStringLiteral("Build pipeline");
    second.status = QStringLiteral("running");
    second.started = utc(QStringLiteral("2022-09-22T07:00:00Z"));
    second.branch = QStringLiteral("new-pipeline");
    second.commit = QStringLiteral("eb94b618fb5865b26e80fdd8ae531b7a63ad851a");
    second.url = QStringLiteral("https://example.com/foo/bar/pipelines/48");

    PipelineRun first;
    first.provider = QStringLiteral("gitlab");
    first.id = QStringLiteral("47");
    first.name = QStringLiteral("Build pipeline");
    first.status = QStringLiteral("completed");
    first.result = QStringLiteral("succeeded");
    first.started = utc(QStringLiteral("2022-09-21T01:05:14.197Z"));
    first.finished = utc(QStringLiteral("2022-09-21T01:05:50.175Z"));
    first.branch = QStringLiteral("new-pipeline");
    first.commit = QStringLiteral("a91957a858320c0e17f3a0eca7cfacbff50ea29a");
    first.environment = QStringLiteral("production");
    first.url = QStringLiteral("https://example.com/foo/bar/pipelines/47");
    first.stages = {{QStringLiteral("rspec:other"), QStringLiteral("production"),
                     QStringLiteral("completed"), QStringLiteral("failed"),
                     utc(QStringLiteral("2015-12-24T17:54:24.729Z")),
                     utc(QStringLiteral("2015-12-24T17:54:24.921Z"))},
                    {QStringLiteral("teaspoon"), QString(), QStringLiteral("completed"),
                     QStringLiteral("failed"), utc(QStringLiteral("2015-12-24T17:54:27.722Z")),
                     utc(QStringLiteral("2015-12-24T17:54:27.895Z"))}};

    QVERIFY2(runDifferences(runs.at(0), second).isEmpty(),
             qPrintable(runDifferences(runs.at(0), second)));
    QVERIFY2(runDifferences(runs.at(1), first).isEmpty(),
             qPrintable(runDifferences(runs.at(1), first)));
    QCOMPARE(runs.at(1).durationSeconds(), 35);

    const QList<QByteArray> paths{
        "/api/v4/projects/platform%2Finfra/pipelines?updated_after=2016-08-01T00%3A00%3A00Z&"
        "order_by=id&sort=desc&per_page=100",
        "/api/v4/projects/platform%2Finfra/pipelines/47",
        "/api/v4/projects/platform%2Finfra/pipelines/47/jobs?per_page=100",
        "/api/v4/projects/platform%2Finfra/pipelines/48",
        "/api/v4/projects/platform%2Finfra/pipelines/48/jobs?per_page=100",
        "/api/v4/projects/platform%2Finfra/deployments?updated_after=2016-08-01T00%3A00%3A00Z&"
        "order_by=updated_at&sort=desc&per_page=100"};
    QCOMPARE(server.requests().size(), paths.size());
    for (int i = 0; i < paths.size(); ++i)
        QCOMPARE(pathAndQuery(server.requests().at(i)), paths.at(i));
}

void TestPipelines::parsesGitHub_data()
{
    QTest::addColumn<bool>("deployedHere");
    QTest::addColumn<QString>("environment");
    QTest::newRow("fixture deployment of another commit") << false << QString();
    QTest::newRow("deployment of the run's commit") << true << QStringLiteral("production");
}

void TestPipelines::parsesGitHub()
{
    QFETCH(bool, deployedHere);
    QFETCH(QString, environment);
    LoopbackServer server;
    QVERIFY(server.listen());
    const QJsonObject list
        = fixtureObject(QStringLiteral("github/actions_runs_list.octokit-openapi.json"));
    const QJsonObject fixtureRun
        = list.value(QStringLiteral("workflow_runs")).toArray().first().toObject();
    QJsonArray deployments
        = fixtureArray(QStringLiteral("github/deployments_list.octokit-openapi.json"));
    if (deployedHere) {
        QJsonObject deployment = deployments.at(0).toObject();
        deployment[QStringLiteral("sha")] = fixtureRun.value(QStringLiteral("head_sha"));
        deployments[0] = deployment;
    }
    server.enqueue(200, toJson(list));
    server.enqueue(
        200, pipelineFixture(QStringLiteral("github/actions_run_jobs_list.octokit-openapi.json")));
    server.enqueue(200, toJson(deployments));

    const PipelineSource source = testSource(Provider::GitHub, server.url());
    PipelineJob *job = listRuns(testConnection(source, m_network.get()), source,
                                utc(QStringLiteral("2020-01-01T00:00:00Z")), this);
    const QList<PipelineRun> runs = runsOf(job);
    QCOMPARE(runs.size(), 1);

    PipelineRun want;
    want.provider = QStringLiteral("github");
    want.id = QStringLiteral("30433642");
    want.name = QStringLiteral("Build");
    want.status = QStringLiteral("queued");
    want.started = utc(QStringLiteral("2020-01-22T19:33:08Z"));
    want.branch = QStringLiteral("master");
    want.commit = QStringLiteral("acb5820ced9479c074f688cc328bf03f341a511d");
    want.environment = environment;
    want.url = QStringLiteral("https://github.com/octo-org/octo-repo/actions/runs/30433642");
    want.stages = {{QStringLiteral("build"), QString(), QStringLiteral("completed"),
                    QStringLiteral("succeeded"), utc(QStringLiteral("2020-01-20T17:42:40Z")),
                    utc(QStringLiteral("2020-01-20T17:44:39Z"))}};
    QVERIFY2(runDifferences(runs.at(0), want).isEmpty(),
             qPrintable(runDifferences(runs.at(0), want)));
    QCOMPARE(runs.at(0).durationSeconds(), -1);

    QCOMPARE(server.requests().size(), 3);
    QCOMPARE(pathAndQuery(server.requests().at(0)),
             QByteArray("/repos/octo/hello/actions/runs?created=%3E%3D2020-01-01T00%3A00%3A00Z&"
                        "per_page=100"));
    QCOMPARE(pathAndQuery(server.requests().at(1)),
             QByteArray("/repos/octo/hello/actions/runs/30433642/jobs?per_page=100"));
    QCOMPARE(pathAndQuery(server.requests().at(2)),
             QByteArray("/repos/octo/hello/deployments?per_page=100"));
}

void TestPipelines::matchesEnvironmentNames_data()
{
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("environment");
    QTest::newRow("identifier") << QStringLiteral("deploy_staging") << QStringLiteral("staging");
    QTest::newRow("display name") << QStringLiteral("Deploy to Staging")
                                  << QStringLiteral("staging");
    QTest::newRow("longest wins") << QStringLiteral("apply prod-eu") << QStringLiteral("prod-eu");
    QTest::newRow("underscored region")
        << QStringLiteral("apply_prod_eu") << QStringLiteral("prod-eu");
    QTest::newRow("not inside a word") << QStringLiteral("devtools") << QString();
    QTest::newRow("none") << QStringLiteral("build") << QString();
}

void TestPipelines::matchesEnvironmentNames()
{
    QFETCH(QString, stage);
    QFETCH(QString, environment);
    // A GitHub job's name is all that ties it to an environment when no deployment names it.
    LoopbackServer server;
    QVERIFY(server.listen());
    QJsonObject list
        = fixtureObject(QStringLiteral("github/actions_runs_list.octokit-openapi.json"));
    QJsonObject jobs
        = fixtureObject(QStringLiteral("github/actions_run_jobs_list.octokit-openapi.json"));
    QJsonArray jobList = jobs.value(QStringLiteral("jobs")).toArray();
    QJsonObject first = jobList.at(0).toObject();
    first[QStringLiteral("name")] = stage;
    jobList[0] = first;
    jobs[QStringLiteral("jobs")] = jobList;
    server.enqueue(200, toJson(list));
    server.enqueue(200, toJson(jobs));
    server.enqueue(200, "[]");
    const PipelineSource source = testSource(Provider::GitHub, server.url());
    const QList<PipelineRun> runs
        = runsOf(listRuns(testConnection(source, m_network.get()), source, {}, this));
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).stages.size(), 1);
    QCOMPARE(runs.at(0).stages.at(0).environment, environment);
    QCOMPARE(runs.at(0).environment, environment);
}

ENVDECK_TEST_MAIN_CORE(TestPipelines)
