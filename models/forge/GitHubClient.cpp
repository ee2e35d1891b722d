// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitHubClient.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace EnvDeck::Forge {
namespace {

QUrl pullsUrl(const ForgeSettings &settings, const QStringList &more = {},
              const QList<std::pair<QString, QString>> &query = {})
{
    return buildUrl(settings.apiBase,
                    QStringList{QStringLiteral("repos"), settings.organization, settings.repository,
                                QStringLiteral("pulls")}
                        + more,
                    query);
}

HttpForgeJob::ParsePage pageParser(const ForgeSettings &settings)
{
    return [settings](const QByteArray &body) -> Result<QList<MergeRequest>> {
        const Result<QJsonArray> array = jsonArray(body, Provider::GitHub);
        if (!array)
            return array.error();
        QList<MergeRequest> list;
        for (const QJsonValue &value : *array) {
            const Result<MergeRequest> mr = GitHubClient::parse(value.toObject(), settings);
            if (!mr)
                return mr.error();
            list.append(*mr);
        }
        return list;
    };
}

// GitHub links the next page in `Link: <url>; rel="next", <url>; rel="last"`.
QUrl nextPage(const QUrl &, const HttpResponse &response, int)
{
    static const QRegularExpression next(QStringLiteral("<([^>]+)>\\s*;\\s*rel=\"?next\"?"));
    const QRegularExpressionMatch match = next.match(QString::fromLatin1(response.header("link")));
    if (!match.hasMatch())
        return {};
    return QUrl(match.captured(1));
}

} // namespace

Result<MergeRequest> GitHubClient::parse(const QJsonObject &o, const ForgeSettings &)
{
    MergeRequest mr;
    mr.provider = Provider::GitHub;
    mr.number = o.value(QLatin1String("number")).toInt();
    if (mr.number <= 0)
        return Error(QStringLiteral("GitHub answered with a pull request without a number"));
    mr.reference = QStringLiteral("#%1").arg(mr.number);
    mr.title = o.value(QLatin1String("title")).toString();
    mr.sourceBranch
        = o.value(QLatin1String("head")).toObject().value(QLatin1String("ref")).toString();
    mr.targetBranch
        = o.value(QLatin1String("base")).toObject().value(QLatin1String("ref")).toString();
    // GitHub has open and closed; a closed pull request with merged_at was merged.
    if (o.value(QLatin1String("state")).toString() == u"open")
        mr.state = MergeRequestState::Open;
    else if (!o.value(QLatin1String("merged_at")).toString().isEmpty())
        mr.state = MergeRequestState::Merged;
    else
        mr.state = MergeRequestState::Closed;
    mr.webUrl = QUrl(o.value(QLatin1String("html_url")).toString());
    mr.author = o.value(QLatin1String("user")).toObject().value(QLatin1String("login")).toString();
    mr.created = parseTime(o.value(QLatin1String("created_at")).toString());
    return mr;
}

ForgeJob *GitHubClient::openMergeRequest(const MergeRequestSpec &spec, QObject *parent)
{
    const ForgeSettings settings = m_connection->settings;
    const QString target = spec.targetBranch.isEmpty() ? settings.targetBranch : spec.targetBranch;
    const QString source = spec.sourceBranch;
    HttpForgeJob *job = newJob(QStringLiteral("open a pull request for %1").arg(source), parent);
    const QJsonObject body{{QStringLiteral("title"), spec.title},
                           {QStringLiteral("head"), source},
                           {QStringLiteral("base"), target},
                           {QStringLiteral("body"), spec.description}};
    job->send(
        "POST", pullsUrl(settings), QJsonDocument(body).toJson(QJsonDocument::Compact),
        [job, settings, source, target](const HttpResponse &response) {
            if (response.status != 422) {
                finishWithOne(job, response.body, Provider::GitHub,
                              [&settings](const QJsonObject &o) { return parse(o, settings); });
                return;
            }
            if (!HttpForgeJob::serverMessages(response.body)
                     .contains(QLatin1String("A pull request already exists"))) {
                job->fail(job->statusReason(response));
                return;
            }
            // The open pull request from owner:branch is reused.
            const QUrl list
                = pullsUrl(settings, {},
                           {{QStringLiteral("head"), settings.organization + u':' + source},
                            {QStringLiteral("state"), QStringLiteral("open")}});
            job->fetchPages(list, pageParser(settings), nextPage,
                            [job, source, target](QList<MergeRequest> found) {
                                reuseExisting(job, found, source, target, QStringLiteral("422"));
                            });
        },
        {422});
    return job;
}

ForgeJob *GitHubClient::mergeRequest(int number, QObject *parent)
{
    const ForgeSettings settings = m_connection->settings;
    HttpForgeJob *job = newJob(QStringLiteral("read pull request #%1").arg(number), parent);
    job->send("GET", pullsUrl(settings, {QString::number(number)}), {},
              [job, settings](const HttpResponse &response) {
                  finishWithOne(job, response.body, Provider::GitHub,
                                [&settings](const QJsonObject &o) { return parse(o, settings); });
              });
    return job;
}

ForgeJob *GitHubClient::mergeRequests(const QStringList &sourceBranches, QObject *parent)
{
    const ForgeSettings settings = m_connection->settings;
    HttpForgeJob *job = newJob(QStringLiteral("list pull requests"), parent);
    QList<QUrl> urls;
    for (const QString &branch : sourceBranches)
        urls.append(
            pullsUrl(settings, {},
                     {{QStringLiteral("head"), settings.organization + u':' + branch},
                      {QStringLiteral("state"), QStringLiteral("all")},
                      {QStringLiteral("per_page"), QString::number(m_connection->pageSize)}}));
    fetchAll(job, urls, pageParser(settings), nextPage);
    return job;
}

} // namespace EnvDeck::Forge
