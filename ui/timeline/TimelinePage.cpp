// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/TimelinePage.h"

#include "Formatting.h"
#include "UiLogging.h"
#include "timeline/ChartSupport.h"
#include "timeline/CsvExport.h"
#include "timeline/DeploymentsPerWeekChart.h"
#include "timeline/DoraPanel.h"
#include "timeline/ReleaseTimelineChart.h"
#include "timeline/RunDurationChart.h"
#include "timeline/TimelineFilter.h"
#include "timeline/TimelineModels.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace EnvDeck::Timeline {

TimelinePage::TimelinePage(QWidget *parent)
    : QWidget(parent)
    , m_events(new DeploymentEventModel(this))
    , m_runs(new PipelineRunModel(this))
    , m_eventFilter(new TimelineFilter(this))
    , m_runFilter(new TimelineFilter(this))
{
    m_eventFilter->setSourceModel(m_events);
    m_runFilter->setSourceModel(m_runs);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("timelineBanner"));
    Formatting::styleBanner(m_banner, Formatting::Tone::Warning);
    m_banner->hide();

    m_environment = new QComboBox(this);
    m_component = new QComboBox(this);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Environment:"), this));
    filters->addWidget(m_environment);
    filters->addWidget(new QLabel(tr("Component:"), this));
    filters->addWidget(m_component);
    filters->addStretch();

    m_timeline = new ReleaseTimelineChart(this);
    m_timeline->setModel(m_eventFilter);
    m_durations = new RunDurationChart(this);
    m_durations->setModel(m_runFilter);
    m_perWeek = new DeploymentsPerWeekChart(this);
    m_perWeek->setModel(m_eventFilter);
    m_dora = new DoraPanel(this);
    m_environment->setAccessibleName(tr("Environment"));
    m_component->setAccessibleName(tr("Component"));
    m_timeline->setAccessibleName(tr("Release timeline"));
    m_timeline->setAccessibleDescription(
        tr("A lane per environment, production at the top: a band per component version for as "
           "long as it ran and a marker per deployment, promotion or rollback"));
    m_durations->setAccessibleName(tr("Pipeline runs"));
    m_durations->setAccessibleDescription(
        tr("Pipeline run durations over time: a dot per finished run coloured by its result, "
           "the moving median of the durations and the weekly success rate"));
    m_perWeek->setAccessibleName(tr("Deployments per week"));
    m_perWeek->setAccessibleDescription(tr("Deployments per ISO week, stacked per environment"));
    for (QChartView *chart :
         {static_cast<QChartView *>(m_timeline), static_cast<QChartView *>(m_durations),
          static_cast<QChartView *>(m_perWeek)})
        chart->viewport()->setAccessibleName(chart->accessibleName());

    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Charts"));
    m_tabs->addTab(chartTab(Timeline, m_timeline, makeTable(m_eventFilter)),
                   tr("Release timeline"));
    m_tabs->addTab(chartTab(Durations, m_durations, makeTable(m_runFilter)), tr("Pipeline runs"));
    m_tabs->addTab(chartTab(PerWeek, m_perWeek, makeTable(m_eventFilter)),
                   tr("Deployments per week"));
    m_tabs->addTab(chartTab(Dora, m_dora, nullptr), tr("DORA metrics"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(filters);
    layout->addWidget(m_tabs, 1);

    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] {
        m_eventFilter->setEnvironment(m_environment->currentData().toString());
        m_runFilter->setEnvironment(m_environment->currentData().toString());
    });
    connect(m_component, &QComboBox::currentIndexChanged, this,
            [this] { m_eventFilter->setComponent(m_component->currentData().toString()); });
    connect(m_timeline, &ReleaseTimelineChart::commitActivated, this,
            &TimelinePage::commitActivated);
    // The filters, then the chart tabs, then the shown chart and its table (the charts are
    // made before the tabs that hold them).
    setTabOrder(m_component, m_tabs);
    fillFilters();
}

