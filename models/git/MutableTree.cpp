// SPDX-License-Identifier: GPL-3.0-or-later
#include "MutableTree.h"

#include <QList>

namespace EnvDeck::Git {
namespace {

constexpr quint32 ModeTree = 0040000;
constexpr quint32 ModeFile = 0100644;
constexpr quint32 ModeExecutable = 0100755;

QByteArray directoryKey(const QByteArray &name)
{
    return name + '/';
}

bool validComponent(const QByteArray &name)
{
    return !name.isEmpty() && name != "." && name != ".." && !name.contains('\0');
}

} // namespace

MutableTree::MutableTree()
    : m_root(std::make_shared<Node>())
{}

MutableTree::Node *MutableTree::detach(std::shared_ptr<Node> &node)
{
    // Copy on write: a node still referenced by a snapshot is cloned before it changes.
    if (node.use_count() > 1)
        node = std::make_shared<Node>(*node);
    node->dirty = true;
    return node.get();
}

Result<void> MutableTree::setFile(const QByteArray &path, const git_oid &blob, FileMode mode)
{
    const QList<QByteArray> parts = path.split('/');
    for (const QByteArray &part : parts) {
        if (!validComponent(part))
            return Error(QStringLiteral("Invalid path in tree: ") + QString::fromUtf8(path));
    }

    // Look before changing anything so that a failing call leaves the tree as it was.
    const Node *probe = m_root.get();
    for (qsizetype i = 0; probe && i < parts.size(); ++i) {
        const bool last = i + 1 == parts.size();
        const QByteArray &name = parts.at(i);
        if (probe->entries.count(last ? directoryKey(name) : name))
            return Error(QStringLiteral("Path conflicts with an existing %1: %2")
                             .arg(last ? QStringLiteral("directory") : QStringLiteral("file"),
                                  QString::fromUtf8(path)));
        if (last)
            break;
        const auto it = probe->entries.find(directoryKey(name));
        probe = it == probe->entries.end() ? nullptr : it->second.tree.get();
    }

    const quint32 gitMode = mode == FileMode::Executable ? ModeExecutable : ModeFile;
    if (const git_oid *current = fileId(path)) {
        const auto unchanged = [&] {
            const Node *node = m_root.get();
            for (qsizetype i = 0; i + 1 < parts.size(); ++i)
                node = node->entries.at(directoryKey(parts.at(i))).tree.get();
            return node->entries.at(parts.last()).mode == gitMode;
        };
        if (git_oid_equal(current, &blob) && unchanged())
            return Result<void>::success();
    }

    std::shared_ptr<Node> *slot = &m_root;
    Node *node = detach(*slot);
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        Entry &entry = node->entries[directoryKey(parts.at(i))];
        if (!entry.tree) {
            entry.tree = std::make_shared<Node>();
            entry.mode = ModeTree;
        }
        node = detach(entry.tree);
    }
    Entry &file = node->entries[parts.last()];
    file.blob = blob;
    file.mode = gitMode;
    return Result<void>::success();
}

bool MutableTree::removeFile(const QByteArray &path)
{
    if (!fileId(path))
        return false;
    const QList<QByteArray> parts = path.split('/');

    // Detach the whole path first, then prune directories that became empty from the bottom.
    QList<Node *> chain;
    Node *node = detach(m_root);
    chain.append(node);
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        node = detach(node->entries.at(directoryKey(parts.at(i))).tree);
        chain.append(node);
    }
    node->entries.erase(parts.last());
    for (qsizetype i = parts.size() - 1; i > 0; --i) {
        if (!chain.at(i)->entries.empty())
            break;
        chain.at(i - 1)->entries.erase(directoryKey(parts.at(i - 1)));
    }
    return true;
}

const git_oid *MutableTree::fileId(const QByteArray &path) const
{
    const QList<QByteArray> parts = path.split('/');
    const Node *node = m_root.get();
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        const auto it = node->entries.find(directoryKey(parts.at(i)));
        if (it == node->entries.end())
            return nullptr;
        node = it->second.tree.get();
    }
    const auto it = node->entries.find(parts.last());
    return it == node->entries.end() ? nullptr : &it->second.blob;
}

Result<git_oid> MutableTree::writeNode(const Node &node, const QByteArray &path,
                                       const TreeSink &sink)
{
    if (!node.dirty)
        return node.id;

    QByteArray data;
    data.reserve(qsizetype(node.entries.size()) * 48);
    for (const auto &[key, entry] : node.entries) {
        const bool isTree = entry.tree != nullptr;
        const QByteArray name = isTree ? key.chopped(1) : key;
        git_oid id = isTree && !entry.tree->dirty ? entry.tree->id : entry.blob;
        if (isTree && entry.tree->dirty) {
            const QByteArray childPath = path.isEmpty() ? name : path + '/' + name;
            Result<git_oid> child = writeNode(*entry.tree, childPath, sink);
            if (!child)
                return child.error();
            id = *child;
        }
        data += isTree ? QByteArrayLiteral("40000")
                       : (entry.mode == ModeExecutable ? QByteArrayLiteral("100755")
                                                       : QByteArrayLiteral("100644"));
        data += ' ';
        data += name;
        data += '\0';
        data.append(reinterpret_cast<const char *>(id.id), GIT_OID_RAWSZ);
    }

    Result<git_oid> written = sink(data, path);
    if (!written)
        return written.error();
    node.id = *written;
    node.dirty = false;
    return node.id;
}

Result<git_oid> MutableTree::write(const TreeSink &sink)
{
    return writeNode(*m_root, QByteArray(), sink);
}

void MutableTree::forEachFile(
    const std::function<void(const QByteArray &path, const git_oid &blob)> &visit) const
{
    const std::function<void(const Node &, const QByteArray &)> walk
        = [&](const Node &node, const QByteArray &prefix) {
              for (const auto &[key, entry] : node.entries) {
                  if (entry.tree)
                      walk(*entry.tree, prefix + key);
                  else
                      visit(prefix + key, entry.blob);
              }
          };
    walk(*m_root, QByteArray());
}

qsizetype MutableTree::fileCount() const
{
    qsizetype count = 0;
    forEachFile([&count](const QByteArray &, const git_oid &) { ++count; });
    return count;
}

} // namespace EnvDeck::Git
