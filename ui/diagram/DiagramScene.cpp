// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/DiagramScene.h"

#include "UiLogging.h"
#include "diagram/EdgeItem.h"
#include "diagram/GraphModel.h"
#include "diagram/NodeItem.h"

#include <QEvent>
#include <QGraphicsSceneMouseEvent>
#include <QSet>

namespace EnvDeck::Diagram {

DiagramScene::DiagramScene(GraphModel *model, QObject *parent)
    : QGraphicsScene(parent)
    , m_model(model)
{
    updateStyle();
    connect(this, &QGraphicsScene::selectionChanged, this, &DiagramScene::onSelectionChanged);
    if (!model)
        return;
    connect(model, &GraphModel::graphReset, this, &DiagramScene::rebuild);
    connect(model, &GraphModel::nodeAdded, this, &DiagramScene::addNode);
    connect(model, &GraphModel::nodeRemoved, this, &DiagramScene::removeNode);
    connect(model, &GraphModel::nodeChanged, this, &DiagramScene::changeNode);
    connect(model, &GraphModel::edgeAdded, this, &DiagramScene::addEdge);
    connect(model, &GraphModel::edgeRemoved, this, &DiagramScene::removeEdge);
    connect(model, &GraphModel::layoutChanged, this, &DiagramScene::placeAll);
    connect(model, &GraphModel::nodeMoved, this, [this](const QString &id) {
        if (NodeItem *item = m_nodes.value(id))
            placeNode(item);
        for (EdgeItem *edge : std::as_const(m_edges)) {
            if (edge->edge().from == id || edge->edge().to == id)
                placeEdge(edge);
        }
    });
    connect(model, &GraphModel::comparisonChanged, this, [this] {
        syncItems();
        placeAll();
    });
    rebuild();
}

DiagramScene::~DiagramScene()
{
    // Items go before the hashes pointing at them, and no selection signal reaches a half-gone
    // scene.
    disconnect(this, nullptr, this, nullptr);
    clear();
}

QList<NodeItem *> DiagramScene::nodeItems() const
{
    QList<NodeItem *> items;
    if (!m_model)
        return items;
    for (const Node &node : m_model->graph().nodes) {
        if (NodeItem *item = m_nodes.value(node.id))
            items.append(item);
    }
    for (const Node &node : m_model->comparison().removedNodes) {
        if (NodeItem *item = m_nodes.value(node.id); item && !items.contains(item))
            items.append(item);
    }
    return items;
}

QList<EdgeItem *> DiagramScene::edgeItems() const
{
    return m_edges.values();
}

QRectF DiagramScene::diagramRect() const
{
    QRectF rect;
    for (QGraphicsItem *item : items()) {
        if (item->isVisible() && !item->parentItem())
            rect = rect.united(item->sceneBoundingRect());
    }
    return rect;
}

QString DiagramScene::selectedNodeId() const
{
    return m_selectedId;
}

void DiagramScene::selectNode(const QString &id)
{
    NodeItem *target = m_nodes.value(id);
    // One selection change signal, not one per item.
    QSignalBlocker blocker(this);
    clearSelection();
    if (target)
        target->setSelected(true);
    blocker.unblock();
    onSelectionChanged();
}

void DiagramScene::setMatches(const QStringList &ids, const QString &current)
{
    const QSet<QString> matched(ids.cbegin(), ids.cend());
    for (NodeItem *item : std::as_const(m_nodes))
        item->setMatch(matched.contains(item->id()), item->id() == current);
}

void DiagramScene::applyDrag(const QString &id, const QPointF &fromTopLeft,
                             const QPointF &toTopLeft)
{
    emit nodeDragged(id, fromTopLeft, toTopLeft);
    if (m_moveHandler)
        m_moveHandler(id, fromTopLeft, toTopLeft);
    else if (m_model)
        m_model->moveNode(id, toTopLeft);
}

bool DiagramScene::event(QEvent *event)
{
    const bool result = QGraphicsScene::event(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::ApplicationPaletteChange)
        updateStyle();
    return result;
}

void DiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    // Only a user's drag re-routes edges on the fly, not the scene placing items itself.
    m_dragging = (event->buttons() & Qt::LeftButton) && mouseGrabberItem()
                 && mouseGrabberItem()->type() == NodeItem::Type;
    QGraphicsScene::mouseMoveEvent(event);
}

