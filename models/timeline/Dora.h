// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/DeploymentEvent.h"
#include "pipelines/PipelineRun.h"
#include "repo/Environment.h"

#include <QDateTime>
#include <QHash>
#include <QList>

// The four DORA metrics over a period, from the deployment history and the pipeline runs.
namespace EnvDeck::Timeline {

enum class DoraBand { None, Low, Medium, High, Elite };
QString doraBandName(DoraBand band); // "Elite", "High", "Medium", "Low", "No data"

// Performance clusters of the 2023 Accelerate State of DevOps Report (dora.dev). The report gives
// each cluster as a range; the boundaries below are the better end of the next cluster down, so a
// value belongs to the best cluster whose range it reaches.
namespace DoraThresholds {
// Deployment frequency: Elite "on demand (multiple deploys per day)", High "between once per day
// and once per week", Medium "between once per week and once per month", Low below that.
inline constexpr double EliteDeploysPerDay = 1.0;
inline constexpr double HighDeploysPerDay = 1.0 / 7.0;
inline constexpr double MediumDeploysPerDay = 1.0 / 30.0;
// Lead time for changes: Elite "less than one day", High "between one day and one week", Medium
// "between one week and one month", Low longer.
inline constexpr double EliteLeadTimeHours = 24.0;
inline constexpr double HighLeadTimeHours = 7 * 24.0;
inline constexpr double MediumLeadTimeHours = 30 * 24.0;
// Change failure rate: Elite 5 %, High 10 %, Medium 15 %, Low 64 % (the clusters' typical rates).
inline constexpr double EliteFailureRate = 0.05;
inline constexpr double HighFailureRate = 0.10;
inline constexpr double MediumFailureRate = 0.15;
// Failed deployment recovery time: Elite "less than one hour", High "less than one day", Medium
// "between one day and one week", Low longer.
inline constexpr double EliteRestoreHours = 1.0;
inline constexpr double HighRestoreHours = 24.0;
inline constexpr double MediumRestoreHours = 7 * 24.0;
} // namespace DoraThresholds

DoraBand deploymentFrequencyBand(double deploysPerDay);
DoraBand leadTimeBand(double hours);
DoraBand changeFailureRateBand(double rate);
DoraBand timeToRestoreBand(double hours);

struct DoraQuery
{
    QDateTime from; // inclusive
    QDateTime to;   // exclusive
    // Empty: every production-tier environment. Otherwise just this environment, whatever its
    // tier, so that staging can be measured the same way.
    QString environment;
    // Empty: every component. Runs carry no component, so it narrows events only.
    QString component;
    QHash<QString, Tier> tiers;
};

struct DoraReport
{
    // Deployment frequency: Deploy events into the measured environments within the period.
    int deployments = 0;
    double deploysPerDay = 0.0;
    double deploysPerWeek = 0.0;
    DoraBand frequencyBand = DoraBand::None;

    // Lead time for changes: for each component version whose first Deploy into a measured
    // environment falls in the period, the time since its first Deploy into a dev-tier environment.
    // Versions never deployed to dev are not counted.
    int leadTimeSamples = 0;
    double leadTimeHours = 0.0; // median
    DoraBand leadTimeBand = DoraBand::None;

    // Change failure rate: (failed runs that deployed to a measured environment + rollbacks) /
    // deployments. A rollback is a Deploy to a lower version than the one it replaces.
    int failedRuns = 0;
    int rollbacks = 0;
    double changeFailureRate = 0.0;
    DoraBand failureRateBand = DoraBand::None;

    // Time to restore: from the end of a failed run to the end of the next succeeded run of the
    // same pipeline and environment (failures in the period; one per streak of failures).
    int restoreSamples = 0;
    double restoreHours = 0.0; // median
    DoraBand restoreBand = DoraBand::None;
};

DoraReport computeDora(const QList<History::DeploymentEvent> &events,
                       const QList<Pipelines::PipelineRun> &runs, const DoraQuery &query);

// Whether going from `from` to `to` lowers the version (semantic versions, else numeric dotted
// versions such as "2024.02.1"); false when either cannot be compared.
bool isRollback(const QString &from, const QString &to);

} // namespace EnvDeck::Timeline
