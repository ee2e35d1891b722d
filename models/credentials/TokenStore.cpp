// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials/TokenStore.h"

#include "credentials/GitCredential.h"
#include "credentials/Keychain.h"
#include "credentials/PlainTokenFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QStandardPaths>
#include <QThread>

namespace EnvDeck::Credentials {

namespace {

QString describe(const Account &account)
{
    QString text = account.host + QStringLiteral(" (") + account.service + QLatin1Char(')');
    if (!account.user.isEmpty())
        text = account.user + QLatin1Char('@') + text;
    return text;
}

} // namespace

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{}

TokenStore::~TokenStore() = default;

QString TokenStore::plainFilePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("tokens.json"));
}

TokenJob *TokenStore::read(const Account &account)
{
    auto *job = new TokenJob(this);
    if (Result<void> valid = account.validate(); !valid) {
        job->finish(valid.error());
        return job;
    }
    runKeychain(KeychainCall::Read, account, {}, job,
                [this, job, account](const KeychainOutcome &outcome) {
                    if (outcome.kind == KeychainOutcome::Ok && !outcome.value.isEmpty()) {
                        job->finish(Token{outcome.value, Source::Keychain, account.key()});
                        return;
                    }
                    noteKeychainProblem(job, outcome);
                    readFallbacks(job, account);
                });
    return job;
}

void TokenStore::readFallbacks(TokenJob *job, const Account &account)
{
    const QStringList variables = environmentVariables(account.service);
    for (const QString &variable : variables) {
        const QString value = qEnvironmentVariable(variable.toLatin1().constData());
        if (!value.isEmpty()) {
            job->finish(Token{value, Source::Environment, variable});
            return;
        }
    }
    if (!variables.isEmpty())
        job->addNote(tr("environment: %1 not set").arg(variables.join(tr(" or "))));

    auto *query = new GitCredentialQuery(job);
    connect(query, &GitCredentialQuery::finished, job, [this, job, query, account] {
        query->deleteLater();
        if (query->password()) {
            job->finish(Token{*query->password(), Source::GitCredential,
                              QStringLiteral("git credential fill")});
            return;
        }
        job->addNote(query->note());
        readAfterGit(job, account);
    });
    query->start(account, m_gitTimeout);
}

void TokenStore::readAfterGit(TokenJob *job, const Account &account)
{
    const QString key = account.key();
    if (const auto it = m_memory.constFind(key); it != m_memory.constEnd()) {
        job->finish(Token{*it, Source::Memory, key});
        return;
    }
    job->addNote(tr("this session: no token entered"));

    if (!m_plainFileAllowed) {
        job->addNote(tr("plain file: not allowed in the settings"));
    } else {
        const PlainTokenFile file(plainFilePath());
        const Result<std::optional<QString>> stored = file.read(key);
        if (stored && *stored) {
            job->finish(Token{**stored, Source::File, file.path()});
            return;
        }
        job->addNote(stored ? tr("plain file: no token for this host")
                            : tr("plain file: %1").arg(stored.error().toString()));
    }

    QString hint;
    const QStringList variables = environmentVariables(account.service);
    if (!variables.isEmpty())
        hint = tr(" Set %1, or enter a token in the settings.").arg(variables.constFirst());
    else
        hint = tr(" Configure a git credential helper, or enter a token in the settings.");
    job->finish(Error(tr("No token for %1: %2.").arg(describe(account), job->notes().join(tr("; ")))
                      + hint));
}

