// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/RunDurationChart.h"

#include "timeline/ChartSupport.h"
#include "timeline/Metrics.h"
#include "timeline/Thinning.h"
#include "timeline/TimelineModels.h"

#include <QAbstractItemModel>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

namespace EnvDeck::Timeline {

using Pipelines::PipelineRun;

namespace {

constexpr double MsPerDay = 86400.0 * 1000.0;

} // namespace

RunDurationChart::RunDurationChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(480, 260);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    connect(chart(), &QChart::plotAreaChanged, this, &RunDurationChart::plotAreaChanged);
    rebuild();
}

void RunDurationChart::setModel(QAbstractItemModel *model)
{
    followModel(this, m_model, model, [this] { rebuild(); });
}

void RunDurationChart::setMedianWindow(int runs)
{
    m_window = std::max(1, runs);
    rebuild();
}

void RunDurationChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

void RunDurationChart::plotAreaChanged(const QRectF &plotArea)
{
    // Thinning depends on the plot width; only large series are thinned, so only they need it.
    // Queued: the chart is in the middle of its layout when it reports the change.
    if (m_model && m_model->rowCount() > ThinningThreshold
        && std::abs(int(plotArea.width()) - m_builtForWidth) > 2)
        QMetaObject::invokeMethod(this, &RunDurationChart::rebuild, Qt::QueuedConnection);
}

void RunDurationChart::rebuild()
{
    QChart *chart = this->chart();
    const QPalette palette = this->palette();
    clearChart(chart, palette, tr("Pipeline run durations"));
    m_results.clear();
    m_median = nullptr;
    m_success = nullptr;
    m_builtForWidth = int(chart->plotArea().width());
    const int plotWidth = std::max(100, m_builtForWidth);

    const QList<PipelineRun> runs = m_model ? runsOf(*m_model) : QList<PipelineRun>();
    // Minutes read better than seconds on the axis; the tables show exact durations.
    const auto toMinutes = [](QList<QPointF> points) {
        for (QPointF &point : points)
            point.setY(point.y() / 60.0);
        return points;
    };

    auto *axisX = new QDateTimeAxis;
    axisX->setTitleText(tr("Run start (UTC)"));
    axisX->setFormat(QStringLiteral("dd MMM yyyy"));
    axisX->setTickCount(6);
    auto *axisY = new QValueAxis;
    axisY->setTitleText(tr("Duration (minutes)"));
    axisY->setLabelFormat(QStringLiteral("%.0f"));
    auto *axisRate = new QValueAxis;
    axisRate->setTitleText(tr("Success rate per week (%)"));
    axisRate->setRange(0, 100);
    axisRate->setLabelFormat(QStringLiteral("%.0f"));
    // One set of grid lines (the durations'); a second set would cross it at other heights.
    axisRate->setGridLineVisible(false);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisRate, Qt::AlignRight);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(axisX), static_cast<QAbstractAxis *>(axisY),
          static_cast<QAbstractAxis *>(axisRate)})
        applyAxisPalette(axis, palette);

    const QList<std::pair<QString, QString>> groups{
        {QStringLiteral("succeeded"), tr("Succeeded")},
        {QStringLiteral("failed"), tr("Failed")},
        {QStringLiteral("other"), tr("Canceled / other")}};
    double maxMinutes = 1;
    double minX = 0;
    double maxX = 0;
    for (const auto &[result, label] : groups) {
        QList<PipelineRun> subset;
        for (const PipelineRun &run : runs) {
            const bool other = !run.succeeded() && !run.failed();
            if (run.result == result || (result == u"other" && other))
                subset.append(run);
        }
        const QList<QPointF> points = thin(toMinutes(runDurationPoints(subset)), plotWidth);
        auto *series = new QScatterSeries;
        series->setName(label);
        series->setMarkerSize(8);
        series->setColor(resultColor(result));
        series->setBorderColor(resultColor(result).darker(130));
        series->replace(points);
        chart->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
        m_results.append(series);
        for (const QPointF &point : points) {
            maxMinutes = std::max(maxMinutes, point.y());
            minX = (minX == 0 || point.x() < minX) ? point.x() : minX;
            maxX = std::max(maxX, point.x());
        }
    }

    m_median = new QLineSeries;
    m_median->setName(tr("Moving median (%n runs)", nullptr, m_window));
    QPen medianPen(palette.color(QPalette::WindowText));
    medianPen.setWidthF(2);
    m_median->setPen(medianPen);
    m_median->replace(thin(toMinutes(runDurationMedian(runs, m_window)), plotWidth));
    chart->addSeries(m_median);
    m_median->attachAxis(axisX);
    m_median->attachAxis(axisY);

    m_success = new QLineSeries;
    m_success->setName(tr("Success rate per week"));
    QPen ratePen(componentColor(0));
    ratePen.setWidthF(2);
    ratePen.setStyle(Qt::DashLine);
    m_success->setPen(ratePen);
    m_success->setPointsVisible(true);
    QList<QPointF> rates;
    for (const WeeklySuccess &week : successRatePerWeek(runs)) {
        // In the middle of its week, so the point sits among the runs it counts.
        const double x = double(week.week.startOfDay(Qt::UTC).toMSecsSinceEpoch()) + 3.5 * MsPerDay;
        rates.append(QPointF(x, week.rate() * 100));
    }
    m_success->replace(rates);
    chart->addSeries(m_success);
    m_success->attachAxis(axisX);
    m_success->attachAxis(axisRate);

    if (!rates.isEmpty()) {
        minX = minX == 0 ? rates.first().x() : std::min(minX, rates.first().x());
        maxX = std::max(maxX, rates.last().x());
    }
    if (maxX <= minX) {
        const double now = double(QDateTime::currentMSecsSinceEpoch());
        minX = (minX > 0 ? minX : now) - MsPerDay;
        maxX = minX + 2 * MsPerDay;
    }
    const double margin = (maxX - minX) / 40;
    axisX->setRange(QDateTime::fromMSecsSinceEpoch(qint64(minX - margin), Qt::UTC),
                    QDateTime::fromMSecsSinceEpoch(qint64(maxX + margin), Qt::UTC));
    axisY->setRange(0, maxMinutes * 1.1);
    axisY->applyNiceNumbers();
}

} // namespace EnvDeck::Timeline
