// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/GitHandle.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace EnvDeck::Git {

// Reads files as they were at one revision ("main", "origin/main~3", a commit id), straight from
// the object database: the work tree is never touched. Use it on one thread only.
class RevisionReader
{
public:
    // Opens the repository that contains `path` and resolves `revision` to a commit.
    static Result<RevisionReader> open(const QString &path, const QString &revision);

    // The file's bytes at the revision; std::nullopt when it does not exist there.
    Result<std::optional<QByteArray>> read(const QString &relativePath) const;

    QString commitId() const { return m_commitId; }
    QString revision() const { return m_revision; }

private:
    RepositoryHandle m_repository;
    TreeHandle m_tree;
    QString m_commitId;
    QString m_revision;
};

} // namespace EnvDeck::Git
