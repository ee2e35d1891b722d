// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/DiagramStyle.h"
#include "diagram/GraphModel.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

#include <functional>

namespace EnvDeck::Diagram {

class ClusterItem;
class EdgeItem;
class NodeItem;

// The diagram drawn from a GraphModel. It reacts only to the model's signals: a reset rebuilds
// every item, an added/removed/changed node or edge touches only that item, a layout positions
// all items, a moved node moves it and its edges, a comparison recolours and shows what was
// removed. Items the layout has not placed yet stay hidden.
class DiagramScene : public QGraphicsScene
{
    Q_OBJECT

public:
    // Called when the user dropped a dragged node: by default the model is moved
    // (model->moveNode); the editor may route it through an undo command instead.
    using MoveHandler = std::function<void(const QString &id, const QPointF &fromTopLeft,
                                           const QPointF &toTopLeft)>;

    // Room around the diagram in the scene rect (and what "fit" shows around it).
    static constexpr double Margin = 40;

    explicit DiagramScene(GraphModel *model, QObject *parent = nullptr);
    ~DiagramScene() override;

    GraphModel *model() const { return m_model; }
    const DiagramStyle &style() const { return m_style; }

    NodeItem *nodeItem(const QString &id) const { return m_nodes.value(id); }
    EdgeItem *edgeItem(const QString &edgeId) const { return m_edges.value(edgeId); }
    ClusterItem *clusterItem(const QString &id) const { return m_clusters.value(id); }
    QList<NodeItem *> nodeItems() const; // in the model's order, removed nodes last
    QList<EdgeItem *> edgeItems() const;
    // The rect of every item the layout placed (what "fit" and export show).
    QRectF diagramRect() const;

    QString selectedNodeId() const;
    void selectNode(const QString &id); // empty clears the selection

    // Search highlighting: `ids` are marked, `current` more strongly.
    void setMatches(const QStringList &ids, const QString &current);

    void setMoveHandler(MoveHandler handler) { m_moveHandler = std::move(handler); }
    // A finished drag: emits nodeDragged and hands the move to the handler or the model.
    void applyDrag(const QString &id, const QPointF &fromTopLeft, const QPointF &toTopLeft);

    // While the user drags `item`, its edges are drawn straight to where it is now; the model's
    // routes come back at release (nodeMoved) or with the next layout.
    void nodeItemDragged(NodeItem *item);

signals:
    void selectionChangedTo(const QString &id);
    void nodeDragged(const QString &id, const QPointF &fromTopLeft, const QPointF &toTopLeft);

protected:
    bool event(QEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void rebuild();
    void syncItems();
    void addNode(const QString &id);
    void removeNode(const QString &id);
    void changeNode(const QString &id);
    void addEdge(const Edge &edge);
    void removeEdge(const Edge &edge);
    void placeNode(NodeItem *item);
    void placeEdge(EdgeItem *item);
    void placeAll();
    void placeClusters();
    void recolour();
    void updateStyle();
    void onSelectionChanged();

    QPointer<GraphModel> m_model;
    DiagramStyle m_style;
    QHash<QString, NodeItem *> m_nodes;
    QHash<QString, EdgeItem *> m_edges;
    QHash<QString, ClusterItem *> m_clusters;
    QString m_selectedId;
    MoveHandler m_moveHandler;
    bool m_dragging = false;
};

} // namespace EnvDeck::Diagram
