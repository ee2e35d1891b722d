// SPDX-License-Identifier: GPL-3.0-or-later
#include "RevisionReader.h"

namespace EnvDeck::Git {

Result<RevisionReader> RevisionReader::open(const QString &path, const QString &revision)
{
    RevisionReader reader;
    reader.m_revision = revision;
    const QByteArray nativePath = path.toUtf8();
    if (call(reader.m_repository, git_repository_open_ext, nativePath.constData(), 0, nullptr) < 0)
        return lastError(QStringLiteral("Cannot open the repository at %1").arg(path));

    ObjectHandle object;
    const QByteArray spec = revision.toUtf8();
    if (call(object, git_revparse_single, reader.m_repository.get(), spec.constData()) < 0)
        return Error(QStringLiteral("unknown revision `%1`").arg(revision));
    ObjectHandle peeled;
    if (call(peeled, git_object_peel, object.get(), GIT_OBJECT_COMMIT) < 0)
        return Error(QStringLiteral("`%1` does not name a commit").arg(revision));
    const auto *commit = reinterpret_cast<git_commit *>(peeled.get());
    reader.m_commitId = toHex(*git_commit_id(commit));
    if (call(reader.m_tree, git_commit_tree, commit) < 0)
        return lastError(QStringLiteral("Cannot read the tree of %1").arg(revision));
    return reader;
}

Result<std::optional<QByteArray>> RevisionReader::read(const QString &relativePath) const
{
    TreeEntryHandle entry;
    const QByteArray path = relativePath.toUtf8();
    const int rc = call(entry, git_tree_entry_bypath, m_tree.get(), path.constData());
    if (rc == GIT_ENOTFOUND)
        return std::optional<QByteArray>();
    if (rc < 0)
        return lastError(QStringLiteral("Cannot look up %1 at %2").arg(relativePath, m_revision));
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB)
        return std::optional<QByteArray>();
    ObjectHandle object;
    if (call(object, git_tree_entry_to_object, git_tree_owner(m_tree.get()), entry.get()) < 0)
        return lastError(QStringLiteral("Cannot read %1 at %2").arg(relativePath, m_revision));
    const auto *blob = reinterpret_cast<git_blob *>(object.get());
    return std::optional<QByteArray>(QByteArray(
        static_cast<const char *>(git_blob_rawcontent(blob)), qsizetype(git_blob_rawsize(blob))));
}

} // namespace EnvDeck::Git
