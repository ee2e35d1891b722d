// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;

namespace EnvDeck {

struct FetchedDocument
{
    QUrl url;
    QByteArray body;
    QDateTime fetchedAt; // UTC, when the answer arrived
};

// One HTTP GET of a catalog (a Helm index.yaml). The object owns its reply, gives up after the
// timeout, follows redirects that do not downgrade to http, refuses bodies larger than
// Yaml::MaxFileSize and emits done() exactly once. It works on the thread it lives on, through
// the event loop of that thread: nothing here blocks.
class CatalogFetch : public QObject
{
    Q_OBJECT

public:
    CatalogFetch(QNetworkAccessManager *network, QUrl url, std::chrono::milliseconds timeout,
                 QObject *parent = nullptr);
    ~CatalogFetch() override;

    const QUrl &url() const { return m_url; }
    bool isRunning() const { return m_reply != nullptr; }
    bool isFinished() const { return m_finished; }

    // Sends the request. Call once.
    void start();
    // Stops the request; done() reports `reason`. Nothing happens once done() was emitted.
    void cancel(const QString &reason);

signals:
    void done(const EnvDeck::Result<EnvDeck::FetchedDocument> &result);

private:
    void onFinished();
    void finish(const Result<FetchedDocument> &result);
    QString displayUrl() const;

    QNetworkAccessManager *m_network = nullptr;
    QUrl m_url;
    std::chrono::milliseconds m_timeout;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    bool m_finished = false;
};

} // namespace EnvDeck
