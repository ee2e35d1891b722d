// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpForgeJob.h"

#include "forge/ForgeLogging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

namespace EnvDeck::Forge {
namespace {

// More pages than this (10,000 merge requests for one branch) means something is wrong.
constexpr int MaxPages = 100;

QByteArray basicCredentials(const QString &token)
{
    // Azure DevOps takes a personal access token as the password of an empty user name.
    return QByteArray(QByteArrayLiteral(":") + token.toUtf8()).toBase64();
}

void authorize(QNetworkRequest &request, Provider provider, const QString &token)
{
    request.setRawHeader("User-Agent", "EnvDeck");
    switch (provider) {
    case Provider::GitLab:
        request.setRawHeader("Accept", "application/json");
        if (!token.isEmpty())
            request.setRawHeader("PRIVATE-TOKEN", token.toUtf8());
        break;
    case Provider::GitHub:
        request.setRawHeader("Accept", "application/vnd.github+json");
        request.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        break;
    case Provider::AzureDevOps:
        request.setRawHeader("Accept", "application/json");
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Basic " + basicCredentials(token));
        break;
    case Provider::Local:
        break;
    }
}

QString tokenHint(Provider provider)
{
    switch (provider) {
    case Provider::GitLab:
        return QStringLiteral("a personal or project access token with the api scope");
    case Provider::GitHub:
        return QStringLiteral("a token with read and write access to pull requests");
    case Provider::AzureDevOps:
        return QStringLiteral("a personal access token with the Code (Read & Write) scope");
    case Provider::Local:
        break;
    }
    return {};
}

QString targetName(const ForgeSettings &settings)
{
    switch (settings.provider) {
    case Provider::GitLab:
        return QStringLiteral("project %1").arg(settings.project);
    case Provider::GitHub:
        return QStringLiteral("repository %1").arg(settings.project);
    case Provider::AzureDevOps:
        return QStringLiteral("repository %1 in project %2/%3")
            .arg(settings.repository, settings.organization, settings.project);
    case Provider::Local:
        break;
    }
    return {};
}

QString hostOf(const QUrl &url)
{
    return url.port() > 0 ? QString(url.host() + u':' + QString::number(url.port())) : url.host();
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port() == b.port();
}

// Seconds from a Retry-After header: a number, or an HTTP date.
int retryAfterSeconds(const QByteArray &value, int fallback)
{
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok)
        return seconds;
    const QDateTime when
        = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (when.isValid())
        return int(QDateTime::currentDateTimeUtc().secsTo(when));
    return fallback;
}

void appendMessages(QStringList &out, const QJsonValue &value)
{
    if (value.isString()) {
        out.append(value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            appendMessages(out, item);
    } else if (value.isObject()) {
        // GitLab's {"message": {"source_branch": ["is invalid"]}}.
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            QStringList inner;
            appendMessages(inner, it.value());
            for (const QString &text : std::as_const(inner))
                out.append(it.key() + u' ' + text);
        }
    }
}

} // namespace

HttpForgeJob::HttpForgeJob(std::shared_ptr<const ForgeConnection> connection, QString action,
                           QObject *parent)
    : ForgeJob(parent)
    , m_connection(std::move(connection))
    , m_action(std::move(action))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &HttpForgeJob::start);
}

HttpForgeJob::~HttpForgeJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpForgeJob::cancel()
{
    if (isFinished())
        return;
    m_cancelled = true;
    m_retryTimer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    qCInfo(lcForge).noquote() << providerDisplayName(m_connection->settings.provider)
                              << "request cancelled:" << m_action;
    finish(Error(QStringLiteral("%1: cancelled: %2")
                     .arg(providerDisplayName(m_connection->settings.provider), m_action)));
}

void HttpForgeJob::send(const QByteArray &verb, const QUrl &url, const QByteArray &jsonBody,
                        Handler onResponse, const QList<int> &handled)
{
    m_verb = verb;
    m_url = url;
    m_body = jsonBody;
    m_handler = std::move(onResponse);
    m_handled = handled;
    m_tries = 0;
    start();
}

