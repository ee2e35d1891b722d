// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Layout of a Graph, computed outside any view: Graphviz `dot` run as a separate program
// (`dot -Tjson` through QProcess, never linked), or a simple layered layout when dot is missing
// or fails. Pure functions of the graph and the node sizes, so they are tested without a window.

#include "core/Result.h"
#include "diagram/Graph.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace EnvDeck::Diagram {

// Node id -> the size its item needs (the scene measures its labels; tests give fixed sizes).
using SizeMap = QHash<QString, QSizeF>;

struct Layout
{
    QHash<QString, QRectF> nodes; // node id -> rect in scene coordinates (y grows downwards)
    // Edge::id() -> the edge's path as a cubic B-spline in dot's form: p0, then (c1, c2, p) for
    // each segment; the last point touches the target node's border (the arrow head goes there).
    QHash<QString, QList<QPointF>> edges;
    QHash<QString, QRectF> clusters; // module node id -> the rect around its nested modules
    QRectF bounds;
    QString engine; // "dot" or "layered"

    bool isEmpty() const { return nodes.isEmpty(); }
};

struct LayoutOptions
{
    QString dotProgram = QStringLiteral("dot"); // a name looked up in PATH, or a path
    int timeoutMs = 20000;
    bool leftToRight = true; // rankdir=LR: inputs on the left, releases on the right
    double nodeSeparation = 24;
    double rankSeparation = 60;
};

struct LayoutOutcome
{
    Layout layout;
    // Why dot was not used (empty when it was): "Graphviz's dot was not found. Install it with
    // `sudo apt install graphviz`; a simple layout is used meanwhile." or dot's own error.
    QString dotProblem;
    bool dotMissing = false;
};

// The DOT text handed to dot: fixed-size boxes of the given sizes, one cluster per nested module.
QByteArray toDot(const Graph &graph, const SizeMap &sizes, const LayoutOptions &options);
// Reads `dot -Tjson` output back into a Layout (dot's y-up points flipped to scene coordinates).
// Error with the reason when the JSON is not what dot writes or misses a node of `graph`.
Result<Layout> parseDotJson(const QByteArray &json, const Graph &graph);
// Runs dot and waits (at most options.timeoutMs): never on the GUI thread.
Result<Layout> dotLayout(const Graph &graph, const SizeMap &sizes, const LayoutOptions &options);
// A layered (longest-path ranks, barycentre ordering) layout with straight-ish edges: no two
// nodes overlap. Used when dot is missing.
Layout layeredLayout(const Graph &graph, const SizeMap &sizes, const LayoutOptions &options);
// The full path of the dot program, empty when it cannot be found.
QString findDot(const LayoutOptions &options = {});

// dot when it can, layered otherwise, on the global thread pool.
LayoutOutcome computeLayout(const Graph &graph, const SizeMap &sizes,
                            const LayoutOptions &options = {});
QFuture<LayoutOutcome> computeLayoutAsync(Graph graph, SizeMap sizes, LayoutOptions options = {});

// True when two node rects of `layout` intersect (cluster rects are not nodes; touching borders
// do not count). `overlapping` gets one "a overlaps b" entry per such pair.
bool hasOverlaps(const Layout &layout, QStringList *overlapping = nullptr);

} // namespace EnvDeck::Diagram
