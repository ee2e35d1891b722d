// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the dot and the layered layouts; not part of the public interface.

#include "diagram/GraphLayout.h"

#include <QCoreApplication>
#include <QSet>

namespace EnvDeck::Diagram::LayoutSupport {

// A node the scene did not measure still gets a box big enough to be seen and picked.
inline constexpr QSizeF defaultNodeSize{160, 48};

inline QSizeF nodeSize(const SizeMap &sizes, const QString &id)
{
    const auto it = sizes.constFind(id);
    if (it == sizes.constEnd() || !it->isValid() || it->isEmpty())
        return defaultNodeSize;
    return *it;
}

inline QString tr(const char *text)
{
    return QCoreApplication::translate("EnvDeck::Diagram", text);
}

// Edges whose two ends are nodes of the graph: the builder reports dangling references as
// problems, the layouts simply leave them out.
inline bool hasBothEnds(const QSet<QString> &nodeIds, const Edge &edge)
{
    return nodeIds.contains(edge.from) && nodeIds.contains(edge.to);
}

// Node id -> the cluster (enclosing module id) it is drawn in, empty at the top. A parent chain
// that loops back on itself is bad input: its nodes are drawn at the top instead of nowhere.
QHash<QString, QString> effectiveParents(const Graph &graph);
// Cluster id -> the cluster it is nested in (empty at the top), for every cluster that has members.
QHash<QString, QString> clusterParents(const QHash<QString, QString> &parents);

// A straight line from a to b written as one cubic segment (c1, c2, b), appended to `path`.
inline void appendStraight(QList<QPointF> &path, QPointF a, QPointF b)
{
    path.append(a + (b - a) / 3.0);
    path.append(a + (b - a) * (2.0 / 3.0));
    path.append(b);
}

} // namespace EnvDeck::Diagram::LayoutSupport