TokenJob *TokenStore::write(const Account &account, const QString &token, Persist persist)
{
    auto *job = new TokenJob(this);
    if (Result<void> valid = account.validate(); !valid) {
        job->finish(valid.error());
        return job;
    }
    if (token.isEmpty()) {
        job->finish(Error(tr("The token for %1 is empty").arg(describe(account))));
        return job;
    }
    switch (persist) {
    case Persist::SessionOnly:
        writeToMemory(job, account, token);
        return job;
    case Persist::PlainFile:
        writeToFile(job, account, token);
        return job;
    case Persist::Keychain:
        break;
    }
    runKeychain(KeychainCall::Write, account, token, job,
                [this, job, account, token](const KeychainOutcome &outcome) {
                    if (outcome.kind == KeychainOutcome::Ok) {
                        // The keychain is read first, but an older session copy must not
                        // come back if the keychain entry is removed later.
                        m_memory.remove(account.key());
                        job->finish(Token{token, Source::Keychain, account.key()});
                        return;
                    }
                    noteKeychainProblem(job, outcome);
                    job->addNote(tr("kept for this session only"));
                    writeToMemory(job, account, token);
                });
    return job;
}

void TokenStore::writeToMemory(TokenJob *job, const Account &account, const QString &token)
{
    m_memory.insert(account.key(), token);
    job->finish(Token{token, Source::Memory, account.key()});
}

void TokenStore::writeToFile(TokenJob *job, const Account &account, const QString &token)
{
    if (!m_plainFileAllowed) {
        job->finish(Error(tr("Keeping tokens in a plain file is turned off; turn it on in the "
                             "settings first, or keep the token in the keychain")));
        return;
    }
    const PlainTokenFile file(plainFilePath());
    if (Result<void> written = file.write(account.key(), token); !written) {
        job->finish(written.error());
        return;
    }
    job->finish(Token{token, Source::File, file.path()});
}

TokenJob *TokenStore::remove(const Account &account)
{
    auto *job = new TokenJob(this);
    if (Result<void> valid = account.validate(); !valid) {
        job->finish(valid.error());
        return job;
    }
    runKeychain(KeychainCall::Remove, account, {}, job,
                [this, job, account](const KeychainOutcome &outcome) {
                    removeElsewhere(job, account, outcome);
                });
    return job;
}

void TokenStore::removeElsewhere(TokenJob *job, const Account &account,
                                 const KeychainOutcome &outcome)
{
    QStringList removedFrom;
    if (outcome.kind == KeychainOutcome::Ok)
        removedFrom.append(sourceDisplayName(Source::Keychain));
    else
        noteKeychainProblem(job, outcome);
    if (m_memory.remove(account.key()) > 0)
        removedFrom.append(sourceDisplayName(Source::Memory));

    // The file is cleaned even when it is no longer allowed: the user wants the token gone.
    const PlainTokenFile file(plainFilePath());
    const Result<bool> removed = file.remove(account.key());
    if (!removed) {
        job->finish(removed.error());
        return;
    }
    if (*removed)
        removedFrom.append(sourceDisplayName(Source::File));

    const bool keychainUnsure = outcome.kind == KeychainOutcome::TimedOut
                                || outcome.kind == KeychainOutcome::Skipped
                                || outcome.kind == KeychainOutcome::Failed;
    if (keychainUnsure) {
        job->finish(Error(tr("The token for %1 may still be in the keychain: %2")
                              .arg(describe(account), job->notes().join(tr("; ")))));
        return;
    }
    job->addNote(removedFrom.isEmpty() ? tr("no token was stored")
                                       : tr("removed from: %1").arg(removedFrom.join(tr(", "))));
    job->finish(Token{QString(), Source::Memory, removedFrom.join(QStringLiteral(", "))});
}

Result<Token> TokenStore::readBlocking(const Account &account, QStringList *notes)
{
    if (QThread::currentThread() != thread())
        qCWarning(lcCredentials) << "readBlocking() called off the store's thread";
    TokenJob *job = read(account);
    QEventLoop loop;
    connect(job, &TokenJob::finished, &loop, &QEventLoop::quit);
    if (!job->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    Result<Token> result = job->result();
    if (notes)
        *notes = job->notes();
    delete job;
    return result;
}

} // namespace EnvDeck::Credentials
