// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/TreePaths.h"

namespace EnvDeck::History {

TreePaths::TreePaths(git_repository *repository, Git::TreeHandle root)
    : m_repository(repository)
    , m_root(std::move(root))
{}

std::optional<git_oid> TreePaths::entry(const QString &path)
{
    if (path.isEmpty())
        return id();
    if (const auto known = m_entries.find(path); known != m_entries.end())
        return known->second;
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    git_tree *parent = folder(slash < 0 ? QString() : path.left(slash));
    std::optional<git_oid> found;
    if (parent) {
        const QByteArray name = path.mid(slash + 1).toUtf8();
        if (const git_tree_entry *item = git_tree_entry_byname(parent, name.constData()))
            found = *git_tree_entry_id(item);
    }
    m_entries.emplace(path, found);
    return found;
}

std::optional<git_oid> TreePaths::entryIn(const QString &folderPath, const QByteArray &name)
{
    if (git_tree *parent = folder(folderPath)) {
        if (const git_tree_entry *item = git_tree_entry_byname(parent, name.constData()))
            return *git_tree_entry_id(item);
    }
    return std::nullopt;
}

git_tree *TreePaths::folder(const QString &path)
{
    if (path.isEmpty())
        return m_root.get();
    if (const auto known = m_folders.find(path); known != m_folders.end())
        return known->second.get();
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    git_tree *parent = folder(slash < 0 ? QString() : path.left(slash));
    Git::TreeHandle opened;
    if (parent) {
        const QByteArray name = path.mid(slash + 1).toUtf8();
        const git_tree_entry *item = git_tree_entry_byname(parent, name.constData());
        if (item && git_tree_entry_type(item) == GIT_OBJECT_TREE)
            Git::call(opened, git_tree_lookup, m_repository, git_tree_entry_id(item));
    }
    git_tree *result = opened.get();
    m_folders.emplace(path, std::move(opened));
    return result;
}

} // namespace EnvDeck::History
