// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepositoryWriter.h"

#include "core/Logging.h"

#include <QElapsedTimer>

namespace EnvDeck::Demo {

using RefdbHandle = Git::Handle<git_refdb, git_refdb_free>;

Result<std::unique_ptr<RepositoryWriter>> RepositoryWriter::create(const QString &path)
{
    std::unique_ptr<RepositoryWriter> writer(new RepositoryWriter);
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags
        = GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
    options.initial_head = "main";
    const QByteArray nativePath = path.toUtf8();
    if (git_repository_init_ext(writer->m_repository.out(), nativePath.constData(), &options) < 0)
        return Git::lastError(QStringLiteral("Cannot create the repository %1").arg(path));
    writer->m_repository.adopt();
    Result<std::unique_ptr<Git::ObjectWriter>> objects
        = Git::ObjectWriter::create(writer->m_repository.get());
    if (!objects)
        return objects.error();
    writer->m_objects = std::move(*objects);
    return writer;
}

Result<void> RepositoryWriter::setFile(const QString &path, const QByteArray &content)
{
    const QByteArray nativePath = path.toUtf8();
    Result<git_oid> blob = m_objects->writeBlob(content, nativePath);
    if (!blob)
        return blob.error();
    return m_tree.setFile(nativePath, *blob);
}

Result<git_oid> RepositoryWriter::commit(const QList<git_oid> &parents,
                                         const Git::Signature &author,
                                         const Git::Signature &committer, const QString &message)
{
    Result<git_oid> tree = m_objects->writeTree(m_tree);
    if (!tree)
        return tree.error();
    return m_objects->writeCommit(*tree, parents, author, committer, message);
}

int RepositoryWriter::terraformFiles() const
{
    int count = 0;
    m_tree.forEachFile([&count](const QByteArray &path, const git_oid &) {
        if (path.endsWith(".tf"))
            ++count;
    });
    return count;
}

void RepositoryWriter::setBranch(const QString &name, const git_oid &target)
{
    for (Ref &ref : m_branches) {
        if (ref.name == name) {
            ref.target = target;
            return;
        }
    }
    m_branches.append({name, target});
}

void RepositoryWriter::addTag(const QString &name, const git_oid &commit)
{
    m_tags.append({name, commit});
}

Result<void> RepositoryWriter::addAnnotatedTag(const QString &name, const git_oid &commit,
                                               const Git::Signature &tagger, const QString &message)
{
    Result<git_oid> tag = m_objects->writeAnnotatedTag(commit, name, tagger, message);
    if (!tag)
        return tag.error();
    m_tags.append({name, *tag});
    return Result<void>::success();
}

Result<void> RepositoryWriter::finish(const Git::ObjectWriter::Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    // Refs first, while the objects they point at are still served from memory; libgit2 checks
    // that a ref's target exists.
    const auto create = [this](const QString &refName, const git_oid &target) -> Result<void> {
        Git::ReferenceHandle ref;
        const QByteArray name = refName.toUtf8();
        if (Git::call(ref, git_reference_create, m_repository.get(), name.constData(), &target, 1,
                      nullptr)
            < 0)
            return Git::lastError(QStringLiteral("Cannot create %1").arg(refName));
        return Result<void>::success();
    };
    for (const Ref &branch : m_branches) {
        if (Result<void> r = create(QStringLiteral("refs/heads/") + branch.name, branch.target); !r)
            return r;
    }
    for (const Ref &tag : m_tags) {
        if (Result<void> r = create(QStringLiteral("refs/tags/") + tag.name, tag.target); !r)
            return r;
    }
    // Thousands of tags belong in packed-refs, as `git gc` would leave them.
    RefdbHandle refdb;
    if (Git::call(refdb, git_repository_refdb, m_repository.get()) < 0
        || git_refdb_compress(refdb.get()) < 0)
        return Git::lastError(QStringLiteral("Cannot pack the references"));

    const qint64 refsMs = timer.elapsed();
    if (Result<void> packed = m_objects->finish(progress); !packed)
        return packed;
    qCDebug(lcDemo, "Wrote %lld branches and %lld tags in %lld ms, the pack in %lld ms",
            qlonglong(m_branches.size()), qlonglong(m_tags.size()), refsMs,
            timer.elapsed() - refsMs);
    return Result<void>::success();
}

} // namespace EnvDeck::Demo
