// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/TimelineFilter.h"

#include "timeline/TimelineModels.h"

namespace EnvDeck::Timeline {

TimelineFilter::TimelineFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::EditRole);
}

void TimelineFilter::setEnvironment(const QString &environment)
{
    if (environment == m_environment)
        return;
    m_environment = environment;
    invalidateFilter();
}

void TimelineFilter::setComponent(const QString &component)
{
    if (component == m_component)
        return;
    m_component = component;
    invalidateFilter();
}

void TimelineFilter::setPeriod(const QDateTime &from, const QDateTime &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    invalidateFilter();
}

bool TimelineFilter::inPeriod(const QDateTime &date) const
{
    if (m_from.isValid() && date < m_from)
        return false;
    if (m_to.isValid() && date >= m_to)
        return false;
    return true;
}

bool TimelineFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QVariant value
        = sourceModel()->data(sourceModel()->index(sourceRow, 0, sourceParent), ValueRole);
    if (value.metaType() == QMetaType::fromType<History::DeploymentEvent>()) {
        const auto event = value.value<History::DeploymentEvent>();
        return (m_environment.isEmpty() || event.environment == m_environment)
               && (m_component.isEmpty() || event.component == m_component) && inPeriod(event.date);
    }
    if (value.metaType() == QMetaType::fromType<Pipelines::PipelineRun>()) {
        const auto run = value.value<Pipelines::PipelineRun>();
        return (m_environment.isEmpty() || run.environment == m_environment)
               && inPeriod(run.started);
    }
    return true;
}

} // namespace EnvDeck::Timeline
