// SPDX-License-Identifier: GPL-3.0-or-later
#include "BranchName.h"

#include <QStringList>

namespace EnvDeck {

namespace {

QString quoted(QStringView text)
{
    return QStringLiteral("“%1”").arg(text);
}

} // namespace

QString BranchName::problem(const QString &name)
{
    if (name.isEmpty())
        return tr("Enter a name for the new branch.");
    for (const QChar c : name) {
        if (c.isSpace())
            return tr("A branch name cannot contain spaces.");
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return tr("A branch name cannot contain control characters.");
    }
    for (const QChar c : QStringLiteral("~^:?*[\\")) {
        if (name.contains(c))
            return tr("A branch name cannot contain %1.").arg(quoted(QStringView(&c, 1)));
    }
    if (name.contains(QLatin1String("..")))
        return tr("A branch name cannot contain %1.").arg(quoted(u".."));
    if (name.contains(QLatin1String("@{")))
        return tr("A branch name cannot contain %1.").arg(quoted(u"@{"));
    if (name == QLatin1String("@") || name == QLatin1String("HEAD"))
        return tr("%1 is reserved by Git.").arg(quoted(name));
    // Git would read a leading dash as an option.
    if (name.startsWith(u'-'))
        return tr("A branch name cannot start with %1.").arg(quoted(u"-"));
    if (name.startsWith(u'/') || name.endsWith(u'/') || name.contains(QLatin1String("//")))
        return tr("A branch name cannot start or end with %1 or contain %2.")
            .arg(quoted(u"/"), quoted(u"//"));
    if (name.endsWith(u'.'))
        return tr("A branch name cannot end with %1.").arg(quoted(u"."));
    // Each folder-like part is a file under refs/heads/, hence the rules about dots and locks.
    for (const QString &part : name.split(u'/')) {
        if (part.startsWith(u'.'))
            return tr("No part of a branch name can start with %1.").arg(quoted(u"."));
        if (part.endsWith(QLatin1String(".lock")))
            return tr("No part of a branch name can end with %1.").arg(quoted(u".lock"));
    }
    return {};
}

} // namespace EnvDeck
