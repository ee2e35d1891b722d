// SPDX-License-Identifier: GPL-3.0-or-later
// The keychain half of TokenStore: every QtKeychain call with a timeout.
#include "credentials/Keychain.h"
#include "credentials/TokenStore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <memory>

namespace EnvDeck::Credentials {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EnvDeck::Credentials", text);
}

KeychainOutcome outcomeOf(QKeychain::Job *job)
{
    KeychainOutcome outcome;
    switch (job->error()) {
    case QKeychain::NoError:
        outcome.kind = KeychainOutcome::Ok;
        if (auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(job))
            outcome.value = reader->textData();
        break;
    case QKeychain::EntryNotFound:
        outcome.kind = KeychainOutcome::NotFound;
        outcome.message = tr("no entry");
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // OtherError is what the Secret Service backend reports when it cannot reach the bus
        // ("Could not connect: No such file or directory").
        outcome.kind = KeychainOutcome::Unavailable;
        outcome.message = job->errorString();
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::CouldNotDeleteEntry:
        outcome.kind = KeychainOutcome::Failed;
        outcome.message = job->errorString();
        break;
    }
    if (outcome.message.isEmpty() && outcome.kind != KeychainOutcome::Ok)
        outcome.message = tr("error %1").arg(int(job->error()));
    return outcome;
}

} // namespace

QString keychainUnavailableReason()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return {};
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo::exists(QDir(runtime).filePath(QStringLiteral("bus"))))
        return {};
    return tr("no D-Bus session");
#else
    return {};
#endif
}

QString TokenStore::keychainService()
{
    // Tests save and remove tokens for real forge hosts; on a developer's desktop they must
    // never touch the tokens EnvDeck itself keeps.
    return QStandardPaths::isTestModeEnabled() ? QStringLiteral("EnvDeck-tests")
                                               : QStringLiteral("EnvDeck");
}

void TokenStore::runKeychain(KeychainCall call, const Account &account, const QString &token,
                             TokenJob *job, KeychainDone done)
{
    const auto finishLater = [job, done](KeychainOutcome outcome) {
        QMetaObject::invokeMethod(
            job, [done, outcome] { done(outcome); }, Qt::QueuedConnection);
    };
    if (const QString reason = keychainUnavailableReason(); !reason.isEmpty()) {
        finishLater({KeychainOutcome::Unavailable, {}, reason});
        return;
    }
    if (m_keychainStuck) {
        finishLater(
            {KeychainOutcome::Skipped, {}, tr("an earlier call has not been answered yet")});
        return;
    }

    // Not parented: a call that never answers keeps its job alive (QtKeychain deletes it once it
    // answers), so the keychain backend never calls back into a deleted object.
    QKeychain::Job *keychainJob = nullptr;
    switch (call) {
    case KeychainCall::Read:
        keychainJob = new QKeychain::ReadPasswordJob(keychainService());
        break;
    case KeychainCall::Write: {
        auto *writer = new QKeychain::WritePasswordJob(keychainService());
        writer->setTextData(token);
        keychainJob = writer;
        break;
    }
    case KeychainCall::Remove:
        keychainJob = new QKeychain::DeletePasswordJob(keychainService());
        break;
    }
    keychainJob->setAutoDelete(true);
    keychainJob->setInsecureFallback(false); // never QSettings
    keychainJob->setKey(account.key());

    // Shared by the answer and the timeout: whichever comes first wins, the other does nothing.
    auto answered = std::make_shared<bool>(false);
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    connect(keychainJob, &QKeychain::Job::finished, job,
            [answered, timer, done](QKeychain::Job *finishedJob) {
                if (*answered)
                    return;
                *answered = true;
                timer->stop();
                done(outcomeOf(finishedJob));
            });
    connect(timer, &QTimer::timeout, job,
            [this, answered, done, keychainJob, timeout = m_keychainTimeout] {
                if (*answered)
                    return;
                *answered = true;
                m_keychainStuck = true;
                // The store, not the job, waits for the late answer: the keychain takes calls again
                // then.
                connect(keychainJob, &QKeychain::Job::finished, this,
                        [this] { m_keychainStuck = false; });
                done({KeychainOutcome::TimedOut,
                      {},
                      tr("did not answer within %1 s").arg(double(timeout.count()) / 1000.0)});
            });
    timer->start(m_keychainTimeout);
    keychainJob->start();
}

void TokenStore::noteKeychainProblem(TokenJob *job, const KeychainOutcome &outcome)
{
    QString note;
    switch (outcome.kind) {
    case KeychainOutcome::Ok:
        return;
    case KeychainOutcome::NotFound:
        note = tr("keychain: no token stored");
        break;
    case KeychainOutcome::Unavailable:
        note = tr("keychain not available: %1").arg(outcome.message);
        break;
    case KeychainOutcome::TimedOut:
        note = tr("keychain %1").arg(outcome.message);
        break;
    case KeychainOutcome::Skipped:
        note = tr("keychain skipped: %1").arg(outcome.message);
        break;
    case KeychainOutcome::Failed:
        note = tr("keychain refused: %1").arg(outcome.message);
        break;
    }
    job->addNote(note);
    // Once per store: the same broken keychain would otherwise fill the log on every request.
    if (outcome.kind != KeychainOutcome::NotFound && !m_warnedKeychain) {
        m_warnedKeychain = true;
        qCWarning(lcCredentials).noquote()
            << note
            << "- using environment variables, git credential helpers and this session instead";
    }
}

} // namespace EnvDeck::Credentials
