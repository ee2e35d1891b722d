// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelines/ProviderRuns.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace EnvDeck::Pipelines {
namespace {

// Link: <https://api.github.com/…&page=2>; rel="next", <…>; rel="last"
QUrl nextLink(const QUrl &, const Forge::HttpResponse &response)
{
    static const QRegularExpression link(QStringLiteral(R"re(<([^>]*)>\s*;[^,]*\brel="?next"?)re"));
    const QRegularExpressionMatch match = link.match(QString::fromUtf8(response.header("link")));
    return match.hasMatch() ? QUrl(match.captured(1), QUrl::StrictMode) : QUrl();
}

} // namespace

Normalised normaliseGitHub(const QString &status, const QString &conclusion)
{
    Normalised out;
    if (status == u"completed")
        out.status = QStringLiteral("completed");
    else if (status == u"in_progress")
        out.status = QStringLiteral("running");
    else
        out.status = QStringLiteral("queued"); // queued, waiting, requested, pending
    if (out.status != u"completed")
        return out;
    if (conclusion == u"success" || conclusion == u"neutral")
        out.result = QStringLiteral("succeeded");
    else if (conclusion == u"cancelled" || conclusion == u"stale")
        out.result = QStringLiteral("canceled");
    else if (conclusion == u"skipped")
        out.result = QStringLiteral("skipped");
    else
        out.result
            = QStringLiteral("failed"); // failure, timed_out, action_required, startup_failure
    return out;
}

void GitHubRunsJob::run()
{
    QList<std::pair<QString, QString>> query;
    if (since().isValid())
        query.append(
            {QStringLiteral("created"), QStringLiteral(">=") + since().toString(Qt::ISODate)});
    query.append({QStringLiteral("per_page"), QString::number(connection().pageSize)});
    getList(url({QStringLiteral("actions"), QStringLiteral("runs")}, query),
            QStringLiteral("workflow_runs"), nextLink, [this](const QJsonArray &runs) {
                for (const QJsonValue &value : runs) {
                    const QJsonObject object = value.toObject();
                    PipelineRun run;
                    run.provider = providerKey(Forge::Provider::GitHub);
                    run.id = idOf(object.value(QLatin1String("id")));
                    run.name = object.value(QLatin1String("name")).toString();
                    const Normalised state
                        = normaliseGitHub(object.value(QLatin1String("status")).toString(),
                                          object.value(QLatin1String("conclusion")).toString());
                    run.status = state.status;
                    run.result = state.result;
                    run.started = timeOf(object.value(QLatin1String("run_started_at")));
                    if (!run.started.isValid())
                        run.started = timeOf(object.value(QLatin1String("created_at")));
                    // A workflow run has no finish time: its last update is when it completed.
                    if (run.status == u"completed")
                        run.finished = timeOf(object.value(QLatin1String("updated_at")));
                    run.branch = object.value(QLatin1String("head_branch")).toString();
                    run.commit = object.value(QLatin1String("head_sha")).toString();
                    run.url = object.value(QLatin1String("html_url")).toString();
                    if (!run.id.isEmpty())
                        m_runs.append(run);
                }
                readJobs(0);
            });
}

void GitHubRunsJob::readJobs(int index)
{
    if (index >= m_runs.size()) {
        readDeployments();
        return;
    }
    const QList<std::pair<QString, QString>> query{
        {QStringLiteral("per_page"), QStringLiteral("100")}};
    getList(url({QStringLiteral("actions"), QStringLiteral("runs"), m_runs.at(index).id,
                 QStringLiteral("jobs")},
                query),
            QStringLiteral("jobs"), nextLink, [this, index](const QJsonArray &jobs) {
                PipelineRun &run = m_runs[index];
                for (const QJsonValue &value : jobs) {
                    const QJsonObject job = value.toObject();
                    PipelineStage stage;
                    stage.name = job.value(QLatin1String("name")).toString();
                    const Normalised state
                        = normaliseGitHub(job.value(QLatin1String("status")).toString(),
                                          job.value(QLatin1String("conclusion")).toString());
                    stage.status = state.status;
                    stage.result = state.result;
                    stage.started = timeOf(job.value(QLatin1String("started_at")));
                    if (stage.status == u"completed")
                        stage.finished = timeOf(job.value(QLatin1String("completed_at")));
                    run.stages.append(stage);
                }
                readJobs(index + 1);
            });
}

void GitHubRunsJob::readDeployments()
{
    const QList<std::pair<QString, QString>> query{
        {QStringLiteral("per_page"), QString::number(connection().pageSize)}};
    // Deployments come newest first and cannot be filtered by date: stop at the first page that
    // reaches back before `since`.
    const auto more = [this](const QJsonArray &page) {
        if (!since().isValid() || page.isEmpty())
            return !page.isEmpty();
        return timeOf(page.last().toObject().value(QLatin1String("created_at"))) >= since();
    };
    getList(
        url({QStringLiteral("deployments")}, query), QString(), nextLink,
        [this](const QJsonArray &deployments) {
            QHash<QString, QString> environmentOfCommit;
            for (const QJsonValue &value : deployments) {
                const QJsonObject deployment = value.toObject();
                const QString sha = deployment.value(QLatin1String("sha")).toString();
                const QString environment
                    = deployment.value(QLatin1String("environment")).toString();
                if (!sha.isEmpty() && !environment.isEmpty() && !environmentOfCommit.contains(sha))
                    environmentOfCommit.insert(sha, environment);
            }
            for (PipelineRun &run : m_runs) {
                run.environment = environmentOfCommit.value(run.commit);
                settleEnvironments(run);
            }
            succeed(m_runs);
        },
        more);
}

} // namespace EnvDeck::Pipelines
