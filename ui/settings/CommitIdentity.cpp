// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/CommitIdentity.h"

#include "git/Repository.h"

#include <QRegularExpression>
#include <QSettings>

#include <git2.h>

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
    Git::Signature signature;
    git_config *config = nullptr;
    if (git_config_open_default(&config) == 0) {
        git_config *snapshot = nullptr;
        if (git_config_snapshot(&snapshot, config) == 0) {
            const char *value = nullptr;
            if (git_config_get_string(&value, snapshot, "user.name") == 0)
                signature.name = QString::fromUtf8(value);
            if (git_config_get_string(&value, snapshot, "user.email") == 0)
                signature.email = QString::fromUtf8(value);
            git_config_free(snapshot);
        }
        git_config_free(config);
    }
    if (const QString name = qEnvironmentVariable("GIT_AUTHOR_NAME"); !name.isEmpty())
        signature.name = name;
    if (const QString email = qEnvironmentVariable("GIT_AUTHOR_EMAIL"); !email.isEmpty())
        signature.email = email;
    return signature;
}

bool isPlausibleEmail(const QString &email)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    return pattern.match(email).hasMatch();
}

} // namespace EnvDeck::Settings
