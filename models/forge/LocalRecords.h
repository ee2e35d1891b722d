// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "forge/MergeRequest.h"
#include "git/ObjectWriter.h"

#include <QList>
#include <QString>

namespace EnvDeck::Forge {

// Merge requests kept in the repository itself, for teams without a forge and for the demo.
//
// Each one is a ref `refs/envdeck/merge-requests/<number>` pointing at a small commit whose tree
// holds `merge-request.yaml` (number, title, branches, state, author, dates, commits) and
// `description.md`. Every change of state is a new commit on top of the previous one, so the
// history of a record is `git log refs/envdeck/merge-requests/3` and its content is
// `git show refs/envdeck/merge-requests/3:merge-request.yaml` — plain git, no EnvDeck needed.
//
// All functions open the repository themselves: call them from one worker thread at a time.
namespace LocalRecords {

inline constexpr char RefPrefix[] = "refs/envdeck/merge-requests/";

struct Record
{
    MergeRequest request;
    QString description;
    QString sourceCommit; // the source branch tip when the request was opened
    QString mergeCommit;  // set once merged
    QString recordCommit; // the commit the ref points at
};

// Every record, lowest number first.
Result<QList<Record>> list(const QString &repositoryPath);
Result<Record> get(const QString &repositoryPath, int number);

// Records a new open merge request, or returns the open one for the same source branch
// (MergeRequest::reused is then true). Fails when the source branch does not exist.
Result<Record> open(const QString &repositoryPath, const MergeRequestSpec &spec,
                    const Git::Signature &author);

// Merges the request's source branch into its target with a merge commit (never a fast-forward,
// so the merge request stays visible in history as "Merge branch 'x' (local merge request N)").
// Refuses a request that is not open, a missing branch, and conflicting changes. When the target
// branch is checked out, the work tree is updated safely: local changes to the same files make
// it refuse, and nothing is changed. Returns the updated record.
Result<Record> merge(const QString &repositoryPath, int number, const Git::Signature &committer);

// Closes an open request without merging it.
Result<Record> close(const QString &repositoryPath, int number, const Git::Signature &committer);

} // namespace LocalRecords
} // namespace EnvDeck::Forge
