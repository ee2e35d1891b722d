// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/Graph.h"

#include <QGraphicsItem>
#include <QVarLengthArray>

#include <QPainterPath>
#include <vector>

namespace EnvDeck::Diagram {

// One edge: the layout's spline (dot's form p0, (c1, c2, p)*) with an arrow head at its end,
// styled per EdgeKind; removed edges (compare mode) are red and dashed. The label (outputs used)
// is drawn while hovered and is in the tooltip.
class EdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    explicit EdgeItem(const Edge &edge, bool removed, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    const Edge &edge() const { return m_edge; }
    QString id() const { return m_edge.id(); }
    bool isRemoved() const { return m_removed; }
    void setRemoved(bool removed);

    // False (and the item keeps its path) when `points` is not in dot's form.
    bool setPoints(const QList<QPointF> &points);
    const QPainterPath &path() const { return m_path; }
    QPolygonF arrowHead() const { return m_arrow; }
    QString labelText() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    Edge m_edge;
    bool m_removed = false;
    bool m_hovered = false;
    // Draws the parts of the flattened path that cross `exposed`, with the dash pattern going on
    // where it would be on the whole path.
    void drawVisibleRuns(QPainter *painter, QPen pen, const QRectF &exposed) const;
    // The polyline's segments from..to (point indices) into `segments`, cut into dashes when
    // `pattern` (scene units, on/off) is not empty.
    void appendSegments(QVarLengthArray<QLineF, 128> &segments, qsizetype from, qsizetype to,
                        const QList<qreal> &pattern) const;

    QPainterPath m_path;
    // The path as fine line segments, and the length along it up to each point: only the part
    // in view is stroked, so a long curve costs what it shows, not what it is.
    QPolygonF m_polyline;
    std::vector<double> m_lengths;
    QPolygonF m_arrow;
};

// The box around a module's nested modules, drawn behind the nodes.
class ClusterItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };

    ClusterItem(const QString &id, const QString &label, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QString id() const { return m_id; }
    void setRect(const QRectF &rect);
    QRectF rect() const { return m_rect; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_id;
    QString m_label;
    QRectF m_rect;
};

} // namespace EnvDeck::Diagram
