// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What promotion and rollback plans share; private to models/promotion.

#include "promotion/Promotion.h"

#include <functional>

namespace EnvDeck::Promotion::Detail {

Plan failed(Plan::Outcome outcome, const QString &message, SourceLocation location = {});

// "Unknown environment "qa"; the repository has: dev, staging, prod".
Error unknownEnvironment(const Validation::ValidationInput &input, const QString &name);

// component -> version, as the environment's versions file says (third-party charts included).
QMap<QString, QString> versionsOf(const Validation::EnvironmentInput &environment);

// A versions file of the repository, read now: the plan patches these bytes.
Result<FileEdit> readVersionsFile(const Validation::ValidationInput &input,
                                  const Validation::EnvironmentInput &environment);

struct LockConflict
{
    QString environment;
    QString component;
    QString reason;
    SourceLocation location;
};

// One environment's part of a plan.
struct TargetChange
{
    QList<VersionChange> changes;   // in the versions file's order
    QList<VersionChange> unchanged; // wanted, and already at that version
    QList<LockConflict> locks;      // locked components the plan would change
    FileEdit edit;                  // before == after when nothing changes
};

// Sets every component of `wanted` the environment's versions file has to its version there,
// surgically. Components the file lacks are not added. Locked components are not changed but
// reported in `locks`. `approved(component, version)` fills VersionChange::approved.
Result<TargetChange>
applyVersions(const Validation::ValidationInput &input,
              const Validation::EnvironmentInput &environment, const QMap<QString, QString> &wanted,
              const std::function<bool(const QString &, const QString &)> &approved,
              bool followsBase);

// "billing is locked in prod-eu (load test LT-22)", joined with "; ".
QString describeLocks(const QList<LockConflict> &locks);

// The findings validation reports with every edit applied that it does not report now, for the
// given environments (and the repository-wide ones).
QList<Validation::Finding> newFindings(const Validation::ValidationInput &input,
                                       const QList<FileEdit> &edits,
                                       const QStringList &environments);

// "a, b and c".
QString joinNames(const QStringList &names);

} // namespace EnvDeck::Promotion::Detail
