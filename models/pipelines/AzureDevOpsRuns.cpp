// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelines/ProviderRuns.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace EnvDeck::Pipelines {
namespace {

const QString ApiVersion = QStringLiteral("7.1");

QString withoutRefsHeads(QString branch)
{
    if (branch.startsWith(u"refs/heads/"))
        branch.remove(0, 11);
    return branch;
}

} // namespace

Normalised normaliseAzureDevOps(const QString &status, const QString &result)
{
    Normalised out;
    if (status == u"completed")
        out.status = QStringLiteral("completed");
    else if (status == u"inProgress" || status == u"cancelling")
        out.status = QStringLiteral("running");
    else
        out.status = QStringLiteral("queued"); // notStarted, postponed, pending, none
    if (out.status != u"completed")
        return out;
    // partiallySucceeded / succeededWithIssues: steps marked continueOnError failed, the run
    // itself went through, so it counts as a success (as Azure DevOps' own badge shows it).
    if (result == u"succeeded" || result == u"partiallySucceeded"
        || result == u"succeededWithIssues")
        out.result = QStringLiteral("succeeded");
    else if (result == u"failed")
        out.result = QStringLiteral("failed");
    else if (result == u"canceled" || result == u"abandoned")
        out.result = QStringLiteral("canceled");
    else if (result == u"skipped")
        out.result = QStringLiteral("skipped");
    else
        out.result = QStringLiteral("failed"); // "none" on a completed build: it did not succeed
    return out;
}

void AzureDevOpsRunsJob::run()
{
    QList<std::pair<QString, QString>> query{{QStringLiteral("api-version"), ApiVersion}};
    if (since().isValid())
        query.append({QStringLiteral("minTime"), since().toString(Qt::ISODate)});
    if (!source().definitions.isEmpty()) {
        QStringList ids;
        for (int id : source().definitions)
            ids.append(QString::number(id));
        query.append({QStringLiteral("definitions"), ids.join(u',')});
    }
    query.append({QStringLiteral("queryOrder"), QStringLiteral("startTimeDescending")});
    query.append({QStringLiteral("$top"), QString::number(connection().pageSize)});
    const auto next = [](const QUrl &current, const Forge::HttpResponse &response) {
        // The next page is the same query with the token the answer's header gives.
        const QByteArray token = response.header("x-ms-continuationtoken").trimmed();
        if (token.isEmpty())
            return QUrl();
        return Forge::withQueryItem(current, QStringLiteral("continuationToken"),
                                    QString::fromUtf8(token));
    };
    getList(url({QStringLiteral("build"), QStringLiteral("builds")}, query),
            QStringLiteral("value"), next, [this](const QJsonArray &builds) {
                for (const QJsonValue &value : builds) {
                    const QJsonObject build = value.toObject();
                    PipelineRun run;
                    run.provider = providerKey(Forge::Provider::AzureDevOps);
                    run.id = idOf(build.value(QLatin1String("id")));
                    run.name = build.value(QLatin1String("definition"))
                                   .toObject()
                                   .value(QLatin1String("name"))
                                   .toString();
                    const Normalised state
                        = normaliseAzureDevOps(build.value(QLatin1String("status")).toString(),
                                               build.value(QLatin1String("result")).toString());
                    run.status = state.status;
                    run.result = state.result;
                    run.started = timeOf(build.value(QLatin1String("startTime")));
                    if (run.status == u"completed")
                        run.finished = timeOf(build.value(QLatin1String("finishTime")));
                    run.branch
                        = withoutRefsHeads(build.value(QLatin1String("sourceBranch")).toString());
                    run.commit = build.value(QLatin1String("sourceVersion")).toString();
                    run.url = build.value(QLatin1String("_links"))
                                  .toObject()
                                  .value(QLatin1String("web"))
                                  .toObject()
                                  .value(QLatin1String("href"))
                                  .toString();
                    if (!run.id.isEmpty())
                        m_runs.append(run);
                }
                readTimeline(0);
            });
}

void AzureDevOpsRunsJob::readTimeline(int index)
{
    if (index >= m_runs.size()) {
        succeed(m_runs);
        return;
    }
    const QUrl timeline = url({QStringLiteral("build"), QStringLiteral("builds"),
                               m_runs.at(index).id, QStringLiteral("timeline")},
                              {{QStringLiteral("api-version"), ApiVersion}});
    getObject(timeline, [this, index](const QJsonObject &object) {
        struct Ordered
        {
            int order;
            PipelineStage stage;
        };
        QList<Ordered> stages;
        // A build that never started has "records": null.
        for (const QJsonValue &value : object.value(QLatin1String("records")).toArray()) {
            const QJsonObject record = value.toObject();
            if (record.value(QLatin1String("type")).toString() != u"Stage")
                continue;
            PipelineStage stage;
            stage.name = record.value(QLatin1String("name")).toString();
            const Normalised state
                = normaliseAzureDevOps(record.value(QLatin1String("state")).toString(),
                                       record.value(QLatin1String("result")).toString());
            stage.status = state.status;
            stage.result = state.result;
            stage.started = timeOf(record.value(QLatin1String("startTime")));
            if (stage.status == u"completed")
                stage.finished = timeOf(record.value(QLatin1String("finishTime")));
            // The stage's identifier ("deploy_staging") names its environment more often than
            // its display name does.
            stage.environment = environmentIn(stage.name);
            if (stage.environment.isEmpty())
                stage.environment
                    = environmentIn(record.value(QLatin1String("identifier")).toString());
            stages.append({record.value(QLatin1String("order")).toInt(), stage});
        }
        std::stable_sort(stages.begin(), stages.end(),
                         [](const Ordered &a, const Ordered &b) { return a.order < b.order; });
        PipelineRun &run = m_runs[index];
        for (const Ordered &ordered : std::as_const(stages))
            run.stages.append(ordered.stage);
        settleEnvironments(run);
        readTimeline(index + 1);
    });
}

} // namespace EnvDeck::Pipelines
