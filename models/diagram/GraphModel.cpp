// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/GraphModel.h"

#include <QHash>
#include <QSet>

namespace EnvDeck::Diagram {

namespace {

QHash<QString, Edge> edgesById(const QList<Edge> &edges)
{
    QHash<QString, Edge> byId;
    for (const Edge &edge : edges)
        byId.insert(edge.id(), edge);
    return byId;
}

// A straight cubic spline from the border of `from` to the border of `to`, in dot's point form.
QList<QPointF> straightSpline(const QRectF &from, const QRectF &to)
{
    const auto border = [](const QRectF &rect, const QPointF &towards) {
        const QPointF centre = rect.center();
        const QPointF delta = towards - centre;
        if (delta.isNull())
            return centre;
        const double sx = delta.x() == 0 ? 1e9 : (rect.width() / 2) / std::abs(delta.x());
        const double sy = delta.y() == 0 ? 1e9 : (rect.height() / 2) / std::abs(delta.y());
        return centre + delta * std::min(sx, sy);
    };
    const QPointF start = border(from, to.center());
    const QPointF end = border(to, from.center());
    return {start, start + (end - start) / 3, start + (end - start) * 2 / 3, end};
}

} // namespace

GraphModel::GraphModel(QObject *parent)
    : QObject(parent)
{}

const Node *GraphModel::node(const QString &id) const
{
    if (const Node *found = m_graph.node(id))
        return found;
    for (const Node &removed : m_comparison.removedNodes) {
        if (removed.id == id)
            return &removed;
    }
    return nullptr;
}

QList<Edge> GraphModel::edges() const
{
    QList<Edge> all = m_graph.edges;
    all.append(m_comparison.removedEdges);
    return all;
}

QVariant GraphModel::data(const QString &nodeId, int role) const
{
    const Node *found = node(nodeId);
    if (!found)
        return {};
    switch (role) {
    case IdRole:
        return found->id;
    case KindRole:
        return int(found->kind);
    case Qt::DisplayRole:
    case LabelRole:
        return found->label;
    case ShortSourceRole:
        return found->shortSource;
    case SourceRole:
        return found->source;
    case VersionRole:
        return found->version;
    case LockedRole:
        return found->locked;
    case MultiplicityRole:
        return found->multiplicity;
    case LocationRole:
        return found->location.toString();
    case DiffStateRole:
        return int(m_comparison.stateOf(nodeId));
    case RectRole:
        return m_layout.nodes.value(nodeId);
    default:
        return {};
    }
}

void GraphModel::setGraph(Graph graph)
{
    if (graph.environment != m_graph.environment || m_graph.nodes.isEmpty()) {
        m_graph = std::move(graph);
        m_layout = {};
        m_comparison = {};
        emit graphReset();
        return;
    }

    Graph old = std::exchange(m_graph, std::move(graph));
    const QHash<QString, Edge> oldEdges = edgesById(old.edges);
    const QHash<QString, Edge> newEdges = edgesById(m_graph.edges);

    // Edges go before the nodes they hang on and come after the nodes they need.
    for (const Edge &edge : old.edges) {
        if (newEdges.value(edge.id()) != edge)
            emit edgeRemoved(edge);
    }
    for (const Node &oldNode : old.nodes) {
        if (!m_graph.node(oldNode.id)) {
            m_layout.nodes.remove(oldNode.id);
            emit nodeRemoved(oldNode.id);
        }
    }
    for (const Node &newNode : m_graph.nodes) {
        const Node *oldNode = old.node(newNode.id);
        if (!oldNode)
            emit nodeAdded(newNode.id);
        else if (*oldNode != newNode)
            emit nodeChanged(newNode.id);
    }
    for (const Edge &edge : m_graph.edges) {
        if (oldEdges.value(edge.id()) != edge)
            emit edgeAdded(edge);
    }
}

void GraphModel::clear()
{
    setGraph({});
}

void GraphModel::setLayout(Layout layout)
{
    m_layout = std::move(layout);
    emit layoutChanged();
}

QRectF GraphModel::nodeRect(const QString &id) const
{
    return m_layout.nodes.value(id);
}

void GraphModel::moveNode(const QString &id, const QPointF &topLeft)
{
    auto rect = m_layout.nodes.find(id);
    if (rect == m_layout.nodes.end() || rect->topLeft() == topLeft)
        return;
    rect->moveTopLeft(topLeft);
    for (const Edge &edge : edges()) {
        if (edge.from != id && edge.to != id)
            continue;
        const QRectF from = m_layout.nodes.value(edge.from);
        const QRectF to = m_layout.nodes.value(edge.to);
        if (from.isNull() || to.isNull())
            continue;
        m_layout.edges.insert(edge.id(), straightSpline(from, to));
    }
    m_layout.bounds = m_layout.bounds.united(*rect);
    emit nodeMoved(id);
}

void GraphModel::setComparison(Comparison comparison)
{
    m_comparison = std::move(comparison);
    emit comparisonChanged();
}

} // namespace EnvDeck::Diagram
