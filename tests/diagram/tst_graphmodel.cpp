// SPDX-License-Identifier: GPL-3.0-or-later
// GraphModel reports exactly what changed between two graphs of the same environment, resets for
// another environment, and keeps edges attached to a node the user moves.

#include "TestSupport.h"
#include "diagram/GraphModel.h"

#include <QSignalSpy>
#include <QTest>

using namespace EnvDeck::Diagram;

namespace {

Node module(const QString &name, const QString &version = {})
{
    Node node;
    node.id = QStringLiteral("module.") + name;
    node.kind = NodeKind::Module;
    node.label = name;
    node.version = version;
    return node;
}

Edge reference(const QString &from, const QString &to)
{
    return Edge{QStringLiteral("module.") + from,
                QStringLiteral("module.") + to,
                EdgeKind::Reference,
                {QStringLiteral("id")}};
}

Graph graph(const QString &environment, QList<Node> nodes, QList<Edge> edges = {})
{
    Graph result;
    result.environment = environment;
    result.nodes = std::move(nodes);
    result.edges = std::move(edges);
    return result;
}

QStringList arguments(const QSignalSpy &spy)
{
    QStringList ids;
    for (const QList<QVariant> &call : spy)
        ids << call.at(0).toString();
    return ids;
}

QStringList edgeIds(const QSignalSpy &spy)
{
    QStringList ids;
    for (const QList<QVariant> &call : spy)
        ids << call.at(0).value<Edge>().id();
    return ids;
}

} // namespace

Q_DECLARE_METATYPE(EnvDeck::Diagram::Edge)

class TestGraphModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<Edge>(); }

    void reportsWhatChanged_data()
    {
        QTest::addColumn<Graph>("before");
        QTest::addColumn<Graph>("after");
        QTest::addColumn<QStringList>("added");
        QTest::addColumn<QStringList>("removed");
        QTest::addColumn<QStringList>("changed");
        QTest::addColumn<QStringList>("edgesAdded");
        QTest::addColumn<QStringList>("edgesRemoved");

        const Graph base = graph(QStringLiteral("staging"),
                                 {module(QStringLiteral("network")), module(QStringLiteral("dns"))},
                                 {reference(QStringLiteral("network"), QStringLiteral("dns"))});
        QTest::newRow("same graph") << base << base << QStringList() << QStringList()
                                    << QStringList() << QStringList() << QStringList();

        Graph added = base;
        added.nodes << module(QStringLiteral("redis"));
        added.edges << reference(QStringLiteral("network"), QStringLiteral("redis"));
        QTest::newRow("module added")
            << base << added << QStringList{QStringLiteral("module.redis")} << QStringList()
            << QStringList()
            << QStringList{QStringLiteral("module.network->module.redis:reference")}
            << QStringList();

        Graph removed = base;
        removed.nodes.removeLast();
        removed.edges.clear();
        QTest::newRow("module removed")
            << base << removed << QStringList() << QStringList{QStringLiteral("module.dns")}
            << QStringList() << QStringList()
            << QStringList{QStringLiteral("module.network->module.dns:reference")};

        Graph changed = base;
        changed.nodes[0].version = QStringLiteral("1.2.0");
        changed.edges[0].labels = QStringList{QStringLiteral("id"), QStringLiteral("name")};
        QTest::newRow("version and edge labels changed")
            << base << changed << QStringList() << QStringList()
            << QStringList{QStringLiteral("module.network")}
            << QStringList{QStringLiteral("module.network->module.dns:reference")}
            << QStringList{QStringLiteral("module.network->module.dns:reference")};
    }

    void reportsWhatChanged()
    {
        QFETCH(Graph, before);
        QFETCH(Graph, after);
        QFETCH(QStringList, added);
        QFETCH(QStringList, removed);
        QFETCH(QStringList, changed);
        QFETCH(QStringList, edgesAdded);
        QFETCH(QStringList, edgesRemoved);

        GraphModel model;
        model.setGraph(before);
        QSignalSpy reset(&model, &GraphModel::graphReset);
        QSignalSpy nodeAdded(&model, &GraphModel::nodeAdded);
        QSignalSpy nodeRemoved(&model, &GraphModel::nodeRemoved);
        QSignalSpy nodeChanged(&model, &GraphModel::nodeChanged);
        QSignalSpy edgeAdded(&model, &GraphModel::edgeAdded);
        QSignalSpy edgeRemoved(&model, &GraphModel::edgeRemoved);
        model.setGraph(after);

        QCOMPARE(reset.count(), 0);
        QCOMPARE(arguments(nodeAdded), added);
        QCOMPARE(arguments(nodeRemoved), removed);
        QCOMPARE(arguments(nodeChanged), changed);
        QCOMPARE(edgeIds(edgeAdded), edgesAdded);
        QCOMPARE(edgeIds(edgeRemoved), edgesRemoved);
        QCOMPARE(model.nodeIds(), after.nodeIds());
    }

    void anotherEnvironmentResets()
    {
        GraphModel model;
        model.setGraph(graph(QStringLiteral("staging"), {module(QStringLiteral("network"))}));
        Layout layout;
        layout.nodes.insert(QStringLiteral("module.network"), QRectF(0, 0, 100, 40));
        model.setLayout(layout);
        QSignalSpy reset(&model, &GraphModel::graphReset);
        QSignalSpy nodeAdded(&model, &GraphModel::nodeAdded);
        model.setGraph(graph(QStringLiteral("prod-eu"), {module(QStringLiteral("network"))}));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(nodeAdded.count(), 0);
        QVERIFY(model.layout().isEmpty());
    }

    void dataRoles()
    {
        GraphModel model;
        Node locked = module(QStringLiteral("services"), QStringLiteral("2.4.1"));
        locked.locked = true;
        locked.multiplicity = QStringLiteral("count = 2");
        locked.location
            = EnvDeck::SourceLocation{QStringLiteral("environments/staging/main.tf"), 12, 1};
        model.setGraph(graph(QStringLiteral("staging"), {locked}));
        const QString id = locked.id;
        QCOMPARE(model.data(id, GraphModel::LabelRole).toString(), QStringLiteral("services"));
        QCOMPARE(model.data(id, GraphModel::VersionRole).toString(), QStringLiteral("2.4.1"));
        QCOMPARE(model.data(id, GraphModel::LockedRole).toBool(), true);
        QCOMPARE(model.data(id, GraphModel::MultiplicityRole).toString(),
                 QStringLiteral("count = 2"));
        QCOMPARE(model.data(id, GraphModel::LocationRole).toString(),
                 QStringLiteral("environments/staging/main.tf:12:1"));
        QCOMPARE(model.data(id, GraphModel::KindRole).toInt(), int(NodeKind::Module));
        QVERIFY(!model.data(QStringLiteral("module.missing"), GraphModel::LabelRole).isValid());
    }

    void comparisonStatesAndRemovedNodes()
    {
        GraphModel model;
        model.setGraph(graph(QStringLiteral("contoso"), {module(QStringLiteral("integrations"))}));
        Comparison comparison;
        comparison.ours = QStringLiteral("contoso");
        comparison.theirs = QStringLiteral("prod-eu");
        comparison.differences
            << Difference{QStringLiteral("module.integrations"), DiffState::Added, {}, {}}
            << Difference{QStringLiteral("module.legacy"), DiffState::Removed, {}, {}};
        comparison.removedNodes << module(QStringLiteral("legacy"));
        QSignalSpy changed(&model, &GraphModel::comparisonChanged);
        model.setComparison(comparison);
        QCOMPARE(changed.count(), 1);
        QVERIFY(model.isComparing());
        QCOMPARE(
            model.data(QStringLiteral("module.integrations"), GraphModel::DiffStateRole).toInt(),
            int(DiffState::Added));
        QCOMPARE(model.data(QStringLiteral("module.legacy"), GraphModel::DiffStateRole).toInt(),
                 int(DiffState::Removed));
        QVERIFY(model.node(QStringLiteral("module.legacy")) != nullptr);
        model.setComparison({});
        QVERIFY(!model.isComparing());
        QVERIFY(model.node(QStringLiteral("module.legacy")) == nullptr);
    }

    void movedNodeKeepsItsEdgesAttached()
    {
        GraphModel model;
        model.setGraph(graph(QStringLiteral("staging"),
                             {module(QStringLiteral("network")), module(QStringLiteral("dns"))},
                             {reference(QStringLiteral("network"), QStringLiteral("dns"))}));
        Layout layout;
        layout.nodes.insert(QStringLiteral("module.network"), QRectF(0, 0, 100, 40));
        layout.nodes.insert(QStringLiteral("module.dns"), QRectF(200, 0, 100, 40));
        model.setLayout(layout);
        QSignalSpy moved(&model, &GraphModel::nodeMoved);
        model.moveNode(QStringLiteral("module.dns"), QPointF(200, 300));
        QCOMPARE(arguments(moved), QStringList{QStringLiteral("module.dns")});
        const QList<QPointF> spline
            = model.layout().edges.value(QStringLiteral("module.network->module.dns:reference"));
        QCOMPARE(spline.size(), 4);
        const QRectF from = model.nodeRect(QStringLiteral("module.network"));
        const QRectF to = model.nodeRect(QStringLiteral("module.dns"));
        QCOMPARE(to.topLeft(), QPointF(200, 300));
        // Starts and ends on the borders of the two boxes.
        QVERIFY(from.adjusted(-0.5, -0.5, 0.5, 0.5).contains(spline.first()));
        QVERIFY(!from.adjusted(0.5, 0.5, -0.5, -0.5).contains(spline.first()));
        QVERIFY(to.adjusted(-0.5, -0.5, 0.5, 0.5).contains(spline.last()));
        QVERIFY(!to.adjusted(0.5, 0.5, -0.5, -0.5).contains(spline.last()));
        QVERIFY(model.layout().bounds.contains(to));

        model.moveNode(QStringLiteral("module.dns"), QPointF(200, 300));
        QCOMPARE(moved.count(), 1); // no move, no signal
        model.moveNode(QStringLiteral("module.unknown"), QPointF(1, 1));
        QCOMPARE(moved.count(), 1);
    }
};

ENVDECK_TEST_MAIN_CORE(TestGraphModel)
#include "tst_graphmodel.moc"
