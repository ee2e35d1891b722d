// SPDX-License-Identifier: GPL-3.0-or-later
#include "AzureDevOpsClient.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace EnvDeck::Forge {
namespace {

const QString ApiVersion = QStringLiteral("7.1");
const QString HeadsPrefix = QStringLiteral("refs/heads/");

QUrl pullRequestsUrl(const ForgeSettings &settings, const QStringList &more,
                     QList<std::pair<QString, QString>> query)
{
    query.prepend({QStringLiteral("api-version"), ApiVersion});
    return buildUrl(settings.apiBase,
                    QStringList{settings.organization, settings.project, QStringLiteral("_apis"),
                                QStringLiteral("git"), QStringLiteral("repositories"),
                                settings.repository, QStringLiteral("pullrequests")}
                        + more,
                    query);
}

QString branchName(const QString &ref)
{
    return ref.startsWith(HeadsPrefix) ? ref.mid(HeadsPrefix.size()) : ref;
}

HttpForgeJob::ParsePage pageParser(const ForgeSettings &settings)
{
    return [settings](const QByteArray &body) -> Result<QList<MergeRequest>> {
        // Lists come as {"count": N, "value": [...]}.
        const Result<QJsonObject> envelope = jsonObject(body, Provider::AzureDevOps);
        if (!envelope)
            return envelope.error();
        QList<MergeRequest> list;
        for (const QJsonValue &value : envelope->value(QLatin1String("value")).toArray()) {
            const Result<MergeRequest> mr = AzureDevOpsClient::parse(value.toObject(), settings);
            if (!mr)
                return mr.error();
            list.append(*mr);
        }
        return list;
    };
}

// Azure DevOps pages with `x-ms-continuationtoken` where it sends one; pull request lists page
// with $top/$skip: a full page means there may be more.
HttpForgeJob::NextPage pager(int pageSize)
{
    return [pageSize](const QUrl &current, const HttpResponse &response, int count) -> QUrl {
        const QByteArray token = response.header("x-ms-continuationtoken").trimmed();
        if (!token.isEmpty())
            return withQueryItem(current, QStringLiteral("continuationToken"),
                                 QString::fromLatin1(token));
        if (count < pageSize)
            return {};
        const int skip = QUrlQuery(current).queryItemValue(QStringLiteral("$skip")).toInt();
        return withQueryItem(current, QStringLiteral("$skip"), QString::number(skip + count));
    };
}

} // namespace

Result<MergeRequest> AzureDevOpsClient::parse(const QJsonObject &o, const ForgeSettings &settings)
{
    MergeRequest mr;
    mr.provider = Provider::AzureDevOps;
    mr.number = o.value(QLatin1String("pullRequestId")).toInt();
    if (mr.number <= 0)
        return Error(QStringLiteral("Azure DevOps answered with a pull request without an id"));
    mr.reference = QStringLiteral("PR %1").arg(mr.number);
    mr.title = o.value(QLatin1String("title")).toString();
    mr.sourceBranch = branchName(o.value(QLatin1String("sourceRefName")).toString());
    mr.targetBranch = branchName(o.value(QLatin1String("targetRefName")).toString());
    const QString status = o.value(QLatin1String("status")).toString();
    if (status == u"completed")
        mr.state = MergeRequestState::Merged;
    else if (status == u"abandoned")
        mr.state = MergeRequestState::Closed;
    else
        mr.state = MergeRequestState::Open; // active
    // The API gives only API URLs; people open {base}/{org}/{project}/_git/{repo}/pullrequest/{id}.
    mr.webUrl
        = buildUrl(settings.webBase, {settings.organization, settings.project,
                                      QStringLiteral("_git"), settings.repository,
                                      QStringLiteral("pullrequest"), QString::number(mr.number)});
    mr.author = o.value(QLatin1String("createdBy"))
                    .toObject()
                    .value(QLatin1String("displayName"))
                    .toString();
    mr.created = parseTime(o.value(QLatin1String("creationDate")).toString());
    return mr;
}

ForgeJob *AzureDevOpsClient::openMergeRequest(const MergeRequestSpec &spec, QObject *parent)
{
    const ForgeSettings settings = m_connection->settings;
    const QString target = spec.targetBranch.isEmpty() ? settings.targetBranch : spec.targetBranch;
    const QString source = spec.sourceBranch;
    HttpForgeJob *job = newJob(QStringLiteral("open a pull request for %1").arg(source), parent);
    const QJsonObject body{{QStringLiteral("sourceRefName"), QString(HeadsPrefix + source)},
                           {QStringLiteral("targetRefName"), QString(HeadsPrefix + target)},
                           {QStringLiteral("title"), spec.title},
                           {QStringLiteral("description"), spec.description}};
    job->send("POST", pullRequestsUrl(settings, {}, {}),
              QJsonDocument(body).toJson(QJsonDocument::Compact),
              [job, settings, source, target](const HttpResponse &response) {
                  if (response.status != 409) {
                      finishWithOne(
                          job, response.body, Provider::AzureDevOps,
                          [&settings](const QJsonObject &o) { return parse(o, settings); });
                      return;
                  }
                  // TF401179: an active pull request for these branches exists; other conflicts
                  // fail.
                  if (!response.body.contains("TF401179")) {
                      job->fail(job->statusReason(response));
                      return;
                  }
                  const QUrl list = pullRequestsUrl(
                      settings, {},
                      {{QStringLiteral("searchCriteria.sourceRefName"), HeadsPrefix + source},
                       {QStringLiteral("searchCriteria.status"), QStringLiteral("active")}});
                  job->fetchPages(list, pageParser(settings), pager(job->connection().pageSize),
                                  [job, source, target](QList<MergeRequest> found) {
                                      reuseExisting(job, found, source, target,
                                                    QStringLiteral("409 TF401179"));
                                  });
              },
              {409});
    return job;
}

ForgeJob *AzureDevOpsClient::mergeRequest(int number, QObject *parent)
{
    const ForgeSettings settings = m_connection->settings;
    HttpForgeJob *job = newJob(QStringLiteral("read pull request %1").arg(number), parent);
    job->send("GET", pullRequestsUrl(settings, {QString::number(number)}, {}), {},
              [job, settings](const HttpResponse &response) {
                  finishWithOne(job, response.body, Provider::AzureDevOps,
                                [&settings](const QJsonObject &o) { return parse(o, settings); });
              });
    return job;
}

ForgeJob *AzureDevOpsClient::mergeRequests(const QStringList &sourceBranches, QObject *parent)
{
    const ForgeSettings settings = m_connection->settings;
    const int pageSize = m_connection->pageSize;
    HttpForgeJob *job = newJob(QStringLiteral("list pull requests"), parent);
    QList<QUrl> urls;
    for (const QString &branch : sourceBranches)
        urls.append(
            pullRequestsUrl(settings, {},
                            {{QStringLiteral("searchCriteria.sourceRefName"), HeadsPrefix + branch},
                             {QStringLiteral("searchCriteria.status"), QStringLiteral("all")},
                             {QStringLiteral("$top"), QString::number(pageSize)},
                             {QStringLiteral("$skip"), QStringLiteral("0")}}));
    fetchAll(job, urls, pageParser(settings), pager(pageSize));
    return job;
}

} // namespace EnvDeck::Forge
