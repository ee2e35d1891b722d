// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QSortFilterProxyModel>

namespace EnvDeck::Timeline {

// Narrows a DeploymentEventModel or a PipelineRunModel to one environment, one component and a
// period [from, to). An empty filter lets everything through. Runs have no component, so the
// component filter leaves them alone. Sorting uses Qt::EditRole (dates and durations as numbers).
class TimelineFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TimelineFilter(QObject *parent = nullptr);

    void setEnvironment(const QString &environment);
    void setComponent(const QString &component);
    // Invalid ends leave that side open.
    void setPeriod(const QDateTime &from, const QDateTime &to);

    QString environment() const { return m_environment; }
    QString component() const { return m_component; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool inPeriod(const QDateTime &date) const;

    QString m_environment;
    QString m_component;
    QDateTime m_from;
    QDateTime m_to;
};

} // namespace EnvDeck::Timeline
