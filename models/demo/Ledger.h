// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/World.h"
#include "history/DeploymentEvent.h"

#include <QList>
#include <QString>

namespace EnvDeck::Demo {

// Who wrote a commit and when, as the commit object records it.
struct CommitMeta
{
    QString id; // full 40-hex id
    QString author;
    QString authorEmail;
    qint64 time = 0; // author time, UTC seconds
};

// The ledger of what the demo repository deploys: the deployment events of every commit reachable
// from main, recorded by the Story from its own World as it writes each commit, never read back
// from Git. It is the ground truth the history reader's tests compare with, so it follows the
// reader's semantics exactly:
//
// - A non-merge commit's events are the difference between its parent's state and its own, for
//   each environment's versions file (environments/<name>/versions.yaml; `components:` and
//   `third_party:` alike). The first commit has no parent: everything in it is added.
//   - Deploy: the component is on both sides with another version (from -> to).
//   - Add / Remove: the component appears (from empty) / disappears (to empty).
//   - Lock / Unlock: `locked` flips on a component present after the commit; an added component
//     that is locked gives Add and Lock. from and to both hold the version at that commit;
//     lockReason is set on Lock. A commit that moves the version and the lock of one component
//     gives two events.
//   - Approval: approvals/<environment>/<id>.yaml added; component = <id> (the file name without
//     .yaml), to = the approval's release ("r7"), from empty.
// - Commits of a merge request's branch carry that merge's mergeRequest ("!123"). A merge commit
//   has events only for the values that differ from both parents (normally none, as a merge
//   request's branch starts at main's tip); those are its difference from the first parent and
//   carry its own merge request.
// - commit = full hex id, author/authorEmail = the author, date = the author time in UTC,
//   environment = the environment's name, path = the file changed.
// - Commits only on branches that are not merged (the open merge requests) are not recorded.
//
// Order: oldest commit first; within a commit by environment name, then component, then kind in
// DeploymentEvent::Kind order.
class Ledger
{
public:
    // A commit with one parent (or none, for the first): `after` is the World it was written from.
    void recordCommit(const World &after, const CommitMeta &meta);
    // The next commits form a merge request's branch starting at the last recorded commit.
    void beginBranch();
    // The merge of that branch into the commit recorded before beginBranch(); `merged` is the
    // World the merge commit was written from.
    void recordMerge(const World &merged, const CommitMeta &meta, const QString &mergeRequest);

    const QList<History::DeploymentEvent> &events() const { return m_events; }

    // The events of one commit from `before` to `after`, in ledger order, without commit details.
    static QList<History::DeploymentEvent> difference(const World &before, const World &after);

private:
    void append(QList<History::DeploymentEvent> events, const CommitMeta &meta,
                const QString &mergeRequest);

    QList<History::DeploymentEvent> m_events;
    World m_previous; // the state of the last recorded commit; empty before the first
    World m_branchBase;
    qsizetype m_branchStart = -1; // index of the branch's first event while one is open
};

// environments/<name>/versions.yaml
QString versionsPath(const QString &environment);

} // namespace EnvDeck::Demo
