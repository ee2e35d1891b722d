// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QLoggingCategory>
#include <QString>
#include <QStringList>

// The credentials module's logging category, "envdeck.credentials". Lines name accounts and the
// places that were tried, never a token value.
Q_DECLARE_LOGGING_CATEGORY(lcCredentials)

namespace EnvDeck::Credentials {

// Whose token: a forge ("gitlab", "github", "azure-devops") or a plain HTTPS git remote ("git") on
// one host, optionally for one user.
struct Account
{
    QString service;
    QString host; // "gitlab.example.io" or "gitlab.example.io:8443"
    QString user; // empty when the token does not belong to a named user

    // "envdeck/gitlab/gitlab.example.io", with "/<user>" appended when there is a user: the key
    // under which the keychain and the plain file keep the token.
    QString key() const;

    // Refuses unknown services and hosts or users that could smuggle lines into the input of
    // `git credential fill` (newlines, '=', spaces, NUL).
    Result<void> validate() const;

    friend bool operator==(const Account &, const Account &) = default;
};

// The services Account::service may name.
QStringList knownServices();

// Where a token came from, in the order TokenStore::read() looks.
enum class Source { Keychain, Environment, GitCredential, Memory, File };

// "system keychain", "environment variable", "git credential helper", "this session only",
// "plain file" for people.
QString sourceDisplayName(Source source);

struct Token
{
    QString value;
    Source source = Source::Memory;
    // What exactly answered: "GITLAB_TOKEN", the keychain key, "git credential fill", the file
    // path.
    QString detail;
};

// Where TokenStore::write() keeps a token.
enum class Persist {
    Keychain,    // the OS keychain; falls back to SessionOnly when the keychain does not answer
    SessionOnly, // memory, gone when EnvDeck quits
    PlainFile,   // a 0600 file in the config folder, only after the user opted in
};

// The environment variables that may hold a token for `service`, strongest first:
// gitlab → GITLAB_TOKEN; github → GH_TOKEN, GITHUB_TOKEN; azure-devops → AZURE_DEVOPS_EXT_PAT;
// git → none.
QStringList environmentVariables(const QString &service);

} // namespace EnvDeck::Credentials
