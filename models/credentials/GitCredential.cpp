// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials/GitCredential.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QStandardPaths>

namespace EnvDeck::Credentials {

GitCredentialQuery::GitCredentialQuery(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_process.kill();
        done(std::nullopt,
             tr("git credential fill did not answer within %1 s").arg(m_timer.interval() / 1000.0));
    });
    connect(&m_process, &QProcess::finished, this, &GitCredentialQuery::processFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            done(std::nullopt,
                 tr("git credential fill could not start: %1").arg(m_process.errorString()));
    });
}

GitCredentialQuery::~GitCredentialQuery()
{
    // A helper that hangs must not outlive us, nor block the destructor for long.
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void GitCredentialQuery::start(const Account &account, std::chrono::milliseconds timeout)
{
    m_host = account.host;
    const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
    if (git.isEmpty()) {
        done(std::nullopt, tr("git credential fill: git is not installed (not found in PATH)"));
        return;
    }

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Never a prompt: not on a terminal, not through an askpass program (an empty GIT_ASKPASS
    // also hides core.askPass and SSH_ASKPASS), not from Git Credential Manager's windows.
    environment.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    environment.insert(QStringLiteral("GIT_ASKPASS"), QString());
    environment.remove(QStringLiteral("SSH_ASKPASS"));
    environment.insert(QStringLiteral("GCM_INTERACTIVE"), QStringLiteral("never"));
    m_process.setProcessEnvironment(environment);
    m_process.setProgram(git);
    m_process.setArguments({QStringLiteral("credential"), QStringLiteral("fill")});

    // Account::validate() made sure host and user cannot add lines of their own.
    QString input = QStringLiteral("protocol=https\nhost=") + account.host + QLatin1Char('\n');
    if (!account.user.isEmpty())
        input += QStringLiteral("username=") + account.user + QLatin1Char('\n');
    input += QLatin1Char('\n');

    m_timer.start(timeout);
    m_process.start();
    if (m_done)
        return;
    m_process.write(input.toUtf8());
    m_process.closeWriteChannel();
}

void GitCredentialQuery::processFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_done)
        return;
    QByteArray output = m_process.readAllStandardOutput();
    std::optional<QString> password;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("password="))
            password = QString::fromUtf8(line.mid(int(qstrlen("password="))));
    }
    output.fill('\0'); // do not leave the answer lying around in freed memory
    if (status == QProcess::NormalExit && exitCode == 0 && password && !password->isEmpty()) {
        done(password, {});
        return;
    }
    // git's own message ("fatal: could not read Username for 'https://h': terminal prompts
    // disabled") names no secret; its first line says enough.
    const QString reason = QString::fromUtf8(m_process.readAllStandardError())
                               .section(QLatin1Char('\n'), 0, 0)
                               .trimmed();
    QString note = tr("git credential fill: no credential for %1").arg(m_host);
    if (!reason.isEmpty())
        note += QStringLiteral(" (") + reason + QLatin1Char(')');
    done(std::nullopt, note);
}

void GitCredentialQuery::done(std::optional<QString> password, const QString &note)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    m_password = std::move(password);
    m_note = note;
    emit finished();
}

} // namespace EnvDeck::Credentials
