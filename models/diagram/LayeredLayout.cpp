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
#include "diagram/LayoutSupport.h"

#include <QElapsedTimer>

#include <algorithm>
#include <numeric>
#include <vector>

namespace EnvDeck::Diagram {

using namespace LayoutSupport;

namespace {

constexpr int orderingSweeps = 12;
constexpr int placementSweeps = 8;
// Room between a cluster's members and its border, and between neighbouring clusters.
constexpr double clusterPadding = 12;

struct Item
{
    int rank = 0;
    double mainExtent = 0; // size along the ranks' axis (width when left to right)
    double crossExtent = 0;
    double cross = 0;        // centre on the cross axis
    int position = 0;        // index within its layer
    QStringList clusterPath; // enclosing clusters from the top down; empty for virtual items
    std::vector<int> up;     // neighbours in the previous layer
    std::vector<int> down;   // neighbours in the next layer
};

struct RoutedEdge
{
    int edgeIndex = 0;
    bool reversed = false;  // drawn against the ranks: the edge closed a cycle
    std::vector<int> chain; // items from the lower rank to the higher one
};

class LayeredBuilder
{
public:
    LayeredBuilder(const Graph &graph, const SizeMap &sizes, const LayoutOptions &options)
        : m_graph(graph)
        , m_sizes(sizes)
        , m_options(options)
    {}

    Layout build();

private:
    void createItems();
    void rankItems();
    void addVirtualItems();
    void orderLayers();
    void orderLayer(std::vector<int> &layer, bool downwards);
    void groupByCluster(std::vector<int> &layer, const std::vector<double> &barycentre,
                        int depth) const;
    void placeLayers();
    void packLayer(const std::vector<int> &layer, const std::vector<double> &desired);
    Layout collect();

    QPointF toScene(double main, double cross) const
    {
        return m_options.leftToRight ? QPointF(main, cross) : QPointF(cross, main);
    }
    double gapBetween(int a, int b) const;

    const Graph &m_graph;
    const SizeMap &m_sizes;
    const LayoutOptions &m_options;
    std::vector<Item> m_items; // the graph's nodes first (same index), then virtual items
    std::vector<RoutedEdge> m_edges;
    std::vector<std::pair<int, int>> m_selfLoops; // (edge index, node index)
    std::vector<std::vector<int>> m_layers;
    std::vector<double> m_layerMain; // centre of each layer on the main axis
};

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

Layout LayeredBuilder::build()
{
    createItems();
    rankItems();
    addVirtualItems();
    orderLayers();
    placeLayers();
    return collect();
}

} // namespace

Layout layeredLayout(const Graph &graph, const SizeMap &sizes, const LayoutOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    Layout layout = LayeredBuilder(graph, sizes, options).build();
    qCDebug(lcDiagram) << "layered layout of" << graph.nodes.size() << "nodes in" << timer.elapsed()
                       << "ms";
    return layout;
}

} // namespace EnvDeck::Diagram
