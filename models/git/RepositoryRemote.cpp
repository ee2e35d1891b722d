// SPDX-License-Identifier: GPL-3.0-or-later
// The network half of Repository (clone, fetch, push) and the in-memory rebase that follows a
// rejected push.
#include "Repository.h"

#include "core/Logging.h"

#include <QRegularExpression>

#include <vector>

namespace EnvDeck::Git {

namespace {

QString serverLines(const QString &messages)
{
    QStringList lines;
    for (QString line :
         messages.split(QRegularExpression(QStringLiteral("[\r\n]+")), Qt::SkipEmptyParts)) {
        line = line.trimmed();
        if (!line.isEmpty())
            lines.append(QStringLiteral("remote: ") + line);
    }
    return lines.join(QLatin1Char('\n'));
}

bool looksNonFastForward(const QString &status)
{
    return status.contains(QLatin1String("non-fast-forward"))
           || status.contains(QLatin1String("fetch first"));
}

} // namespace

Result<Repository> Repository::clone(const QString &url, const QString &path,
                                     const RemoteOptions &options)
{
    RemoteSession session(url, options);
    git_clone_options clone = GIT_CLONE_OPTIONS_INIT;
    session.install(clone.fetch_opts.callbacks);
    session.install(clone.checkout_opts);
    Repository repository;
    const QByteArray nativeUrl = url.toUtf8();
    const QByteArray nativePath = path.toUtf8();
    if (call(repository.m_repository, git_clone, nativeUrl.constData(), nativePath.constData(),
             &clone)
        < 0)
        return session.failure(QStringLiteral("Cannot clone %1").arg(redactUrl(url)));
    qCInfo(lcGit).noquote() << "cloned" << redactUrl(url) << "into" << path;
    return repository;
}

QString Repository::remoteUrl(const QString &remote) const
{
    RemoteHandle handle;
    const QByteArray name = remote.toUtf8();
    if (call(handle, git_remote_lookup, raw(), name.constData()) < 0)
        return {};
    return fromUtf8(git_remote_url(handle.get()));
}

Result<void> Repository::fetch(const QString &remote, const RemoteOptions &options)
{
    RemoteHandle handle;
    const QByteArray name = remote.toUtf8();
    if (call(handle, git_remote_lookup, raw(), name.constData()) < 0)
        return Error(QStringLiteral("there is no remote `%1`").arg(remote));
    RemoteSession session(fromUtf8(git_remote_url(handle.get())), options);
    git_fetch_options fetch = GIT_FETCH_OPTIONS_INIT;
    session.install(fetch.callbacks);
    if (git_remote_fetch(handle.get(), nullptr, &fetch, nullptr) < 0)
        return session.failure(QStringLiteral("Cannot fetch from %1")
                                   .arg(redactUrl(fromUtf8(git_remote_url(handle.get())))));
    return {};
}

Result<PushResult> Repository::push(const QString &remote, const QString &localBranch,
                                    const QString &remoteBranch, const RemoteOptions &options)
{
    if (!branchExists(localBranch))
        return Error(QStringLiteral("there is no branch `%1`").arg(localBranch));
    const QString target = remoteBranch.isEmpty() ? localBranch : remoteBranch;
    return push(remote,
                QStringList{QStringLiteral("refs/heads/%1:refs/heads/%2").arg(localBranch, target)},
                options);
}

Result<PushResult> Repository::push(const QString &remote, const QStringList &refspecs,
                                    const RemoteOptions &options)
{
    RemoteHandle handle;
    const QByteArray name = remote.toUtf8();
    if (call(handle, git_remote_lookup, raw(), name.constData()) < 0)
        return Error(QStringLiteral("there is no remote `%1`").arg(remote));
    const QString url = fromUtf8(git_remote_pushurl(handle.get()) ? git_remote_pushurl(handle.get())
                                                                  : git_remote_url(handle.get()));
    RemoteSession session(url, options);
    git_push_options push = GIT_PUSH_OPTIONS_INIT;
    session.install(push.callbacks);

    QList<QByteArray> keep;
    std::vector<char *> specs;
    for (const QString &spec : refspecs) {
        keep.append(spec.toUtf8());
        specs.push_back(keep.last().data());
    }
    const git_strarray array{specs.data(), specs.size()};
    const int rc = git_remote_push(handle.get(), &array, &push);

    PushResult result;
    if (rc == GIT_ENONFASTFORWARD) {
        // libgit2 checks before sending anything, the way `git push` does.
        result.isNonFastForward = true;
        result.rejectedReason
            = QStringLiteral("non-fast-forward: the remote branch has commits you do not have");
        qCInfo(lcGit).noquote() << "push to" << redactUrl(url)
                                << "rejected:" << result.rejectedReason;
        return result;
    }
    if (rc < 0)
        return session.failure(QStringLiteral("Cannot push to %1").arg(redactUrl(url)));
    if (!session.rejection().isEmpty()) {
        result.isNonFastForward = looksNonFastForward(session.rejection());
        result.rejectedReason = session.scrub(session.rejection());
        if (result.isNonFastForward)
            result.rejectedReason.prepend(QStringLiteral(
                "non-fast-forward: the remote branch has commits you do not have: "));
        if (const QString lines = serverLines(session.scrub(session.serverMessages()));
            !lines.isEmpty())
            result.rejectedReason += QLatin1Char('\n') + lines;
        qCInfo(lcGit).noquote() << "push to" << redactUrl(url)
                                << "rejected:" << result.rejectedReason;
        return result;
    }
    result.pushed = true;
    qCInfo(lcGit).noquote() << "pushed" << refspecs.join(QLatin1Char(' ')) << "to"
                            << redactUrl(url);
    return result;
}

Result<QString> Repository::rebaseOnto(const QString &branch, const QString &upstreamRef)
{
    if (const State current = state(); current != State::Clean)
        return Error(QStringLiteral("cannot rebase: another git operation is in progress"));
    ReferenceHandle branchRef;
    const QByteArray branchName = branch.toUtf8();
    if (call(branchRef, git_branch_lookup, raw(), branchName.constData(), GIT_BRANCH_LOCAL) < 0)
        return Error(QStringLiteral("there is no branch `%1`").arg(branch));
    const git_oid oldTip = *git_reference_target(branchRef.get());
    const Result<git_oid> upstream = resolveCommit(upstreamRef);
    if (!upstream)
        return upstream.error();

    RevwalkHandle walk;
    if (call(walk, git_revwalk_new, raw()) < 0
        || git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE) < 0
        || git_revwalk_push(walk.get(), &oldTip) < 0
        || git_revwalk_hide(walk.get(), &*upstream) < 0)
        return lastError(QStringLiteral("Cannot list the commits of %1").arg(branch));
    QList<git_oid> toReplay;
    git_oid next{};
    while (git_revwalk_next(&next, walk.get()) == 0)
        toReplay.append(next);

