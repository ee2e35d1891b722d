// SPDX-License-Identifier: GPL-3.0-or-later
// The layout used when dot is missing or fails: a Sugiyama-style layered layout kept simple.
// Cycles are broken by reversing DFS back edges, ranks are longest paths, long edges get
// virtual nodes (so they have a lane and take part in ordering), layers are ordered by
// barycentre sweeps keeping each cluster's members together, and positions are packed so that
// boxes never overlap. Everything is computed along a "main" axis (ranks) and a "cross" axis
// (order within a rank) and mapped to x/y at the end, so left-to-right and top-to-bottom share
// the code.
#include "diagram/DiagramLogging.h"
#include "diagram/GraphLayout.h"
#include "diagram/LayeredBuilder.h"
#include "diagram/LayoutSupport.h"

#include <QElapsedTimer>

#include <algorithm>
#include <numeric>

namespace EnvDeck::Diagram {

using namespace LayoutSupport;

namespace Layered {

void LayeredBuilder::createItems()
{
    const QHash<QString, QString> parents = effectiveParents(m_graph);
    QHash<QString, int> index;
    m_items.resize(size_t(m_graph.nodes.size()));
    for (int i = 0; i < int(m_graph.nodes.size()); ++i) {
        const Node &node = m_graph.nodes.at(i);
        index.insert(node.id, i);
        const QSizeF size = nodeSize(m_sizes, node.id);
        Item &item = m_items[size_t(i)];
        item.mainExtent = m_options.leftToRight ? size.width() : size.height();
        item.crossExtent = m_options.leftToRight ? size.height() : size.width();
        for (QString cluster = parents.value(node.id); !cluster.isEmpty();
             cluster = parents.value(cluster))
            item.clusterPath.prepend(cluster);
    }
    for (int e = 0; e < int(m_graph.edges.size()); ++e) {
        const Edge &edge = m_graph.edges.at(e);
        const int from = index.value(edge.from, -1);
        const int to = index.value(edge.to, -1);
        if (from < 0 || to < 0)
            continue;
        if (from == to)
            m_selfLoops.emplace_back(e, from);
        else
            m_edges.push_back({e, false, {from, to}});
    }
}

void LayeredBuilder::rankItems()
{
    const int count = int(m_items.size());
    std::vector<std::vector<int>> outgoing(static_cast<size_t>(count)); // indexes into m_edges
    for (int e = 0; e < int(m_edges.size()); ++e)
        outgoing[size_t(m_edges[size_t(e)].chain.front())].push_back(e);

    // Iterative DFS in graph order: an edge into a node still on the stack closes a cycle and
    // is reversed, which leaves a DAG.
    std::vector<char> state(static_cast<size_t>(count), 0); // 0 new, 1 on the stack, 2 done
    for (int start = 0; start < count; ++start) {
        if (state[size_t(start)] != 0)
            continue;
        std::vector<std::pair<int, size_t>> stack{{start, 0}};
        state[size_t(start)] = 1;
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            if (next == outgoing[size_t(node)].size()) {
                state[size_t(node)] = 2;
                stack.pop_back();
                continue;
            }
            RoutedEdge &edge = m_edges[size_t(outgoing[size_t(node)][next++])];
            const int target = edge.chain.back();
            if (state[size_t(target)] == 1) {
                edge.reversed = true;
                std::swap(edge.chain.front(), edge.chain.back());
            } else if (state[size_t(target)] == 0) {
                state[size_t(target)] = 1;
                stack.emplace_back(target, 0);
            }
        }
    }

