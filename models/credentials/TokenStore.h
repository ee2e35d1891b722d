// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentials/Credentials.h"
#include "credentials/TokenJob.h"

#include <QHash>
#include <QObject>

#include <chrono>
#include <functional>

namespace EnvDeck::Credentials {

struct KeychainOutcome;

// Where EnvDeck gets and keeps the tokens of forges and HTTPS git remotes. One per application,
// living on the GUI thread or a worker thread with an event loop; every call returns at once with
// a TokenJob.
//
// read() looks in order: the OS keychain (QtKeychain), the environment variables of the service,
// `git credential fill`, the tokens kept for this session, and the plain file when the user allowed
// it. A keychain without a D-Bus session fails at once; one that is locked never answers, so every
// keychain call gets a timeout (5 s unless set), after which the store says so once, skips the
// keychain until that call comes back, and goes on with the fallbacks.
//
// A token value never reaches a log line, an Error, a note, QSettings or a file other than the
// opted-in plain file.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    explicit TokenStore(QObject *parent = nullptr);
    ~TokenStore() override;

    TokenJob *read(const Account &account);
    TokenJob *write(const Account &account, const QString &token,
                    Persist persist = Persist::Keychain);
    // Removes the token from the keychain, this session and the plain file.
    TokenJob *remove(const Account &account);

    // For the command line: runs a local event loop until read() finishes. Call it on the store's
    // thread, never on a GUI thread (the window would stop repainting meanwhile).
    Result<Token> readBlocking(const Account &account, QStringList *notes = nullptr);

    // The user's opt-in to a plain token file; off by default. The application keeps the choice.
    void setPlainFileAllowed(bool allowed) { m_plainFileAllowed = allowed; }
    bool isPlainFileAllowed() const { return m_plainFileAllowed; }
    // <AppConfigLocation>/tokens.json
    static QString plainFilePath();

    // How long a keychain call may take before the fallbacks answer (tests use 1 s).
    void setKeychainTimeout(std::chrono::milliseconds timeout) { m_keychainTimeout = timeout; }
    std::chrono::milliseconds keychainTimeout() const { return m_keychainTimeout; }
    // How long `git credential fill` may take.
    void setGitTimeout(std::chrono::milliseconds timeout) { m_gitTimeout = timeout; }
    std::chrono::milliseconds gitTimeout() const { return m_gitTimeout; }

    // The service name EnvDeck's entries carry in the keychain ("EnvDeck"; "EnvDeck-tests" in
    // Qt's test mode, so tests never touch real tokens).
    static QString keychainService();

private:
    using KeychainDone = std::function<void(const KeychainOutcome &)>;
    enum class KeychainCall { Read, Write, Remove };

    void runKeychain(KeychainCall call, const Account &account, const QString &token, TokenJob *job,
                     KeychainDone done);
    void noteKeychainProblem(TokenJob *job, const KeychainOutcome &outcome);

    void readFallbacks(TokenJob *job, const Account &account);
    void readAfterGit(TokenJob *job, const Account &account);
    void writeToMemory(TokenJob *job, const Account &account, const QString &token);
    void writeToFile(TokenJob *job, const Account &account, const QString &token);
    void removeElsewhere(TokenJob *job, const Account &account, const KeychainOutcome &outcome);

    QHash<QString, QString> m_memory; // key() → token, for this session
    bool m_plainFileAllowed = false;
    std::chrono::milliseconds m_keychainTimeout{5000};
    std::chrono::milliseconds m_gitTimeout{10000};
    // A keychain call timed out and has not come back: the keychain runs one call at a time, so
    // every later call would queue behind it.
    bool m_keychainStuck = false;
    bool m_warnedKeychain = false;
};

} // namespace EnvDeck::Credentials
