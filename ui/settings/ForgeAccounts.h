// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "credentials/Credentials.h"
#include "forge/MergeRequest.h"

#include <QList>
#include <QString>

// The forge accounts of Preferences ▸ Accounts, kept in QSettings as the array "accounts" with
// "provider" ("gitlab", "github", "azure-devops"), "url" and "user". Their tokens live in the
// TokenStore (keychain or this session), never in QSettings.
namespace EnvDeck::Settings {

struct ForgeAccount
{
    Forge::Provider provider = Forge::Provider::GitLab;
    QString url;  // https://gitlab.com, https://gitlab.example.io:8443, https://github.com
    QString user; // who the token belongs to, for people; optional

    friend bool operator==(const ForgeAccount &, const ForgeAccount &) = default;
};

QString accountsKey(); // "accounts"
QList<ForgeAccount> storedAccounts();
void storeAccounts(const QList<ForgeAccount> &accounts);

// The providers an account may name, in the order the dialog offers them.
QList<Forge::Provider> accountProviders();

// The credentials account the window reads this forge's token under: exactly what
// Change::forgeAccount() makes of the forge settings of a repository on that host (service, host
// with a non-default port, github.com for api.github.com, no user), so a token saved here is the
// one merge requests and pipeline reads use. An Error a person can read for a URL without an
// http(s) scheme or a host.
Result<Credentials::Account> credentialsAccount(const ForgeAccount &account);

} // namespace EnvDeck::Settings