void DiagramScene::nodeItemDragged(NodeItem *item)
{
    if (!m_dragging || !m_model)
        return;
    const auto rectOf = [this](const QString &id) {
        const NodeItem *node = m_nodes.value(id);
        return node ? QRectF(node->pos(), node->size()) : QRectF();
    };
    for (EdgeItem *edge : std::as_const(m_edges)) {
        if (edge->edge().from != item->id() && edge->edge().to != item->id())
            continue;
        const QRectF from = rectOf(edge->edge().from);
        const QRectF to = rectOf(edge->edge().to);
        if (from.isNull() || to.isNull())
            continue;
        const QPointF start(from.center().x() < to.center().x() ? from.right() : from.left(),
                            from.center().y());
        const QPointF end(from.center().x() < to.center().x() ? to.left() : to.right(),
                          to.center().y());
        edge->setPoints({start, start + (end - start) / 3, start + (end - start) * 2 / 3, end});
    }
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    m_dragging = false;
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || !m_model)
        return;
    // Every node the drag moved (all selected nodes move together) goes back to the model; the
    // model then reports nodeMoved and the edges follow.
    for (NodeItem *item : nodeItems()) {
        const QRectF rect = m_model->nodeRect(item->id());
        if (!rect.isNull() && item->pos() != rect.topLeft())
            applyDrag(item->id(), rect.topLeft(), item->pos());
    }
}

void DiagramScene::rebuild()
{
    clearSelection();
    for (auto *item : std::as_const(m_edges))
        delete item;
    for (auto *item : std::as_const(m_nodes))
        delete item;
    for (auto *item : std::as_const(m_clusters))
        delete item;
    m_edges.clear();
    m_nodes.clear();
    m_clusters.clear();
    syncItems();
    placeAll();
    onSelectionChanged();
}

void DiagramScene::syncItems()
{
    if (!m_model)
        return;
    // Nodes and edges the model has (with removed ones in compare mode) and nothing else.
    QSet<QString> nodeIds;
    for (const Node &node : m_model->graph().nodes)
        nodeIds.insert(node.id);
    for (const Node &node : m_model->comparison().removedNodes)
        nodeIds.insert(node.id);
    QHash<QString, Edge> edges;
    for (const Edge &edge : m_model->edges())
        edges.insert(edge.id(), edge);

    for (const QString &id : m_edges.keys()) {
        if (!edges.contains(id) || edges.value(id) != m_edges.value(id)->edge())
            delete m_edges.take(id);
    }
    for (const QString &id : m_nodes.keys()) {
        if (!nodeIds.contains(id))
            delete m_nodes.take(id);
    }
    for (const QString &id : std::as_const(nodeIds)) {
        if (!m_nodes.contains(id))
            addNode(id);
        else if (const Node *node = m_model->node(id); node && *node != m_nodes.value(id)->node())
            changeNode(id);
    }
    for (const Edge &edge : std::as_const(edges)) {
        if (!m_edges.contains(edge.id()))
            addEdge(edge);
    }
    recolour();
}

void DiagramScene::addNode(const QString &id)
{
    const Node *node = m_model ? m_model->node(id) : nullptr;
    if (!node || m_nodes.contains(id))
        return;
    auto *item = new NodeItem(*node);
    item->setDiffState(m_model->comparison().stateOf(id));
    addItem(item);
    m_nodes.insert(id, item);
    placeNode(item);
}

