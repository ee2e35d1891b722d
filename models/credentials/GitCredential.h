// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentials/Credentials.h"

#include <QObject>
#include <QProcess>
#include <QTimer>

#include <chrono>
#include <optional>

namespace EnvDeck::Credentials {

// Asks git's credential helpers for the password of https://<host> with `git credential fill`,
// never letting git prompt (GIT_TERMINAL_PROMPT=0, empty GIT_ASKPASS, GCM_INTERACTIVE=never).
// Emits finished() once; then password() holds the answer when there was one, and note() says why
// there was none.
class GitCredentialQuery : public QObject
{
    Q_OBJECT
public:
    explicit GitCredentialQuery(QObject *parent = nullptr);
    ~GitCredentialQuery() override;

    void start(const Account &account, std::chrono::milliseconds timeout);

    const std::optional<QString> &password() const { return m_password; }
    const QString &note() const { return m_note; }

signals:
    void finished();

private:
    void done(std::optional<QString> password, const QString &note);
    void processFinished(int exitCode, QProcess::ExitStatus status);

    QProcess m_process;
    QTimer m_timer;
    QString m_host;
    std::optional<QString> m_password;
    QString m_note;
    bool m_done = false;
};

} // namespace EnvDeck::Credentials