QTableView *TimelinePage::makeTable(TimelineFilter *model)
{
    auto *table = new QTableView(this);
    table->setModel(model);
    // Tab leaves the table (arrows move between cells), so the keyboard does not get stuck in it.
    table->setTabKeyNavigation(false);
    table->setAccessibleName(model == m_eventFilter ? tr("Deployments") : tr("Pipeline runs"));
    table->setSortingEnabled(true);
    table->sortByColumn(0, Qt::DescendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    // One line a row, each column as wide as what the first rows hold.
    table->setWordWrap(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setResizeContentsPrecision(100);
    if (model == m_eventFilter) {
        connect(table, &QTableView::activated, this, [this](const QModelIndex &index) {
            const auto event = index.data(ValueRole).value<History::DeploymentEvent>();
            if (!event.commit.isEmpty())
                emit commitActivated(event.commit);
        });
    }
    return table;
}

QWidget *TimelinePage::chartTab(Chart chart, QWidget *chartWidget, QTableView *table)
{
    auto *tab = new QWidget(this);
    if (table)
        setTabOrder(chartWidget, table);
    auto *toolBar = new QToolBar(tab);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *png = toolBar->addAction(tr("Export &PNG…"));
    png->setObjectName(QStringLiteral("exportPng%1").arg(int(chart)));
    QAction *csv = toolBar->addAction(tr("Export &CSV…"));
    csv->setObjectName(QStringLiteral("exportCsv%1").arg(int(chart)));
    connect(png, &QAction::triggered, this, [this, chart] { exportWithDialog(chart, true); });
    connect(csv, &QAction::triggered, this, [this, chart] { exportWithDialog(chart, false); });

    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolBar);
    if (table) {
        auto *splitter = new QSplitter(Qt::Vertical, tab);
        splitter->addWidget(chartWidget);
        splitter->addWidget(table);
        splitter->setStretchFactor(0, 3);
        splitter->setStretchFactor(1, 1);
        // The chart gets most of the height from the start, not only when the page grows.
        splitter->setSizes({600, 200});
        layout->addWidget(splitter);
    } else {
        layout->addWidget(chartWidget);
    }
    return tab;
}

void TimelinePage::setData(const QList<History::DeploymentEvent> &events,
                           const QList<Pipelines::PipelineRun> &runs,
                           const QHash<QString, Tier> &tiers)
{
    m_timeline->setTiers(tiers);
    m_perWeek->setTiers(tiers);
    m_events->setEvents(events);
    m_runs->setRuns(runs);
    m_dora->setData(events, runs, tiers);
    fillFilters();
    qCDebug(lcUi) << "Timeline page:" << events.size() << "events," << runs.size() << "runs";
}

void TimelinePage::setBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

void TimelinePage::setReferenceTime(const QDateTime &now)
{
    m_timeline->setUntil(now);
    m_dora->setReferenceTime(now);
}

void TimelinePage::setEnvironmentFilter(const QString &environment)
{
    m_environment->setCurrentIndex(std::max(0, m_environment->findData(environment)));
}

void TimelinePage::setComponentFilter(const QString &component)
{
    m_component->setCurrentIndex(std::max(0, m_component->findData(component)));
}

void TimelinePage::fillFilters()
{
    const QString environment = m_environment->currentData().toString();
    const QString component = m_component->currentData().toString();
    QStringList environments;
    QStringList components;
    for (const History::DeploymentEvent &event : m_events->events()) {
        environments.append(event.environment);
        if (event.kind != History::DeploymentEvent::Kind::Approval)
            components.append(event.component);
    }
    for (const Pipelines::PipelineRun &run : m_runs->runs()) {
        if (!run.environment.isEmpty())
            environments.append(run.environment);
    }
    fillFilterCombo(m_environment, tr("All environments"), environments);
    fillFilterCombo(m_component, tr("All components"), components);
    setEnvironmentFilter(environment);
    setComponentFilter(component);
}

QWidget *TimelinePage::chartWidget(Chart chart) const
{
    switch (chart) {
    case Timeline:
        return m_timeline;
    case Durations:
        return m_durations;
    case PerWeek:
        return m_perWeek;
    case Dora:
        return m_dora;
    }
    return nullptr;
}

Result<void> TimelinePage::exportPng(Chart chart, const QString &path)
{
    return exportWidgetPng(chartWidget(chart), path);
}

Result<void> TimelinePage::exportCsv(Chart chart, const QString &path)
{
    switch (chart) {
    case Timeline:
    case PerWeek:
        return writeCsv(*m_eventFilter, path);
    case Durations:
        return writeCsv(*m_runFilter, path);
    case Dora:
        return writeCsv(*m_dora->metricsModel(), path);
    }
    return Error(tr("Unknown chart"));
}

void TimelinePage::exportWithDialog(Chart chart, bool png)
{
    static const char *const names[]
        = {"release-timeline", "pipeline-runs", "deployments-per-week", "dora-metrics"};
    const QString suggested = QString::fromLatin1(names[chart])
                              + (png ? QStringLiteral(".png") : QStringLiteral(".csv"));
    const QString path = QFileDialog::getSaveFileName(
        this, png ? tr("Export chart as PNG") : tr("Export chart data as CSV"), suggested,
        png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const Result<void> result = png ? exportPng(chart, path) : exportCsv(chart, path);
    if (!result.ok())
        QMessageBox::warning(this, tr("Export failed"), result.error().toString());
}

} // namespace EnvDeck::Timeline
