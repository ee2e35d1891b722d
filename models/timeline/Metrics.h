// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/DeploymentEvent.h"
#include "pipelines/PipelineRun.h"
#include "repo/Environment.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QStringList>

// Pure functions over deployment events and pipeline runs; the charts and the DORA panel draw
// what these compute. A "deployment" is a DeploymentEvent of Kind::Deploy throughout.
namespace EnvDeck::Timeline {

// The Monday that starts the ISO 8601 week of `date`.
QDate isoWeekStart(const QDate &date);

// "2026-W07": the ISO week of `date`, with its ISO year (which differs near 1 January).
QString isoWeekLabel(const QDate &date);

// Environment names ordered by tier (dev, staging, production, unknown), then by name.
QStringList orderEnvironments(QStringList environments, const QHash<QString, Tier> &tiers);

// Deployments per ISO week and environment. `weeks` runs without gaps from the week of the first
// deployment to the week of the last (Mondays); counts[environment][i] belongs to weeks[i].
struct WeeklyDeployments
{
    QList<QDate> weeks;
    QStringList environments; // ordered by tier (dev, staging, production, unknown), then name
    QHash<QString, QList<int>> counts;

    int count(const QString &environment, int week) const
    {
        const auto it = counts.constFind(environment);
        return it == counts.cend() ? 0 : it->value(week);
    }
};
WeeklyDeployments deploymentsPerWeek(const QList<History::DeploymentEvent> &events,
                                     const QHash<QString, Tier> &tiers = {});

// The median of `values` (the mean of the middle two for an even count); 0 for none.
double median(QList<double> values);

// A trailing moving median: result[i] is the median of values[max(0, i - window + 1) .. i].
QList<double> movingMedian(const QList<double> &values, int window);

// Finished runs (a valid duration) ordered by start: x = start in ms since the epoch (UTC),
// y = duration in seconds.
QList<QPointF> runDurationPoints(const QList<Pipelines::PipelineRun> &runs);

// runDurationPoints() with y replaced by the moving median over `window` runs.
QList<QPointF> runDurationMedian(const QList<Pipelines::PipelineRun> &runs, int window);

// Runs that ended succeeded or failed, per ISO week of their start. Canceled and skipped runs are
// left out: they say nothing about whether the pipeline works. Weeks without such runs are absent.
struct WeeklySuccess
{
    QDate week; // Monday
    int succeeded = 0;
    int total = 0;
    double rate() const { return total > 0 ? double(succeeded) / total : 0.0; }

    friend bool operator==(const WeeklySuccess &, const WeeklySuccess &) = default;
};
QList<WeeklySuccess> successRatePerWeek(const QList<Pipelines::PipelineRun> &runs);

// How long an environment ran one version of a component: from the Deploy or Add that brought it
// to the next change of that component there (or `until` when it is still running).
struct VersionBand
{
    QString environment;
    QString component;
    QString version;
    QDateTime from;
    QDateTime to;

    friend bool operator==(const VersionBand &, const VersionBand &) = default;
};
// Bands in the order they start (ties: environment, component).
QList<VersionBand> versionBands(const QList<History::DeploymentEvent> &events,
                                const QDateTime &until);

} // namespace EnvDeck::Timeline
