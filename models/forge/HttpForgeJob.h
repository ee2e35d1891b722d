// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "forge/ForgeSettings.h"
#include "forge/MergeRequest.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkReply;

namespace EnvDeck::Forge {

// What every request of one REST client needs. Shared by the client and its jobs, so a job
// outlives a client that is destroyed while it runs.
struct ForgeConnection
{
    ForgeSettings settings;
    QString token;
    QPointer<QNetworkAccessManager> network;
    // No byte for this long ends the request (QNetworkRequest::setTransferTimeout).
    std::chrono::milliseconds transferTimeout{30000};
    // 429 Too Many Requests: at most this many tries, waiting Retry-After seconds (capped).
    int maxTries = 3;
    int maxRetryWaitSeconds = 60;
    // Merge requests asked for per page of a list.
    int pageSize = 100;
};

// One HTTP answer with a status (errors without one never reach a handler).
struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

// The shared base of the REST jobs: one QNetworkReply at a time (a job may need several calls:
// create, then find the existing one; page after page), the transfer timeout, 429 retries, and
// HTTP and network errors turned into messages that name the provider and what to do.
// finished() may be emitted from inside the job's own reply handling: delete a job with
// deleteLater(), not from a slot with `delete`.
class HttpForgeJob : public ForgeJob
{
    Q_OBJECT
public:
    using Handler = std::function<void(const HttpResponse &)>;

    // `action` completes "cannot …" in errors, e.g. "open a merge request for feature/x".
    HttpForgeJob(std::shared_ptr<const ForgeConnection> connection, QString action,
                 QObject *parent = nullptr);
    ~HttpForgeJob() override;

    void cancel() override;

    // Sends one request with the provider's authorization. A 2xx answer, or one whose status is
    // in `handled`, goes to `onResponse`; anything else finishes the job with an Error.
    void send(const QByteArray &verb, const QUrl &url, const QByteArray &jsonBody,
              Handler onResponse, const QList<int> &handled = {});

    // Follows pages from `first`: `parse` reads one page, `next` gives the following page's URL
    // (empty when done). `done` gets all merge requests.
    using ParsePage = std::function<Result<QList<MergeRequest>>(const QByteArray &body)>;
    using NextPage = std::function<QUrl(const QUrl &current, const HttpResponse &, int count)>;
    void fetchPages(const QUrl &first, ParsePage parse, NextPage next,
                    std::function<void(QList<MergeRequest>)> done);

    void succeed(QList<MergeRequest> mergeRequests);
    void fail(const QString &reason);
    // The error for an HTTP status that is not a success.
    QString statusReason(const HttpResponse &response) const;
    // The server's own messages from an error body ("message", "errors[]", ...), joined.
    static QString serverMessages(const QByteArray &body);

    const ForgeConnection &connection() const { return *m_connection; }

private:
    void start();
    void onReplyFinished();
    QString networkReason(QNetworkReply *reply) const;
    QString scrub(QString text) const;

    std::shared_ptr<const ForgeConnection> m_connection;
    QString m_action;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QByteArray m_verb;
    QUrl m_url;
    QByteArray m_body;
    Handler m_handler;
    QList<int> m_handled;
    int m_tries = 0;
    bool m_cancelled = false;
};

// Builds `base` + path segments (each percent-encoded, so "group/project" stays one segment) +
// query items (values percent-encoded, '+' and '&' included).
QUrl buildUrl(const QUrl &base, const QStringList &segments,
              const QList<std::pair<QString, QString>> &query = {});
// `url` with the query item `name` set to `value` (added or replaced).
QUrl withQueryItem(const QUrl &url, const QString &name, const QString &value);

} // namespace EnvDeck::Forge
