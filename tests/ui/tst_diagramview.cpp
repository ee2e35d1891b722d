// SPDX-License-Identifier: GPL-3.0-or-later
// The environment diagram's widgets on hand-built graphs and layouts: one item per node and
// edge, incremental updates that keep untouched items, labels that fit, the inspector, search,
// zoom to fit, compare colours, PNG/SVG export and the HCL highlighting of the file viewer.
#include "DiagramFixture.h"
#include "Screenshots.h"
#include "TestSupport.h"

#include "FileViewerDialog.h"
#include "HclHighlighter.h"
#include "diagram/CompareWidgets.h"
#include "diagram/DiagramExport.h"
#include "diagram/DiagramInspector.h"
#include "diagram/DiagramPage.h"
#include "diagram/DiagramScene.h"
#include "diagram/DiagramSearchBar.h"
#include "diagram/DiagramView.h"
#include "diagram/EdgeItem.h"
#include "diagram/NodeItem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>
#include <QXmlStreamReader>

using namespace EnvDeck;
using namespace EnvDeck::Diagram;
using namespace DiagramFixture;

namespace {

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
    palette.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    return palette;
}

// compare with prod: redis changed, dns added, a "cache" module only in prod.
Comparison stagingAgainstProd()
{
    Comparison comparison;
    comparison.ours = QStringLiteral("staging");
    comparison.theirs = QStringLiteral("prod");
    Difference dns{QStringLiteral("module.platform.module.dns"),
                   DiffState::Added,
                   {},
                   QStringLiteral("module.platform.module.dns: only in staging")};
    Difference redis{QStringLiteral("module.redis"),
                     DiffState::Changed,
                     {QStringLiteral("version")},
                     QStringLiteral("module.redis: version 1.2.0 → 1.1.0")};
    Difference cache{QStringLiteral("module.cache"),
                     DiffState::Removed,
                     {},
                     QStringLiteral("module.cache: only in prod")};
    comparison.differences = {cache, dns, redis};
    comparison.removedNodes
        = {makeNode(QStringLiteral("module.cache"), NodeKind::Module, QStringLiteral("cache"),
                    QStringLiteral("modules/cache"), QStringLiteral("v0.9.0"))};
    comparison.removedEdges
        = {makeEdge(QStringLiteral("module.network"), QStringLiteral("module.cache"),
                    EdgeKind::Reference, {QStringLiteral("subnet_id")})};
    return comparison;
}

void enterCompareMode(GraphModel &model, const QFont &font = QFont())
{
    const Comparison comparison = stagingAgainstProd();
    model.setComparison(comparison);
    Graph withRemoved = model.graph();
    withRemoved.edges.append(comparison.removedEdges);
    SizeMap sizes = nodeSizes(model.graph(), font);
    for (const Node &node : comparison.removedNodes)
        sizes.insert(node.id, nodeGeometry(node, font).size);
    model.setLayout(handLayout(withRemoved, sizes, comparison.removedNodes));
}

} // namespace

class tst_DiagramView : public QObject
{
    Q_OBJECT

private slots:
    void oneItemPerNodeAndEdge();
    void incrementalUpdates_data();
    void incrementalUpdates();
    void labelsFit_data();
    void labelsFit();
    void dragMovesTheModel();
    void selectionFillsInspector();
    void search_data();
    void search();
    void fitShowsWholeScene();
    void compareMode();
    void screenshots();
};

