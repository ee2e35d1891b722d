// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelines/ProviderRuns.h"

#include <QJsonArray>
#include <QJsonObject>

namespace EnvDeck::Pipelines {
namespace {

QUrl nextGitLabPage(const QUrl &current, const Forge::HttpResponse &response)
{
    const QByteArray page = response.header("x-next-page").trimmed();
    if (page.isEmpty())
        return {};
    return Forge::withQueryItem(current, QStringLiteral("page"), QString::fromLatin1(page));
}

} // namespace

Normalised normaliseGitLab(const QString &status)
{
    if (status == u"success")
        return {QStringLiteral("completed"), QStringLiteral("succeeded")};
    if (status == u"failed")
        return {QStringLiteral("completed"), QStringLiteral("failed")};
    if (status == u"canceled")
        return {QStringLiteral("completed"), QStringLiteral("canceled")};
    if (status == u"skipped")
        return {QStringLiteral("completed"), QStringLiteral("skipped")};
    if (status == u"running" || status == u"canceling")
        return {QStringLiteral("running"), QString()};
    // created, waiting_for_resource, preparing, pending, scheduled, manual
    return {QStringLiteral("queued"), QString()};
}

void GitLabRunsJob::run()
{
    QList<std::pair<QString, QString>> query;
    if (since().isValid())
        query.append({QStringLiteral("updated_after"), since().toString(Qt::ISODate)});
    query.append({QStringLiteral("order_by"), QStringLiteral("id")});
    query.append({QStringLiteral("sort"), QStringLiteral("desc")});
    query.append({QStringLiteral("per_page"), QString::number(connection().pageSize)});
    getList(url({QStringLiteral("pipelines")}, query), QString(), nextGitLabPage,
            [this](const QJsonArray &pipelines) {
                for (const QJsonValue &value : pipelines) {
                    const QJsonObject pipeline = value.toObject();
                    PipelineRun run;
                    run.provider = providerKey(Forge::Provider::GitLab);
                    run.id = idOf(pipeline.value(QLatin1String("id")));
                    run.name = pipeline.value(QLatin1String("name")).toString();
                    const Normalised state
                        = normaliseGitLab(pipeline.value(QLatin1String("status")).toString());
                    run.status = state.status;
                    run.result = state.result;
                    run.branch = pipeline.value(QLatin1String("ref")).toString();
                    run.commit = pipeline.value(QLatin1String("sha")).toString();
                    run.url = pipeline.value(QLatin1String("web_url")).toString();
                    // The list has no start time; the details below bring it. Until then the
                    // creation time keeps the order.
                    run.started = timeOf(pipeline.value(QLatin1String("created_at")));
                    if (!run.id.isEmpty())
                        m_runs.append(run);
                }
                readPipeline(0);
            });
}

void GitLabRunsJob::readPipeline(int index)
{
    if (index >= m_runs.size()) {
        readDeployments();
        return;
    }
    const QString id = m_runs.at(index).id;
    getObject(url({QStringLiteral("pipelines"), id}, {}), [this, index, id](const QJsonObject &p) {
        PipelineRun &run = m_runs[index];
        const Normalised state = normaliseGitLab(p.value(QLatin1String("status")).toString());
        run.status = state.status;
        run.result = state.result;
        if (const QString name = p.value(QLatin1String("name")).toString(); !name.isEmpty())
            run.name = name;
        if (const QDateTime started = timeOf(p.value(QLatin1String("started_at")));
            started.isValid())
            run.started = started;
        if (run.status == u"completed")
            run.finished = timeOf(p.value(QLatin1String("finished_at")));
        const QList<std::pair<QString, QString>> query{
            {QStringLiteral("per_page"), QStringLiteral("100")}};
        getList(url({QStringLiteral("pipelines"), id, QStringLiteral("jobs")}, query), QString(),
                nextGitLabPage, [this, index](const QJsonArray &jobs) {
                    PipelineRun &run = m_runs[index];
                    for (const QJsonValue &value : jobs) {
                        const QJsonObject job = value.toObject();
                        PipelineStage stage;
                        stage.name = job.value(QLatin1String("name")).toString();
                        const Normalised jobState
                            = normaliseGitLab(job.value(QLatin1String("status")).toString());
                        stage.status = jobState.status;
                        stage.result = jobState.result;
                        stage.started = timeOf(job.value(QLatin1String("started_at")));
                        if (stage.status == u"completed")
                            stage.finished = timeOf(job.value(QLatin1String("finished_at")));
                        m_jobs.insert(idOf(job.value(QLatin1String("id"))),
                                      {index, int(run.stages.size())});
                        run.stages.append(stage);
                    }
                    readPipeline(index + 1);
                });
    });
}

void GitLabRunsJob::readDeployments()
{
    QList<std::pair<QString, QString>> query;
    if (since().isValid()) {
        // GitLab accepts updated_after only with order_by=updated_at.
        query.append({QStringLiteral("updated_after"), since().toString(Qt::ISODate)});
        query.append({QStringLiteral("order_by"), QStringLiteral("updated_at")});
    } else {
        query.append({QStringLiteral("order_by"), QStringLiteral("id")});
    }
    query.append({QStringLiteral("sort"), QStringLiteral("desc")});
    query.append({QStringLiteral("per_page"), QString::number(connection().pageSize)});
    getList(url({QStringLiteral("deployments")}, query), QString(), nextGitLabPage,
            [this](const QJsonArray &deployments) {
                QHash<QString, int> runIndex;
                for (int i = 0; i < m_runs.size(); ++i)
                    runIndex.insert(m_runs.at(i).id, i);
                // Newest first: the first deployment seen for a run is the one that counts.
                for (const QJsonValue &value : deployments) {
                    const QJsonObject deployment = value.toObject();
                    const QString environment = deployment.value(QLatin1String("environment"))
                                                    .toObject()
                                                    .value(QLatin1String("name"))
                                                    .toString();
                    const QJsonObject deployable
                        = deployment.value(QLatin1String("deployable")).toObject();
                    const QString jobId = idOf(deployable.value(QLatin1String("id")));
                    const QString pipelineId = idOf(deployable.value(QLatin1String("pipeline"))
                                                        .toObject()
                                                        .value(QLatin1String("id")));
                    const auto run = runIndex.constFind(pipelineId);
                    if (environment.isEmpty() || run == runIndex.cend())
                        continue;
                    if (m_runs[*run].environment.isEmpty())
                        m_runs[*run].environment = environment;
                    const auto job = m_jobs.constFind(jobId);
                    if (job != m_jobs.cend() && job->first == *run)
                        m_runs[*run].stages[job->second].environment = environment;
                }
                for (PipelineRun &run : m_runs)
                    settleEnvironments(run);
                succeed(m_runs);
            });
}

} // namespace EnvDeck::Pipelines