void HttpForgeJob::start()
{
    if (m_cancelled || isFinished())
        return;
    if (!m_connection->network) {
        // Queued: the caller connects to finished() after receiving the job.
        QMetaObject::invokeMethod(
            this, [this] { fail(QStringLiteral("no network access")); }, Qt::QueuedConnection);
        return;
    }
    ++m_tries;
    QNetworkRequest request(m_url);
    request.setTransferTimeout(int(m_connection->transferTimeout.count()));
    // A redirect could carry the token's header to another host: redirects are reported, not
    // followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    authorize(request, m_connection->settings.provider, m_connection->token);
    if (!m_body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    if (m_tries > 1)
        qCInfo(lcForge).noquote() << m_verb << redactedUrl(m_url)
                                  << QStringLiteral("(try %1)").arg(m_tries);
    else
        qCInfo(lcForge).noquote() << m_verb << redactedUrl(m_url);
    m_reply = m_connection->network->sendCustomRequest(request, m_verb, m_body);
    connect(m_reply, &QNetworkReply::finished, this, &HttpForgeJob::onReplyFinished);
}

void HttpForgeJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    if (m_cancelled || isFinished())
        return;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        fail(networkReason(reply));
        return;
    }
    HttpResponse response;
    response.status = status.toInt();
    response.body = reply->readAll();
    for (const QNetworkReply::RawHeaderPair &pair : reply->rawHeaderPairs())
        response.headers.insert(pair.first.toLower(), pair.second);
    qCDebug(lcForge).noquote() << response.status << redactedUrl(m_url);

    if (response.status == 429 && m_tries < m_connection->maxTries) {
        const int fallback = 1 << m_tries;
        const int seconds = std::clamp(retryAfterSeconds(response.header("retry-after"), fallback),
                                       0, m_connection->maxRetryWaitSeconds);
        const QString message = tr("Waiting %1 s: %2 asked to slow down (429)")
                                    .arg(seconds)
                                    .arg(providerDisplayName(m_connection->settings.provider));
        qCInfo(lcForge).noquote() << message;
        emit statusChanged(message);
        m_retryTimer.start(std::chrono::seconds(seconds));
        return;
    }
    if ((response.status >= 200 && response.status < 300) || m_handled.contains(response.status)) {
        const Handler handler = m_handler; // it may send the next request and replace m_handler
        handler(response);
        return;
    }
    fail(statusReason(response));
}

void HttpForgeJob::fetchPages(const QUrl &first, ParsePage parse, NextPage next,
                              std::function<void(QList<MergeRequest>)> done)
{
    struct Pages
    {
        QList<MergeRequest> all;
        int count = 0;
        ParsePage parse;
        NextPage next;
        std::function<void(QList<MergeRequest>)> done;
        std::function<void(const QUrl &)> fetch;
    };
    auto pages = std::make_shared<Pages>();
    pages->parse = std::move(parse);
    pages->next = std::move(next);
    pages->done = std::move(done);
    // The lambda holds the state only weakly; the job's handler holds it strongly while a page is
    // on its way, so nothing leaks when the job ends.
    std::weak_ptr<Pages> weak = pages;
    pages->fetch = [this, weak](const QUrl &url) {
        const std::shared_ptr<Pages> state = weak.lock();
        if (!state)
            return;
        send("GET", url, {}, [this, state, url](const HttpResponse &response) {
            const Result<QList<MergeRequest>> page = state->parse(response.body);
            if (!page) {
                fail(page.error().message());
                return;
            }
            state->all += *page;
            const QUrl following = state->next(url, response, int(page->size()));
            if (following.isEmpty()) {
                state->done(state->all);
                return;
            }
            if (++state->count >= MaxPages || !sameOrigin(following, url)) {
                qCWarning(lcForge).noquote() << "stopped paging at" << redactedUrl(following)
                                             << "after" << state->count << "pages";
                state->done(state->all);
                return;
            }
            state->fetch(following);
        });
    };
    pages->fetch(first);
}

void HttpForgeJob::succeed(QList<MergeRequest> mergeRequests)
{
    qCInfo(lcForge).noquote() << providerDisplayName(m_connection->settings.provider)
                              << "done:" << m_action
                              << QStringLiteral("(%1)").arg(mergeRequests.size());
    finish(std::move(mergeRequests));
}

void HttpForgeJob::fail(const QString &reason)
{
    const QString message
        = scrub(QStringLiteral("%1: cannot %2: %3")
                    .arg(providerDisplayName(m_connection->settings.provider), m_action, reason));
    qCWarning(lcForge).noquote() << message;
    finish(Error(message));
}

QString HttpForgeJob::scrub(QString text) const
{
    // Tokens only travel in headers, but a server may echo one back in a message.
    const QString &token = m_connection->token;
    if (token.size() >= 4) {
        text.replace(token, QStringLiteral("***"));
        text.replace(QString::fromLatin1(basicCredentials(token)), QStringLiteral("***"));
    }
    return text;
}

