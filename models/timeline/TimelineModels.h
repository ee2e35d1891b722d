// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ListTableModel.h"
#include "history/DeploymentEvent.h"
#include "pipelines/PipelineRun.h"

namespace EnvDeck::Timeline {

// The role that gives the whole value of a row (a DeploymentEvent or a PipelineRun in a QVariant).
// Sorting uses Qt::EditRole, which gives dates and durations as numbers rather than text.
inline constexpr int ValueRole = Qt::UserRole;

// Deployment history as a table: one row per event, in the order given.
class DeploymentEventModel : public ListTableModel<History::DeploymentEvent, 9>
{
    Q_OBJECT
public:
    enum Column { Date, Environment, Component, Kind, From, To, Commit, Author, MergeRequest };

    using ListTableModel::ListTableModel;

    void setEvents(const QList<History::DeploymentEvent> &events) { setItems(events); }
    const QList<History::DeploymentEvent> &events() const { return items(); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // "deploy", "add", ... in the user's language.
    static QString kindLabel(History::DeploymentEvent::Kind kind);
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

// Pipeline runs as a table: one row per run, in the order given.
class PipelineRunModel : public ListTableModel<Pipelines::PipelineRun, 8>
{
    Q_OBJECT
public:
    enum Column { Started, Name, Environment, Result, Duration, Branch, Commit, Provider };

    using ListTableModel::ListTableModel;

    void setRuns(const QList<Pipelines::PipelineRun> &runs) { setItems(runs); }
    const QList<Pipelines::PipelineRun> &runs() const { return items(); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

// The values behind the rows of any model over these tables (a TimelineFilter too), in row order.
QList<History::DeploymentEvent> eventsOf(const QAbstractItemModel &model);
QList<Pipelines::PipelineRun> runsOf(const QAbstractItemModel &model);

// "2h 05m", "4m 10s", "12s": a duration as the tables and tooltips show it.
QString formatDuration(qint64 seconds);

} // namespace EnvDeck::Timeline
