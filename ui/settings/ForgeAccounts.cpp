// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/ForgeAccounts.h"

#include "change/RemoteAccess.h"
#include "forge/ForgeSettings.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUrl>

namespace EnvDeck::Settings {

QString accountsKey()
{
    return QStringLiteral("accounts");
}

QList<Forge::Provider> accountProviders()
{
    return {Forge::Provider::GitLab, Forge::Provider::GitHub, Forge::Provider::AzureDevOps};
}

QList<ForgeAccount> storedAccounts()
{
    QSettings settings;
    QList<ForgeAccount> accounts;
    const int count = settings.beginReadArray(accountsKey());
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        const auto provider
            = Forge::providerFromName(settings.value(QStringLiteral("provider")).toString());
        // An entry another version wrote, or edited by hand into nonsense, is skipped.
        if (!provider || *provider == Forge::Provider::Local)
            continue;
        accounts.append(ForgeAccount{*provider, settings.value(QStringLiteral("url")).toString(),
                                     settings.value(QStringLiteral("user")).toString()});
    }
    settings.endArray();
    return accounts;
}

void storeAccounts(const QList<ForgeAccount> &accounts)
{
    QSettings settings;
    settings.remove(accountsKey());
    settings.beginWriteArray(accountsKey(), int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("provider"), Forge::providerName(accounts[i].provider));
        settings.setValue(QStringLiteral("url"), accounts[i].url.trimmed());
        settings.setValue(QStringLiteral("user"), accounts[i].user.trimmed());
    }
    settings.endArray();
}

Result<Credentials::Account> credentialsAccount(const ForgeAccount &account)
{
    const QString text = account.url.trimmed();
    const QUrl url(text, QUrl::StrictMode);
    if (text.isEmpty() || !url.isValid()
        || (url.scheme() != QStringLiteral("https") && url.scheme() != QStringLiteral("http"))
        || url.host().isEmpty())
        return Error(QCoreApplication::translate(
                         "EnvDeck::Settings::AccountsPage",
                         "\"%1\" is not a forge address: give its https:// URL, such as "
                         "https://gitlab.com")
                         .arg(text));
    // The window's own rule, not a copy of it: a repository on this forge reads the same account.
    Forge::ForgeSettings forge;
    forge.provider = account.provider;
    forge.webBase = url;
    forge.apiBase = url;
    const auto made = Change::forgeAccount(forge);
    if (!made)
        return Error(QCoreApplication::translate("EnvDeck::Settings::AccountsPage",
                                                 "A local forge has no account"));
    if (auto valid = made->validate(); !valid)
        return valid.error();
    return *made;
}

} // namespace EnvDeck::Settings
