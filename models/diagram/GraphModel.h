// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/Graph.h"
#include "diagram/GraphCompare.h"
#include "diagram/GraphLayout.h"

#include <QObject>
#include <QVariant>

namespace EnvDeck::Diagram {

// The diagram's only source of truth: the graph of one environment, its layout and, in compare
// mode, the comparison with a second environment. The scene is built from it and only reacts to
// its signals. setGraph() compares the new graph with the current one and reports exactly what
// was added, removed or changed, so an edit updates the items it touched and nothing else.
class GraphModel : public QObject
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,         // NodeKind as int
        LabelRole,        // QString
        ShortSourceRole,  // QString
        SourceRole,       // QString
        VersionRole,      // QString
        LockedRole,       // bool
        MultiplicityRole, // QString
        LocationRole,     // QString "file:line:column"
        DiffStateRole,    // DiffState as int (Same outside compare mode)
        RectRole,         // QRectF from the layout (null before the first layout)
    };

    explicit GraphModel(QObject *parent = nullptr);

    const Graph &graph() const { return m_graph; }
    QStringList nodeIds() const { return m_graph.nodeIds(); }
    const Node *node(const QString &id) const; // also finds removed nodes in compare mode
    QList<Edge> edges() const;                 // the graph's, plus removed ones in compare mode
    QVariant data(const QString &nodeId, int role) const;

    // Replaces the graph. A different environment resets (graphReset); the same environment
    // emits nodeRemoved / nodeAdded / nodeChanged / edgeRemoved / edgeAdded for what differs.
    void setGraph(Graph graph);
    void clear();

    const Layout &layout() const { return m_layout; }
    void setLayout(Layout layout); // layoutChanged()
    QRectF nodeRect(const QString &id) const;
    // A user drag: moves the node (its edges are re-routed as straight splines); nodeMoved().
    void moveNode(const QString &id, const QPointF &topLeft);

    const Comparison &comparison() const { return m_comparison; }
    void setComparison(Comparison comparison); // empty Comparison leaves compare mode
    bool isComparing() const { return !m_comparison.isEmpty(); }

signals:
    void graphReset();
    void nodeAdded(const QString &id);
    void nodeRemoved(const QString &id);
    void nodeChanged(const QString &id);
    void edgeAdded(const EnvDeck::Diagram::Edge &edge);
    void edgeRemoved(const EnvDeck::Diagram::Edge &edge);
    void layoutChanged();
    void nodeMoved(const QString &id);
    void comparisonChanged();

private:
    Graph m_graph;
    Layout m_layout;
    Comparison m_comparison;
};

} // namespace EnvDeck::Diagram