void tst_DiagramView::oneItemPerNodeAndEdge()
{
    GraphModel model;
    DiagramScene scene(&model);
    const Graph graph = stagingGraph();
    model.setGraph(graph);
    QCOMPARE(scene.nodeItems().size(), graph.nodes.size());
    QCOMPARE(scene.edgeItems().size(), graph.edges.size());
    // Before the layout arrives nothing is shown.
    for (NodeItem *item : scene.nodeItems())
        QVERIFY(!item->isVisible());
    for (EdgeItem *item : scene.edgeItems())
        QVERIFY(!item->isVisible());

    model.setLayout(handLayout(graph, nodeSizes(graph, scene.font())));
    for (const Node &node : graph.nodes) {
        NodeItem *item = scene.nodeItem(node.id);
        QVERIFY2(item, qPrintable(node.id));
        QVERIFY(item->isVisible());
        QCOMPARE(item->pos(), model.nodeRect(node.id).topLeft());
        QCOMPARE(item->size(), model.nodeRect(node.id).size());
        QCOMPARE(item->data(NodeItem::IdKey).toString(), node.id);
        QVERIFY(item->data(NodeItem::AccessibleNameKey).toString().contains(node.label));
    }
    for (const Edge &edge : graph.edges) {
        EdgeItem *item = scene.edgeItem(edge.id());
        QVERIFY2(item && item->isVisible(), qPrintable(edge.id()));
        // The path ends where the layout's spline ends, and the arrow's tip is there.
        QCOMPARE(item->path().currentPosition(), model.layout().edges.value(edge.id()).last());
        QCOMPARE(item->arrowHead().first(), model.layout().edges.value(edge.id()).last());
        for (const QString &label : edge.labels)
            QVERIFY(item->toolTip().contains(label)); // outputs used, shown on hover too
    }
    QVERIFY(scene.clusterItem(QStringLiteral("module.platform")));
    QVERIFY(scene.clusterItem(QStringLiteral("module.platform"))->zValue()
            < scene.nodeItems().first()->zValue());
    QVERIFY(scene.nodeItem(QStringLiteral("module.cluster"))
                ->lockToolTip()
                .contains(QStringLiteral("audit")));
}

void tst_DiagramView::incrementalUpdates_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("touched");
    QTest::newRow("add node") << QStringLiteral("add") << QStringLiteral("module.monitoring");
    QTest::newRow("remove node") << QStringLiteral("remove") << QStringLiteral("module.redis");
    QTest::newRow("change node") << QStringLiteral("change") << QStringLiteral("module.network");
}

void tst_DiagramView::incrementalUpdates()
{
    QFETCH(QString, operation);
    QFETCH(QString, touched);
    GraphModel model;
    DiagramScene scene(&model);
    fill(model, scene.font());
    QHash<QString, NodeItem *> before;
    for (NodeItem *item : scene.nodeItems())
        before.insert(item->id(), item);
    QHash<QString, EdgeItem *> edgesBefore;
    for (EdgeItem *item : scene.edgeItems())
        edgesBefore.insert(item->id(), item);

    Graph graph = model.graph();
    if (operation == QLatin1String("add")) {
        graph.nodes.append(makeNode(touched, NodeKind::Module, QStringLiteral("monitoring"),
                                    QStringLiteral("modules/monitoring"), QStringLiteral("v1")));
    } else if (operation == QLatin1String("remove")) {
        graph.nodes.removeIf([&](const Node &node) { return node.id == touched; });
        graph.edges.removeIf([&](const Edge &e) { return e.from == touched || e.to == touched; });
    } else {
        for (Node &node : graph.nodes) {
            if (node.id == touched)
                node.version = QStringLiteral("v1.5.0");
        }
    }
    model.setGraph(graph);

    QCOMPARE(scene.nodeItems().size(), graph.nodes.size());
    QCOMPARE(scene.edgeItems().size(), graph.edges.size());
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (it.key() != touched)
            QVERIFY2(scene.nodeItem(it.key()) == it.value(), qPrintable(it.key()));
    }
    for (auto it = edgesBefore.cbegin(); it != edgesBefore.cend(); ++it) {
        if (!it.key().contains(touched))
            QVERIFY2(scene.edgeItem(it.key()) == it.value(), qPrintable(it.key()));
    }
    if (operation == QLatin1String("add")) {
        QVERIFY(scene.nodeItem(touched));
        QVERIFY(!scene.nodeItem(touched)->isVisible()); // not laid out yet
    } else if (operation == QLatin1String("remove")) {
        QVERIFY(!scene.nodeItem(touched));
    } else {
        QCOMPARE(scene.nodeItem(touched), before.value(touched));
        QCOMPARE(scene.nodeItem(touched)->node().version, QStringLiteral("v1.5.0"));
    }
}

void tst_DiagramView::labelsFit_data()
{
    QTest::addColumn<int>("pointSize");
    QTest::addColumn<QString>("label");
    QTest::addColumn<bool>("locked");
    QTest::addColumn<QString>("multiplicity");
    QTest::newRow("short") << 9 << QStringLiteral("dns") << false << QString();
    QTest::newRow("long locked") << 10 << QStringLiteral("very_long_module_name_for_billing_stack")
                                 << true << QString();
    QTest::newRow("count") << 12 << QStringLiteral("redis") << true << QStringLiteral("count = 3");
    QTest::newRow("for_each") << 16 << QStringLiteral("services") << false
                              << QStringLiteral("for_each = toset(var.tenants)");
}

