// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "git/GitHandle.h"
#include "git/MutableTree.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace EnvDeck::Git {

// Who and when, as git records it in commits and annotated tags.
struct Signature
{
    QString name;
    QString email;
    qint64 time = 0;       // seconds since the epoch, UTC
    int offsetMinutes = 0; // the person's time zone, e.g. +60 for CET
};

// Writes many objects fast: while it lives, every object written to the repository goes into an
// in-memory object database (libgit2's mempack backend); finish() writes them all as one
// delta-compressed pack under objects/pack. Commits, trees and annotated tags are formatted here
// (git's object formats are stable and simple) so no object is read back while writing.
//
// Not thread-safe; use one writer per repository and thread.
class ObjectWriter
{
public:
    // `repository` must outlive the writer.
    static Result<std::unique_ptr<ObjectWriter>> create(git_repository *repository);
    ~ObjectWriter();
    ObjectWriter(const ObjectWriter &) = delete;
    ObjectWriter &operator=(const ObjectWriter &) = delete;

    // `path` names the file the blob is written for; it only helps finish() pair delta bases.
    Result<git_oid> writeBlob(const QByteArray &data, const QByteArray &path = {});
    Result<git_oid> writeTree(MutableTree &tree);
    Result<git_oid> writeCommit(const git_oid &tree, const QList<git_oid> &parents,
                                const Signature &author, const Signature &committer,
                                const QString &message);
    Result<git_oid> writeAnnotatedTag(const git_oid &commit, const QString &name,
                                      const Signature &tagger, const QString &message);

    // Called with (objects done, objects total) while packing; return false to cancel.
    using Progress = std::function<bool(quint64 done, quint64 total)>;
    // Packs every object written so far into the repository and empties the memory store.
    Result<void> finish(const Progress &progress = {});

    qsizetype objectsWritten() const;

    // "Name <email> 1700000000 +0100" as in commit and tag headers.
    static QByteArray formatSignature(const Signature &signature);

private:
    explicit ObjectWriter(git_repository *repository);
    Result<git_oid> write(const QByteArray &data, git_object_t type);

    struct Written
    {
        git_oid id;
        QByteArray path;
    };

    git_repository *m_repository = nullptr;
    OdbHandle m_odb;
    git_odb_backend *m_mempack = nullptr; // owned by m_odb once added
    QList<git_oid> m_commits;
    QList<git_oid> m_tags;
    QList<Written> m_trees;
    QList<Written> m_blobs;
    bool m_finished = false;
};

} // namespace EnvDeck::Git