    // Longest path from the sources, in topological order (Kahn).
    std::vector<int> incoming(static_cast<size_t>(count), 0);
    std::vector<std::vector<int>> successors(static_cast<size_t>(count));
    for (const RoutedEdge &edge : m_edges) {
        successors[size_t(edge.chain.front())].push_back(edge.chain.back());
        ++incoming[size_t(edge.chain.back())];
    }
    std::vector<int> ready;
    for (int i = count - 1; i >= 0; --i) {
        if (incoming[size_t(i)] == 0)
            ready.push_back(i);
    }
    while (!ready.empty()) {
        const int node = ready.back();
        ready.pop_back();
        for (const int successor : successors[size_t(node)]) {
            Item &item = m_items[size_t(successor)];
            item.rank = std::max(item.rank, m_items[size_t(node)].rank + 1);
            if (--incoming[size_t(successor)] == 0)
                ready.push_back(successor);
        }
    }
}

void LayeredBuilder::addVirtualItems()
{
    for (RoutedEdge &edge : m_edges) {
        const int from = edge.chain.front();
        const int to = edge.chain.back();
        std::vector<int> chain{from};
        for (int rank = m_items[size_t(from)].rank + 1; rank < m_items[size_t(to)].rank; ++rank) {
            Item lane;
            lane.rank = rank;
            // An edge inside a cluster keeps its lane inside too.
            const QStringList &fromPath = m_items[size_t(from)].clusterPath;
            const QStringList &toPath = m_items[size_t(to)].clusterPath;
            for (qsizetype k = 0;
                 k < fromPath.size() && k < toPath.size() && fromPath.at(k) == toPath.at(k); ++k)
                lane.clusterPath.append(fromPath.at(k));
            m_items.push_back(lane);
            chain.push_back(int(m_items.size()) - 1);
        }
        chain.push_back(to);
        for (size_t i = 0; i + 1 < chain.size(); ++i) {
            m_items[size_t(chain[i])].down.push_back(chain[i + 1]);
            m_items[size_t(chain[i + 1])].up.push_back(chain[i]);
        }
        edge.chain = std::move(chain);
    }
    int layers = 0;
    for (const Item &item : m_items)
        layers = std::max(layers, item.rank + 1);
    m_layers.assign(size_t(layers), {});
    for (int i = 0; i < int(m_items.size()); ++i) {
        Item &item = m_items[size_t(i)];
        item.position = int(m_layers[size_t(item.rank)].size());
        m_layers[size_t(item.rank)].push_back(i);
    }
}

// Members of one cluster stay next to each other (so the cluster's box holds nobody else's
// nodes in that layer); groups and the items inside them are ordered by barycentre.
void LayeredBuilder::groupByCluster(std::vector<int> &layer, const std::vector<double> &barycentre,
                                    int depth) const
{
    struct Group
    {
        QString key;
        std::vector<int> members;
        double sum = 0;
    };
    std::vector<Group> groups;
    QHash<QString, size_t> groupOf;
    for (const int i : layer) {
        const QStringList &path = m_items[size_t(i)].clusterPath;
        if (path.size() <= depth) {
            groups.push_back({QString(), {i}, barycentre[size_t(i)]});
            continue;
        }
        const QString &key = path.at(depth);
        auto it = groupOf.constFind(key);
        if (it == groupOf.constEnd()) {
            it = groupOf.insert(key, groups.size());
            groups.push_back({key, {}, 0});
        }
        Group &group = groups[*it];
        group.members.push_back(i);
        group.sum += barycentre[size_t(i)];
    }
    std::stable_sort(groups.begin(), groups.end(), [](const Group &a, const Group &b) {
        return a.sum / double(a.members.size()) < b.sum / double(b.members.size());
    });
    if (!m_clusterScore.isEmpty()) {
        // Clusters keep one order in every rank (their places among the other items are kept):
        // were A before B in one rank and after it in another, their boxes would overlap.
        std::vector<size_t> places;
        std::vector<Group> clustered;
        for (size_t g = 0; g < groups.size(); ++g) {
            if (!groups[g].key.isEmpty()) {
                places.push_back(g);
                clustered.push_back(std::move(groups[g]));
            }
        }
        std::stable_sort(clustered.begin(), clustered.end(),
                         [this](const Group &a, const Group &b) {
                             return m_clusterScore.value(a.key) < m_clusterScore.value(b.key);
                         });
        for (size_t k = 0; k < places.size(); ++k)
            groups[places[k]] = std::move(clustered[k]);
    }
    layer.clear();
    for (Group &group : groups) {
        if (!group.key.isEmpty() && group.members.size() > 1)
            groupByCluster(group.members, barycentre, depth + 1);
        layer.insert(layer.end(), group.members.begin(), group.members.end());
    }
}

void LayeredBuilder::orderLayer(std::vector<int> &layer, bool downwards)
{
    std::vector<double> barycentre(m_items.size(), 0);
    for (const int i : layer) {
        const Item &item = m_items[size_t(i)];
        const std::vector<int> &neighbours = downwards ? item.up : item.down;
        if (neighbours.empty()) {
            barycentre[size_t(i)] = item.position; // stays where it is
            continue;
        }
        double sum = 0;
        for (const int n : neighbours)
            sum += m_items[size_t(n)].position;
        barycentre[size_t(i)] = sum / double(neighbours.size());
    }
    std::stable_sort(layer.begin(), layer.end(),
                     [&](int a, int b) { return barycentre[size_t(a)] < barycentre[size_t(b)]; });
    groupByCluster(layer, barycentre, 0);
    for (int p = 0; p < int(layer.size()); ++p)
        m_items[size_t(layer[size_t(p)])].position = p;
}

void LayeredBuilder::orderLayers()
{
    // Start from the graph's own order within each cluster, then sweep down and up.
    std::vector<double> identity(m_items.size());
    std::iota(identity.begin(), identity.end(), 0.0);
    for (std::vector<int> &layer : m_layers) {
        groupByCluster(layer, identity, 0);
        for (int p = 0; p < int(layer.size()); ++p)
            m_items[size_t(layer[size_t(p)])].position = p;
    }
    for (int sweep = 0; sweep < orderingSweeps; ++sweep) {
        const bool downwards = sweep % 2 == 0;
        const int count = int(m_layers.size());
        for (int step = 1; step < count; ++step) {
            const int layer = downwards ? step : count - 1 - step;
            orderLayer(m_layers[size_t(layer)], downwards);
        }
    }

    // Each cluster's place: the mean relative position of its members over all ranks.
    QHash<QString, std::pair<double, int>> sums;
    for (const std::vector<int> &layer : m_layers) {
        for (const int i : layer) {
            const Item &item = m_items[size_t(i)];
            const double relative = double(item.position) / double(layer.size());
            for (const QString &cluster : item.clusterPath) {
                auto &[sum, count] = sums[cluster];
                sum += relative;
                ++count;
            }
        }
    }
    for (auto it = sums.constBegin(); it != sums.constEnd(); ++it)
        m_clusterScore.insert(it.key(), it->first / double(it->second));
    for (std::vector<int> &layer : m_layers) {
        std::vector<double> barycentre(m_items.size(), 0);
        for (const int i : layer)
            barycentre[size_t(i)] = m_items[size_t(i)].position;
        groupByCluster(layer, barycentre, 0);
        for (int p = 0; p < int(layer.size()); ++p)
            m_items[size_t(layer[size_t(p)])].position = p;
    }
}

double LayeredBuilder::gapBetween(int a, int b) const
{
    const QStringList &pathA = m_items[size_t(a)].clusterPath;
    const QStringList &pathB = m_items[size_t(b)].clusterPath;
    if (m_items[size_t(a)].crossExtent == 0 && m_items[size_t(b)].crossExtent == 0)
        return m_options.nodeSeparation / 2; // two edge lanes
    // Each cluster border between the two needs its padding on both sides.
    qsizetype common = 0;
    while (common < pathA.size() && common < pathB.size() && pathA.at(common) == pathB.at(common))
        ++common;
    const qsizetype borders = (pathA.size() - common) + (pathB.size() - common);
    return m_options.nodeSeparation + double(borders) * clusterPadding;
}

// Puts each item of the layer as near its desired centre as the order and the gaps allow.
void LayeredBuilder::packLayer(const std::vector<int> &layer, const std::vector<double> &desired)
{
    if (layer.empty())
        return;
    double shift = 0;
    double previousEnd = 0;
    for (size_t p = 0; p < layer.size(); ++p) {
        Item &item = m_items[size_t(layer[p])];
        double centre = desired[size_t(layer[p])];
        if (p > 0) {
            const double start = previousEnd + gapBetween(layer[p - 1], layer[p]);
            centre = std::max(centre, start + item.crossExtent / 2);
        }
        item.cross = centre;
        previousEnd = centre + item.crossExtent / 2;
        shift += desired[size_t(layer[p])] - centre;
    }
    // Packing only ever pushes items one way; moving the whole layer back by the average push
    // keeps it centred on its neighbours without changing any gap.
    shift /= double(layer.size());
    for (const int i : layer)
        m_items[size_t(i)].cross += shift;
}

void LayeredBuilder::placeLayers()
{
    m_layerMain.assign(m_layers.size(), 0);
    double start = 0;
    for (size_t l = 0; l < m_layers.size(); ++l) {
        double thickness = 0;
        for (const int i : m_layers[l])
            thickness = std::max(thickness, m_items[size_t(i)].mainExtent);
        m_layerMain[l] = start + thickness / 2;
        start += thickness + m_options.rankSeparation;
    }

    std::vector<double> desired(m_items.size(), 0);
    for (const std::vector<int> &layer : m_layers)
        packLayer(layer, desired); // packed from 0, then centred around 0
    for (int sweep = 0; sweep < placementSweeps; ++sweep) {
        const bool downwards = sweep % 2 == 0;
        const bool both = sweep == placementSweeps - 1;
        const int count = int(m_layers.size());
        for (int step = 0; step < count; ++step) {
            const std::vector<int> &layer = m_layers[size_t(downwards ? step : count - 1 - step)];
            for (const int i : layer) {
                const Item &item = m_items[size_t(i)];
                double sum = 0;
                size_t n = 0;
                const auto add = [&](const std::vector<int> &neighbours) {
                    for (const int k : neighbours)
                        sum += m_items[size_t(k)].cross;
                    n += neighbours.size();
                };
                if (downwards || both)
                    add(item.up);
                if (!downwards || both)
                    add(item.down);
                desired[size_t(i)] = n > 0 ? sum / double(n) : item.cross;
            }
            packLayer(layer, desired);
        }
    }
}

Layout LayeredBuilder::build()
{
    createItems();
    rankItems();
    addVirtualItems();
    orderLayers();
    placeLayers();
    separateClusters();
    return collect();
}

} // namespace Layered

Layout layeredLayout(const Graph &graph, const SizeMap &sizes, const LayoutOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    Layout layout = Layered::LayeredBuilder(graph, sizes, options).build();
    qCDebug(lcDiagram) << "layered layout of" << graph.nodes.size() << "nodes in" << timer.elapsed()
                       << "ms";
    return layout;
}

} // namespace EnvDeck::Diagram