void tst_DiagramView::labelsFit()
{
    QFETCH(int, pointSize);
    QFETCH(QString, label);
    QFETCH(bool, locked);
    QFETCH(QString, multiplicity);
    QFont font;
    font.setPointSize(pointSize);
    Node node = makeNode(QStringLiteral("module.x"), NodeKind::Module, label,
                         QStringLiteral("git::https://example.com/modules/") + label,
                         QStringLiteral("v10.20.30-rc.1"));
    node.locked = locked;
    node.multiplicity = multiplicity;
    Graph graph;
    graph.nodes = {node};
    const QSizeF size = nodeSizes(graph, font).value(node.id);
    const NodeGeometry g = nodeGeometry(node, font);
    const DiagramStyle style(QPalette(), font);
    const double inner = size.width() - NodeGeometry::Padding;
    const QList<std::tuple<QFont, QString, QRectF>> lines = {
        {style.nameFont(), g.nameText, g.name},
        {style.detailFont(), g.sourceText, g.source},
        {style.detailFont(), g.versionText, g.version},
    };
    for (const auto &[lineFont, text, rect] : lines) {
        const double width = QFontMetricsF(lineFont).horizontalAdvance(text);
        QVERIFY2(width <= rect.width(), qPrintable(text));
        QVERIFY2(rect.right() <= inner, qPrintable(text));
        QVERIFY(rect.height() >= QFontMetricsF(lineFont).height());
        QVERIFY(rect.bottom() <= size.height() - NodeGeometry::Padding);
    }
    QCOMPARE(g.lock.isNull(), !locked);
    if (locked)
        QVERIFY(g.lock.right() <= inner && !g.lock.intersects(g.name));
    QCOMPARE(g.badgeText, multiplicityBadge(multiplicity));
    if (!multiplicity.isEmpty()) {
        QVERIFY(g.badge.right() <= inner);
        QVERIFY(!g.badge.intersects(g.version));
        QVERIFY(QFontMetricsF(style.detailFont()).horizontalAdvance(g.badgeText)
                <= g.badge.width());
    }
}

void tst_DiagramView::dragMovesTheModel()
{
    GraphModel model;
    DiagramScene scene(&model);
    fill(model, scene.font());
    QSignalSpy dragged(&scene, &DiagramScene::nodeDragged);
    const QString id = QStringLiteral("module.cluster");
    const QPointF from = model.nodeRect(id).topLeft();
    const QPointF to = from + QPointF(40, 250);
    // A drag moves the item; the release hands it to the model, which the edges then follow.
    scene.nodeItem(id)->setPos(to);
    scene.applyDrag(id, from, to);
    QCOMPARE(dragged.size(), 1);
    QCOMPARE(dragged.at(0).at(2).toPointF(), to);
    QCOMPARE(model.nodeRect(id).topLeft(), to);
    const Edge edge = makeEdge(QStringLiteral("module.network"), id, EdgeKind::Reference);
    QVERIFY(model.nodeRect(id)
                .adjusted(-1, -1, 1, 1)
                .contains(scene.edgeItem(edge.id())->path().currentPosition()));

    // With a handler (the editor's undo command) the handler decides.
    QList<QPointF> handled;
    scene.setMoveHandler(
        [&](const QString &, const QPointF &, const QPointF &target) { handled.append(target); });
    scene.applyDrag(id, to, from);
    QCOMPARE(handled, QList<QPointF>{from});
    QCOMPARE(model.nodeRect(id).topLeft(), to);
}

