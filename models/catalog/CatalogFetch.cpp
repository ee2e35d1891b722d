// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogFetch.h"

#include "catalog/CatalogConfig.h"
#include "catalog/CatalogLogging.h"
#include "core/BuildInfo.h"
#include "core/YamlSupport.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace EnvDeck {

CatalogFetch::CatalogFetch(QNetworkAccessManager *network, QUrl url,
                           std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_url(std::move(url))
    , m_timeout(timeout)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        cancel(QStringLiteral("no answer from %1 within %2 s")
                   .arg(displayUrl())
                   .arg(double(m_timeout.count()) / 1000.0));
    });
}

CatalogFetch::~CatalogFetch()
{
    // Destroyed while running: the reply must not outlive its owner, and nobody listens for
    // done() any more.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QString CatalogFetch::displayUrl() const
{
    return EnvDeck::displayUrl(m_url);
}

void CatalogFetch::start()
{
    if (m_reply || m_finished)
        return;
    if (!m_network) {
        finish(Error(QStringLiteral("cannot fetch %1: no network access").arg(displayUrl())));
        return;
    }
    if (m_url.scheme() != u"https" && m_url.scheme() != u"http") {
        finish(Error(QStringLiteral("cannot fetch %1: only http and https URLs are supported")
                         .arg(displayUrl())));
        return;
    }
    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("EnvDeck/%1").arg(BuildInfo::applicationVersion()));
    request.setRawHeader("Accept", "application/x-yaml, application/yaml, text/yaml, */*");
    qCDebug(lcCatalog).noquote() << "GET" << displayUrl();
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::finished, this, &CatalogFetch::onFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        if (received > Yaml::MaxFileSize || total > Yaml::MaxFileSize)
            cancel(QStringLiteral("the answer from %1 is larger than %2 MiB")
                       .arg(displayUrl())
                       .arg(Yaml::MaxFileSize / (1024 * 1024)));
    });
    m_timer.start(m_timeout);
}

void CatalogFetch::cancel(const QString &reason)
{
    if (m_finished)
        return;
    if (m_reply) {
        // finished() would arrive from abort(): this object reports the reason itself instead.
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    finish(Error(reason));
}

void CatalogFetch::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 || (reply->error() != QNetworkReply::NoError && status > 0)) {
        const QString phrase
            = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().trimmed();
        finish(Error(
            QStringLiteral("HTTP %1%2 from %3")
                .arg(status)
                .arg(phrase.isEmpty() ? QString() : QLatin1Char(' ') + phrase, displayUrl())));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        finish(
            Error(QStringLiteral("cannot fetch %1: %2").arg(displayUrl(), reply->errorString())));
        return;
    }
    FetchedDocument document;
    document.url = m_url;
    document.body = reply->readAll();
    document.fetchedAt = QDateTime::currentDateTimeUtc();
    finish(document);
}

void CatalogFetch::finish(const Result<FetchedDocument> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (result)
        qCInfo(lcCatalog).noquote() << "Fetched" << displayUrl() << result->body.size() << "bytes";
    else
        qCWarning(lcCatalog).noquote() << result.error().message();
    emit done(result);
}

} // namespace EnvDeck
