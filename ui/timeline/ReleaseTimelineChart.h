// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/DeploymentEvent.h"
#include "repo/Environment.h"

#include <QChartView>
#include <QHash>
#include <QPointer>

class QAbstractItemModel;
class QScatterSeries;

namespace EnvDeck::Timeline {

// The release timeline: a lane per environment (dev at the bottom, production at the top), in
// each lane a band per component version for as long as it ran (coloured per component), and a
// marker per event of the model. Hovering a marker shows commit, author and merge request;
// clicking it emits commitActivated().
class ReleaseTimelineChart : public QChartView
{
    Q_OBJECT
public:
    explicit ReleaseTimelineChart(QWidget *parent = nullptr);

    // The chart draws the rows of `model` (a DeploymentEventModel or a filter over one) and
    // follows its changes.
    void setModel(QAbstractItemModel *model);
    void setTiers(const QHash<QString, Tier> &tiers);
    // Where the bands of versions still running end; the current time when not set.
    void setUntil(const QDateTime &until);

    QScatterSeries *markerSeries() const { return m_markers; }
    // The event behind marker `index` of markerSeries(), and the tooltip shown for it.
    const History::DeploymentEvent &markerEvent(int index) const
    {
        return m_markerEvents.at(index);
    }
    QString markerToolTip(int index) const;
    // The lane of an environment (0 = bottom), or -1.
    int laneOf(const QString &environment) const { return int(m_lanes.indexOf(environment)); }

signals:
    void commitActivated(const QString &commitId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    int markerNear(const QPointF &value) const;

    QPointer<QAbstractItemModel> m_model;
    QHash<QString, Tier> m_tiers;
    QDateTime m_until;
    QStringList m_lanes;
    QStringList m_components;
    QScatterSeries *m_markers = nullptr;
    QList<History::DeploymentEvent> m_markerEvents;
};

} // namespace EnvDeck::Timeline
