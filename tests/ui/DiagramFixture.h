// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A hand-built diagram like the demo's staging environment (modules, releases, a secret, a
// nested module, inputs) and a hand-made layout in dot's form, so the scene is tested without
// the builder or the layout engine.

#include "diagram/DiagramStyle.h"
#include "diagram/GraphModel.h"

#include <QFont>
#include <QTest>
#include <QWidget>

namespace DiagramFixture {

using namespace EnvDeck;
using namespace EnvDeck::Diagram;

inline Node makeNode(const QString &id, NodeKind kind, const QString &label,
                     const QString &shortSource = {}, const QString &version = {})
{
    Node node;
    node.id = id;
    node.kind = kind;
    node.label = label;
    node.shortSource = shortSource;
    node.source = shortSource.isEmpty() ? QString() : QStringLiteral("../../") + shortSource;
    node.version = version;
    node.location = SourceLocation{QStringLiteral("environments/staging/main.tf"), 3, 1};
    return node;
}

inline Edge makeEdge(const QString &from, const QString &to, EdgeKind kind,
                     const QStringList &labels = {})
{
    Edge edge;
    edge.from = from;
    edge.to = to;
    edge.kind = kind;
    edge.labels = labels;
    return edge;
}

inline Graph stagingGraph(const QString &environment = QStringLiteral("staging"))
{
    Graph graph;
    graph.environment = environment;
    Node network
        = makeNode(QStringLiteral("module.network"), NodeKind::Module, QStringLiteral("network"),
                   QStringLiteral("modules/network"), QStringLiteral("v1.4.0"));
    network.versionLocation = {QStringLiteral("environments/staging/versions.yaml"), 7, 14};
    network.inputs = {{QStringLiteral("cidr"), QStringLiteral("\"10.20.0.0/16\"")},
                      {QStringLiteral("location"), QStringLiteral("var.location")}};
    Node cluster
        = makeNode(QStringLiteral("module.cluster"), NodeKind::Module, QStringLiteral("cluster"),
                   QStringLiteral("modules/aks-cluster"), QStringLiteral("v2.1.3"));
    cluster.locked = true;
    cluster.lockReason = QStringLiteral("Kubernetes upgrade frozen until the audit");
    cluster.inputs = {{QStringLiteral("subnet_id"), QStringLiteral("module.network.subnet_id")}};
    Node platform
        = makeNode(QStringLiteral("module.platform"), NodeKind::Module, QStringLiteral("platform"),
                   QStringLiteral("modules/platform"), QStringLiteral("main"));
    Node dns
        = makeNode(QStringLiteral("module.platform.module.dns"), NodeKind::Module,
                   QStringLiteral("dns"), QStringLiteral("modules/dns"), QStringLiteral("v0.3.1"));
    dns.parent = platform.id;
    Node redis = makeNode(QStringLiteral("module.redis"), NodeKind::Module, QStringLiteral("redis"),
                          QStringLiteral("modules/redis"), QStringLiteral("v1.2.0"));
    redis.multiplicity = QStringLiteral("count = 3");
    Node services
        = makeNode(QStringLiteral("module.services"), NodeKind::Module, QStringLiteral("services"),
                   QStringLiteral("modules/services"), QStringLiteral("v3.0.0"));
    services.multiplicity = QStringLiteral("for_each = toset(var.tenants)");
    Node billing = makeNode(QStringLiteral("module.services.helm_release.billing"),
                            NodeKind::HelmRelease, QStringLiteral("billing"),
                            QStringLiteral("chart billing-api"), QStringLiteral("5.2.0"));
    billing.module = services.id;
    Node gateway = makeNode(QStringLiteral("module.services.helm_release.gateway"),
                            NodeKind::HelmRelease, QStringLiteral("api-gateway"),
                            QStringLiteral("chart api-gateway"), QStringLiteral("2.8.1"));
    gateway.module = services.id;
    Node acme = makeNode(QStringLiteral("module.platform.kubernetes_secret.acme_contact"),
                         NodeKind::Secret, QStringLiteral("acme_contact"));
    acme.module = platform.id;
    Node location = makeNode(QStringLiteral("var.location"), NodeKind::Input,
                             QStringLiteral("location"), QString(), QString());
    location.inputs = {{QStringLiteral("type"), QStringLiteral("string")},
                       {QStringLiteral("value"), QStringLiteral("\"westeurope\"")}};
    graph.nodes
        = {network, cluster, platform, dns, redis, services, billing, gateway, acme, location};
    graph.edges = {
        makeEdge(network.id, cluster.id, EdgeKind::Reference, {QStringLiteral("subnet_id")}),
        makeEdge(cluster.id, platform.id, EdgeKind::Reference, {QStringLiteral("kube_config")}),
        makeEdge(cluster.id, services.id, EdgeKind::DependsOn),
        makeEdge(platform.id, dns.id, EdgeKind::Contains),
        makeEdge(platform.id, acme.id, EdgeKind::Contains),
        makeEdge(services.id, billing.id, EdgeKind::Contains),
        makeEdge(services.id, gateway.id, EdgeKind::Contains),
        makeEdge(network.id, redis.id, EdgeKind::Reference, {QStringLiteral("subnet_id")}),
        makeEdge(location.id, network.id, EdgeKind::Input, {QStringLiteral("location")}),
    };
    std::sort(graph.edges.begin(), graph.edges.end(),
              [](const Edge &a, const Edge &b) { return a.id() < b.id(); });
    return graph;
}

// Columns by hand (left to right like rankdir=LR), rows inside a column, edges as straight
// cubic splines between the rects' facing borders.
inline Layout handLayout(const Graph &graph, const SizeMap &sizes,
                         const QList<Node> &extraNodes = {})
{
    const QHash<QString, int> column = {
        {QStringLiteral("var.location"), 0},
        {QStringLiteral("module.network"), 1},
        {QStringLiteral("module.cluster"), 2},
        {QStringLiteral("module.redis"), 2},
        {QStringLiteral("module.cache"), 2},
        {QStringLiteral("module.platform"), 3},
        {QStringLiteral("module.services"), 3},
        {QStringLiteral("module.platform.module.dns"), 4},
        {QStringLiteral("module.platform.kubernetes_secret.acme_contact"), 4},
        {QStringLiteral("module.services.helm_release.billing"), 4},
        {QStringLiteral("module.services.helm_release.gateway"), 4},
    };
    Layout layout;
    layout.engine = QStringLiteral("hand");
    QHash<int, double> nextY;
    QList<Node> nodes = graph.nodes;
    nodes.append(extraNodes);
    for (const Node &node : nodes) {
        const int c = column.value(node.id, 5);
        const QSizeF size = sizes.value(node.id, QSizeF(140, 50));
        const double y = nextY.value(c, 30);
        layout.nodes.insert(node.id, QRectF(QPointF(30 + c * 250, y), size));
        nextY.insert(c, y + size.height() + 40);
    }
    QList<Edge> edges = graph.edges;
    for (const Edge &edge : edges) {
        const QRectF from = layout.nodes.value(edge.from);
        const QRectF to = layout.nodes.value(edge.to);
        const QPointF start(from.right(), from.center().y());
        const QPointF end(to.left(), to.center().y());
        const QPointF mid((start.x() + end.x()) / 2, 0);
        layout.edges.insert(edge.id(),
                            {start, QPointF(mid.x(), start.y()), QPointF(mid.x(), end.y()), end});
    }
    for (const Node &node : nodes)
        layout.bounds = layout.bounds.united(layout.nodes.value(node.id));
    const QRectF dns = layout.nodes.value(QStringLiteral("module.platform.module.dns"));
    if (!dns.isNull())
        layout.clusters.insert(QStringLiteral("module.platform"), dns.adjusted(-14, -26, 14, 14));
    return layout;
}

// A model holding the staging graph laid out with the sizes its labels need.
inline void fill(GraphModel &model, const QFont &font = QFont())
{
    Graph graph = stagingGraph();
    const SizeMap sizes = nodeSizes(graph, font);
    model.setGraph(graph);
    model.setLayout(handLayout(graph, sizes));
}

// Shows a widget and waits until its window is active, as a user's window would be.
inline bool showActive(QWidget *widget)
{
    widget->show();
    widget->activateWindow();
    return QTest::qWaitForWindowActive(widget);
}

} // namespace DiagramFixture
