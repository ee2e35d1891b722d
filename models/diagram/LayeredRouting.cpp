// SPDX-License-Identifier: GPL-3.0-or-later
// The layered layout's last steps: cluster boxes kept clear of other nodes, edge paths, and the
// Layout in scene coordinates.
#include "diagram/DiagramLogging.h"
#include "diagram/GraphLayout.h"
#include "diagram/LayeredBuilder.h"
#include "diagram/LayoutSupport.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace EnvDeck::Diagram::Layered {

using namespace LayoutSupport;

// A cluster's members are next to each other within each rank, but its box spans several ranks
// and a node of one rank could still sit where the box is drawn. So in every rank the cluster
// spans, its whole interval on the cross axis is cleared: what lies before it (after it) moves
// away as one block, which keeps every gap and so never makes an overlap.
void LayeredBuilder::separateClusters()
{
    QHash<QString, qsizetype> depthOf;
    for (const Item &item : m_items) {
        for (qsizetype d = 0; d < item.clusterPath.size(); ++d)
            depthOf.insert(item.clusterPath.at(d), d);
    }
    QStringList clusters = depthOf.keys();
    std::sort(clusters.begin(), clusters.end(), [&depthOf](const QString &a, const QString &b) {
        const qsizetype da = depthOf.value(a);
        const qsizetype db = depthOf.value(b);
        return da != db ? da < db : a < b;
    });
    // Moving a block can widen another cluster's interval; a few rounds settle real graphs. If
    // they do not, the positions from before are kept: overlapping boxes beat a runaway layout.
    std::vector<double> before(m_items.size());
    for (size_t i = 0; i < m_items.size(); ++i)
        before[i] = m_items[i].cross;
    for (int round = 0; round < 12; ++round) {
        bool moved = false;
        for (const QString &cluster : std::as_const(clusters))
            moved = separateCluster(cluster, depthOf.value(cluster)) || moved;
        if (!moved)
            return;
    }
    qCDebug(lcDiagram) << "cluster boxes could not be cleared; they may hold other nodes";
    for (size_t i = 0; i < m_items.size(); ++i)
        m_items[i].cross = before[i];
}

bool LayeredBuilder::separateCluster(const QString &cluster, qsizetype depth)
{
    const auto isMember = [&](const Item &item) {
        return item.clusterPath.size() > depth && item.clusterPath.at(depth) == cluster;
    };
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    int firstRank = std::numeric_limits<int>::max();
    int lastRank = -1;
    for (const Item &item : m_items) {
        if (!isMember(item))
            continue;
        // The box around a member is padded once per cluster level up to this one.
        const double padding = clusterPadding * double(item.clusterPath.size() - depth);
        low = std::min(low, item.cross - item.crossExtent / 2 - padding);
        high = std::max(high, item.cross + item.crossExtent / 2 + padding);
        firstRank = std::min(firstRank, item.rank);
        lastRank = std::max(lastRank, item.rank);
    }
    const double gap = m_options.nodeSeparation;
    bool moved = false;
    const auto shift = [&](const std::vector<int> &layer, size_t from, size_t to, double by) {
        if (by < 1e-6 && by > -1e-6)
            return;
        for (size_t p = from; p < to; ++p)
            m_items[size_t(layer[p])].cross += by;
        moved = true;
    };
    for (int rank = firstRank; rank <= lastRank; ++rank) {
        const std::vector<int> &layer = m_layers[size_t(rank)];
        size_t begin = layer.size();
        size_t end = 0;
        for (size_t p = 0; p < layer.size(); ++p) {
            if (isMember(m_items[size_t(layer[p])])) {
                begin = std::min(begin, p);
                end = p + 1;
            }
        }
        if (begin > end) {
            // No member in this rank: split where the interval's middle is, but never on the
            // wrong side of a sibling cluster (clusters keep one order in every rank).
            const double score = m_clusterScore.value(cluster);
            size_t lowest = 0;
            size_t highest = layer.size();
            for (size_t p = 0; p < layer.size(); ++p) {
                const QStringList &path = m_items[size_t(layer[p])].clusterPath;
                if (path.size() <= depth)
                    continue;
                const double sibling = m_clusterScore.value(path.at(depth));
                if (sibling < score)
                    lowest = p + 1;
                else if (sibling > score && highest == layer.size())
                    highest = p;
            }
            const double middle = (low + high) / 2;
            begin = 0;
            while (begin < layer.size() && m_items[size_t(layer[begin])].cross < middle)
                ++begin;
            begin = std::clamp(begin, lowest, std::max(lowest, highest));
            end = begin;
        }
        if (begin > 0) {
            const Item &last = m_items[size_t(layer[begin - 1])];
            shift(layer, 0, begin, std::min(0.0, low - gap - (last.cross + last.crossExtent / 2)));
        }
        if (end < layer.size()) {
            const Item &first = m_items[size_t(layer[end])];
            shift(layer, end, layer.size(),
                  std::max(0.0, high + gap - (first.cross - first.crossExtent / 2)));
        }
    }
    return moved;
}

