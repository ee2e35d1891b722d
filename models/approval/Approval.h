// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace EnvDeck {

// A QA decision on an environment's exact version set, as recorded in
// `approvals/<environment>/<date>-<id>.yaml` (see PRODUCT.md).
struct Approval
{
    struct ChecklistItem
    {
        QString item;
        QString result; // "passed", "failed", "passed with remarks", ...
        QString note;
    };

    QString id;          // the file name without `.yaml`: "2026-11-25-r25"
    QString file;        // relative to the repository root
    QString environment; // `environment:`; the folder name when absent
    QString release;
    QString approvedBy;
    QDateTime approvedAt;
    QString commit;
    QString decision;                // "approved" or "rejected"; "approved" when absent
    QString comment;                 // QA's remark; the reason of a rejection
    QMap<QString, QString> versions; // component -> version
    QString versionSetHash;          // as recorded: "sha256:<hex>"
    SourceLocation hashLocation;     // where `version_set_hash:` is written
    QList<ChecklistItem> checklist;

    bool isApproved() const { return decision == u"approved"; }
    // True when the recorded hash is the hash of the recorded versions.
    bool isConsistent() const;
};

struct ApprovalList
{
    QList<Approval> approvals; // oldest first (approved_at, then file name)
    QList<Error> problems;     // files that could not be read, with file:line:column

    // The newest approval with decision "approved", or nullptr.
    const Approval *latestApproved() const;
    // True when some approved approval lists `version` for `component`.
    bool wasApproved(const QString &component, const QString &version) const;
};

// Reads every `approvals/<environment>/*.yaml` under `repositoryRoot`. A missing folder gives an
// empty list, not a problem.
ApprovalList readApprovals(const QString &repositoryRoot, const QString &environment);

} // namespace EnvDeck
