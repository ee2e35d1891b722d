// SPDX-License-Identifier: GPL-3.0-or-later
// The diff half of Repository: patch text and statistics, as `git diff` shows them.
#include "Repository.h"

#include <vector>

namespace EnvDeck::Git {

namespace {

using PatchHandle = Handle<git_patch, git_patch_free>;

// `git diff` finds renames by default (diff.renames, since git 2.9); libgit2 only when asked.
Result<void> findRenames(git_diff *diff)
{
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES;
    if (git_diff_find_similar(diff, &find) < 0)
        return lastError(QStringLiteral("Cannot detect renamed files"));
    return {};
}

Result<QString> patchText(git_diff *diff)
{
    if (const Result<void> renamed = findRenames(diff); !renamed)
        return renamed.error();
    git_buf text = GIT_BUF_INIT;
    if (git_diff_to_buf(&text, diff, GIT_DIFF_FORMAT_PATCH) < 0)
        return lastError(QStringLiteral("Cannot format the diff"));
    QString result = QString::fromUtf8(text.ptr, qsizetype(text.size));
    git_buf_dispose(&text);
    return result;
}

// git's defaults: 3 lines of context, binary files named, not dumped.
git_diff_options defaultOptions()
{
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.context_lines = 3;
    options.interhunk_lines = 0;
    return options;
}

} // namespace

Result<QString> Repository::diffWorkTreeToHead(const QStringList &paths) const
{
    return diffPaths(DiffSides::WorkTreeToHead, paths);
}

Result<QString> Repository::diffIndexToHead(const QStringList &paths) const
{
    return diffPaths(DiffSides::IndexToHead, paths);
}

Result<QString> Repository::diffWorkTreeToIndex(const QStringList &paths) const
{
    return diffPaths(DiffSides::WorkTreeToIndex, paths);
}

Result<QString> Repository::diffPaths(DiffSides sides, const QStringList &paths) const
{
    git_diff_options options = defaultOptions();
    QList<QByteArray> keep;
    std::vector<char *> specs;
    for (const QString &path : paths) {
        keep.append(path.toUtf8());
        specs.push_back(keep.last().data());
    }
    options.pathspec.strings = specs.data();
    options.pathspec.count = specs.size();
    DiffHandle diff;
    if (sides == DiffSides::WorkTreeToIndex) {
        // `git diff`: what is not staged yet.
        if (call(diff, git_diff_index_to_workdir, raw(), nullptr, &options) < 0)
            return lastError(QStringLiteral("Cannot compare the work tree with the index"));
        return patchText(diff.get());
    }
    const Result<TreeHandle> head = treeOf(QStringLiteral("HEAD"));
    if (!head)
        return head.error();
    if (sides == DiffSides::IndexToHead) {
        // `git diff --cached`: what the next commit takes as it stands.
        if (call(diff, git_diff_tree_to_index, raw(), head->get(), nullptr, &options) < 0)
            return lastError(QStringLiteral("Cannot compare the index with HEAD"));
        return patchText(diff.get());
    }
    // With the index, as `git diff HEAD` does: it finds the work tree files the index lists.
    if (call(diff, git_diff_tree_to_workdir_with_index, raw(), head->get(), &options) < 0)
        return lastError(QStringLiteral("Cannot compare the work tree with HEAD"));
    return patchText(diff.get());
}

Result<DiffHandle> Repository::diffTrees(const QString &fromRev, const QString &toRev) const
{
    const Result<TreeHandle> from = treeOf(fromRev);
    if (!from)
        return from.error();
    const Result<TreeHandle> to = treeOf(toRev);
    if (!to)
        return to.error();
    git_diff_options options = defaultOptions();
    DiffHandle diff;
    if (call(diff, git_diff_tree_to_tree, raw(), from->get(), to->get(), &options) < 0)
        return lastError(QStringLiteral("Cannot compare %1 with %2").arg(fromRev, toRev));
    return diff;
}

Result<QString> Repository::diffCommits(const QString &fromRev, const QString &toRev) const
{
    Result<DiffHandle> diff = diffTrees(fromRev, toRev);
    if (!diff)
        return diff.error();
    return patchText(diff->get());
}

Result<DiffStat> Repository::diffStat(const QString &fromRev, const QString &toRev) const
{
    Result<DiffHandle> found = diffTrees(fromRev, toRev);
    if (!found)
        return found.error();
    const DiffHandle &diff = *found;

    if (const Result<void> renamed = findRenames(diff.get()); !renamed)
        return renamed.error();

    DiffStat stat;
    const size_t count = git_diff_num_deltas(diff.get());
    for (size_t i = 0; i < count; ++i) {
        PatchHandle patch;
        if (call(patch, git_patch_from_diff, diff.get(), i) < 0)
            return lastError(QStringLiteral("Cannot count the changes"));
        const git_diff_delta *delta = git_diff_get_delta(diff.get(), i);
        FileDiffStat file;
        file.path = fromUtf8(delta->new_file.path ? delta->new_file.path : delta->old_file.path);
        file.binary = delta->flags & GIT_DIFF_FLAG_BINARY;
        size_t additions = 0;
        size_t deletions = 0;
        if (patch && git_patch_line_stats(nullptr, &additions, &deletions, patch.get()) < 0)
            return lastError(QStringLiteral("Cannot count the changes"));
        file.insertions = int(additions);
        file.deletions = int(deletions);
        stat.insertions += file.insertions;
        stat.deletions += file.deletions;
        stat.perFile.append(file);
    }
    stat.files = int(stat.perFile.size());
    return stat;
}

} // namespace EnvDeck::Git
