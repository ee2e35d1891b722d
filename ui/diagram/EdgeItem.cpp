// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/EdgeItem.h"

#include "diagram/DiagramScene.h"
#include "diagram/DiagramStyle.h"
#include "diagram/NodeItem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace EnvDeck::Diagram {

namespace {

constexpr double ArrowLength = 10;
constexpr double ArrowHalfWidth = 4.5;
// Lines that would be narrower than this on screen are drawn as one-pixel lines.
constexpr double ThinLinePixels = 1.75;

const DiagramStyle &styleOf(const QGraphicsItem *item, const DiagramStyle &fallback)
{
    const auto *diagram = qobject_cast<DiagramScene *>(item->scene());
    return diagram ? diagram->style() : fallback;
}

} // namespace

EdgeItem::EdgeItem(const Edge &edge, bool removed, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_edge(edge)
    , m_removed(removed)
{
    setAcceptHoverEvents(true);
    // option->exposedRect tells paint() what is in view.
    setFlag(ItemUsesExtendedStyleOption);
    setZValue(5);
    QString tip = m_edge.from + QStringLiteral(" → ") + m_edge.to + QStringLiteral(" (")
                  + edgeKindName(m_edge.kind) + QLatin1Char(')');
    if (!m_edge.labels.isEmpty())
        tip += QStringLiteral(": ") + labelText();
    setToolTip(tip);
    setData(1, tip);
}

void EdgeItem::setRemoved(bool removed)
{
    m_removed = removed;
    update();
}

QString EdgeItem::labelText() const
{
    return m_edge.labels.join(QStringLiteral(", "));
}

bool EdgeItem::setPoints(const QList<QPointF> &points)
{
    if (points.size() < 4 || (points.size() - 1) % 3 != 0)
        return false;
    prepareGeometryChange();
    QPainterPath path(points.first());
    for (qsizetype i = 1; i + 2 < points.size(); i += 3)
        path.cubicTo(points[i], points[i + 1], points[i + 2]);
    // The arrow head's tip is the spline's last point, pointing along the last tangent; the line
    // stops at the head's base so the dash pattern does not poke through the tip.
    const QPointF tip = points.last();
    QPointF direction = tip - points[points.size() - 2];
    if (direction.isNull())
        direction = tip - points.first();
    const double length = std::hypot(direction.x(), direction.y());
    const QPointF unit = length > 0 ? direction / length : QPointF(1, 0);
    const QPointF normal(-unit.y(), unit.x());
    const QPointF base = tip - unit * ArrowLength;
    m_arrow = QPolygonF({tip, base + normal * ArrowHalfWidth, base - normal * ArrowHalfWidth});
    m_path = path;
    // Flattened at four times the scene's scale: smooth up to the view's largest zoom.
    constexpr double Fine = 4.0;
    m_polyline.clear();
    m_lengths.clear();
    const QList<QPolygonF> parts = path.toSubpathPolygons(QTransform::fromScale(Fine, Fine));
    for (const QPolygonF &part : parts) {
        for (const QPointF &point : part) {
            const QPointF scenePoint = point / Fine;
            m_lengths.push_back(m_polyline.isEmpty()
                                    ? 0.0
                                    : m_lengths.back()
                                          + QLineF(m_polyline.constLast(), scenePoint).length());
            m_polyline.append(scenePoint);
        }
    }
    return true;
}

void EdgeItem::drawVisibleRuns(QPainter *painter, QPen pen, const QRectF &exposed) const
{
    if (m_polyline.size() < 2) {
        painter->setPen(pen);
        painter->drawPath(m_path);
        return;
    }
    // A thin (cosmetic) pen draws each run as a polyline: the raster engine's line drawer does
    // that directly, dash pattern included. A wider pen draws the runs as separate segments,
    // dashes cut here: the engine rasterises plain segments directly too, while a wide polyline
    // or a dash pattern goes through its general stroker, several times slower with hundreds of
    // edges in view.
    const bool asSegments = !pen.isCosmetic() && pen.widthF() > 0;
    const bool dashed = pen.style() != Qt::SolidLine;
    QList<qreal> pattern; // in scene units; empty for a solid line
    if (asSegments) {
        if (dashed) {
            for (const qreal length : pen.dashPattern())
                pattern.append(length * pen.widthF());
            pen.setStyle(Qt::SolidLine);
            pen.setCapStyle(Qt::FlatCap); // exact dash lengths
        } else {
            pen.setCapStyle(Qt::SquareCap); // closes the joints between segments
        }
    }
    // A cosmetic pen's dash lengths are in device pixels: a run that starts mid-edge continues
    // the pattern of the run before it.
    const double scale
        = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const double dashUnit = (pen.widthF() > 0 ? pen.widthF() : 1.0) / scale;
    const double margin = (pen.isCosmetic() ? pen.widthF() / scale : pen.widthF()) + 2;
    const QRectF area = exposed.adjusted(-margin, -margin, margin, margin);
    painter->setPen(pen);

    QVarLengthArray<QLineF, 128> segments;
    const qsizetype last = m_polyline.size() - 1;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= last; ++i) {
        const bool inView = i < last
                            && area.intersects(QRectF(m_polyline[i], m_polyline[i + 1])
                                                   .normalized()
                                                   .adjusted(-0.5, -0.5, 0.5, 0.5));
        if (inView && start < 0)
            start = i;
        if (inView || start < 0)
            continue;
        if (asSegments) {
            appendSegments(segments, start, i, pattern);
        } else {
            if (dashed) {
                pen.setDashOffset(m_lengths[size_t(start)] / dashUnit);
                painter->setPen(pen);
            }
            painter->drawPolyline(m_polyline.constData() + start, int(i - start + 1));
        }
        start = -1;
    }
    if (!segments.isEmpty())
        painter->drawLines(segments.constData(), int(segments.size()));
}

