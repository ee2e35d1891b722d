// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials/Credentials.h"

#include <QCoreApplication>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcCredentials, "envdeck.credentials", QtInfoMsg)

namespace EnvDeck::Credentials {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EnvDeck::Credentials", text);
}

} // namespace

QString Account::key() const
{
    QString text = QStringLiteral("envdeck/") + service + QLatin1Char('/') + host;
    if (!user.isEmpty())
        text += QLatin1Char('/') + user;
    return text;
}

Result<void> Account::validate() const
{
    if (!knownServices().contains(service))
        return Error(tr("Unknown token service \"%1\" (expected one of: %2)")
                         .arg(service, knownServices().join(QStringLiteral(", "))));
    // A host name or IPv6 literal with an optional port: nothing that could end a line of the
    // `git credential` protocol or start a new attribute.
    static const QRegularExpression hostPattern(QStringLiteral(
        "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?$"));
    if (!hostPattern.match(host).hasMatch())
        return Error(tr("Invalid host name \"%1\" for a %2 token").arg(host, service));
    for (const QChar c : user) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QChar(0) || c.isSpace())
            return Error(
                tr("Invalid user name for %1: it contains spaces or line breaks").arg(host));
    }
    return {};
}

QStringList knownServices()
{
    return {QStringLiteral("gitlab"), QStringLiteral("github"), QStringLiteral("azure-devops"),
            QStringLiteral("git")};
}

QString sourceDisplayName(Source source)
{
    switch (source) {
    case Source::Keychain:
        return tr("system keychain");
    case Source::Environment:
        return tr("environment variable");
    case Source::GitCredential:
        return tr("git credential helper");
    case Source::Memory:
        return tr("this session only");
    case Source::File:
        return tr("plain file");
    }
    return {};
}

QStringList environmentVariables(const QString &service)
{
    if (service == QLatin1String("gitlab"))
        return {QStringLiteral("GITLAB_TOKEN")};
    if (service == QLatin1String("github"))
        return {QStringLiteral("GH_TOKEN"), QStringLiteral("GITHUB_TOKEN")};
    if (service == QLatin1String("azure-devops"))
        return {QStringLiteral("AZURE_DEVOPS_EXT_PAT")};
    return {};
}

} // namespace EnvDeck::Credentials