QString HttpForgeJob::serverMessages(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    QStringList out;
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        const QString text = QString::fromUtf8(body).simplified();
        // An HTML error page says nothing a person could act on.
        if (!text.isEmpty() && !text.startsWith(u'<'))
            out.append(text.left(200));
        return out.join(QStringLiteral("; "));
    }
    const QJsonObject object = document.object();
    appendMessages(out, object.value(QLatin1String("message")));
    appendMessages(out, object.value(QLatin1String("error")));
    appendMessages(out, object.value(QLatin1String("error_description")));
    for (const QJsonValue &item : object.value(QLatin1String("errors")).toArray()) {
        if (!item.isObject()) {
            appendMessages(out, item);
            continue;
        }
        // GitHub: {resource, field, code} and, for custom errors, a message.
        const QJsonObject e = item.toObject();
        const QString message = e.value(QLatin1String("message")).toString();
        if (!message.isEmpty()) {
            out.append(message);
            continue;
        }
        out.append(QStringLiteral("%1 %2: %3")
                       .arg(e.value(QLatin1String("resource")).toString(),
                            e.value(QLatin1String("field")).toString(),
                            e.value(QLatin1String("code")).toString().replace(u'_', u' '))
                       .trimmed());
    }
    out.removeDuplicates();
    return out.join(QStringLiteral("; "));
}

QString HttpForgeJob::statusReason(const HttpResponse &response) const
{
    const ForgeSettings &settings = m_connection->settings;
    const QString server = serverMessages(response.body);
    const QString said
        = server.isEmpty() ? QString() : QStringLiteral(" The server said: %1").arg(server);
    const int status = response.status;
    if (status == 401)
        return QStringLiteral("the token was refused (401 Unauthorized): it is missing, wrong or "
                              "expired. Create %1 and enter it again.")
            .arg(tokenHint(settings.provider));
    if (status == 403)
        return QStringLiteral("the token has no permission for this on %1 (403 Forbidden). Ask "
                              "for access, or use %2.%3")
            .arg(targetName(settings), tokenHint(settings.provider), said);
    if (status == 404)
        return QStringLiteral("%1 or what was asked for in it was not found on %2 (404 Not "
                              "Found). Check `forge:` in .envdeck.yaml (or the remote URL) and "
                              "that the token may see it.")
            .arg(targetName(settings), hostOf(settings.apiBase));
    if (status == 422)
        return QStringLiteral("the server refused the request (422 Unprocessable Entity): %1")
            .arg(server.isEmpty() ? QStringLiteral("no reason given") : server);
    if (status == 429)
        return QStringLiteral("the server still asks to slow down after %1 tries (429 Too Many "
                              "Requests). Wait a few minutes and try again.")
            .arg(m_tries);
    if (status >= 500)
        return QStringLiteral("the server failed (%1). Try again later; if it persists, check "
                              "the forge's status page.%2")
            .arg(status)
            .arg(said);
    if (status >= 300 && status < 400)
        return QStringLiteral("the server moved the API to %1 (%2). Update `forge.url` in "
                              ".envdeck.yaml.")
            .arg(redactedUrl(QUrl(QString::fromUtf8(response.header("location")))))
            .arg(status);
    return QStringLiteral("unexpected answer %1.%2").arg(status).arg(said);
}

QString HttpForgeJob::networkReason(QNetworkReply *reply) const
{
    const QString host = hostOf(m_url);
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError: // what a transfer timeout looks like in Qt 6.4
    case QNetworkReply::TimeoutError:
        return QStringLiteral("no answer from %1 within %2 s. Check the network connection (VPN, "
                              "proxy) and try again.")
            .arg(host)
            .arg(double(m_connection->transferTimeout.count()) / 1000.0);
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("%1 refused the connection. Check `forge.url` in .envdeck.yaml and "
                              "that the server is running.")
            .arg(host);
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("the host %1 was not found. Check `forge.url` in .envdeck.yaml and "
                              "the network connection.")
            .arg(host);
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("%1 closed the connection before answering. Try again later.")
            .arg(host);
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("the secure connection (TLS) to %1 failed: %2. Check the URL (https "
                              "on a plain http server?), the system clock and the trusted "
                              "certificates.")
            .arg(host, reply->errorString());
    default:
        return QStringLiteral("network error talking to %1: %2").arg(host, reply->errorString());
    }
}

QUrl buildUrl(const QUrl &base, const QStringList &segments,
              const QList<std::pair<QString, QString>> &query)
{
    QByteArray encoded
        = base.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment)
              .toEncoded();
    for (const QString &segment : segments)
        encoded += '/' + QUrl::toPercentEncoding(segment);
    QUrl url = QUrl::fromEncoded(encoded, QUrl::StrictMode);
    for (const auto &[name, value] : query)
        url = withQueryItem(url, name, value);
    return url;
}

QUrl withQueryItem(const QUrl &url, const QString &name, const QString &value)
{
    const QByteArray key = QUrl::toPercentEncoding(name, "$");
    QList<QByteArray> items;
    const QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    for (const QByteArray &item : query.split('&')) {
        if (!item.isEmpty() && item.split('=').value(0) != key)
            items.append(item);
    }
    items.append(key + '=' + QUrl::toPercentEncoding(value));
    QUrl result = url;
    result.setQuery(QString::fromLatin1(items.join('&')), QUrl::StrictMode);
    return result;
}

} // namespace EnvDeck::Forge
