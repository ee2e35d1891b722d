// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <git2.h>

#include <QByteArray>
#include <QString>

#include <memory>

namespace EnvDeck::Git {

// Keeps libgit2 initialised while alive. Create one in main() and in every test's main().
class LibGit2
{
public:
    // Objects are not hashed again on every read: git itself checks them in `git fsck`, not on
    // each read, and the history walk reads tens of thousands (a seventh of its time otherwise).
    LibGit2()
    {
        git_libgit2_init();
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    }
    ~LibGit2() { git_libgit2_shutdown(); }
    LibGit2(const LibGit2 &) = delete;
    LibGit2 &operator=(const LibGit2 &) = delete;

    // "1.5.1"
    static QString version();
};

// An owning libgit2 pointer freed by libgit2's own free function. Raw pointers never leave the
// wrapper classes: callers get them through get() only to pass them straight back into libgit2.
template<typename T, void (*Free)(T *)>
class Handle
{
public:
    Handle() = default;
    explicit Handle(T *pointer)
        : m_ptr(pointer)
    {}

    T *get() const { return m_ptr.get(); }
    explicit operator bool() const { return m_ptr != nullptr; }
    void reset(T *pointer = nullptr) { m_ptr.reset(pointer); }

    // For libgit2's out-parameters: git_repository_open(handle.out(), ...).
    T **out()
    {
        m_ptr.reset();
        return &m_raw.value;
    }
    // Takes ownership of what out() received.
    Handle &adopt()
    {
        m_ptr.reset(m_raw.value);
        m_raw.value = nullptr;
        return *this;
    }

private:
    struct Deleter
    {
        void operator()(T *p) const
        {
            if (p)
                Free(p);
        }
    };
    struct Raw
    {
        T *value = nullptr;
    };
    std::unique_ptr<T, Deleter> m_ptr;
    Raw m_raw;
};

using RepositoryHandle = Handle<git_repository, git_repository_free>;
using CommitHandle = Handle<git_commit, git_commit_free>;
using TreeHandle = Handle<git_tree, git_tree_free>;
using TreeEntryHandle = Handle<git_tree_entry, git_tree_entry_free>;
using BlobHandle = Handle<git_blob, git_blob_free>;
using ReferenceHandle = Handle<git_reference, git_reference_free>;
using RevwalkHandle = Handle<git_revwalk, git_revwalk_free>;
using SignatureHandle = Handle<git_signature, git_signature_free>;
using TreeBuilderHandle = Handle<git_treebuilder, git_treebuilder_free>;
using OdbHandle = Handle<git_odb, git_odb_free>;
using IndexHandle = Handle<git_index, git_index_free>;
using RemoteHandle = Handle<git_remote, git_remote_free>;
using ConfigHandle = Handle<git_config, git_config_free>;
using ObjectHandle = Handle<git_object, git_object_free>;
using DiffHandle = Handle<git_diff, git_diff_free>;

// Calls a libgit2 function that fills an out-parameter and adopts the result:
//   TreeHandle tree; if (int rc = Git::call(tree, git_commit_tree, commit.get()); rc < 0) ...
template<typename H, typename Fn, typename... Args>
int call(H &handle, Fn fn, Args &&...args)
{
    const int rc = fn(handle.out(), std::forward<Args>(args)...);
    handle.adopt();
    return rc;
}

// The error libgit2 recorded for the last failing call on this thread, with a context in front:
// "Cannot open repository /x: could not find repository at '/x'".
Error lastError(const QString &context);

QString toHex(const git_oid &oid);
QString toShortHex(const git_oid &oid, int length = 8);
QString fromUtf8(const char *text);

} // namespace EnvDeck::Git
