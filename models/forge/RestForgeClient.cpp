// SPDX-License-Identifier: GPL-3.0-or-later
#include "RestForgeClient.h"

#include "forge/AzureDevOpsClient.h"
#include "forge/GitHubClient.h"
#include "forge/GitLabClient.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace EnvDeck::Forge {

RestForgeClient::RestForgeClient(const ForgeSettings &settings, const QString &token,
                                 QNetworkAccessManager *network)
{
    auto connection = std::make_shared<ForgeConnection>();
    connection->settings = settings;
    connection->token = token;
    connection->network = network;
    m_connection = std::move(connection);
}

void RestForgeClient::update(const std::function<void(ForgeConnection &)> &change)
{
    // Running jobs keep the connection they started with.
    auto copy = std::make_shared<ForgeConnection>(*m_connection);
    change(*copy);
    m_connection = std::move(copy);
}

void RestForgeClient::setTransferTimeout(std::chrono::milliseconds timeout)
{
    update([timeout](ForgeConnection &c) { c.transferTimeout = timeout; });
}

void RestForgeClient::setMaxRetryWait(int seconds)
{
    update([seconds](ForgeConnection &c) { c.maxRetryWaitSeconds = seconds; });
}

void RestForgeClient::setPageSize(int size)
{
    update([size](ForgeConnection &c) { c.pageSize = std::max(1, size); });
}

HttpForgeJob *RestForgeClient::newJob(const QString &action, QObject *parent) const
{
    return new HttpForgeJob(m_connection, action, parent);
}

void RestForgeClient::fetchAll(HttpForgeJob *job, QList<QUrl> urls, HttpForgeJob::ParsePage parse,
                               HttpForgeJob::NextPage next, QList<MergeRequest> found)
{
    if (urls.isEmpty()) {
        // Queued: with no branches this runs before the caller could connect to finished().
        QMetaObject::invokeMethod(
            job, [job, found] { job->succeed(found); }, Qt::QueuedConnection);
        return;
    }
    const QUrl first = urls.takeFirst();
    job->fetchPages(first, parse, next, [job, urls, parse, next, found](QList<MergeRequest> page) {
        QList<MergeRequest> all = found + page;
        if (urls.isEmpty()) {
            job->succeed(all);
            return;
        }
        fetchAll(job, urls, parse, next, all);
    });
}

Result<QJsonObject> jsonObject(const QByteArray &body, Provider provider)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error(QStringLiteral("%1 answered with something that is not a JSON object")
                         .arg(providerDisplayName(provider)));
    return document.object();
}

Result<QJsonArray> jsonArray(const QByteArray &body, Provider provider)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return Error(QStringLiteral("%1 answered with something that is not a JSON list")
                         .arg(providerDisplayName(provider)));
    return document.array();
}

void finishWithOne(HttpForgeJob *job, const QByteArray &body, Provider provider,
                   const std::function<Result<MergeRequest>(const QJsonObject &)> &parse)
{
    const Result<QJsonObject> object = jsonObject(body, provider);
    const Result<MergeRequest> mr = object ? parse(*object) : Result<MergeRequest>(object.error());
    if (!mr)
        job->fail(mr.error().message());
    else
        job->succeed({*mr});
}

void reuseExisting(HttpForgeJob *job, const QList<MergeRequest> &found, const QString &source,
                   const QString &target, const QString &conflict)
{
    if (found.isEmpty()) {
        job->fail(QStringLiteral("the server says one exists for %1 (%2) but lists no open one")
                      .arg(source, conflict));
        return;
    }
    MergeRequest chosen = found.first();
    for (const MergeRequest &mr : found) {
        if (mr.targetBranch == target) {
            chosen = mr;
            break;
        }
    }
    chosen.reused = true;
    job->succeed({chosen});
}

QDateTime parseTime(const QString &text)
{
    // Qt reads at most milliseconds: cut longer fractions.
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
    QString trimmed = text;
    trimmed.replace(fraction, QStringLiteral("\\1"));
    return QDateTime::fromString(trimmed, Qt::ISODateWithMs);
}

std::unique_ptr<ForgeClient> createForgeClient(const ForgeSettings &settings, const QString &token,
                                               QNetworkAccessManager *network)
{
    switch (settings.provider) {
    case Provider::GitLab:
        return std::make_unique<GitLabClient>(settings, token, network);
    case Provider::GitHub:
        return std::make_unique<GitHubClient>(settings, token, network);
    case Provider::AzureDevOps:
        return std::make_unique<AzureDevOpsClient>(settings, token, network);
    case Provider::Local:
        break;
    }
    return nullptr;
}

} // namespace EnvDeck::Forge
