// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/Dora.h"

#include "catalog/Semver.h"
#include "timeline/Metrics.h"
#include "timeline/TimelineLogging.h"

#include <QCoreApplication>
#include <QVersionNumber>

#include <algorithm>
#include <map>

namespace EnvDeck::Timeline {

using History::DeploymentEvent;
using Pipelines::PipelineRun;

namespace {

constexpr double SecondsPerHour = 3600.0;
constexpr double SecondsPerDay = 86400.0;

bool isMeasured(const QString &environment, const DoraQuery &query)
{
    if (!query.environment.isEmpty())
        return environment == query.environment;
    return query.tiers.value(environment, Tier::Unknown) == Tier::Production;
}

bool inPeriod(const QDateTime &date, const DoraQuery &query)
{
    return date.isValid() && (!query.from.isValid() || date >= query.from)
           && (!query.to.isValid() || date < query.to);
}

bool isDeploy(const DeploymentEvent &event, const DoraQuery &query)
{
    return event.kind == DeploymentEvent::Kind::Deploy && event.date.isValid()
           && (query.component.isEmpty() || event.component == query.component);
}

// The moment a run's outcome became known: its end, or its start when the end is missing.
QDateTime outcomeTime(const PipelineRun &run)
{
    return run.finished.isValid() ? run.finished : run.started;
}

void leadTime(const QList<DeploymentEvent> &events, const DoraQuery &query, DoraReport &report)
{
    using Key = std::pair<QString, QString>; // component, version
    std::map<Key, QDateTime> firstOnDev;
    std::map<Key, QDateTime> firstMeasured;
    for (const DeploymentEvent &event : events) {
        if (!isDeploy(event, query))
            continue;
        const Key key{event.component, event.to};
        const auto keepEarliest = [&](std::map<Key, QDateTime> &map) {
            auto it = map.find(key);
            if (it == map.end())
                map.emplace(key, event.date);
            else if (event.date < it->second)
                it->second = event.date;
        };
        if (query.tiers.value(event.environment, Tier::Unknown) == Tier::Dev)
            keepEarliest(firstOnDev);
        if (isMeasured(event.environment, query))
            keepEarliest(firstMeasured);
    }
    QList<double> hours;
    for (const auto &[key, arrived] : firstMeasured) {
        const auto dev = firstOnDev.find(key);
        if (!inPeriod(arrived, query) || dev == firstOnDev.end() || dev->second > arrived)
            continue;
        hours.append(double(dev->second.secsTo(arrived)) / SecondsPerHour);
    }
    report.leadTimeSamples = int(hours.size());
    if (!hours.isEmpty()) {
        report.leadTimeHours = median(hours);
        report.leadTimeBand = leadTimeBand(report.leadTimeHours);
    }
}

void timeToRestore(const QList<PipelineRun> &runs, const DoraQuery &query, DoraReport &report)
{
    std::map<std::pair<QString, QString>, QList<PipelineRun>> groups;
    for (const PipelineRun &run : runs) {
        if (run.started.isValid() && isMeasured(run.environment, query))
            groups[{run.name, run.environment}].append(run);
    }
    QList<double> hours;
    for (auto &[key, group] : groups) {
        std::stable_sort(
            group.begin(), group.end(),
            [](const PipelineRun &a, const PipelineRun &b) { return a.started < b.started; });
        QDateTime brokenSince;
        for (const PipelineRun &run : std::as_const(group)) {
            if (run.failed() && !brokenSince.isValid()) {
                brokenSince = outcomeTime(run);
            } else if (run.succeeded() && brokenSince.isValid()) {
                if (inPeriod(brokenSince, query))
                    hours.append(double(brokenSince.secsTo(outcomeTime(run))) / SecondsPerHour);
                brokenSince = QDateTime();
            }
        }
    }
    report.restoreSamples = int(hours.size());
    if (!hours.isEmpty()) {
        report.restoreHours = median(hours);
        report.restoreBand = timeToRestoreBand(report.restoreHours);
    }
}

} // namespace

QString doraBandName(DoraBand band)
{
    switch (band) {
    case DoraBand::Elite:
        return QCoreApplication::translate("EnvDeck::Timeline::Dora", "Elite");
    case DoraBand::High:
        return QCoreApplication::translate("EnvDeck::Timeline::Dora", "High");
    case DoraBand::Medium:
        return QCoreApplication::translate("EnvDeck::Timeline::Dora", "Medium");
    case DoraBand::Low:
        return QCoreApplication::translate("EnvDeck::Timeline::Dora", "Low");
    case DoraBand::None:
        break;
    }
    return QCoreApplication::translate("EnvDeck::Timeline::Dora", "No data");
}

DoraBand deploymentFrequencyBand(double deploysPerDay)
{
    using namespace DoraThresholds;
    if (deploysPerDay >= EliteDeploysPerDay)
        return DoraBand::Elite;
    if (deploysPerDay >= HighDeploysPerDay)
        return DoraBand::High;
    if (deploysPerDay >= MediumDeploysPerDay)
        return DoraBand::Medium;
    return DoraBand::Low;
}

DoraBand leadTimeBand(double hours)
{
    using namespace DoraThresholds;
    if (hours < EliteLeadTimeHours)
        return DoraBand::Elite;
    if (hours <= HighLeadTimeHours)
        return DoraBand::High;
    if (hours <= MediumLeadTimeHours)
        return DoraBand::Medium;
    return DoraBand::Low;
}

DoraBand changeFailureRateBand(double rate)
{
    using namespace DoraThresholds;
    if (rate <= EliteFailureRate)
        return DoraBand::Elite;
    if (rate <= HighFailureRate)
        return DoraBand::High;
    if (rate <= MediumFailureRate)
        return DoraBand::Medium;
    return DoraBand::Low;
}

DoraBand timeToRestoreBand(double hours)
{
    using namespace DoraThresholds;
    if (hours < EliteRestoreHours)
        return DoraBand::Elite;
    if (hours < HighRestoreHours)
        return DoraBand::High;
    if (hours <= MediumRestoreHours)
        return DoraBand::Medium;
    return DoraBand::Low;
}

bool isRollback(const QString &from, const QString &to)
{
    if (from.isEmpty() || to.isEmpty())
        return false;
    const Result<Semver> a = Semver::parse(from);
    const Result<Semver> b = Semver::parse(to);
    if (a.ok() && b.ok())
        return Semver::compare(*b, *a) < 0;
    // Calendar and other dotted versions: compare numerically, but only when all of the text is
    // numbers, so "1.2-hotfix" is not mistaken for 1.2.
    qsizetype endA = 0;
    qsizetype endB = 0;
    const QVersionNumber na = QVersionNumber::fromString(from, &endA);
    const QVersionNumber nb = QVersionNumber::fromString(to, &endB);
    if (na.isNull() || nb.isNull() || endA != from.size() || endB != to.size())
        return false;
    return QVersionNumber::compare(nb, na) < 0;
}

DoraReport computeDora(const QList<DeploymentEvent> &events, const QList<PipelineRun> &runs,
                       const DoraQuery &query)
{
    DoraReport report;
    for (const DeploymentEvent &event : events) {
        if (!isDeploy(event, query) || !isMeasured(event.environment, query)
            || !inPeriod(event.date, query))
            continue;
        ++report.deployments;
        if (isRollback(event.from, event.to))
            ++report.rollbacks;
    }
    const double days = query.from.isValid() && query.to.isValid()
                            ? double(query.from.secsTo(query.to)) / SecondsPerDay
                            : 0.0;
    if (days > 0) {
        report.deploysPerDay = report.deployments / days;
        report.deploysPerWeek = report.deploysPerDay * 7.0;
        report.frequencyBand = deploymentFrequencyBand(report.deploysPerDay);
    }

    leadTime(events, query, report);

    for (const PipelineRun &run : runs) {
        if (run.failed() && isMeasured(run.environment, query) && inPeriod(run.started, query))
            ++report.failedRuns;
    }
    if (report.deployments > 0) {
        report.changeFailureRate
            = double(report.failedRuns + report.rollbacks) / report.deployments;
        report.failureRateBand = changeFailureRateBand(report.changeFailureRate);
    }

    timeToRestore(runs, query, report);
    qCDebug(lcTimeline) << "DORA:" << report.deployments << "deployments," << report.leadTimeSamples
                        << "lead times," << report.restoreSamples << "restores";
    return report;
}

} // namespace EnvDeck::Timeline
