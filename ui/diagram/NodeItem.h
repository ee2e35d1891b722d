// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/DiagramStyle.h"
#include "diagram/Graph.h"
#include "diagram/GraphCompare.h"

#include <QFont>
#include <QGraphicsItem>

#include <optional>

namespace EnvDeck::Diagram {

class DiagramStyle;

// One node of the diagram: a rounded box with the kind icon, the name, the short source, the
// version or ref, a padlock when locked and a multiplicity badge. Its position is the top-left
// of the node's layout rect; the scene moves it, a drag only moves it visually until the scene
// asks the model at release.
class NodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    // Below this scale (device pixels per scene unit) a node is drawn as a plain box.
    static constexpr double LowDetail = 0.5;
    // QGraphicsItem::data() keys: accessible name and description for assistive tools and tests.
    enum DataKey { IdKey = 0, AccessibleNameKey = 1, AccessibleDescriptionKey = 2 };

    explicit NodeItem(const Node &node, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    const Node &node() const { return m_node; }
    QString id() const { return m_node.id; }
    void setNode(const Node &node);

    // The layout rect's size; the item draws into (0, 0, size).
    void setSize(const QSizeF &size);
    QSizeF size() const { return m_size; }

    DiffState diffState() const { return m_state; }
    void setDiffState(DiffState state);

    bool isMatch() const { return m_match; }
    bool isCurrentMatch() const { return m_currentMatch; }
    void setMatch(bool match, bool current);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // The hover text: everything the node knows, as rich text.
    QString detailsToolTip() const;
    QString lockToolTip() const;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void updateTexts();

    const NodeGeometry &geometry(const QFont &font) const;

    Node m_node;
    // Measuring the labels is the costly part of a paint: kept until the node or font changes.
    mutable std::optional<NodeGeometry> m_geometry;
    mutable QFont m_geometryFont;
    QSizeF m_size{120, 40};
    DiffState m_state = DiffState::Same;
    bool m_match = false;
    bool m_currentMatch = false;
};

} // namespace EnvDeck::Diagram
