// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/DeploymentsPerWeekChart.h"

#include "timeline/ChartSupport.h"
#include "timeline/Metrics.h"
#include "timeline/TimelineModels.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QEvent>
#include <QStackedBarSeries>
#include <QValueAxis>

namespace EnvDeck::Timeline {

namespace {

// Past this many weeks the labels are turned upright so they do not run into each other.
constexpr int UprightLabelsFrom = 12;

} // namespace

DeploymentsPerWeekChart::DeploymentsPerWeekChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(480, 260);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    rebuild();
}

void DeploymentsPerWeekChart::setModel(QAbstractItemModel *model)
{
    followModel(this, m_model, model, [this] { rebuild(); });
}

void DeploymentsPerWeekChart::setTiers(const QHash<QString, Tier> &tiers)
{
    m_tiers = tiers;
    rebuild();
}

void DeploymentsPerWeekChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

void DeploymentsPerWeekChart::rebuild()
{
    QChart *chart = this->chart();
    const QPalette palette = this->palette();
    clearChart(chart, palette, tr("Deployments per week"));
    m_series = nullptr;

    const WeeklyDeployments weekly = deploymentsPerWeek(
        m_model ? eventsOf(*m_model) : QList<History::DeploymentEvent>(), m_tiers);

    m_series = new QStackedBarSeries;
    m_series->setBarWidth(0.7);
    int index = 0;
    for (const QString &environment : weekly.environments) {
        auto *set = new QBarSet(environment);
        QList<qreal> values;
        for (const int count : weekly.counts.value(environment))
            values.append(count);
        set->append(values);
        set->setColor(componentColor(index++));
        set->setBorderColor(palette.color(QPalette::Base));
        set->setLabelColor(palette.color(QPalette::WindowText));
        m_series->append(set);
    }
    chart->addSeries(m_series);

    auto *axisX = new QBarCategoryAxis;
    axisX->setTitleText(tr("ISO week"));
    int highest = 0;
    for (int week = 0; week < weekly.weeks.size(); ++week) {
        axisX->append(isoWeekLabel(weekly.weeks.at(week)));
        int total = 0;
        for (const QString &environment : weekly.environments)
            total += weekly.count(environment, week);
        highest = std::max(highest, total);
    }
    if (weekly.weeks.size() >= UprightLabelsFrom)
        axisX->setLabelsAngle(-90);
    auto *axisY = new QValueAxis;
    axisY->setTitleText(tr("Deployments"));
    axisY->setLabelFormat(QStringLiteral("%d"));
    // Whole numbers only: a tick per deployment while few, then nice round steps.
    axisY->setRange(0, std::max(1, highest));
    if (highest <= 10)
        axisY->setTickCount(std::max(1, highest) + 1);
    else
        axisY->applyNiceNumbers();
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    m_series->attachAxis(axisX);
    m_series->attachAxis(axisY);
    applyAxisPalette(axisX, palette);
    applyAxisPalette(axisY, palette);
}

} // namespace EnvDeck::Timeline
