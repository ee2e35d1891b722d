// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentials/Credentials.h"
#include "forge/ForgeSettings.h"
#include "git/Remote.h"

#include <QList>
#include <QString>

#include <optional>

namespace EnvDeck::Change {

// The accounts whose token may open an HTTPS remote, strongest first: the forge's own account
// when the remote lives on the forge's host (a GitLab token pushes to that GitLab), then the
// plain "git" account of the host. Empty for SSH and file remotes, which need no token.
QList<Credentials::Account> remoteAccounts(const QString &remoteUrl,
                                           const Forge::ForgeSettings &forge);

// The forge's account for its REST API; nullopt for the local provider.
std::optional<Credentials::Account> forgeAccount(const Forge::ForgeSettings &forge);

// The user name forges expect next to a token over HTTPS (GitLab "oauth2", GitHub
// "x-access-token", Azure DevOps any name); for a plain git host the URL's user, else "git".
QString tokenUserName(const Credentials::Account &account, const QString &userFromUrl);

// Options for one push or fetch: the token found beforehand (tokens are read before the git work
// starts, on the thread that owns the token store), or the SSH agent for SSH remotes.
Git::RemoteOptions remoteOptions(std::optional<Credentials::Token> token,
                                 std::optional<Credentials::Account> account);

} // namespace EnvDeck::Change