    const Result<Signature> me = identity();
    git_oid onto = *upstream;
    for (const git_oid &id : toReplay) {
        CommitHandle commit;
        CommitHandle parent;
        CommitHandle ontoCommit;
        TreeHandle parentTree;
        TreeHandle commitTree;
        TreeHandle ontoTree;
        if (call(commit, git_commit_lookup, raw(), &id) < 0)
            return lastError(QStringLiteral("Cannot read commit %1").arg(toShortHex(id)));
        if (git_commit_parentcount(commit.get()) != 1)
            return Error(
                QStringLiteral("cannot replay %1: it is a merge commit; nothing was changed")
                    .arg(toShortHex(id)));
        if (call(parent, git_commit_parent, commit.get(), 0) < 0
            || call(parentTree, git_commit_tree, parent.get()) < 0
            || call(commitTree, git_commit_tree, commit.get()) < 0
            || call(ontoCommit, git_commit_lookup, raw(), &onto) < 0
            || call(ontoTree, git_commit_tree, ontoCommit.get()) < 0)
            return lastError(QStringLiteral("Cannot read commit %1").arg(toShortHex(id)));

        git_merge_options merge = GIT_MERGE_OPTIONS_INIT;
        IndexHandle index;
        if (call(index, git_merge_trees, raw(), parentTree.get(), ontoTree.get(), commitTree.get(),
                 &merge)
            < 0)
            return lastError(QStringLiteral("Cannot replay %1").arg(toShortHex(id)));
        if (git_index_has_conflicts(index.get())) {
            QStringList paths;
            for (size_t i = 0; i < git_index_entrycount(index.get()); ++i) {
                const git_index_entry *entry = git_index_get_byindex(index.get(), i);
                const QString path = fromUtf8(entry->path);
                if (git_index_entry_is_conflict(entry) && !paths.contains(path))
                    paths.append(path);
            }
            return Error(
                QStringLiteral("cannot rebase %1 onto %2: commit %3 \"%4\" conflicts in %5; "
                               "nothing was changed")
                    .arg(branch, upstreamRef, toShortHex(id),
                         fromUtf8(git_commit_summary(commit.get())),
                         paths.join(QStringLiteral(", "))));
        }
        git_oid treeId{};
        TreeHandle tree;
        if (git_index_write_tree_to(&treeId, index.get(), raw()) < 0
            || call(tree, git_tree_lookup, raw(), &treeId) < 0)
            return lastError(QStringLiteral("Cannot replay %1").arg(toShortHex(id)));

        // A replayed commit keeps its author; the committer is whoever replays it.
        SignatureHandle committer;
        if (me) {
            const QByteArray name = me->name.toUtf8();
            const QByteArray email = me->email.toUtf8();
            git_signature_now(committer.out(), name.constData(), email.constData());
            committer.adopt();
        }
        const git_commit *parents[] = {ontoCommit.get()};
        git_oid replayed{};
        if (git_commit_create(&replayed, raw(), nullptr, git_commit_author(commit.get()),
                              committer ? committer.get() : git_commit_committer(commit.get()),
                              git_commit_message_encoding(commit.get()),
                              git_commit_message_raw(commit.get()), tree.get(), 1, parents)
            < 0)
            return lastError(QStringLiteral("Cannot replay %1").arg(toShortHex(id)));
        onto = replayed;
    }

