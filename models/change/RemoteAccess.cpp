// SPDX-License-Identifier: GPL-3.0-or-later
#include "change/RemoteAccess.h"

#include <QUrl>

namespace EnvDeck::Change {

namespace {

QString hostOf(const QUrl &url)
{
    if (url.port() > 0)
        return url.host() + u':' + QString::number(url.port());
    return url.host();
}

} // namespace

std::optional<Credentials::Account> forgeAccount(const Forge::ForgeSettings &forge)
{
    if (forge.provider == Forge::Provider::Local)
        return std::nullopt;
    const QUrl base = forge.webBase.isValid() && !forge.webBase.host().isEmpty() ? forge.webBase
                                                                                 : forge.apiBase;
    QString host = hostOf(base);
    // api.github.com answers for github.com: one token for both.
    if (host == QStringLiteral("api.github.com"))
        host = QStringLiteral("github.com");
    return Credentials::Account{Forge::providerName(forge.provider), host, {}};
}

QList<Credentials::Account> remoteAccounts(const QString &remoteUrl,
                                           const Forge::ForgeSettings &forge)
{
    const QUrl url(remoteUrl);
    if (url.scheme() != QStringLiteral("https") && url.scheme() != QStringLiteral("http"))
        return {};
    const QString host = hostOf(url);
    QList<Credentials::Account> accounts;
    if (auto account = forgeAccount(forge); account && account->host == host)
        accounts.append(*account);
    accounts.append(Credentials::Account{QStringLiteral("git"), host, url.userName()});
    return accounts;
}

QString tokenUserName(const Credentials::Account &account, const QString &userFromUrl)
{
    if (account.service == QStringLiteral("gitlab"))
        return QStringLiteral("oauth2");
    if (account.service == QStringLiteral("github"))
        return QStringLiteral("x-access-token");
    if (account.service == QStringLiteral("azure-devops"))
        return userFromUrl.isEmpty() ? QStringLiteral("envdeck") : userFromUrl;
    if (!account.user.isEmpty())
        return account.user;
    return userFromUrl.isEmpty() ? QStringLiteral("git") : userFromUrl;
}

Git::RemoteOptions remoteOptions(std::optional<Credentials::Token> token,
                                 std::optional<Credentials::Account> account)
{
    Git::RemoteOptions options;
    options.credentials
        = [token, account](const QString &, const QString &userFromUrl, bool tokenAllowed,
                           bool sshAllowed) -> std::optional<Git::Credential> {
        if (sshAllowed) {
            Git::Credential credential;
            credential.kind = Git::Credential::Kind::SshAgent;
            credential.username = userFromUrl.isEmpty() ? QStringLiteral("git") : userFromUrl;
            return credential;
        }
        if (tokenAllowed && token && account) {
            Git::Credential credential;
            credential.kind = Git::Credential::Kind::UserPassToken;
            credential.username = tokenUserName(*account, userFromUrl);
            credential.secret = token->value;
            return credential;
        }
        return std::nullopt;
    };
    return options;
}

} // namespace EnvDeck::Change
