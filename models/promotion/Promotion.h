// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "approval/Approval.h"
#include "core/Result.h"
#include "validation/Finding.h"
#include "validation/ValidationInput.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QLoggingCategory>
#include <QMap>
#include <QString>
#include <QStringList>

Q_DECLARE_LOGGING_CATEGORY(lcPromotion)

// QA approval of staging, promotion to production and rollback. Every function here works out
// what to write and writes nothing: the caller (the window or `envdeck approve|promote|rollback`)
// writes the edits atomically and hands the paths to the commit / merge-request flow.
namespace EnvDeck::Promotion {

// One file the change writes, with its bytes before and after (before is empty for a new file).
struct FileEdit
{
    QString file;         // relative to the repository root, '/'
    QString absolutePath; // where to write `after`
    QByteArray before;
    QByteArray after;
};

// Writes every edit atomically (QSaveFile per file). When a later file fails, the files already
// written are put back to their `before` bytes (a new file is removed), so nothing is half done.
Result<void> writeEdits(const QList<FileEdit> &edits);

// Puts every file of written edits back to its `before` bytes (a file they created is removed),
// when what they were written for did not happen (no commit was made). Keeps going after a
// failure; the error names every file it could not put back.
Result<void> undoEdits(const QList<FileEdit> &edits);

// ---- staging review -----------------------------------------------------------------------

// One component of the reviewed environment, now against the last approved set.
struct ReviewRow
{
    QString component;
    QString approvedVersion; // in the last approval; empty when the component is new since
    QString currentVersion;  // in the versions file; empty when removed since the approval
    bool locked = false;     // now
    QString lockReason;
    bool lockChanged = false;   // locked now but not at the approval's commit, or the reverse
    QStringList mergeRequests; // the merge requests that brought the change since the approval
    bool changed() const { return approvedVersion != currentVersion; }
};

struct Review
{
    QString environment;
    QMap<QString, QString> versions; // component -> version, as the versions file says now
    QString versionSetHash;          // versionSetHash(versions)
    ApprovalList approvals;          // of this environment, oldest first
    const Approval *lastApproved() const { return approvals.latestApproved(); }
    // The last approval no longer matches the environment's versions.
    bool lastApprovalIsStale() const;
    QList<ReviewRow> rows; // changed rows first, then the rest, each by component name
    QStringList checklist; // the items QA answers: .envdeck.yaml `approval: { checklist: [...] }`,
                           // or defaultChecklist() when the file names none
    QList<Error> problems; // unreadable approvals or versions file, with file:line:column
};

QStringList defaultChecklist();

// Reads the environment's versions, its approvals and, for the merge requests, the deployment
// history (models/history, from its cache when warm). Error: unknown environment, no versions file.
Result<Review> reviewEnvironment(const Validation::ValidationInput &input,
                                 const QString &environment);

// True when `approval` was given to a different version set than `currentVersions`.
bool isStale(const Approval &approval, const QMap<QString, QString> &currentVersions);

// ---- approving or rejecting ---------------------------------------------------------------

struct Decision
{
    QString environment;
    bool approve = true;
    QString comment;                      // required when rejecting (the reason)
    QString by;                           // "Name <email>"
    QDateTime at;                         // UTC
    QString commit;                       // HEAD's full id, the state that was reviewed
    QMap<QString, QString> versions;      // the exact set decided on (Review::versions)
    QList<Approval::ChecklistItem> answers; // one per checklist item
};

// The approval file `approvals/<env>/<yyyy-MM-dd>-<id>.yaml`, in the format readApprovals()
// reads (who, when, decision, comment, checklist answers, versions, version_set_hash), with an
// id not yet used in that folder. Error when a rejection has no comment.
Result<FileEdit> renderDecision(const QString &repositoryRoot, const Decision &decision);

// ---- promotion ----------------------------------------------------------------------------

struct Request
{
    QString from;              // usually "staging"
    QStringList targets;       // production environments and customer clusters
    QStringList components;    // empty: every component of the latest valid approval of `from`
    QString overrideReason;    // allows versions that were never approved; recorded
    QString rollbackTo;        // planRollback only: an approval id or a git revision
};

struct VersionChange
{
    QString environment;
    QString component;
    QString from; // empty when the target does not have the component (it is not added)
    QString to;
    bool approved = true; // `to` is listed by some approved, non-stale approval of the source
    bool followsBase = false; // a customer cluster following its base for a shared component
};

struct Plan
{
    enum class Outcome {
        Ready,   // `edits` hold the change
        Refused, // unapproved versions without an override reason, a locked target component,
                 // nothing to change: exit 1, nothing written
        Invalid  // unknown environment, no approval, unreadable file: exit 2
    };
    Outcome outcome = Outcome::Invalid;
    Error error;                 // why, when not Ready
    QString approvalId;          // the approval the versions come from (promotion; rollback to one)
    QString overrideReason;
    QList<VersionChange> changes;       // every component that changes, per target in request order
    QList<VersionChange> unchanged;     // asked for but already at that version
    QList<FileEdit> edits;              // one per changed versions file, surgical (VersionDocument)
    QList<Validation::Finding> findings; // new findings validation reports with the edits applied

    // "Promote r25 from staging to prod-eu, prod-us" / "Roll prod-eu back to 2026-11-11-r22".
    QString title;
    // Where the versions come from, as a sentence part: "the QA approval 2026-11-25-r25 of
    // staging", "the versions staging runs now (its last approval, ..., is stale)", "the versions
    // of prod-eu at HEAD~3 (commit 1a2b3c4d)". description() and commitMessage() name it.
    QString basis;
    // The merge request description: a Markdown table | environment | component | from | to |,
    // the approval it is based on, the override reason when there is one, the validation result.
    QString description() const;
    // The commit message: the title, a blank line, the same table as plain text, the override.
    QString commitMessage() const;
};

// Staging -> targets. A target with `base:` (a customer cluster) changes only the components its
// base also has; its extra services keep their versions. A locked component in a target refuses
// the plan. Reads the versions files; writes nothing.
Plan planPromotion(const Validation::ValidationInput &input, const Request &request);

// Sets `request.targets.first()` back to the versions of an earlier approval (of the environment
// itself or of the one it promotes from) or to the environment's versions at a git revision.
// Only the components whose versions differ change; nothing else is reverted.
Plan planRollback(const Validation::ValidationInput &input, const Request &request);

} // namespace EnvDeck::Promotion
