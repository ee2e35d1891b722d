// SPDX-License-Identifier: GPL-3.0-or-later
#include "Repository.h"

#include "core/Logging.h"

#include <QDir>
#include <QFileInfo>

#include <vector>

namespace EnvDeck::Git {

namespace {

using StatusListHandle = Handle<git_status_list, git_status_list_free>;

QString stateMessage(Repository::State state)
{
    switch (state) {
    case Repository::State::Merge:
        return QStringLiteral("a merge is in progress: finish or abort it first");
    case Repository::State::Rebase:
        return QStringLiteral("a rebase is in progress: finish or abort it first");
    case Repository::State::CherryPick:
        return QStringLiteral("a cherry-pick is in progress: finish or abort it first");
    case Repository::State::Revert:
        return QStringLiteral("a revert is in progress: finish or abort it first");
    case Repository::State::Bisect:
        return QStringLiteral("a bisect is in progress: finish or reset it first");
    case Repository::State::Other:
        return QStringLiteral("another git operation is in progress: finish or abort it first");
    case Repository::State::Clean:
        break;
    }
    return {};
}

Result<SignatureHandle> toGit(const Signature &signature)
{
    SignatureHandle handle;
    const QByteArray name = signature.name.toUtf8();
    const QByteArray email = signature.email.toUtf8();
    const int rc = signature.time == 0
                       ? call(handle, git_signature_now, name.constData(), email.constData())
                       : call(handle, git_signature_new, name.constData(), email.constData(),
                              git_time_t(signature.time), signature.offsetMinutes);
    if (rc < 0)
        return lastError(QStringLiteral("Invalid identity"));
    return handle;
}

} // namespace

Result<Repository> Repository::open(const QString &path)
{
    Repository repository;
    const QByteArray native = path.toUtf8();
    if (call(repository.m_repository, git_repository_open_ext, native.constData(),
             GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr)
        < 0)
        return lastError(QStringLiteral("Cannot open the repository at %1").arg(path));
    if (git_repository_is_bare(repository.raw()))
        return Error(
            QStringLiteral("%1 is a bare repository: EnvDeck needs a work tree").arg(path));
    return repository;
}

QString Repository::workTree() const
{
    QString path = fromUtf8(git_repository_workdir(raw()));
    if (path.endsWith(QLatin1Char('/')) && path.size() > 1)
        path.chop(1);
    return path;
}

Repository::State Repository::state() const
{
    switch (git_repository_state(raw())) {
    case GIT_REPOSITORY_STATE_NONE:
        return State::Clean;
    case GIT_REPOSITORY_STATE_MERGE:
        return State::Merge;
    case GIT_REPOSITORY_STATE_REBASE:
    case GIT_REPOSITORY_STATE_REBASE_INTERACTIVE:
    case GIT_REPOSITORY_STATE_REBASE_MERGE:
    case GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE:
        return State::Rebase;
    case GIT_REPOSITORY_STATE_CHERRYPICK:
    case GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE:
        return State::CherryPick;
    case GIT_REPOSITORY_STATE_REVERT:
    case GIT_REPOSITORY_STATE_REVERT_SEQUENCE:
        return State::Revert;
    case GIT_REPOSITORY_STATE_BISECT:
        return State::Bisect;
    default:
        return State::Other;
    }
}

bool Repository::isHeadDetached() const
{
    return git_repository_head_detached(raw()) == 1;
}

Result<QString> Repository::currentBranch() const
{
    if (isHeadDetached())
        return Error(QStringLiteral("HEAD is detached: no branch is checked out"));
    ReferenceHandle head;
    const int rc = call(head, git_repository_head, raw());
    if (rc == GIT_EUNBORNBRANCH)
        return Error(QStringLiteral("the current branch has no commits yet"));
    if (rc < 0)
        return lastError(QStringLiteral("Cannot read HEAD"));
    return fromUtf8(git_reference_shorthand(head.get()));
}

Result<QString> Repository::headCommit() const
{
    const Result<git_oid> id = resolveCommit(QStringLiteral("HEAD"));
    if (!id)
        return id.error();
    return toHex(*id);
}

Result<git_oid> Repository::resolveCommit(const QString &revision) const
{
    ObjectHandle object;
    const QByteArray spec = revision.toUtf8();
    if (call(object, git_revparse_single, raw(), spec.constData()) < 0)
        return Error(QStringLiteral("unknown revision `%1`").arg(revision));
    ObjectHandle commit;
    if (call(commit, git_object_peel, object.get(), GIT_OBJECT_COMMIT) < 0)
        return Error(QStringLiteral("`%1` does not name a commit").arg(revision));
    return *git_object_id(commit.get());
}

Result<TreeHandle> Repository::treeOf(const QString &revision) const
{
    const Result<git_oid> id = resolveCommit(revision);
    if (!id)
        return id.error();
    CommitHandle commit;
    TreeHandle tree;
    if (call(commit, git_commit_lookup, raw(), &*id) < 0
        || call(tree, git_commit_tree, commit.get()) < 0)
        return lastError(QStringLiteral("Cannot read the tree of %1").arg(revision));
    return tree;
}

Result<QList<StatusEntry>> Repository::status() const
{
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS
                    | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY;
    StatusListHandle list;
    if (call(list, git_status_list_new, raw(), &options) < 0)
        return lastError(QStringLiteral("Cannot read the status"));
    QList<StatusEntry> entries;
    const size_t count = git_status_list_entrycount(list.get());
    for (size_t i = 0; i < count; ++i) {
        const git_status_entry *entry = git_status_byindex(list.get(), i);
        const unsigned flags = entry->status;
        const git_diff_delta *delta
            = entry->index_to_workdir ? entry->index_to_workdir : entry->head_to_index;
        StatusEntry status;
        status.path = delta ? fromUtf8(delta->new_file.path) : QString();
        status.staged
            = flags
              & (GIT_STATUS_INDEX_NEW | GIT_STATUS_INDEX_MODIFIED | GIT_STATUS_INDEX_DELETED
                 | GIT_STATUS_INDEX_RENAMED | GIT_STATUS_INDEX_TYPECHANGE);
        status.modified = flags & (GIT_STATUS_WT_MODIFIED | GIT_STATUS_WT_TYPECHANGE);
        status.untracked = flags & GIT_STATUS_WT_NEW;
        status.deleted = flags & (GIT_STATUS_INDEX_DELETED | GIT_STATUS_WT_DELETED);
        status.conflicted = flags & GIT_STATUS_CONFLICTED;
        entries.append(status);
    }
    return entries;
}

Result<void> Repository::createBranch(const QString &name, const QString &fromRev)
{
    const QByteArray branchName = name.toUtf8();
    int valid = 0;
    if (git_branch_name_is_valid(&valid, branchName.constData()) < 0 || !valid)
        return Error(QStringLiteral("`%1` is not a valid branch name").arg(name));
    if (branchExists(name))
        return Error(QStringLiteral("branch `%1` already exists").arg(name));
    const Result<git_oid> id = resolveCommit(fromRev);
    if (!id)
        return id.error();
    CommitHandle commit;
    ReferenceHandle branch;
    if (call(commit, git_commit_lookup, raw(), &*id) < 0
        || call(branch, git_branch_create, raw(), branchName.constData(), commit.get(), 0) < 0)
        return lastError(QStringLiteral("Cannot create branch %1").arg(name));
    return {};
}

bool Repository::branchExists(const QString &name) const
{
    ReferenceHandle branch;
    const QByteArray branchName = name.toUtf8();
    return call(branch, git_branch_lookup, raw(), branchName.constData(), GIT_BRANCH_LOCAL) == 0;
}

Result<void> Repository::switchBranch(const QString &name)
{
    ReferenceHandle branch;
    const QByteArray branchName = name.toUtf8();
    if (call(branch, git_branch_lookup, raw(), branchName.constData(), GIT_BRANCH_LOCAL) < 0)
        return Error(QStringLiteral("there is no branch `%1`").arg(name));
    const QString refName = fromUtf8(git_reference_name(branch.get()));
    const Result<TreeHandle> tree = treeOf(refName);
    if (!tree)
        return tree.error();

    QStringList blocked;
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = GIT_CHECKOUT_SAFE;
    options.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT;
    options.notify_payload = &blocked;
    options.notify_cb = [](git_checkout_notify_t, const char *path, const git_diff_file *,
                           const git_diff_file *, const git_diff_file *, void *payload) {
        static_cast<QStringList *>(payload)->append(fromUtf8(path));
        return 0;
    };
    const int rc = git_checkout_tree(raw(), reinterpret_cast<git_object *>(tree->get()), &options);
    if (rc == GIT_ECONFLICT || (rc < 0 && !blocked.isEmpty()))
        return Error(QStringLiteral("cannot switch to `%1`: your local changes to %2 would be "
                                    "overwritten; commit or discard them first")
                         .arg(name, blocked.join(QStringLiteral(", "))));
    if (rc < 0)
        return lastError(QStringLiteral("Cannot switch to %1").arg(name));
    const QByteArray ref = refName.toUtf8();
    if (git_repository_set_head(raw(), ref.constData()) < 0)
        return lastError(QStringLiteral("Cannot switch to %1").arg(name));
    return {};
}

namespace {

// user.name and user.email of `config` (may be null), then GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL.
Signature identityFrom(git_config *config)
{
    Signature signature;
    if (config) {
        const char *value = nullptr;
        if (git_config_get_string(&value, config, "user.name") == 0)
            signature.name = QString::fromUtf8(value);
        if (git_config_get_string(&value, config, "user.email") == 0)
            signature.email = QString::fromUtf8(value);
    }
    const QString envName = qEnvironmentVariable("GIT_AUTHOR_NAME");
    const QString envEmail = qEnvironmentVariable("GIT_AUTHOR_EMAIL");
    if (!envName.isEmpty())
        signature.name = envName;
    if (!envEmail.isEmpty())
        signature.email = envEmail;
    return signature;
}

} // namespace

Result<Signature> Repository::identity() const
{
    ConfigHandle config;
    const bool read = call(config, git_repository_config_snapshot, raw()) == 0;
    const Signature signature = identityFrom(read ? config.get() : nullptr);
    if (signature.name.trimmed().isEmpty() || signature.email.trimmed().isEmpty())
        return Error(QStringLiteral("no commit identity: set user.name and user.email"));
    return signature;
}

Signature Repository::globalIdentity()
{
    ConfigHandle config;
    ConfigHandle snapshot;
    if (call(config, git_config_open_default) != 0
        || call(snapshot, git_config_snapshot, config.get()) != 0)
        return identityFrom(nullptr);
    return identityFrom(snapshot.get());
}

Result<void> Repository::setGlobalIdentity(const QString &name, const QString &email)
{
    if (name.trimmed().isEmpty() || email.trimmed().isEmpty() || name.contains(u'\n')
        || email.contains(u'\n'))
        return Error(QStringLiteral("a commit identity needs a name and an email address"));
    git_buf found = GIT_BUF_INIT;
    QString path;
    if (git_config_find_global(&found) == 0)
        path = fromUtf8(found.ptr);
    git_buf_dispose(&found);
    if (path.isEmpty()) {
        // No global file yet: create it where libgit2 (and git) look for it first.
        git_buf searchPath = GIT_BUF_INIT;
        QString folder = QDir::homePath();
        if (git_libgit2_opts(GIT_OPT_GET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, &searchPath) == 0
            && searchPath.ptr && *searchPath.ptr)
            folder = fromUtf8(searchPath.ptr).section(QLatin1Char(GIT_PATH_LIST_SEPARATOR), 0, 0);
        git_buf_dispose(&searchPath);
        path = QDir(folder).filePath(QStringLiteral(".gitconfig"));
    }
    ConfigHandle config;
    if (call(config, git_config_open_ondisk, path.toUtf8().constData()) < 0)
        return lastError(QStringLiteral("Cannot open %1").arg(path));
    if (git_config_set_string(config.get(), "user.name", name.trimmed().toUtf8().constData()) < 0
        || git_config_set_string(config.get(), "user.email", email.trimmed().toUtf8().constData())
               < 0)
        return lastError(QStringLiteral("Cannot write the identity to %1").arg(path));
    return {};
}

Result<void> Repository::checkCommittable() const
{
    if (const State current = state(); current != State::Clean)
        return Error(stateMessage(current));
    if (isHeadDetached())
        return Error(QStringLiteral("HEAD is detached: switch to a branch before committing"));
    IndexHandle index;
    if (call(index, git_repository_index, raw()) < 0)
        return lastError(QStringLiteral("Cannot read the index"));
    if (git_index_has_conflicts(index.get()))
        return Error(QStringLiteral("the index has unresolved conflicts: resolve them first"));
    return {};
}

Result<git_oid> Repository::buildTree(const QStringList &paths, git_tree *base) const
{
    std::vector<git_tree_update> updates;
    QList<QByteArray> keep; // the updates point into these
    const QString root = workTree();
    for (const QString &path : paths) {
        if (path.isEmpty() || path.startsWith(QLatin1Char('/'))
            || path.contains(QLatin1String("..")) || path.contains(QLatin1Char('\\')))
            return Error(
                QStringLiteral("`%1` is not a relative path inside the work tree").arg(path));
        keep.append(path.toUtf8());
        git_tree_update update{};
        update.path = keep.constLast().constData();
        const QFileInfo file(root + QLatin1Char('/') + path);
        if (file.exists() || file.isSymLink()) {
            if (file.isDir() && !file.isSymLink())
                return Error(QStringLiteral("`%1` is a directory; list its files").arg(path));
            if (git_blob_create_from_workdir(&update.id, raw(), update.path) < 0)
                return lastError(QStringLiteral("Cannot read %1").arg(path));
            update.action = GIT_TREE_UPDATE_UPSERT;
            update.filemode = file.isSymLink()      ? GIT_FILEMODE_LINK
                              : file.isExecutable() ? GIT_FILEMODE_BLOB_EXECUTABLE
                                                    : GIT_FILEMODE_BLOB;
        } else {
            TreeEntryHandle entry;
            if (!base || call(entry, git_tree_entry_bypath, base, update.path) < 0)
                return Error(
                    QStringLiteral("`%1` exists neither in the work tree nor in HEAD").arg(path));
            update.action = GIT_TREE_UPDATE_REMOVE;
        }
        updates.push_back(update);
    }
    git_oid tree{};
    if (base) {
        if (git_tree_create_updated(&tree, raw(), base, updates.size(), updates.data()) < 0)
            return lastError(QStringLiteral("Cannot build the commit tree"));
        return tree;
    }
    // An unborn branch: start from the empty tree.
    TreeBuilderHandle builder;
    TreeHandle empty;
    git_oid emptyId{};
    if (call(builder, git_treebuilder_new, raw(), nullptr) < 0
        || git_treebuilder_write(&emptyId, builder.get()) < 0
        || call(empty, git_tree_lookup, raw(), &emptyId) < 0
        || git_tree_create_updated(&tree, raw(), empty.get(), updates.size(), updates.data()) < 0)
        return lastError(QStringLiteral("Cannot build the commit tree"));
    return tree;
}

Result<QString> Repository::commitFiles(const QStringList &paths, const QString &message,
                                        const Signature &author)
{
    if (paths.isEmpty())
        return Error(QStringLiteral("nothing to commit: no files given"));
    if (const Result<void> ok = checkCommittable(); !ok)
        return ok.error();

    ReferenceHandle head;
    const int headRc = call(head, git_repository_head, raw());
    const bool unborn = headRc == GIT_EUNBORNBRANCH;
    if (headRc < 0 && !unborn)
        return lastError(QStringLiteral("Cannot read HEAD"));
    CommitHandle parent;
    TreeHandle base;
    if (!unborn
        && (call(parent, git_commit_lookup, raw(), git_reference_target(head.get())) < 0
            || call(base, git_commit_tree, parent.get()) < 0))
        return lastError(QStringLiteral("Cannot read the HEAD commit"));

    const Result<git_oid> treeId = buildTree(paths, base.get());
    if (!treeId)
        return treeId.error();
    if (base && git_oid_equal(&*treeId, git_tree_id(base.get())))
        return Error(QStringLiteral("nothing to commit: %1 did not change")
                         .arg(paths.join(QStringLiteral(", "))));
    TreeHandle tree;
    if (call(tree, git_tree_lookup, raw(), &*treeId) < 0)
        return lastError(QStringLiteral("Cannot read the new tree"));
    const Result<SignatureHandle> signature = toGit(author);
    if (!signature)
        return signature.error();

    // The same clean-up `git commit` does: no trailing blanks, one final newline.
    git_buf cleaned = GIT_BUF_INIT;
    const QByteArray rawMessage = message.toUtf8();
    if (git_message_prettify(&cleaned, rawMessage.constData(), 0, '#') < 0)
        return lastError(QStringLiteral("Invalid commit message"));
    const QByteArray cleanMessage(cleaned.ptr, qsizetype(cleaned.size));
    git_buf_dispose(&cleaned);
    if (cleanMessage.trimmed().isEmpty())
        return Error(QStringLiteral("the commit message is empty"));

    git_oid commitId{};
    const git_commit *parents[] = {parent.get()};
    // Updating HEAD through libgit2 checks that the branch still points at `parent`, so a commit
    // made meanwhile by another program is never lost.
    if (git_commit_create(&commitId, raw(), "HEAD", signature->get(), signature->get(), nullptr,
                          cleanMessage.constData(), tree.get(), parent ? 1 : 0, parents)
        < 0)
        return lastError(QStringLiteral("Cannot commit"));

    IndexHandle index;
    if (call(index, git_repository_index, raw()) < 0 || git_index_read(index.get(), 0) < 0)
        return lastError(QStringLiteral("Committed, but cannot read the index"));
    for (const QString &path : paths) {
        const QByteArray native = path.toUtf8();
        const QFileInfo file(workTree() + QLatin1Char('/') + path);
        const int rc = (file.exists() || file.isSymLink())
                           ? git_index_add_bypath(index.get(), native.constData())
                           : git_index_remove_bypath(index.get(), native.constData());
        if (rc < 0)
            return lastError(
                QStringLiteral("Committed, but cannot update the index for %1").arg(path));
    }
    if (git_index_write(index.get()) < 0)
        return lastError(QStringLiteral("Committed, but cannot write the index"));
    qCInfo(lcGit).noquote() << "committed" << paths.size() << "file(s) as" << toShortHex(commitId);
    return toHex(commitId);
}

} // namespace EnvDeck::Git