void tst_DiagramView::selectionFillsInspector()
{
    DiagramPage page;
    fill(*page.model(), page.view()->font());
    QSignalSpy selected(page.scene(), &DiagramScene::selectionChangedTo);
    page.scene()->selectNode(QStringLiteral("module.cluster"));
    QCOMPARE(selected.size(), 1);
    QCOMPARE(page.scene()->selectedNodeId(), QStringLiteral("module.cluster"));
    DiagramInspector *inspector = page.inspector();
    QCOMPARE(inspector->nodeId(), QStringLiteral("module.cluster"));
    QCOMPARE(inspector->nameLabel()->text(), QStringLiteral("cluster"));
    QVERIFY(inspector->lockLabel()->text().contains(QStringLiteral("audit")));
    QCOMPARE(inspector->inputsTable()->rowCount(), 1);
    QCOMPARE(inspector->inputsTable()->item(0, 0)->text(), QStringLiteral("subnet_id"));
    QCOMPARE(inspector->inputsTable()->item(0, 1)->text(),
             QStringLiteral("module.network.subnet_id"));
    QCOMPARE(inspector->referencesIn()->count(), 1);
    QCOMPARE(inspector->referencesIn()->item(0)->data(Qt::UserRole).toString(),
             QStringLiteral("module.network"));
    QCOMPARE(inspector->referencesOut()->count(), 2);

    // A reference click selects that node.
    inspector->referencesIn()->itemClicked(inspector->referencesIn()->item(0));
    QTRY_COMPARE(page.scene()->selectedNodeId(), QStringLiteral("module.network"));
    QCOMPARE(inspector->nameLabel()->text(), QStringLiteral("network"));
    QVERIFY(inspector->versionLabel()->text().contains(QStringLiteral("versions.yaml:7:14")));

    QSignalSpy open(page.inspector(), &DiagramInspector::openFileRequested);
    inspector->openFileButton()->click();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.at(0).at(0).toString(), QStringLiteral("environments/staging/main.tf"));
    QCOMPARE(open.at(0).at(1).toInt(), 3);

    page.scene()->selectNode({});
    QCOMPARE(inspector->nodeId(), QString());
}

void tst_DiagramView::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("name") << QStringLiteral("REDIS") << QStringList{QStringLiteral("module.redis")};
    QTest::newRow("source") << QStringLiteral("chart api")
                            << QStringList{QStringLiteral("module.services.helm_release.gateway")};
    QTest::newRow("version") << QStringLiteral("v2.1")
                             << QStringList{QStringLiteral("module.cluster")};
    QTest::newRow("id") << QStringLiteral("helm_release")
                        << QStringList{QStringLiteral("module.services.helm_release.billing"),
                                       QStringLiteral("module.services.helm_release.gateway")};
    QTest::newRow("none") << QStringLiteral("kafka") << QStringList{};
}

void tst_DiagramView::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    DiagramPage page;
    page.resize(900, 600);
    fill(*page.model(), page.view()->font());
    QVERIFY(showActive(&page));
    page.view()->setZoom(2.0); // zoomed in, so centring has to scroll
    page.focusSearch();
    QVERIFY(page.searchBar()->isVisible());
    page.searchBar()->setText(text);
    QCOMPARE(page.searchBar()->matches(), expected);
    for (NodeItem *item : page.scene()->nodeItems())
        QCOMPARE(item->isMatch(), expected.contains(item->id()));
    if (expected.isEmpty()) {
        QCOMPARE(page.searchBar()->countLabel()->text(), QStringLiteral("No matches"));
        return;
    }
    for (const QString &id : expected) {
        QCOMPARE(page.searchBar()->currentMatch(), id);
        QVERIFY(page.scene()->nodeItem(id)->isCurrentMatch());
        const QPointF centre = page.view()->visibleSceneRect().center();
        const QPointF target = page.scene()->nodeItem(id)->sceneBoundingRect().center();
        QVERIFY2((centre - target).manhattanLength() < 20, qPrintable(id));
        QTest::keyClick(page.searchBar()->lineEdit(), Qt::Key_Return); // next
    }
    QCOMPARE(page.searchBar()->currentMatch(), expected.first()); // wrapped around
    QTest::keyClick(page.searchBar()->lineEdit(), Qt::Key_Escape);
    QVERIFY(!page.searchBar()->isVisible());
    for (NodeItem *item : page.scene()->nodeItems())
        QVERIFY(!item->isMatch());
}

void tst_DiagramView::fitShowsWholeScene()
{
    DiagramPage page;
    page.resize(1000, 700);
    fill(*page.model(), page.view()->font());
    QVERIFY(showActive(&page));
    DiagramView *view = page.view();
    view->setZoom(3.0);
    QCOMPARE(view->zoom(), 3.0);
    view->setZoom(100);
    QCOMPARE(view->zoom(), DiagramView::MaxZoom);
    view->setZoom(3.0);
    QVERIFY(!view->visibleSceneRect().contains(page.scene()->diagramRect()));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(view->zoom() < 3.0);
    QVERIFY(view->visibleSceneRect().adjusted(-1, -1, 1, 1).contains(page.scene()->diagramRect()));
    const double fitted = view->zoom();
    QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(view->zoom() > fitted);
    QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(qAbs(view->zoom() - fitted) < 1e-9);
}

