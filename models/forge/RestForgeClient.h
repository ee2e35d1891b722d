// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "forge/ForgeSettings.h"
#include "forge/HttpForgeJob.h"
#include "forge/MergeRequest.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <memory>

class QNetworkAccessManager;

namespace EnvDeck::Forge {

// What the GitLab, GitHub and Azure DevOps clients share: the connection and the settings of
// their requests. Jobs keep the connection alive, so a client may go away while they run.
class RestForgeClient : public ForgeClient
{
public:
    RestForgeClient(const ForgeSettings &settings, const QString &token,
                    QNetworkAccessManager *network);

    Provider provider() const override { return m_connection->settings.provider; }
    const ForgeSettings &settings() const { return m_connection->settings; }

    // Applies to jobs started afterwards.
    void setTransferTimeout(std::chrono::milliseconds timeout);
    void setMaxRetryWait(int seconds);
    void setPageSize(int size);

protected:
    HttpForgeJob *newJob(const QString &action, QObject *parent) const;
    // Fetches every page of every URL in turn, then finishes the job with all merge requests.
    static void fetchAll(HttpForgeJob *job, QList<QUrl> urls, HttpForgeJob::ParsePage parse,
                         HttpForgeJob::NextPage next, QList<MergeRequest> found = {});

    std::shared_ptr<const ForgeConnection> m_connection;

private:
    void update(const std::function<void(ForgeConnection &)> &change);
};

// The body of a successful answer as a JSON object or array, or an Error naming the provider.
Result<QJsonObject> jsonObject(const QByteArray &body, Provider provider);
Result<QJsonArray> jsonArray(const QByteArray &body, Provider provider);
// Finishes `job` with the one merge request in `body`, read by `parse`, or with why not.
void finishWithOne(HttpForgeJob *job, const QByteArray &body, Provider provider,
                   const std::function<Result<MergeRequest>(const QJsonObject &)> &parse);
// From the merge requests found for a branch that already has one, the one into `target` (or
// the first), marked as reused. Fails the job when the forge lists none.
void reuseExisting(HttpForgeJob *job, const QList<MergeRequest> &found, const QString &source,
                   const QString &target, const QString &conflict);
// An ISO 8601 time as the forges write it (Azure DevOps gives seven fractional digits).
QDateTime parseTime(const QString &text);

// The REST client for settings.provider; nullptr for Provider::Local, whose client lives
// elsewhere. `network` must outlive the client's jobs.
std::unique_ptr<ForgeClient> createForgeClient(const ForgeSettings &settings, const QString &token,
                                               QNetworkAccessManager *network);

} // namespace EnvDeck::Forge