void DiagramScene::removeNode(const QString &id)
{
    const bool wasSelected = id == m_selectedId;
    delete m_nodes.take(id);
    if (wasSelected)
        onSelectionChanged();
}

void DiagramScene::changeNode(const QString &id)
{
    NodeItem *item = m_nodes.value(id);
    const Node *node = m_model ? m_model->node(id) : nullptr;
    if (!item || !node)
        return;
    item->setNode(*node);
    placeNode(item);
    if (id == m_selectedId)
        emit selectionChangedTo(id); // the inspector shows the new values
}

void DiagramScene::addEdge(const Edge &edge)
{
    if (m_edges.contains(edge.id()))
        return;
    bool removed = false;
    for (const Edge &gone : m_model->comparison().removedEdges)
        removed = removed || gone.id() == edge.id();
    auto *item = new EdgeItem(edge, removed);
    addItem(item);
    m_edges.insert(edge.id(), item);
    placeEdge(item);
}

void DiagramScene::removeEdge(const Edge &edge)
{
    delete m_edges.take(edge.id());
}

void DiagramScene::placeNode(NodeItem *item)
{
    const QRectF rect = m_model->nodeRect(item->id());
    if (rect.isNull()) {
        item->hide();
        return;
    }
    item->setSize(rect.size());
    item->setPos(rect.topLeft());
    item->show();
}

void DiagramScene::placeEdge(EdgeItem *item)
{
    const QList<QPointF> points = m_model->layout().edges.value(item->id());
    // Without both ends placed the edge would point at nothing.
    const bool ends = !m_model->nodeRect(item->edge().from).isNull()
                      && !m_model->nodeRect(item->edge().to).isNull();
    if (!ends || !item->setPoints(points)) {
        if (!points.isEmpty() && ends)
            qCWarning(lcUi) << "Edge" << item->id() << "has a path not in dot's form";
        item->hide();
        return;
    }
    item->show();
}

void DiagramScene::placeAll()
{
    if (!m_model)
        return;
    for (NodeItem *item : std::as_const(m_nodes))
        placeNode(item);
    for (EdgeItem *item : std::as_const(m_edges))
        placeEdge(item);
    placeClusters();
    const QRectF rect = diagramRect();
    setSceneRect(rect.isNull() ? QRectF() : rect.adjusted(-Margin, -Margin, Margin, Margin));
}

void DiagramScene::placeClusters()
{
    const QHash<QString, QRectF> &clusters = m_model->layout().clusters;
    for (const QString &id : m_clusters.keys()) {
        if (!clusters.contains(id))
            delete m_clusters.take(id);
    }
    for (auto it = clusters.cbegin(); it != clusters.cend(); ++it) {
        ClusterItem *item = m_clusters.value(it.key());
        if (!item) {
            const Node *node = m_model->node(it.key());
            item = new ClusterItem(it.key(), node ? node->label : it.key());
            addItem(item);
            m_clusters.insert(it.key(), item);
        }
        item->setRect(it.value());
    }
}

void DiagramScene::recolour()
{
    if (!m_model)
        return;
    const Comparison &comparison = m_model->comparison();
    for (NodeItem *item : std::as_const(m_nodes))
        item->setDiffState(comparison.stateOf(item->id()));
    QSet<QString> removedEdges;
    for (const Edge &edge : comparison.removedEdges)
        removedEdges.insert(edge.id());
    for (EdgeItem *item : std::as_const(m_edges))
        item->setRemoved(removedEdges.contains(item->id()));
}

void DiagramScene::updateStyle()
{
    m_style = DiagramStyle(palette(), font());
    setBackgroundBrush(m_style.background());
    update();
}

void DiagramScene::onSelectionChanged()
{
    QString id;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == NodeItem::Type) {
            id = static_cast<NodeItem *>(item)->id();
            break;
        }
    }
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    emit selectionChangedTo(id);
}

} // namespace EnvDeck::Diagram
