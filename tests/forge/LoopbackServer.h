// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

class QTcpSocket;

// A forge stand-in on 127.0.0.1: a tiny HTTP/1.1 server that records every request and answers
// with the replies queued for it, in order, one connection per request (Connection: close).
// QTcpServer rather than Qt HTTP Server: any status and header, and silence, are easy.
class LoopbackServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray rawPath; // percent-encoded, as sent
        QUrlQuery query;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;

        QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
        QJsonObject json() const;
    };

    struct Reply
    {
        int status = 200;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
        bool silent = false; // never answer: for timeouts
    };

    enum class Mode {
        Http,
        // Answers the first bytes of any connection with a plain HTTP error: what a TLS client
        // meets on an http-only port.
        PlainToAnything,
    };

    explicit LoopbackServer(Mode mode = Mode::Http, QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &scheme = QStringLiteral("http")) const;
    void close() { m_server.close(); }

    void enqueue(Reply reply) { m_replies.append(std::move(reply)); }
    void enqueue(int status, const QByteArray &body,
                 QList<std::pair<QByteArray, QByteArray>> headers = {})
    {
        enqueue(Reply{status, body, std::move(headers), false});
    }
    const QList<Request> &requests() const { return m_requests; }
    int pendingReplies() const { return int(m_replies.size()); }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Reply &reply);

    Mode m_mode;
    QTcpServer m_server;
    QList<Reply> m_replies;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