Layout LayeredBuilder::collect()
{
    Layout layout;
    layout.engine = QStringLiteral("layered");
    const auto rectOf = [this](int i) {
        const Item &item = m_items[size_t(i)];
        const QSizeF size = nodeSize(m_sizes, m_graph.nodes.at(i).id);
        QRectF rect(QPointF(), size);
        rect.moveCenter(toScene(m_layerMain[size_t(item.rank)], item.cross));
        return rect;
    };
    for (int i = 0; i < int(m_graph.nodes.size()); ++i)
        layout.nodes.insert(m_graph.nodes.at(i).id, rectOf(i));

    // Ports: the edges leaving (entering) one side of a box are spread along that side in the
    // order of where they go (come from), so they neither bunch up nor cross at the box.
    std::vector<std::vector<std::pair<double, size_t>>> outPorts(m_graph.nodes.size());
    std::vector<std::vector<std::pair<double, size_t>>> inPorts(m_graph.nodes.size());
    for (size_t e = 0; e < m_edges.size(); ++e) {
        const std::vector<int> &chain = m_edges[e].chain;
        outPorts[size_t(chain.front())].emplace_back(m_items[size_t(chain[1])].cross, e);
        inPorts[size_t(chain.back())].emplace_back(m_items[size_t(chain[chain.size() - 2])].cross,
                                                   e);
    }
    std::vector<double> startCross(m_edges.size());
    std::vector<double> endCross(m_edges.size());
    const auto spread = [this](std::vector<std::pair<double, size_t>> &ports, int node,
                               std::vector<double> &result) {
        std::stable_sort(ports.begin(), ports.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        const Item &item = m_items[size_t(node)];
        for (size_t k = 0; k < ports.size(); ++k)
            result[ports[k].second] = item.cross - item.crossExtent / 2
                                      + item.crossExtent * double(k + 1) / double(ports.size() + 1);
    };
    for (int i = 0; i < int(m_graph.nodes.size()); ++i) {
        spread(outPorts[size_t(i)], i, startCross);
        spread(inPorts[size_t(i)], i, endCross);
    }

    for (size_t e = 0; e < m_edges.size(); ++e) {
        const RoutedEdge &edge = m_edges[e];
        std::vector<QPointF> stops; // (main, cross) from the lower rank to the higher one
        const Item &first = m_items[size_t(edge.chain.front())];
        const Item &last = m_items[size_t(edge.chain.back())];
        stops.emplace_back(m_layerMain[size_t(first.rank)] + first.mainExtent / 2, startCross[e]);
        for (size_t k = 1; k + 1 < edge.chain.size(); ++k) {
            const Item &lane = m_items[size_t(edge.chain[k])];
            stops.emplace_back(m_layerMain[size_t(lane.rank)], lane.cross);
        }
        stops.emplace_back(m_layerMain[size_t(last.rank)] - last.mainExtent / 2, endCross[e]);
        if (edge.reversed)
            std::reverse(stops.begin(), stops.end());
        // Each stop to the next is one cubic leaving and arriving along the main axis.
        QList<QPointF> path{toScene(stops.front().x(), stops.front().y())};
        for (size_t k = 0; k + 1 < stops.size(); ++k) {
            const QPointF a = stops[k];
            const QPointF b = stops[k + 1];
            const double half = (b.x() - a.x()) / 2;
            path.append(toScene(a.x() + half, a.y()));
            path.append(toScene(b.x() - half, b.y()));
            path.append(toScene(b.x(), b.y()));
        }
        layout.edges.insert(m_graph.edges.at(edge.edgeIndex).id(), path);
    }
    for (const auto &[e, i] : m_selfLoops) {
        const Edge &edge = m_graph.edges.at(e);
        const Item &item = m_items[size_t(i)];
        const double side = m_layerMain[size_t(item.rank)] + item.mainExtent / 2;
        const double quarter = item.crossExtent / 4;
        const double reach = m_options.rankSeparation / 2;
        layout.edges.insert(edge.id(), {toScene(side, item.cross - quarter),
                                        toScene(side + reach, item.cross - quarter - reach / 2),
                                        toScene(side + reach, item.cross + quarter + reach / 2),
                                        toScene(side, item.cross + quarter)});
    }

    // Clusters from the innermost out, so a cluster's box holds its nested clusters' boxes.
    QHash<QString, QRectF> &clusters = layout.clusters;
    std::vector<int> byDepth(m_graph.nodes.size());
    std::iota(byDepth.begin(), byDepth.end(), 0);
    std::stable_sort(byDepth.begin(), byDepth.end(), [this](int a, int b) {
        return m_items[size_t(a)].clusterPath.size() > m_items[size_t(b)].clusterPath.size();
    });
    for (const int i : byDepth) {
        const QStringList &path = m_items[size_t(i)].clusterPath;
        QRectF inner = layout.nodes.value(m_graph.nodes.at(i).id);
        for (qsizetype d = path.size() - 1; d >= 0; --d) {
            inner
                = inner.adjusted(-clusterPadding, -clusterPadding, clusterPadding, clusterPadding);
            QRectF &box = clusters[path.at(d)];
            box = box.isNull() ? inner : box.united(inner);
            inner = box;
        }
    }

    for (const QRectF &rect : std::as_const(layout.nodes))
        layout.bounds |= rect;
    for (const QRectF &rect : std::as_const(layout.clusters))
        layout.bounds |= rect;
    for (const QList<QPointF> &path : std::as_const(layout.edges)) {
        for (const QPointF &point : path)
            layout.bounds |= QRectF(point, QSizeF(0.001, 0.001));
    }
    return layout;
}

} // namespace EnvDeck::Diagram::Layered
