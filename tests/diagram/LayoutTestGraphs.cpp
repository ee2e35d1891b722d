// SPDX-License-Identifier: GPL-3.0-or-later
#include "LayoutTestGraphs.h"

#include <QRandomGenerator>
#include <QtTest>

#include <cmath>

using namespace EnvDeck::Diagram;

namespace LayoutTests {

namespace {

void addNode(Sample &sample, const QString &id, const QString &parent = {})
{
    Node node;
    node.id = id;
    node.label = id.section(QLatin1Char('.'), -1);
    node.parent = parent;
    sample.graph.nodes.append(node);
    // Sizes differ from node to node, as measured labels do.
    const int n = int(sample.graph.nodes.size());
    sample.sizes.insert(id, QSizeF(100 + (n * 37 % 5) * 20, 40 + (n % 3) * 10));
}

void addEdge(Sample &sample, const QString &from, const QString &to,
             EdgeKind kind = EdgeKind::Reference)
{
    sample.graph.edges.append(Edge{from, to, kind, {}});
}

void sortEdges(Sample &sample)
{
    std::sort(sample.graph.edges.begin(), sample.graph.edges.end(),
              [](const Edge &a, const Edge &b) { return a.id() < b.id(); });
}

} // namespace

QStringList sampleShapes()
{
    return {QStringLiteral("empty"),   QStringLiteral("single"),   QStringLiteral("chain"),
            QStringLiteral("diamond"), QStringLiteral("cycle"),    QStringLiteral("clusters"),
            QStringLiteral("odd ids"), QStringLiteral("parallel"), QStringLiteral("random200")};
}

Sample makeSample(const QString &shape)
{
    Sample s;
    const auto id = [](const char *text) { return QString::fromUtf8(text); };
    if (shape == QLatin1String("single")) {
        addNode(s, id("module.network"));
    } else if (shape == QLatin1String("chain")) {
        for (const char *name : {"var.location", "module.network", "module.cluster", "module.apps"})
            addNode(s, id(name));
        addEdge(s, id("var.location"), id("module.network"), EdgeKind::Input);
        addEdge(s, id("module.network"), id("module.cluster"));
        addEdge(s, id("module.cluster"), id("module.apps"));
    } else if (shape == QLatin1String("diamond")) {
        for (const char *name : {"a", "b", "c", "d"})
            addNode(s, id(name));
        addEdge(s, id("a"), id("b"));
        addEdge(s, id("a"), id("c"));
        addEdge(s, id("b"), id("d"));
        addEdge(s, id("c"), id("d"), EdgeKind::DependsOn);
    } else if (shape == QLatin1String("cycle")) {
        s.acyclic = false;
        for (const char *name : {"a", "b", "c", "d"})
            addNode(s, id(name));
        addEdge(s, id("a"), id("b"));
        addEdge(s, id("b"), id("c"));
        addEdge(s, id("c"), id("a"));
        addEdge(s, id("c"), id("d"));
        addEdge(s, id("d"), id("d"), EdgeKind::DependsOn); // a self-loop
    } else if (shape == QLatin1String("clusters")) {
        addNode(s, id("var.location"));
        addNode(s, id("module.platform"));
        addNode(s, id("module.platform.module.dns"), id("module.platform"));
        addNode(s, id("module.platform.module.certs"), id("module.platform"));
        addNode(s, id("module.platform.module.dns.helm_release.external_dns"),
                id("module.platform.module.dns"));
        addNode(s, id("module.platform.module.dns.kubernetes_secret.token"),
                id("module.platform.module.dns"));
        addNode(s, id("module.apps"));
        addNode(s, id("module.apps.helm_release.billing"), id("module.apps"));
        addEdge(s, id("var.location"), id("module.platform"), EdgeKind::Input);
        addEdge(s, id("module.platform"), id("module.platform.module.dns"), EdgeKind::Contains);
        addEdge(s, id("module.platform"), id("module.platform.module.certs"), EdgeKind::Contains);
        addEdge(s, id("module.platform.module.dns"),
                id("module.platform.module.dns.helm_release.external_dns"), EdgeKind::Contains);
        addEdge(s, id("module.platform.module.dns"),
                id("module.platform.module.dns.kubernetes_secret.token"), EdgeKind::Contains);
        addEdge(s, id("module.platform.module.dns"), id("module.platform.module.certs"));
        addEdge(s, id("module.platform"), id("module.apps"));
        addEdge(s, id("module.apps"), id("module.apps.helm_release.billing"), EdgeKind::Contains);
    } else if (shape == QLatin1String("odd ids")) {
        // What for_each keys and hand-edited files can put into an id.
        const QStringList ids{id("module.apps[\"eu west\"]"), id("back\\slash"), id("trailing\\"),
                              id("quote\"\\\"mix"),           id("line\nbreak"), id("ünïcødé → ✓"),
                              id("semi;colon{brace}")};
        for (const QString &node : ids)
            addNode(s, node, node == ids.last() ? ids.first() : QString());
        for (qsizetype i = 0; i + 1 < ids.size(); ++i)
            addEdge(s, ids.at(i), ids.at(i + 1));
    } else if (shape == QLatin1String("parallel")) {
        addNode(s, id("module.a"));
        addNode(s, id("module.b"));
        addEdge(s, id("module.a"), id("module.b"));
        addEdge(s, id("module.a"), id("module.b"), EdgeKind::DependsOn);
        addEdge(s, id("module.a"), id("module.missing")); // dangling: left out, no crash
    } else if (shape == QLatin1String("random200")) {
        QRandomGenerator random(20261126);
        for (int i = 0; i < 200; ++i) {
            // Every 25th node is a module with three nested ones after it.
            const int offset = i % 25;
            const QString parent
                = offset >= 1 && offset <= 3 ? QStringLiteral("n%1").arg(i - offset) : QString();
            addNode(s, QStringLiteral("n%1").arg(i), parent);
        }
        for (int i = 1; i < 200; ++i) {
            const int fanIn = 1 + int(random.bounded(2));
            for (int k = 0; k < fanIn; ++k) {
                const int from = int(random.bounded(i));
                const Edge edge{QStringLiteral("n%1").arg(from),
                                QStringLiteral("n%1").arg(i),
                                EdgeKind::Reference,
                                {}};
                if (!s.graph.edges.contains(edge))
                    s.graph.edges.append(edge);
            }
        }
    }
    sortEdges(s);
    return s;
}

double distanceToBorder(QPointF point, const QRectF &rect)
{
    const double dx = std::max({rect.left() - point.x(), 0.0, point.x() - rect.right()});
    const double dy = std::max({rect.top() - point.y(), 0.0, point.y() - rect.bottom()});
    if (dx > 0 || dy > 0)
        return std::hypot(dx, dy);
    return std::min({point.x() - rect.left(), rect.right() - point.x(), point.y() - rect.top(),
                     rect.bottom() - point.y()});
}

void checkLayout(const Sample &sample, const Layout &layout, bool leftToRight,
                 double borderTolerance, bool foreignNodesOutsideClusters)
{
    const Graph &graph = sample.graph;
    QCOMPARE(layout.nodes.size(), graph.nodes.size());
    for (const Node &node : graph.nodes) {
        QVERIFY2(layout.nodes.contains(node.id), qPrintable(node.id));
        const QRectF rect = layout.nodes.value(node.id);
        const QSizeF expected = sample.sizes.value(node.id);
        QVERIFY2(
            std::abs(rect.width() - expected.width()) < 0.01
                && std::abs(rect.height() - expected.height()) < 0.01,
            qPrintable(
                QStringLiteral("%1 is %2x%3").arg(node.id).arg(rect.width()).arg(rect.height())));
        QVERIFY2(layout.bounds.adjusted(-0.5, -0.5, 0.5, 0.5).contains(rect), qPrintable(node.id));
    }

    QStringList overlapping;
    QVERIFY2(!hasOverlaps(layout, &overlapping), qPrintable(overlapping.join(u", ")));

    for (const Edge &edge : graph.edges) {
        if (!graph.node(edge.from) || !graph.node(edge.to)) {
            QVERIFY2(!layout.edges.contains(edge.id()), qPrintable(edge.id()));
            continue;
        }
        QVERIFY2(layout.edges.contains(edge.id()), qPrintable(edge.id()));
        const QList<QPointF> path = layout.edges.value(edge.id());
        QVERIFY2(path.size() >= 4 && (path.size() - 1) % 3 == 0,
                 qPrintable(QStringLiteral("%1 has %2 points").arg(edge.id()).arg(path.size())));
        const QRectF from = layout.nodes.value(edge.from);
        const QRectF to = layout.nodes.value(edge.to);
        const double start = distanceToBorder(path.first(), from);
        const double end = distanceToBorder(path.last(), to);
        QVERIFY2(start <= borderTolerance && end <= borderTolerance,
                 qPrintable(QStringLiteral("%1 starts %2 and ends %3 from the borders")
                                .arg(edge.id())
                                .arg(start)
                                .arg(end)));
        if (sample.acyclic) {
            // Inputs on the left (top), what uses them on the right (below).
            const bool ordered = leftToRight ? from.center().x() < to.center().x()
                                             : from.center().y() < to.center().y();
            QVERIFY2(ordered, qPrintable(QStringLiteral("%1: %2 -> %3")
                                             .arg(edge.id())
                                             .arg(QString::fromUtf8(QTest::toString(from)))
                                             .arg(QString::fromUtf8(QTest::toString(to)))));
        }
    }

    for (const Node &node : graph.nodes) {
        if (node.parent.isEmpty())
            continue;
        QVERIFY2(layout.clusters.contains(node.parent), qPrintable(node.parent));
        const QRectF cluster = layout.clusters.value(node.parent);
        QVERIFY2(cluster.adjusted(-0.5, -0.5, 0.5, 0.5).contains(layout.nodes.value(node.id)),
                 qPrintable(node.id + QStringLiteral(" outside its cluster")));
        if (layout.clusters.contains(node.id)) {
            QVERIFY2(cluster.adjusted(-0.5, -0.5, 0.5, 0.5).contains(layout.clusters[node.id]),
                     qPrintable(node.id + QStringLiteral("'s cluster outside its parent's")));
        }
    }

    if (!foreignNodesOutsideClusters)
        return;
    // dot keeps every node that is not in a cluster out of its box.
    for (auto cluster = layout.clusters.constBegin(); cluster != layout.clusters.constEnd();
         ++cluster) {
        for (const Node &node : graph.nodes) {
            bool member = false;
            for (QString parent = node.parent; !parent.isEmpty() && !member;
                 parent = graph.node(parent) ? graph.node(parent)->parent : QString())
                member = parent == cluster.key();
            if (!member) {
                QVERIFY2(!cluster.value().intersects(layout.nodes.value(node.id)),
                         qPrintable(node.id + QStringLiteral(" inside the cluster of ")
                                    + cluster.key()));
            }
        }
    }
}

} // namespace LayoutTests
