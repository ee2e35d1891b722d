// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "git/GitHandle.h"
#include "git/ObjectWriter.h"
#include "git/Remote.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace EnvDeck::Git {

struct StatusEntry
{
    QString path; // relative, '/'
    bool staged = false;
    bool modified = false;
    bool untracked = false;
    bool deleted = false;
    bool conflicted = false;
};

struct FileDiffStat
{
    QString path;
    int insertions = 0;
    int deletions = 0;
    bool binary = false;
};

struct DiffStat
{
    int files = 0;
    int insertions = 0;
    int deletions = 0;
    QList<FileDiffStat> perFile;
};

// A work tree and its repository: what EnvDeck needs to turn an edit into a commit and push it.
// Movable, not copyable, and confined to the thread that uses it (libgit2 objects must not be
// shared between threads): open one per worker.
class Repository
{
public:
    enum class State { Clean, Merge, Rebase, CherryPick, Revert, Bisect, Other };

    static Result<Repository> open(const QString &path);
    static Result<Repository> clone(const QString &url, const QString &path,
                                    const RemoteOptions &options);

    Repository(Repository &&) = default;
    Repository &operator=(Repository &&) = default;

    QString workTree() const;
    State state() const;
    bool isHeadDetached() const;
    Result<QString> currentBranch() const; // Error when detached or unborn
    Result<QString> headCommit() const;    // full hex id
    Result<QList<StatusEntry>> status() const;

    // `git diff HEAD -- paths` as text.
    Result<QString> diffWorkTreeToHead(const QStringList &paths = {}) const;
    // `git diff --cached -- paths`: the staged changes.
    Result<QString> diffIndexToHead(const QStringList &paths = {}) const;
    // `git diff -- paths`: the changes not staged yet.
    Result<QString> diffWorkTreeToIndex(const QStringList &paths = {}) const;
    // `git diff from to` as text.
    Result<QString> diffCommits(const QString &fromRev, const QString &toRev) const;
    Result<DiffStat> diffStat(const QString &fromRev, const QString &toRev) const;

    Result<void> createBranch(const QString &name, const QString &fromRev = QStringLiteral("HEAD"));
    // A safe checkout: refuses when local changes would be overwritten.
    Result<void> switchBranch(const QString &name);
    bool branchExists(const QString &name) const;

    // user.name/user.email from git config; GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL win. time is 0
    // ("now" for commitFiles).
    Result<Signature> identity() const;
    // user.name/user.email of the user's global git configuration, GIT_AUTHOR_* winning, as
    // found: either may be empty. For showing what a repository would commit under.
    static Signature globalIdentity();
    // Writes user.name and user.email to the user's global git configuration (~/.gitconfig,
    // created when missing), so every repository commits under that identity from now on.
    static Result<void> setGlobalIdentity(const QString &name, const QString &email);

    // Commits exactly `paths` as they are in the work tree (a missing file is removed) on top of
    // HEAD; nothing else staged or modified goes in, and it all stays as it was. The index entries
    // of `paths` are updated so they show clean. Returns the new commit id.
    Result<QString> commitFiles(const QStringList &paths, const QString &message,
                                const Signature &author);

    Result<void> fetch(const QString &remote, const RemoteOptions &options);
    // Pushes refs/heads/<localBranch> to refs/heads/<remoteBranch> (empty: the same name). A
    // refusal is a PushResult with pushed=false; the local branch keeps its commits.
    Result<PushResult> push(const QString &remote, const QString &localBranch,
                            const QString &remoteBranch, const RemoteOptions &options);
    Result<PushResult> push(const QString &remote, const QStringList &refspecs,
                            const RemoteOptions &options);
    // Replays the commits of `branch` that `upstreamRef` ("origin/main") lacks onto it, in memory;
    // moves the branch (and the work tree when it is checked out) only when every commit applies
    // cleanly. Returns the new tip.
    Result<QString> rebaseOnto(const QString &branch, const QString &upstreamRef);

    QString remoteUrl(const QString &remote) const;

    git_repository *raw() const { return m_repository.get(); }

private:
    Repository() = default;
    Result<git_oid> resolveCommit(const QString &revision) const;
    Result<TreeHandle> treeOf(const QString &revision) const;
    Result<DiffHandle> diffTrees(const QString &fromRev, const QString &toRev) const;
    enum class DiffSides { WorkTreeToHead, IndexToHead, WorkTreeToIndex };
    Result<QString> diffPaths(DiffSides sides, const QStringList &paths) const;
    Result<void> checkCommittable() const;
    Result<git_oid> buildTree(const QStringList &paths, git_tree *base) const;

    RepositoryHandle m_repository;
};

} // namespace EnvDeck::Git
