// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/Graph.h"

#include <QHash>

namespace EnvDeck::Diagram {

enum class DiffState { Same, Added, Removed, Changed };

// One difference between an environment (`ours`) and the one it is compared with (`theirs`).
struct Difference
{
    QString nodeId;
    DiffState state = DiffState::Same; // Added: only in ours; Removed: only in theirs
    // For Changed: what differs: "source", "version", "inputs", "multiplicity", "locked"
    QStringList fields;
    QString text; // one line for the list: "module.redis: version 1.2.0 → 1.3.0"
};

struct Comparison
{
    QString ours;
    QString theirs;
    QList<Difference> differences; // sorted by node id; Same nodes are not listed
    // Nodes only in theirs, so the diagram can show what was removed (placed by the layout).
    QList<Node> removedNodes;
    QList<Edge> removedEdges;

    bool isEmpty() const { return ours.isEmpty(); }
    DiffState stateOf(const QString &nodeId) const;
};

Comparison compareGraphs(const Graph &ours, const Graph &theirs);

} // namespace EnvDeck::Diagram