void EdgeItem::appendSegments(QVarLengthArray<QLineF, 128> &segments, qsizetype from, qsizetype to,
                              const QList<qreal> &pattern) const
{
    if (pattern.isEmpty()) {
        for (qsizetype j = from; j < to; ++j)
            segments.append(QLineF(m_polyline[j], m_polyline[j + 1]));
        return;
    }
    double period = 0;
    for (const qreal length : pattern)
        period += length;
    if (period <= 0)
        return;
    // The pattern is laid from the edge's start, so it does not depend on what is in view.
    for (qsizetype j = from; j < to; ++j) {
        const double begin = m_lengths[size_t(j)];
        const double end = m_lengths[size_t(j + 1)];
        if (end <= begin)
            continue;
        const QPointF a = m_polyline[j];
        const QPointF b = m_polyline[j + 1];
        const auto at
            = [&](double position) { return a + (b - a) * ((position - begin) / (end - begin)); };
        double position = begin;
        while (position < end) {
            double phase = std::fmod(position, period);
            qsizetype k = 0;
            while (k < pattern.size() - 1 && phase >= pattern[k]) {
                phase -= pattern[k];
                ++k;
            }
            const double next = std::min(end, position + std::max(pattern[k] - phase, 1e-6));
            if (k % 2 == 0)
                segments.append(QLineF(at(position), at(next)));
            position = next;
        }
    }
}

QRectF EdgeItem::boundingRect() const
{
    QRectF rect = m_path.controlPointRect().united(m_arrow.boundingRect()).adjusted(-6, -6, 6, 6);
    if (m_hovered && !m_edge.labels.isEmpty()) {
        // Room for the label drawn at the middle of the path.
        const QPointF middle = m_path.pointAtPercent(0.5);
        rect = rect.united(QRectF(middle.x() - 300, middle.y() - 30, 600, 60));
    }
    return rect;
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath shape = stroker.createStroke(m_path);
    shape.addPolygon(m_arrow);
    return shape;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget);
    const DiagramStyle fallback;
    const DiagramStyle &style = styleOf(this, fallback);
    QPen pen = style.edgePen(m_edge.kind, m_removed);
    const bool lowDetail
        = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())
          < NodeItem::LowDetail;
    // Far out, as the nodes are plain boxes, the curves are thin lines without antialiasing.
    painter->setRenderHint(QPainter::Antialiasing, !lowDetail);
    if (m_hovered) {
        pen.setWidthF(pen.widthF() + 1);
    } else if (!lowDetail
               && pen.widthF() * option->levelOfDetailFromTransform(painter->worldTransform())
                      < ThinLinePixels) {
        // Up to about 125 % zoom the curve is drawn one device pixel wide: the raster engine
        // strokes such a line directly, several times faster than a wider antialiased stroke,
        // which is what keeps frames short with hundreds of edges in view.
        pen.setCosmetic(true);
        pen.setWidthF(1.0);
    }
    painter->setBrush(Qt::NoBrush);
    drawVisibleRuns(painter, lowDetail ? QPen(pen.color(), 0) : pen, option->exposedRect);
    if (lowDetail)
        return;
    painter->setPen(QPen(pen.color(), 1));
    painter->setBrush(pen.color());
    painter->drawPolygon(m_arrow);

    if (m_hovered && !m_edge.labels.isEmpty()) {
        const auto *diagram = qobject_cast<DiagramScene *>(scene());
        const QFont font = diagram ? diagram->style().detailFont() : style.detailFont();
        const QString text = labelText();
        const QFontMetricsF metrics(font);
        const QPointF middle = m_path.pointAtPercent(0.5);
        const double width = std::min(590.0, std::ceil(metrics.horizontalAdvance(text)) + 10);
        const QRectF box(middle.x() - width / 2, middle.y() - metrics.height() - 6, width,
                         metrics.height() + 4);
        painter->setPen(QPen(pen.color(), 1));
        painter->setBrush(style.background());
        painter->drawRoundedRect(box, 3, 3);
        painter->setPen(style.text());
        painter->setFont(font);
        painter->drawText(box, Qt::AlignCenter,
                          metrics.elidedText(text, Qt::ElideRight, width - 6));
    }
}

void EdgeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    prepareGeometryChange();
    m_hovered = true;
    QGraphicsItem::hoverEnterEvent(event);
}

void EdgeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    prepareGeometryChange();
    m_hovered = false;
    QGraphicsItem::hoverLeaveEvent(event);
}

ClusterItem::ClusterItem(const QString &id, const QString &label, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_id(id)
    , m_label(label)
{
    setZValue(-10);
    setToolTip(QObject::tr("Module %1 and the modules it calls").arg(label));
}

void ClusterItem::setRect(const QRectF &rect)
{
    prepareGeometryChange();
    m_rect = rect;
}

QRectF ClusterItem::boundingRect() const
{
    return m_rect.adjusted(-1, -1, 1, 1);
}

void ClusterItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(option);
    Q_UNUSED(widget);
    const DiagramStyle fallback;
    const DiagramStyle &style = styleOf(this, fallback);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(style.clusterBorder(), 1, Qt::DashLine));
    painter->setBrush(style.clusterFill());
    painter->drawRoundedRect(m_rect, 8, 8);
    painter->setPen(style.mutedText());
    painter->setFont(style.detailFont());
    painter->drawText(m_rect.adjusted(8, 4, -8, -4), Qt::AlignLeft | Qt::AlignTop,
                      QStringLiteral("module.") + m_label);
}

} // namespace EnvDeck::Diagram
