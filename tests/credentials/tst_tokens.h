// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentials/TokenStore.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// The error of a failed result, or nothing: Qt 6.4's QVERIFY2 evaluates its message even when the
// check passes, so the message must not call error() on a success.
template<typename T>
QString errorText(const EnvDeck::Result<T> &result)
{
    return result ? QString() : result.error().toString();
}

// Every fallback of TokenStore, in a throwaway HOME with a D-Bus address that leads nowhere (so
// the keychain fails at once in this process). The keychain situations that need a D-Bus session
// of their own run in tokenprobe processes (tst_tokens_keychain.cpp).
class TstTokens : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void environment_data();
    void environment();
    void gitCredential_data();
    void gitCredential();
    void gitCredentialTimeout();
    void memory();
    void plainFile_data();
    void plainFile();
    void invalidAccount_data();
    void invalidAccount();
    void keychainUnavailable_data();
    void keychainUnavailable();
    void keychainSilent();
    void keychainSilentWrite();
    // Last: looks through everything the tests above wrote and logged.
    void noTokenLeaks();

private:
    struct ProbeRead
    {
        qint64 ms = -1;
        QString source;
        QString value;
        QString error;
        QStringList notes;
    };
    QList<ProbeRead> runProbe(const QProcessEnvironment &environment, const QString &service,
                              int keychainTimeoutMs, int reads, const QString &write = {});
    QString token(const QString &name); // a distinct value, remembered for noTokenLeaks()
    void setGitCredentialStore(const QString &contents);
    void checkNoLeak(const EnvDeck::Credentials::TokenJob &job);

    QTemporaryDir m_root; // HOME/ and the fixtures outside of it
    QString m_home;
    QStringList m_tokens;     // every token value handed to the store
    QStringList m_plainFiles; // opted-in files that may hold tokens
    std::unique_ptr<EnvDeck::Credentials::TokenStore> m_store;
};
