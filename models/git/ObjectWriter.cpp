// SPDX-License-Identifier: GPL-3.0-or-later
#include "ObjectWriter.h"

#include "core/Logging.h"

#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

#include <QDir>

namespace EnvDeck::Git {
namespace {

using PackBuilderHandle = Handle<git_packbuilder, git_packbuilder_free>;
using IndexerHandle = Handle<git_indexer, git_indexer_free>;

struct Buffer
{
    git_buf buf = GIT_BUF_INIT;
    Buffer() = default;
    Buffer(const Buffer &) = delete;
    Buffer &operator=(const Buffer &) = delete;
    ~Buffer() { git_buf_dispose(&buf); }
};

struct PackProgress
{
    const ObjectWriter::Progress *callback = nullptr;
    quint64 total = 0;
    bool cancelled = false;
};

int onPackBuild(int stage, uint32_t current, uint32_t total, void *payload)
{
    auto *state = static_cast<PackProgress *>(payload);
    // Stage 0 adds objects, stage 1 searches deltas: report the delta search as the first half.
    if (stage == GIT_PACKBUILDER_DELTAFICATION && total > 0 && *state->callback
        && !(*state->callback)(quint64(current) * state->total / (2 * quint64(total)),
                               state->total)) {
        state->cancelled = true;
        return GIT_EUSER;
    }
    return 0;
}

int onIndex(const git_indexer_progress *stats, void *payload)
{
    auto *state = static_cast<PackProgress *>(payload);
    if (stats->total_objects > 0 && *state->callback
        && !(*state->callback)(state->total / 2
                                   + quint64(stats->indexed_objects) * state->total
                                         / (2 * quint64(stats->total_objects)),
                               state->total)) {
        state->cancelled = true;
        return GIT_EUSER;
    }
    return 0;
}

} // namespace

ObjectWriter::ObjectWriter(git_repository *repository)
    : m_repository(repository)
{}

ObjectWriter::~ObjectWriter()
{
    // Objects never packed are dropped with the backend when the repository's odb goes away;
    // reset now so that a repository kept open does not serve objects that were never stored.
    if (m_mempack && !m_finished)
        git_mempack_reset(m_mempack);
}

Result<std::unique_ptr<ObjectWriter>> ObjectWriter::create(git_repository *repository)
{
    std::unique_ptr<ObjectWriter> writer(new ObjectWriter(repository));
    if (git_repository_odb(writer->m_odb.out(), repository) < 0)
        return lastError(QStringLiteral("Cannot open the object database"));
    writer->m_odb.adopt();
    git_odb_backend *backend = nullptr;
    if (git_mempack_new(&backend) < 0)
        return lastError(QStringLiteral("Cannot create the in-memory object store"));
    // The odb owns the backend from here on. The highest priority makes reads find fresh
    // objects first; writes go straight to the backend (see write()).
    if (git_odb_add_backend(writer->m_odb.get(), backend, 999) < 0) {
        backend->free(backend);
        return lastError(QStringLiteral("Cannot add the in-memory object store"));
    }
    writer->m_mempack = backend;
    return writer;
}

Result<git_oid> ObjectWriter::write(const QByteArray &data, git_object_t type)
{
    if (m_finished)
        return Error(QStringLiteral("The object writer has already been finished"));
    git_oid id;
    if (git_odb_hash(&id, data.constData(), size_t(data.size()), type) < 0)
        return lastError(QStringLiteral("Cannot hash an object"));
    // git_odb_write() would first look for the object in every backend and rescan the pack
    // folder on each miss; writing into the memory store directly skips that per-object cost
    // (the store itself ignores objects it already has).
    if (m_mempack->write(m_mempack, &id, data.constData(), size_t(data.size()), type) < 0)
        return lastError(QStringLiteral("Cannot store an object in memory"));
    return id;
}

Result<git_oid> ObjectWriter::writeBlob(const QByteArray &data, const QByteArray &path)
{
    Result<git_oid> id = write(data, GIT_OBJECT_BLOB);
    if (id)
        m_blobs.append({*id, path});
    return id;
}

Result<git_oid> ObjectWriter::writeTree(MutableTree &tree)
{
    return tree.write([this](const QByteArray &data, const QByteArray &path) -> Result<git_oid> {
        Result<git_oid> id = write(data, GIT_OBJECT_TREE);
        if (id)
            m_trees.append({*id, path});
        return id;
    });
}

QByteArray ObjectWriter::formatSignature(const Signature &signature)
{
    const int offset = signature.offsetMinutes;
    const int magnitude = offset < 0 ? -offset : offset;
    const QByteArray zone = QByteArray(offset < 0 ? "-" : "+")
                            + QByteArray::number(magnitude / 60).rightJustified(2, '0')
                            + QByteArray::number(magnitude % 60).rightJustified(2, '0');
    return signature.name.toUtf8() + " <" + signature.email.toUtf8() + "> "
           + QByteArray::number(signature.time) + ' ' + zone;
}

Result<git_oid> ObjectWriter::writeCommit(const git_oid &tree, const QList<git_oid> &parents,
                                          const Signature &author, const Signature &committer,
                                          const QString &message)
{
    QByteArray data = "tree " + toHex(tree).toLatin1() + '\n';
    for (const git_oid &parent : parents)
        data += "parent " + toHex(parent).toLatin1() + '\n';
    data += "author " + formatSignature(author) + '\n';
    data += "committer " + formatSignature(committer) + "\n\n";
    data += message.toUtf8();
    if (!data.endsWith('\n'))
        data += '\n';
    Result<git_oid> id = write(data, GIT_OBJECT_COMMIT);
    if (id)
        m_commits.append(*id);
    return id;
}

Result<git_oid> ObjectWriter::writeAnnotatedTag(const git_oid &commit, const QString &name,
                                                const Signature &tagger, const QString &message)
{
    QByteArray data = "object " + toHex(commit).toLatin1() + "\ntype commit\ntag " + name.toUtf8()
                      + "\ntagger " + formatSignature(tagger) + "\n\n" + message.toUtf8();
    if (!data.endsWith('\n'))
        data += '\n';
    Result<git_oid> id = write(data, GIT_OBJECT_TAG);
    if (id)
        m_tags.append(*id);
    return id;
}

qsizetype ObjectWriter::objectsWritten() const
{
    return m_commits.size() + m_tags.size() + m_trees.size() + m_blobs.size();
}

Result<void> ObjectWriter::finish(const Progress &progress)
{
    if (m_finished)
        return Result<void>::success();

    PackBuilderHandle builder;
    if (git_packbuilder_new(builder.out(), m_repository) < 0)
        return lastError(QStringLiteral("Cannot start a pack"));
    builder.adopt();
    git_packbuilder_set_threads(builder.get(), 0); // one per CPU

    // Recency order (newest commits, then their trees and blobs) gives the delta search the
    // pairs it is best at; the path names group versions of the same file together.
    const auto insert = [&](const git_oid &id, const QByteArray &path) -> Result<void> {
        if (git_packbuilder_insert(builder.get(), &id, path.isEmpty() ? nullptr : path.constData())
            < 0)
            return lastError(QStringLiteral("Cannot add an object to the pack"));
        return Result<void>::success();
    };
    for (auto it = m_commits.crbegin(); it != m_commits.crend(); ++it) {
        if (Result<void> r = insert(*it, {}); !r)
            return r;
    }
    for (auto it = m_tags.crbegin(); it != m_tags.crend(); ++it) {
        if (Result<void> r = insert(*it, {}); !r)
            return r;
    }
    for (auto it = m_trees.crbegin(); it != m_trees.crend(); ++it) {
        if (Result<void> r = insert(it->id, it->path); !r)
            return r;
    }
    for (auto it = m_blobs.crbegin(); it != m_blobs.crend(); ++it) {
        if (Result<void> r = insert(it->id, it->path); !r)
            return r;
    }

    PackProgress state{&progress, quint64(git_packbuilder_object_count(builder.get())), false};
    git_packbuilder_set_callbacks(builder.get(), onPackBuild, &state);

    // Build the pack in memory, then index it in large slices. libgit2's own
    // git_packbuilder_write() feeds its indexer one object at a time, and the indexer maps and
    // unmaps the growing pack file for every append: tens of thousands of munmap() calls that
    // cost more than the delta search itself.
    Buffer pack;
    const int built = git_packbuilder_write_buf(&pack.buf, builder.get());
    if (state.cancelled)
        return Error(QStringLiteral("Cancelled"));
    if (built < 0)
        return lastError(QStringLiteral("Cannot build the pack"));

    const QString packDir = QDir(QString::fromUtf8(git_repository_path(m_repository)))
                                .filePath(QStringLiteral("objects/pack"));
    if (!QDir().mkpath(packDir))
        return Error(QStringLiteral("Cannot create %1").arg(packDir));
    git_indexer_options options = GIT_INDEXER_OPTIONS_INIT;
    options.progress_cb = onIndex;
    options.progress_cb_payload = &state;
    IndexerHandle indexer;
    if (call(indexer, git_indexer_new, packDir.toUtf8().constData(), 0u, nullptr, &options) < 0)
        return lastError(QStringLiteral("Cannot index the pack"));
    git_indexer_progress stats{};
    constexpr size_t Slice = 16 * 1024 * 1024;
    for (size_t offset = 0; offset < pack.buf.size; offset += Slice) {
        const size_t length = qMin(Slice, pack.buf.size - offset);
        if (git_indexer_append(indexer.get(), pack.buf.ptr + offset, length, &stats) < 0) {
            if (state.cancelled)
                return Error(QStringLiteral("Cancelled"));
            return lastError(QStringLiteral("Cannot index the pack"));
        }
    }
    if (git_indexer_commit(indexer.get(), &stats) < 0) {
        if (state.cancelled)
            return Error(QStringLiteral("Cancelled"));
        return lastError(QStringLiteral("Cannot write the pack index"));
    }

    qCDebug(lcGit, "Wrote a pack of %u objects (%zu bytes) to %s", stats.indexed_objects,
            pack.buf.size, qUtf8Printable(packDir));
    // The objects are on disk now: drop the memory copies and let the odb find the new pack.
    git_mempack_reset(m_mempack);
    git_odb_refresh(m_odb.get());
    m_finished = true;
    m_commits.clear();
    m_tags.clear();
    m_trees.clear();
    m_blobs.clear();
    return Result<void>::success();
}

} // namespace EnvDeck::Git
