// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/GitHandle.h"

#include <git2.h>

#include <QHashFunctions>
#include <QString>

#include <optional>
#include <unordered_map>

namespace EnvDeck::History {

// Path lookups in one commit's tree that remember every folder they opened. The watched
// environments of one commit are siblings ("environments/dev", "environments/prod", ...), so
// their parent folder is opened once per tree instead of once per lookup, and a tree shared by a
// commit and its child (the child's parent tree) answers both.
class TreePaths
{
public:
    TreePaths(git_repository *repository, Git::TreeHandle root);
    TreePaths(const TreePaths &) = delete;
    TreePaths &operator=(const TreePaths &) = delete;

    git_tree *root() const { return m_root.get(); }
    const git_oid &id() const { return *git_tree_id(m_root.get()); }

    // The id of the entry at `path` (a file or a folder), nullopt when there is none. "" is the
    // root itself.
    std::optional<git_oid> entry(const QString &path);
    // The folder at `path` ("" for the root), nullptr when there is none or it is a file.
    git_tree *folder(const QString &path);
    // The entry `name` (UTF-8) of the folder at `folder`, looked up without being remembered:
    // for the names a walk asks about once per tree.
    std::optional<git_oid> entryIn(const QString &folder, const QByteArray &name);

private:
    git_repository *m_repository;
    Git::TreeHandle m_root;
    struct PathHash
    {
        size_t operator()(const QString &path) const { return qHash(path); }
    };
    std::unordered_map<QString, Git::TreeHandle, PathHash> m_folders; // empty: no such folder
    std::unordered_map<QString, std::optional<git_oid>, PathHash> m_entries;
};

} // namespace EnvDeck::History
