// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitTagCatalog.h"

#include "catalog/Semver.h"
#include "git/GitHandle.h"

namespace EnvDeck::GitTagCatalog {

Result<QStringList> listTags(const QString &root)
{
    Git::RepositoryHandle repository;
    const QByteArray path = root.toUtf8();
    if (Git::call(repository, git_repository_open_ext, path.constData(),
                  unsigned(GIT_REPOSITORY_OPEN_NO_SEARCH), nullptr)
        < 0)
        return Git::lastError(QStringLiteral("Cannot open the repository %1").arg(root));
    git_strarray names{};
    if (git_tag_list(&names, repository.get()) < 0)
        return Git::lastError(QStringLiteral("Cannot list the tags of %1").arg(root));
    QStringList tags;
    tags.reserve(qsizetype(names.count));
    for (size_t i = 0; i < names.count; ++i)
        tags << QString::fromUtf8(names.strings[i]);
    git_strarray_dispose(&names);
    return tags;
}

QStringList versionsFor(const QStringList &tags, const QString &pattern, const QString &component)
{
    // Split first, replace second: a `*` in a component name is part of the name.
    const qsizetype star = pattern.indexOf(u'*');
    if (star < 0)
        return {};
    const QString placeholder = QStringLiteral("{component}");
    const QString prefix = pattern.left(star).replace(placeholder, component);
    const QString suffix = pattern.mid(star + 1).replace(placeholder, component);
    QStringList versions;
    for (const QString &tag : tags) {
        if (tag.size() > prefix.size() + suffix.size() && tag.startsWith(prefix)
            && tag.endsWith(suffix))
            versions << tag.mid(prefix.size(), tag.size() - prefix.size() - suffix.size());
    }
    return sortVersionsNewestFirst(versions);
}

} // namespace EnvDeck::GitTagCatalog
