// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "git/GitHandle.h"
#include "git/MutableTree.h"
#include "git/ObjectWriter.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace EnvDeck::Demo {

// Builds a bare repository commit by commit: files go into an in-memory tree, each commit writes
// only the blobs and directories that changed, refs are collected and written at the end together
// with one pack of all objects.
class RepositoryWriter
{
public:
    // Creates a bare repository at `path` whose HEAD is refs/heads/main.
    static Result<std::unique_ptr<RepositoryWriter>> create(const QString &path);

    // Sets the content of a file for the next commit; unchanged content costs no object.
    Result<void> setFile(const QString &path, const QByteArray &content);
    Result<git_oid> commit(const QList<git_oid> &parents, const Git::Signature &author,
                           const Git::Signature &committer, const QString &message);

    // The current tree, to come back to after writing a side branch.
    Git::MutableTree tree() const { return m_tree; }
    void setTree(const Git::MutableTree &tree) { m_tree = tree; }
    int terraformFiles() const;

    void setBranch(const QString &name, const git_oid &target);
    void addTag(const QString &name, const git_oid &commit);
    Result<void> addAnnotatedTag(const QString &name, const git_oid &commit,
                                 const Git::Signature &tagger, const QString &message);
    int tagCount() const { return int(m_tags.size()); }

    // Writes branches and tags (packed), then the pack of all objects. `progress` as in
    // Git::ObjectWriter::finish().
    Result<void> finish(const Git::ObjectWriter::Progress &progress);

private:
    RepositoryWriter() = default;

    struct Ref
    {
        QString name;
        git_oid target;
    };

    Git::RepositoryHandle m_repository;
    std::unique_ptr<Git::ObjectWriter> m_objects;
    Git::MutableTree m_tree;
    QList<Ref> m_branches;
    QList<Ref> m_tags;
};

} // namespace EnvDeck::Demo
