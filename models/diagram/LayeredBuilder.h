// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The layered layout's working state, shared by LayeredLayout.cpp (ranks, order, positions) and
// LayeredRouting.cpp (clusters kept apart, edges, the Layout); not part of the public interface.

#include "diagram/GraphLayout.h"

#include <vector>

namespace EnvDeck::Diagram::Layered {

inline constexpr int orderingSweeps = 12;
inline constexpr int placementSweeps = 8;
// Room between a cluster's members and its border, and between neighbouring clusters.
inline constexpr double clusterPadding = 12;

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
    void separateClusters();
    bool separateCluster(const QString &cluster, qsizetype depth);
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
    // Cluster id -> its place in every rank, once the ordering sweeps are done.
    QHash<QString, double> m_clusterScore;
};

} // namespace EnvDeck::Diagram::Layered
