// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/CommitIdentity.h"

#include "git/Repository.h"

#include <QRegularExpression>
#include <QSettings>

namespace EnvDeck::Settings {

QString identityNameKey()
{
    return QStringLiteral("identity/name");
}

QString identityEmailKey()
{
    return QStringLiteral("identity/email");
}

std::optional<Git::Signature> configuredIdentity()
{
    const QSettings settings;
    const QString name = settings.value(identityNameKey()).toString().trimmed();
    const QString email = settings.value(identityEmailKey()).toString().trimmed();
    if (name.isEmpty() || email.isEmpty())
        return std::nullopt;
    Git::Signature signature;
    signature.name = name;
    signature.email = email;
    return signature; // time 0: the commit is stamped when it is made
}

Git::Signature gitIdentity(const QString &root)
{
    if (!root.isEmpty()) {
        if (auto repository = Git::Repository::open(root)) {
            if (auto identity = repository->identity())
                return *identity;
        }
    }
    return Git::Repository::globalIdentity();
}

bool isPlausibleEmail(const QString &email)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    return pattern.match(email).hasMatch();
}

} // namespace EnvDeck::Settings
