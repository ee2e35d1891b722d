// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validation/Finding.h"
#include "validation/ValidationInput.h"

#include <QList>
#include <QString>

namespace EnvDeck::Change {

// One component whose version or lock differs between the base revision and the work tree.
struct VersionChange
{
    QString environment;
    QString component;
    QString from;       // empty: the component is new
    QString to;         // empty: the component was removed
    QString lockChange; // "locked: <reason>", "unlocked", or empty
    QString file;       // the versions file, relative to the repository root

    bool versionChanged() const { return from != to; }
    friend bool operator==(const VersionChange &, const VersionChange &) = default;
};

struct FileStat
{
    QString path;
    int insertions = 0;
    int deletions = 0;
};

// Everything a commit message and a merge request description say about a change.
struct ChangeSummary
{
    QList<VersionChange> changes; // promotion order of the environments, then component name
    QList<FileStat> files;
    int errors = 0;
    int warnings = 0;
    int notChecked = 0;
    // "environments/staging/versions.yaml:4:14: error: …", errors and warnings, at most eight
    QStringList messages;

    bool isEmpty() const { return changes.isEmpty() && files.isEmpty(); }
};

// The version and lock changes of every environment: the work tree against the base revision the
// input was loaded with (`LoadOptions::base`). Environments without a base keep no changes.
QList<VersionChange> versionChanges(const Validation::ValidationInput &input);

// Fills the validation part of a summary from a report.
void addValidation(ChangeSummary &summary, const Validation::Report &report);

// "envdeck/staging-billing-1.9.1", "envdeck/prod-eu-3-components-2026-11-26": valid git branch
// names, lower case, no spaces.
QString suggestBranchName(const QList<VersionChange> &changes, const QDate &today);

// A commit message: a title line under 72 characters, a blank line, one line per change.
QString commitMessage(const QList<VersionChange> &changes);

// A merge request title (the commit title) and a Markdown description: the table component |
// environment | from | to | lock change, the validation result and the diff stat.
QString mergeRequestTitle(const QList<VersionChange> &changes);
QString mergeRequestDescription(const ChangeSummary &summary);

// Insertions and deletions per file of a unified patch (`git diff` text).
QList<FileStat> fileStats(const QString &patch);

} // namespace EnvDeck::Change
