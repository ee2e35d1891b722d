// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "history/DeploymentEvent.h"

#include <QList>
#include <QString>

#include <functional>

namespace EnvDeck::History {

// Reads the deployment history of a repository from Git.
//
// Which files: the environments EnvDeck finds in the work tree (RepositoryLoader: .envdeck.yaml or
// the folder conventions); for each, its versions file and `approvals/<environment>/`.
// Versions written in the environment folder's own .tf, terraform.tfvars and *.auto.tfvars are read
// too (module `version`, `?ref=` of a git source, a helm_release `version` written as a literal or
// as `var.x` with its default or tfvars value); a component also listed in the versions file keeps
// only that file's events. Versions that are computed (locals, yamldecode) come from the versions
// file. `-var-file` files, Terragrunt inputs and subfolders are not read.
//
// Semantics:
//  - every commit reachable from the revision is read; a commit whose relevant tree entries
//    (versions file, approvals folder) have the same ids as in its parent costs only tree lookups;
//  - a non-merge commit's events are the difference between its parent and itself (a root
//    commit: between nothing and itself);
//  - a merge commit produces events only for values that differ from BOTH (all) parents: the
//    conflict resolutions; an approval file counts when no parent has it;
//  - Deploy when a version changes, Add/Remove when a component appears/disappears, Lock/Unlock
//    when `locked` flips (from and to both hold the version at that commit, lockReason set on
//    Lock; a component added already locked gives Add and Lock), Approval when a file appears
//    under approvals/<environment>/ (component = file name without .yaml, to = its `release:`);
//    one commit changing the version and the lock of one component gives two events;
//  - the merge request: the commit's own message when it names one (merge commits, squash
//    merges); otherwise that of the oldest merge naming one that brings the commit in (the
//    commit is reachable from one of its non-first parents and not from the first);
//  - a renamed environment folder (environments/prod -> environments/prod-eu in one commit) keeps
//    its older events under the current name; the rename commit itself gives no Add/Remove;
//  - a versions file that cannot be parsed in some commit is reported in `problems` with
//    `<commit>:<path>:line:column` and gives no events in that commit nor in the commit that
//    next changes it (there is nothing to compare with); the walk continues;
//  - commits not reachable from the revision any more (rewritten history) give no events.
struct ScanOptions
{
    QString revision = QStringLiteral("HEAD");
    // (done, total) during the walk; return false to cancel (the result is then an Error
    // "Cancelled" and the cache is left as it was).
    std::function<bool(int, int)> progress;
    bool useCache = true; // read/write the SQLite cache in the git dir
};

struct HistoryResult
{
    QList<DeploymentEvent>
        events;             // oldest first: author date, then commit order, then env/component/kind
    int commitsScanned = 0; // commits read from git in this call (0 when all came from the cache)
    int commitsTotal = 0;   // commits reachable from the revision
    QList<Error> problems;  // files that could not be read, located at `<commit>:<path>`
};

Result<HistoryResult> readHistory(const QString &repositoryPath, const ScanOptions &options = {});

// The merge request a commit message names: GitLab "See merge request group/project!123" -> "!123",
// Azure DevOps "Merged PR 123: ..." -> "PR 123", GitHub "Merge pull request #123 from ..." ->
// "#123", EnvDeck's local provider "Local merge request 12" -> "#12"; empty when none.
QString mergeRequestFromMessage(const QString &message);

} // namespace EnvDeck::History
