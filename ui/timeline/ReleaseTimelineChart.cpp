// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/ReleaseTimelineChart.h"

#include "timeline/ChartSupport.h"
#include "timeline/Metrics.h"
#include "timeline/Thinning.h"
#include "timeline/TimelineModels.h"

#include <QAbstractItemModel>
#include <QAreaSeries>
#include <QCategoryAxis>
#include <QCursor>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>

namespace EnvDeck::Timeline {

using History::DeploymentEvent;

namespace {

// A lane is one unit high; the bands of its components share the middle of it, leaving room
// between lanes so that neighbouring environments do not touch.
constexpr double LaneMargin = 0.12;
constexpr double BandShare = 0.8; // of a component's row; the rest separates components

QString dateText(const QDateTime &date)
{
    return date.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

} // namespace

ReleaseTimelineChart::ReleaseTimelineChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(480, 260);
    // A column on the right: with a dozen components and more, a row below the plot would
    // shorten every name to a few letters.
    chart()->legend()->setAlignment(Qt::AlignRight);
    QFont legendFont = chart()->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    chart()->legend()->setFont(legendFont);
    rebuild();
}

void ReleaseTimelineChart::setModel(QAbstractItemModel *model)
{
    followModel(this, m_model, model, [this] { rebuild(); });
}

void ReleaseTimelineChart::setTiers(const QHash<QString, Tier> &tiers)
{
    m_tiers = tiers;
    rebuild();
}

void ReleaseTimelineChart::setUntil(const QDateTime &until)
{
    m_until = until;
    rebuild();
}

QString ReleaseTimelineChart::markerToolTip(int index) const
{
    const DeploymentEvent &event = m_markerEvents.at(index);
    const QString component = event.component.toHtmlEscaped();
    QString headline;
    switch (event.kind) {
    case DeploymentEvent::Kind::Deploy:
        headline = tr("<b>%1</b> %2 → %3")
                       .arg(component, event.from.toHtmlEscaped(), event.to.toHtmlEscaped());
        break;
    case DeploymentEvent::Kind::Add:
        headline = tr("<b>%1</b> %2 added").arg(component, event.to.toHtmlEscaped());
        break;
    case DeploymentEvent::Kind::Remove:
        headline = tr("<b>%1</b> %2 removed").arg(component, event.from.toHtmlEscaped());
        break;
    case DeploymentEvent::Kind::Lock:
        headline = tr("<b>%1</b> locked at %2").arg(component, event.to.toHtmlEscaped());
        break;
    case DeploymentEvent::Kind::Unlock:
        headline = tr("<b>%1</b> unlocked").arg(component);
        break;
    case DeploymentEvent::Kind::Approval:
        headline = tr("Approval <b>%1</b>").arg(component);
        break;
    }
    QStringList lines{tr("%1 in <b>%2</b>").arg(headline, event.environment.toHtmlEscaped()),
                      dateText(event.date), tr("Commit %1").arg(event.commit.left(8)),
                      tr("Author %1").arg(event.author.toHtmlEscaped())};
    if (!event.mergeRequest.isEmpty())
        lines.append(tr("Merge request %1").arg(event.mergeRequest.toHtmlEscaped()));
    if (!event.lockReason.isEmpty())
        lines.append(tr("Reason: %1").arg(event.lockReason.toHtmlEscaped()));
    lines.append(tr("<i>Click to show the commit</i>"));
    return lines.join(QStringLiteral("<br/>"));
}

void ReleaseTimelineChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

int ReleaseTimelineChart::markerNear(const QPointF &value) const
{
    if (!m_markers)
        return -1;
    const QPointF target = chart()->mapToPosition(value, m_markers);
    int best = -1;
    double bestDistance = 0;
    const QList<QPointF> points = m_markers->points();
    for (int i = 0; i < points.size(); ++i) {
        const QPointF delta = chart()->mapToPosition(points.at(i), m_markers) - target;
        const double distance = delta.manhattanLength();
        if (best < 0 || distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

void ReleaseTimelineChart::rebuild()
{
    QChart *chart = this->chart();
    const QPalette palette = this->palette();
    clearChart(chart, palette, tr("Release timeline"));
    m_markers = nullptr;

    m_markerEvents = m_model ? eventsOf(*m_model) : QList<DeploymentEvent>();
    const QDateTime until = m_until.isValid() ? m_until : QDateTime::currentDateTimeUtc();
    const QList<VersionBand> bands = versionBands(m_markerEvents, until);

    QStringList environments;
    QDateTime first = until;
    for (const DeploymentEvent &event : std::as_const(m_markerEvents)) {
        if (!environments.contains(event.environment))
            environments.append(event.environment);
        if (event.date.isValid() && event.date < first)
            first = event.date;
    }
    m_lanes = orderEnvironments(environments, m_tiers);
    m_components.clear();
    for (const VersionBand &band : bands) {
        if (!m_components.contains(band.component))
            m_components.append(band.component);
    }
    m_components.sort();

    auto *axisX = new QDateTimeAxis;
    axisX->setTitleText(tr("Date (UTC)"));
    axisX->setFormat(QStringLiteral("dd MMM yyyy"));
    axisX->setTickCount(6);
    // A little room on both sides so the first and last markers are not cut in half.
    const qint64 margin = std::max<qint64>(first.msecsTo(until) / 40, 3600 * 1000);
    axisX->setRange(first.addMSecs(-margin), until.addMSecs(margin));
    auto *axisY = new QCategoryAxis;
    axisY->setTitleText(tr("Environment"));
    axisY->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    axisY->setRange(0, std::max<qsizetype>(1, m_lanes.size()));
    for (int lane = 0; lane < m_lanes.size(); ++lane)
        axisY->append(m_lanes.at(lane), lane + 1);
    axisY->setGridLineVisible(true);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    applyAxisPalette(axisX, palette);
    applyAxisPalette(axisY, palette);

    const double rowHeight = (1.0 - 2 * LaneMargin) / std::max<qsizetype>(1, m_components.size());
    const auto rowBottom = [&](const QString &environment, const QString &component) {
        const int k = int(m_components.indexOf(component));
        return laneOf(environment) + LaneMargin + std::max(0, k) * rowHeight;
    };

    // Versions of a component follow each other without a gap until it is removed, so one area
    // per unbroken stretch is enough: a series per version would cost seconds on a long history.
    // The markers show where one version ends and the next begins; hovering names the version.
    QList<VersionBand> ordered = bands;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const VersionBand &a, const VersionBand &b) {
                         if (a.environment != b.environment)
                             return a.environment < b.environment;
                         if (a.component != b.component)
                             return a.component < b.component;
                         return a.from < b.from;
                     });
    QList<QList<VersionBand>> stretches;
    for (const VersionBand &band : std::as_const(ordered)) {
        const bool continues = !stretches.isEmpty()
                               && stretches.last().last().environment == band.environment
                               && stretches.last().last().component == band.component
                               && stretches.last().last().to == band.from;
        if (!continues)
            stretches.append(QList<VersionBand>());
        stretches.last().append(band);
    }
    QSet<QString> inLegend;
    for (const QList<VersionBand> &stretch : std::as_const(stretches)) {
        const VersionBand &first = stretch.first();
        const double y0 = rowBottom(first.environment, first.component);
        const double y1 = y0 + rowHeight * BandShare;
        const double x0 = double(first.from.toMSecsSinceEpoch());
        const double x1 = double(stretch.last().to.toMSecsSinceEpoch());
        auto *lower = new QLineSeries;
        auto *upper = new QLineSeries;
        lower->replace({QPointF(x0, y0), QPointF(x1, y0)});
        upper->replace({QPointF(x0, y1), QPointF(x1, y1)});
        auto *area = new QAreaSeries(upper, lower);
        area->setName(first.component);
        area->setColor(componentColor(int(m_components.indexOf(first.component))));
        area->setBorderColor(palette.color(QPalette::Base));
        chart->addSeries(area);
        area->attachAxis(axisX);
        area->attachAxis(axisY);
        const bool firstOfComponent = !inLegend.contains(first.component);
        inLegend.insert(first.component);
        for (QLegendMarker *marker : chart->legend()->markers(area))
            marker->setVisible(firstOfComponent);
        connect(area, &QAreaSeries::hovered, this,
                [this, stretch, until](const QPointF &point, bool state) {
                    if (!state)
                        return;
                    for (const VersionBand &band : stretch) {
                        if (point.x() < double(band.from.toMSecsSinceEpoch())
                            || point.x() > double(band.to.toMSecsSinceEpoch()))
                            continue;
                        const QString tip
                            = tr("<b>%1</b> %2 in <b>%3</b><br/>from %4<br/>to %5")
                                  .arg(band.component.toHtmlEscaped(), band.version.toHtmlEscaped(),
                                       band.environment.toHtmlEscaped(), dateText(band.from),
                                       band.to == until ? tr("now") : dateText(band.to));
                        QToolTip::showText(QCursor::pos(), tip, this);
                        return;
                    }
                });
    }

    m_markers = new QScatterSeries;
    m_markers->setName(tr("Changes (commits)"));
    m_markers->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_markers->setMarkerSize(10);
    m_markers->setColor(palette.color(QPalette::WindowText));
    m_markers->setBorderColor(palette.color(QPalette::Base));
    QList<QPointF> points;
    points.reserve(m_markerEvents.size());
    for (const DeploymentEvent &event : std::as_const(m_markerEvents)) {
        const double y
            = m_components.contains(event.component)
                  ? rowBottom(event.environment, event.component) + rowHeight * BandShare / 2
                  : laneOf(event.environment) + 0.5;
        points.append(QPointF(double(event.date.toMSecsSinceEpoch()), y));
    }
    if (points.size() > ThinningThreshold) {
        // Markers sit on a few rows, so min/max thinning would drop whole rows: keep the first
        // marker per pixel column and row instead, with the event it stands for.
        const double left = double(axisX->min().toMSecsSinceEpoch());
        const double span = std::max(1.0, double(axisX->max().toMSecsSinceEpoch()) - left);
        const int columns = std::max(100, int(chart->plotArea().width()));
        QSet<std::pair<int, int>> taken;
        QList<QPointF> kept;
        QList<DeploymentEvent> keptEvents;
        for (qsizetype i = 0; i < points.size(); ++i) {
            const int column = int((points.at(i).x() - left) / span * columns);
            if (taken.contains({column, qRound(points.at(i).y() * 1000)}))
                continue;
            taken.insert({column, qRound(points.at(i).y() * 1000)});
            kept.append(points.at(i));
            keptEvents.append(m_markerEvents.at(i));
        }
        points = kept;
        m_markerEvents = keptEvents;
    }
    m_markers->replace(points);
    chart->addSeries(m_markers);
    m_markers->attachAxis(axisX);
    m_markers->attachAxis(axisY);
    connect(m_markers, &QScatterSeries::hovered, this, [this](const QPointF &point, bool state) {
        const int index = markerNear(point);
        if (state && index >= 0)
            QToolTip::showText(QCursor::pos(), markerToolTip(index), this);
        else
            QToolTip::hideText();
    });
    connect(m_markers, &QScatterSeries::clicked, this, [this](const QPointF &point) {
        const int index = markerNear(point);
        if (index >= 0)
            emit commitActivated(m_markerEvents.at(index).commit);
    });
}

} // namespace EnvDeck::Timeline
