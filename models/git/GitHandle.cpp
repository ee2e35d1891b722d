// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitHandle.h"

namespace EnvDeck::Git {

QString LibGit2::version()
{
    int major = 0;
    int minor = 0;
    int revision = 0;
    git_libgit2_version(&major, &minor, &revision);
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(revision);
}

Error lastError(const QString &context)
{
    const git_error *error = git_error_last();
    QString detail = error && error->message ? QString::fromUtf8(error->message).trimmed()
                                             : QStringLiteral("unknown libgit2 error");
    if (detail.endsWith(QLatin1Char('.')))
        detail.chop(1);
    return Error(context + QStringLiteral(": ") + detail);
}

QString toHex(const git_oid &oid)
{
    char buffer[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buffer, sizeof buffer, &oid);
    return QString::fromLatin1(buffer);
}

QString toShortHex(const git_oid &oid, int length)
{
    return toHex(oid).left(length);
}

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

} // namespace EnvDeck::Git
