// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <git2.h>

#include <QByteArray>

#include <functional>
#include <map>
#include <memory>

namespace EnvDeck::Git {

// A directory tree kept in memory between commits: files point at blob ids, directories cache the
// id of the tree object they were last written as, and a change marks only the directories on its
// path dirty. write() serialises just the dirty directories, so a commit that changes one file in a
// repository of thousands costs a handful of tree objects instead of a whole tree walk.
//
// Copies are cheap snapshots: nodes are shared and copied on the first write through either copy.
class MutableTree
{
public:
    enum class FileMode { Regular, Executable };

    // Receives the raw bytes of a tree object (git's binary format) and the directory's path
    // ("" for the root); returns the id it was stored under.
    using TreeSink = std::function<Result<git_oid>(const QByteArray &data, const QByteArray &path)>;

    MutableTree();

    // `path` is relative with '/' separators ("environments/dev/main.tf"); missing directories are
    // created. Fails when a path component is already used by a file (or the file by a directory).
    Result<void> setFile(const QByteArray &path, const git_oid &blob,
                         FileMode mode = FileMode::Regular);
    // Removes a file; directories left empty disappear. Returns false when there was no such file.
    bool removeFile(const QByteArray &path);
    // The blob id at `path`, or nullptr.
    const git_oid *fileId(const QByteArray &path) const;

    // Writes the dirty directories bottom-up and returns the root tree id.
    Result<git_oid> write(const TreeSink &sink);

    // Every file with its blob id, in git's tree order.
    void forEachFile(
        const std::function<void(const QByteArray &path, const git_oid &blob)> &visit) const;
    qsizetype fileCount() const;

private:
    struct Node;
    struct Entry
    {
        git_oid blob{}; // files only
        quint32 mode = 0;
        std::shared_ptr<Node> tree; // directories only
    };
    struct Node
    {
        // Keyed by git's sort key: the name, with '/' appended for directories, so iteration
        // order is exactly the order git requires inside a tree object.
        std::map<QByteArray, Entry> entries;
        mutable git_oid id{};
        mutable bool dirty = true;
    };

    static Node *detach(std::shared_ptr<Node> &node);
    static Result<git_oid> writeNode(const Node &node, const QByteArray &path,
                                     const TreeSink &sink);

    std::shared_ptr<Node> m_root;
};

} // namespace EnvDeck::Git