    // The work tree follows only when the branch is checked out; a safe checkout keeps local
    // edits and refuses before touching anything when they would be overwritten.
    ReferenceHandle head;
    const bool checkedOut
        = !isHeadDetached() && call(head, git_repository_head, raw()) == 0
          && qstrcmp(git_reference_name(head.get()), git_reference_name(branchRef.get())) == 0;
    if (checkedOut) {
        CommitHandle tip;
        git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
        checkout.checkout_strategy = GIT_CHECKOUT_SAFE;
        if (call(tip, git_commit_lookup, raw(), &onto) < 0
            || git_checkout_tree(raw(), reinterpret_cast<const git_object *>(tip.get()), &checkout)
                   < 0)
            return lastError(
                QStringLiteral("Cannot update the work tree of %1; nothing was changed")
                    .arg(branch));
    }
    ReferenceHandle moved;
    const QByteArray log = QStringLiteral("rebase onto %1").arg(upstreamRef).toUtf8();
    if (call(moved, git_reference_create_matching, raw(), git_reference_name(branchRef.get()),
             &onto, 1, &oldTip, log.constData())
        < 0)
        return lastError(QStringLiteral("Cannot move %1").arg(branch));
    qCInfo(lcGit).noquote() << "rebased" << toReplay.size() << "commit(s) of" << branch << "onto"
                            << upstreamRef;
    return toHex(onto);
}

} // namespace EnvDeck::Git
