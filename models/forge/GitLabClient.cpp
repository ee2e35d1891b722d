// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitLabClient.h"

#include <QJsonDocument>

namespace EnvDeck::Forge {
namespace {

QUrl projectUrl(const ForgeSettings &settings, const QStringList &more,
                const QList<std::pair<QString, QString>> &query = {})
{
    // The project path is one URL segment: platform/infra becomes platform%2Finfra.
    return buildUrl(settings.apiBase,
                    QStringList{QStringLiteral("api"), QStringLiteral("v4"),
                                QStringLiteral("projects"), settings.project}
                        + more,
                    query);
}

MergeRequestState stateFrom(const QString &state)
{
    if (state == u"merged")
        return MergeRequestState::Merged;
    if (state == u"closed")
        return MergeRequestState::Closed;
    return MergeRequestState::Open; // opened, locked
}

HttpForgeJob::ParsePage pageParser(const ForgeSettings &settings)
{
    return [settings](const QByteArray &body) -> Result<QList<MergeRequest>> {
        const Result<QJsonArray> array = jsonArray(body, Provider::GitLab);
        if (!array)
            return array.error();
        QList<MergeRequest> list;
        for (const QJsonValue &value : *array) {
            const Result<MergeRequest> mr = GitLabClient::parse(value.toObject(), settings);
            if (!mr)
                return mr.error();
            list.append(*mr);
        }
        return list;
    };
}

// GitLab names the next page in `x-next-page`; it is empty on the last one.
QUrl nextPage(const QUrl &current, const HttpResponse &response, int)
{
    const QByteArray next = response.header("x-next-page").trimmed();
    if (next.isEmpty())
        return {};
    return withQueryItem(current, QStringLiteral("page"), QString::fromLatin1(next));
}

} // namespace

Result<MergeRequest> GitLabClient::parse(const QJsonObject &o, const ForgeSettings &)
{
    MergeRequest mr;
    mr.provider = Provider::GitLab;
    mr.number = o.value(QLatin1String("iid")).toInt();
    if (mr.number <= 0)
        return Error(QStringLiteral("GitLab answered with a merge request without a number (iid)"));
    mr.reference = QStringLiteral("!%1").arg(mr.number);
    mr.title = o.value(QLatin1String("title")).toString();
    mr.sourceBranch = o.value(QLatin1String("source_branch")).toString();
    mr.targetBranch = o.value(QLatin1String("target_branch")).toString();
    mr.state = stateFrom(o.value(QLatin1String("state")).toString());
    mr.webUrl = QUrl(o.value(QLatin1String("web_url")).toString());
    mr.author
        = o.value(QLatin1String("author")).toObject().value(QLatin1String("username")).toString();
    mr.created = parseTime(o.value(QLatin1String("created_at")).toString());
    return mr;
}

ForgeJob *GitLabClient::openMergeRequest(const MergeRequestSpec &spec, QObject *parent)
{
    const ForgeSettings settings = m_connection->settings;
    const QString target = spec.targetBranch.isEmpty() ? settings.targetBranch : spec.targetBranch;
    HttpForgeJob *job
        = newJob(QStringLiteral("open a merge request for %1").arg(spec.sourceBranch), parent);
    const QJsonObject body{{QStringLiteral("source_branch"), spec.sourceBranch},
                           {QStringLiteral("target_branch"), target},
                           {QStringLiteral("title"), spec.title},
                           {QStringLiteral("description"), spec.description},
                           {QStringLiteral("remove_source_branch"), true}};
    const QString source = spec.sourceBranch;
    job->send(
        "POST", projectUrl(settings, {QStringLiteral("merge_requests")}),
        QJsonDocument(body).toJson(QJsonDocument::Compact),
        [job, settings, source, target](const HttpResponse &response) {
            if (response.status != 409) {
                finishWithOne(job, response.body, Provider::GitLab,
                              [&settings](const QJsonObject &o) { return parse(o, settings); });
                return;
            }
            // 409: an open merge request for this source branch exists already; reuse it.
            const QUrl list = projectUrl(settings, {QStringLiteral("merge_requests")},
                                         {{QStringLiteral("source_branch"), source},
                                          {QStringLiteral("state"), QStringLiteral("opened")}});
            job->fetchPages(list, pageParser(settings), nextPage,
                            [job, source, target](QList<MergeRequest> found) {
                                reuseExisting(job, found, source, target, QStringLiteral("409"));
                            });
        },
        {409});
    return job;
}

ForgeJob *GitLabClient::mergeRequest(int number, QObject *parent)
{
    const ForgeSettings settings = m_connection->settings;
    HttpForgeJob *job = newJob(QStringLiteral("read merge request !%1").arg(number), parent);
    job->send("GET",
              projectUrl(settings, {QStringLiteral("merge_requests"), QString::number(number)}), {},
              [job, settings](const HttpResponse &response) {
                  finishWithOne(job, response.body, Provider::GitLab,
                                [&settings](const QJsonObject &o) { return parse(o, settings); });
              });
    return job;
}

ForgeJob *GitLabClient::mergeRequests(const QStringList &sourceBranches, QObject *parent)
{
    const ForgeSettings settings = m_connection->settings;
    HttpForgeJob *job = newJob(QStringLiteral("list merge requests"), parent);
    QList<QUrl> urls;
    for (const QString &branch : sourceBranches)
        urls.append(
            projectUrl(settings, {QStringLiteral("merge_requests")},
                       {{QStringLiteral("source_branch"), branch},
                        {QStringLiteral("state"), QStringLiteral("all")},
                        {QStringLiteral("per_page"), QString::number(m_connection->pageSize)}}));
    fetchAll(job, urls, pageParser(settings), nextPage);
    return job;
}

} // namespace EnvDeck::Forge
