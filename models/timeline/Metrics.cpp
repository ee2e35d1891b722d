// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/Metrics.h"

#include <QMap>

#include <algorithm>
#include <map>

namespace EnvDeck::Timeline {

using History::DeploymentEvent;
using Pipelines::PipelineRun;

namespace {

QList<PipelineRun> finishedByStart(const QList<PipelineRun> &runs)
{
    QList<PipelineRun> finished;
    for (const PipelineRun &run : runs) {
        if (run.durationSeconds() >= 0)
            finished.append(run);
    }
    std::stable_sort(
        finished.begin(), finished.end(),
        [](const PipelineRun &a, const PipelineRun &b) { return a.started < b.started; });
    return finished;
}

} // namespace

QStringList orderEnvironments(QStringList environments, const QHash<QString, Tier> &tiers)
{
    std::sort(environments.begin(), environments.end(),
              [&tiers](const QString &a, const QString &b) {
                  const int ta = promotionRank(tiers.value(a, Tier::Unknown));
                  const int tb = promotionRank(tiers.value(b, Tier::Unknown));
                  return ta != tb ? ta < tb : a < b;
              });
    return environments;
}

QDate isoWeekStart(const QDate &date)
{
    return date.addDays(1 - date.dayOfWeek());
}

QString isoWeekLabel(const QDate &date)
{
    int year = 0;
    const int week = date.weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

WeeklyDeployments deploymentsPerWeek(const QList<DeploymentEvent> &events,
                                     const QHash<QString, Tier> &tiers)
{
    WeeklyDeployments result;
    QDate first;
    QDate last;
    for (const DeploymentEvent &event : events) {
        if (event.kind != DeploymentEvent::Kind::Deploy || !event.date.isValid())
            continue;
        const QDate week = isoWeekStart(event.date.toUTC().date());
        if (!first.isValid() || week < first)
            first = week;
        if (!last.isValid() || week > last)
            last = week;
        if (!result.environments.contains(event.environment))
            result.environments.append(event.environment);
    }
    if (!first.isValid())
        return result;
    for (QDate week = first; week <= last; week = week.addDays(7))
        result.weeks.append(week);
    result.environments = orderEnvironments(result.environments, tiers);
    for (const QString &environment : std::as_const(result.environments))
        result.counts.insert(environment, QList<int>(result.weeks.size(), 0));
    for (const DeploymentEvent &event : events) {
        if (event.kind != DeploymentEvent::Kind::Deploy || !event.date.isValid())
            continue;
        const qint64 index = first.daysTo(isoWeekStart(event.date.toUTC().date())) / 7;
        ++result.counts[event.environment][index];
    }
    return result;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    if (values.size() % 2 == 1)
        return values.at(middle);
    return (values.at(middle - 1) + values.at(middle)) / 2.0;
}

QList<double> movingMedian(const QList<double> &values, int window)
{
    QList<double> result;
    result.reserve(values.size());
    const qsizetype width = std::max(1, window);
    for (qsizetype i = 0; i < values.size(); ++i) {
        const qsizetype start = std::max<qsizetype>(0, i - width + 1);
        result.append(median(values.mid(start, i - start + 1)));
    }
    return result;
}

QList<QPointF> runDurationPoints(const QList<PipelineRun> &runs)
{
    QList<QPointF> points;
    for (const PipelineRun &run : finishedByStart(runs))
        points.append(
            QPointF(double(run.started.toMSecsSinceEpoch()), double(run.durationSeconds())));
    return points;
}

QList<QPointF> runDurationMedian(const QList<PipelineRun> &runs, int window)
{
    QList<QPointF> points = runDurationPoints(runs);
    QList<double> durations;
    durations.reserve(points.size());
    for (const QPointF &point : std::as_const(points))
        durations.append(point.y());
    const QList<double> medians = movingMedian(durations, window);
    for (qsizetype i = 0; i < points.size(); ++i)
        points[i].setY(medians.at(i));
    return points;
}

QList<WeeklySuccess> successRatePerWeek(const QList<PipelineRun> &runs)
{
    QMap<QDate, WeeklySuccess> weeks;
    for (const PipelineRun &run : runs) {
        if ((!run.succeeded() && !run.failed()) || !run.started.isValid())
            continue;
        const QDate week = isoWeekStart(run.started.toUTC().date());
        WeeklySuccess &entry = weeks[week];
        entry.week = week;
        ++entry.total;
        if (run.succeeded())
            ++entry.succeeded;
    }
    return weeks.values();
}

QList<VersionBand> versionBands(const QList<DeploymentEvent> &events, const QDateTime &until)
{
    QList<DeploymentEvent> sorted = events;
    std::stable_sort(
        sorted.begin(), sorted.end(),
        [](const DeploymentEvent &a, const DeploymentEvent &b) { return a.date < b.date; });
    QList<VersionBand> bands;
    std::map<std::pair<QString, QString>, VersionBand> open;
    for (const DeploymentEvent &event : std::as_const(sorted)) {
        const bool arrives = event.kind == DeploymentEvent::Kind::Deploy
                             || event.kind == DeploymentEvent::Kind::Add;
        if ((!arrives && event.kind != DeploymentEvent::Kind::Remove) || !event.date.isValid())
            continue;
        const std::pair<QString, QString> key{event.environment, event.component};
        const auto it = open.find(key);
        if (it != open.end()) {
            it->second.to = event.date;
            bands.append(it->second);
            open.erase(it);
        }
        if (arrives && !event.to.isEmpty())
            open.emplace(key,
                         VersionBand{event.environment, event.component, event.to, event.date, {}});
    }
    for (auto &[key, band] : open) {
        band.to = std::max(until, band.from);
        bands.append(band);
    }
    std::stable_sort(bands.begin(), bands.end(), [](const VersionBand &a, const VersionBand &b) {
        if (a.from != b.from)
            return a.from < b.from;
        if (a.environment != b.environment)
            return a.environment < b.environment;
        return a.component < b.component;
    });
    return bands;
}

} // namespace EnvDeck::Timeline
