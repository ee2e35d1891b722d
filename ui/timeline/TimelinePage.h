// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "history/DeploymentEvent.h"
#include "pipelines/PipelineRun.h"
#include "repo/Environment.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;
class QTableView;

namespace EnvDeck::Timeline {

class DeploymentEventModel;
class DeploymentsPerWeekChart;
class DoraPanel;
class PipelineRunModel;
class ReleaseTimelineChart;
class RunDurationChart;
class TimelineFilter;

// The release timelines page: the charts and the tables they are drawn from, in tabs, with a
// filter by environment and component, an export of each chart as PNG and of its data as CSV,
// and a banner for where the data comes from ("Demo data", "Cached 5 minutes ago").
class TimelinePage : public QWidget
{
    Q_OBJECT
public:
    enum Chart { Timeline, Durations, PerWeek, Dora };

    explicit TimelinePage(QWidget *parent = nullptr);

    void setData(const QList<History::DeploymentEvent> &events,
                 const QList<Pipelines::PipelineRun> &runs, const QHash<QString, Tier> &tiers);
    // Empty hides the banner.
    void setBanner(const QString &text);
    // The "now" of the DORA periods and of versions still running; the current time when unset.
    void setReferenceTime(const QDateTime &now);

    void setEnvironmentFilter(const QString &environment); // empty: all
    void setComponentFilter(const QString &component);     // empty: all

    Result<void> exportPng(Chart chart, const QString &path);
    Result<void> exportCsv(Chart chart, const QString &path);

    ReleaseTimelineChart *timelineChart() const { return m_timeline; }
    RunDurationChart *durationChart() const { return m_durations; }
    DeploymentsPerWeekChart *perWeekChart() const { return m_perWeek; }
    DoraPanel *doraPanel() const { return m_dora; }
    // What the event tables and the event charts show, and what the run table and chart show.
    TimelineFilter *eventsView() const { return m_eventFilter; }
    TimelineFilter *runsView() const { return m_runFilter; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *banner() const { return m_banner; }
    QWidget *chartWidget(Chart chart) const;

signals:
    void commitActivated(const QString &commitId);

private:
    QWidget *chartTab(Chart chart, QWidget *chartWidget, QTableView *table);
    QTableView *makeTable(TimelineFilter *model);
    void exportWithDialog(Chart chart, bool png);
    void fillFilters();

    DeploymentEventModel *m_events = nullptr;
    PipelineRunModel *m_runs = nullptr;
    TimelineFilter *m_eventFilter = nullptr;
    TimelineFilter *m_runFilter = nullptr;
    QLabel *m_banner = nullptr;
    QComboBox *m_environment = nullptr;
    QComboBox *m_component = nullptr;
    QTabWidget *m_tabs = nullptr;
    ReleaseTimelineChart *m_timeline = nullptr;
    RunDurationChart *m_durations = nullptr;
    DeploymentsPerWeekChart *m_perWeek = nullptr;
    DoraPanel *m_dora = nullptr;
};

} // namespace EnvDeck::Timeline