void tst_DiagramView::compareMode()
{
    DiagramPage page;
    page.setCompareChoices({QStringLiteral("dev"), QStringLiteral("prod")}, QStringLiteral("prod"));
    QCOMPARE(page.compareChoice(), QStringLiteral("prod"));
    fill(*page.model(), page.view()->font());
    QVERIFY(!page.legend()->isVisibleTo(&page));
    NodeItem *network = page.scene()->nodeItem(QStringLiteral("module.network"));
    enterCompareMode(*page.model(), page.view()->font());
    QCOMPARE(page.scene()->nodeItem(QStringLiteral("module.network")), network);
    QVERIFY(page.legend()->isVisibleTo(&page));

    const DiagramStyle &style = page.scene()->style();
    const QList<std::pair<QString, DiffState>> expected = {
        {QStringLiteral("module.platform.module.dns"), DiffState::Added},
        {QStringLiteral("module.redis"), DiffState::Changed},
        {QStringLiteral("module.cache"), DiffState::Removed},
        {QStringLiteral("module.network"), DiffState::Same},
    };
    for (const auto &[id, state] : expected) {
        NodeItem *item = page.scene()->nodeItem(id);
        QVERIFY2(item && item->isVisible(), qPrintable(id));
        QCOMPARE(item->diffState(), state);
    }
    EdgeItem *removedEdge
        = page.scene()->edgeItem(makeEdge(QStringLiteral("module.network"),
                                          QStringLiteral("module.cache"), EdgeKind::Reference)
                                     .id());
    QVERIFY(removedEdge && removedEdge->isRemoved());
    QCOMPARE(style.edgePen(EdgeKind::Reference, true).color(),
             style.diffColour(DiffState::Removed));
    QVERIFY(style.diffColour(DiffState::Added) != style.diffColour(DiffState::Removed));

    DifferencesList *list = page.differencesList();
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->nodeIdAt(0), QStringLiteral("module.cache"));
    QCOMPARE(list->item(0)->foreground().color(), style.diffColour(DiffState::Removed));
    QCOMPARE(list->item(2)->foreground().color(), style.diffColour(DiffState::Changed));
    list->itemClicked(list->item(2));
    QCOMPARE(page.scene()->selectedNodeId(), QStringLiteral("module.redis"));
    QVERIFY(page.inspector()->compareLabel()->text().contains(QStringLiteral("1.1.0")));

    page.model()->setComparison({});
    QVERIFY(!page.scene()->nodeItem(QStringLiteral("module.cache")));
    QCOMPARE(page.scene()->nodeItem(QStringLiteral("module.redis"))->diffState(), DiffState::Same);
    QVERIFY(!page.legend()->isVisibleTo(&page));
}

void tst_DiagramView::screenshots()
{
    for (const bool dark : {false, true}) {
        DiagramPage page;
        if (dark)
            page.setPalette(darkPalette());
        page.resize(1500, 760);
        page.setEnvironmentLabel(QStringLiteral("staging"));
        page.setCompareChoices({QStringLiteral("dev"), QStringLiteral("prod")});
        fill(*page.model(), page.view()->font());
        QVERIFY(showActive(&page));
        page.view()->fitAll();
        page.selectNode(QStringLiteral("module.cluster"));
        QCOMPARE(page.scene()->style().isDark(), dark);
        saveScreenshot(&page, dark ? QStringLiteral("diagram-widget-dark.png")
                                   : QStringLiteral("diagram-widget.png"));
        enterCompareMode(*page.model(), page.view()->font());
        page.view()->fitAll();
        page.selectNode(QStringLiteral("module.redis"));
        saveScreenshot(&page, dark ? QStringLiteral("diagram-widget-compare-dark.png")
                                   : QStringLiteral("diagram-widget-compare.png"));
    }
}

ENVDECK_TEST_MAIN_GUI(tst_DiagramView)
#include "tst_diagramview.moc"
