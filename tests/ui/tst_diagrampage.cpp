// SPDX-License-Identifier: GPL-3.0-or-later
// The diagram page as a user drives it: the compare choice, the banner and busy indicator, wheel
// zoom around the cursor, panning, dragging a node with the mouse, the overview, exporting the
// current view, switching models and palettes.
#include "DiagramFixture.h"
#include "TestSupport.h"

#include "diagram/DiagramInspector.h"
#include "diagram/DiagramPage.h"
#include "diagram/DiagramScene.h"
#include "diagram/DiagramSearchBar.h"
#include "diagram/DiagramView.h"
#include "diagram/EdgeItem.h"
#include "diagram/NodeItem.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace EnvDeck;
using namespace EnvDeck::Diagram;
using namespace DiagramFixture;

namespace {

void wheel(QWidget *viewport, const QPoint &position, int delta)
{
    QWheelEvent event(QPointF(position), QPointF(viewport->mapToGlobal(position)), QPoint(),
                      QPoint(0, delta), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &event);
}

void mouse(QWidget *viewport, QEvent::Type type, const QPoint &position, Qt::MouseButton button,
           Qt::MouseButtons buttons)
{
    QMouseEvent event(type, QPointF(position), QPointF(viewport->mapToGlobal(position)), button,
                      buttons, Qt::NoModifier);
    QApplication::sendEvent(viewport, &event);
}

} // namespace

class tst_DiagramPage : public QObject
{
    Q_OBJECT

private slots:
    void compareChoice_data();
    void compareChoice();
    void bannerAndBusy();
    void wheelZoomsAroundCursor_data();
    void wheelZoomsAroundCursor();
    void middleButtonPans();
    void mouseDragMovesNode();
    void overviewMovesView();
    void exportCurrentView_data();
    void exportCurrentView();
    void externalModel();
    void paletteSwitch();
    void inspectorOursAndTheirs();
    void incompleteLayout();
};

void tst_DiagramPage::compareChoice_data()
{
    QTest::addColumn<QString>("defaultChoice");
    QTest::addColumn<int>("activated");
    QTest::addColumn<QString>("requested");
    QTest::newRow("none by default, pick prod") << QString() << 2 << QStringLiteral("prod");
    QTest::newRow("base by default, pick none") << QStringLiteral("prod") << 0 << QString();
    QTest::newRow("unknown default") << QStringLiteral("qa") << 1 << QStringLiteral("dev");
}

void tst_DiagramPage::compareChoice()
{
    QFETCH(QString, defaultChoice);
    QFETCH(int, activated);
    QFETCH(QString, requested);
    DiagramPage page;
    QSignalSpy spy(&page, &DiagramPage::compareRequested);
    page.setCompareChoices({QStringLiteral("dev"), QStringLiteral("prod")}, defaultChoice);
    QCOMPARE(page.compareCombo()->count(), 3);
    QCOMPARE(page.compareChoice(),
             defaultChoice == QLatin1String("qa") ? QString() : defaultChoice);
    QCOMPARE(spy.size(), 0); // the default is the controller's own choice
    page.compareCombo()->setCurrentIndex(activated);
    emit page.compareCombo()->activated(activated);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), requested);
}

void tst_DiagramPage::bannerAndBusy()
{
    DiagramPage page;
    QVERIFY(!page.banner()->isVisibleTo(&page));
    QVERIFY(!page.busyIndicator()->isVisibleTo(&page));
    const QString message
        = QStringLiteral("Graphviz's dot was not found. Install it with `sudo apt "
                         "install graphviz`; a simple layout is used meanwhile.");
    page.showBanner(message);
    QVERIFY(page.banner()->isVisibleTo(&page));
    QCOMPARE(page.banner()->text(), message);
    page.showBusy(true);
    QVERIFY(page.busyIndicator()->isVisibleTo(&page));
    page.showBusy(false);
    QVERIFY(!page.busyIndicator()->isVisibleTo(&page));
    page.showBanner({});
    QVERIFY(!page.banner()->isVisibleTo(&page));
}

void tst_DiagramPage::wheelZoomsAroundCursor_data()
{
    QTest::addColumn<QPoint>("position");
    QTest::addColumn<int>("delta");
    QTest::newRow("in at left") << QPoint(150, 200) << 120;
    QTest::newRow("in at right") << QPoint(600, 380) << 240;
    QTest::newRow("out at centre") << QPoint(350, 250) << -120;
}

void tst_DiagramPage::wheelZoomsAroundCursor()
{
    QFETCH(QPoint, position);
    QFETCH(int, delta);
    DiagramPage page;
    page.resize(1100, 700);
    fill(*page.model(), page.view()->font());
    QVERIFY(showActive(&page));
    DiagramView *view = page.view();
    view->setZoom(1.0);
    // Room to scroll both ways, so the anchor can stay put.
    page.scene()->setSceneRect(page.scene()->sceneRect().adjusted(-2000, -2000, 2000, 2000));
    const QPointF before = view->mapToScene(position);
    const double zoom = view->zoom();
    wheel(view->viewport(), position, delta);
    QCOMPARE(view->zoom() > zoom, delta > 0);
    const QPointF after = view->mapToScene(position);
    QVERIFY2((after - before).manhattanLength() < 3 / view->zoom(),
             qPrintable(QStringLiteral("%1,%2 -> %3,%4")
                            .arg(before.x())
                            .arg(before.y())
                            .arg(after.x())
                            .arg(after.y())));
    for (int i = 0; i < 40; ++i)
        wheel(view->viewport(), position, delta);
    QCOMPARE(view->zoom(), delta > 0 ? DiagramView::MaxZoom : DiagramView::MinZoom);
}

void tst_DiagramPage::middleButtonPans()
{
    DiagramPage page;
    page.resize(900, 600);
    fill(*page.model(), page.view()->font());
    QVERIFY(showActive(&page));
    DiagramView *view = page.view();
    view->setZoom(2.5);
    const QPointF centre = view->visibleSceneRect().center();
    QWidget *viewport = view->viewport();
    const QPoint start(300, 300);
    mouse(viewport, QEvent::MouseButtonPress, start, Qt::MiddleButton, Qt::MiddleButton);
    mouse(viewport, QEvent::MouseMove, start + QPoint(-100, -60), Qt::NoButton, Qt::MiddleButton);
    mouse(viewport, QEvent::MouseButtonRelease, start + QPoint(-100, -60), Qt::MiddleButton,
          Qt::NoButton);
    const QPointF moved = view->visibleSceneRect().center() - centre;
    // Dragging the content left and up shows what is right and below: 100 px / 2.5 = 40.
    QVERIFY2(qAbs(moved.x() - 40) < 2 && qAbs(moved.y() - 24) < 2,
             qPrintable(QStringLiteral("%1,%2").arg(moved.x()).arg(moved.y())));
    QVERIFY(page.scene()->selectedItems().isEmpty());
}

void tst_DiagramPage::mouseDragMovesNode()
{
    DiagramPage page;
    page.resize(1200, 700);
    fill(*page.model(), page.view()->font());
    QVERIFY(showActive(&page));
    DiagramView *view = page.view();
    view->setZoom(1.0);
    view->centerOn(page.scene()->diagramRect().center());
    const QString id = QStringLiteral("module.redis");
    const QRectF rect = page.model()->nodeRect(id);
    QSignalSpy dragged(page.scene(), &DiagramScene::nodeDragged);
    QWidget *viewport = view->viewport();
    const QPoint start = view->mapFromScene(rect.center());
    const QPoint end = start + QPoint(60, 120);
    mouse(viewport, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    mouse(viewport, QEvent::MouseMove, start + QPoint(20, 40), Qt::NoButton, Qt::LeftButton);
    mouse(viewport, QEvent::MouseMove, end, Qt::NoButton, Qt::LeftButton);
    // During the drag the model is unchanged; the item and its edge follow the mouse.
    QCOMPARE(page.model()->nodeRect(id), rect);
    const Edge edge = makeEdge(QStringLiteral("module.network"), id, EdgeKind::Reference);
    NodeItem *item = page.scene()->nodeItem(id);
    QCOMPARE(item->pos(), rect.topLeft() + QPointF(60, 120));
    QVERIFY(QRectF(item->pos(), item->size())
                .adjusted(-1, -1, 1, 1)
                .contains(page.scene()->edgeItem(edge.id())->path().currentPosition()));
    mouse(viewport, QEvent::MouseButtonRelease, end, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(dragged.size(), 1);
    QCOMPARE(dragged.at(0).at(0).toString(), id);
    QCOMPARE(dragged.at(0).at(1).toPointF(), rect.topLeft());
    QCOMPARE(page.model()->nodeRect(id).topLeft(), rect.topLeft() + QPointF(60, 120));
    QCOMPARE(page.scene()->selectedNodeId(), id);
}

void tst_DiagramPage::overviewMovesView()
{
    DiagramPage page;
    page.resize(1000, 700);
    fill(*page.model(), page.view()->font());
    QVERIFY(showActive(&page));
    page.view()->setZoom(2.0);
    OverviewWidget *overview = page.overview();
    const QPointF target = page.model()->nodeRect(QStringLiteral("module.services")).center();
    const QPoint click = overview->sceneToWidget().map(target).toPoint();
    QTest::mouseClick(overview, Qt::LeftButton, Qt::NoModifier, click);
    const QPointF centre = page.view()->visibleSceneRect().center();
    // One overview pixel is several scene units.
    QVERIFY2((centre - target).manhattanLength() < 12,
             qPrintable(QStringLiteral("%1,%2").arg(centre.x()).arg(centre.y())));
}

void tst_DiagramPage::exportCurrentView_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("png") << QStringLiteral("view.png");
    QTest::newRow("svg") << QStringLiteral("view.svg");
}

void tst_DiagramPage::exportCurrentView()
{
    QFETCH(QString, fileName);
    DiagramPage page;
    page.resize(900, 600);
    fill(*page.model(), page.view()->font());
    QVERIFY(showActive(&page));
    page.view()->setZoom(1.5);
    page.view()->centreOnNode(QStringLiteral("module.cluster"));
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    QSignalSpy exported(&page, &DiagramPage::exported);
    const Result<void> result = page.exportCurrentView(path);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QCOMPARE(exported.size(), 1);
    const QRectF visible = page.view()->visibleSceneRect();
    if (fileName.endsWith(QLatin1String(".png"))) {
        const QImage image(path);
        QCOMPARE(image.size(), (visible.size() * 1.5 * 2).toSize());
        return;
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    QVERIFY(!xml.hasError());
    // The centred node is in the picture, a node far outside the view is not.
    QVERIFY(texts.contains(QStringLiteral("cluster")));
    QVERIFY(!visible.intersects(page.model()->nodeRect(QStringLiteral("var.location"))));
    QVERIFY(!texts.contains(QStringLiteral("location")));
}

void tst_DiagramPage::externalModel()
{
    DiagramPage page;
    GraphModel external;
    fill(external, page.view()->font());
    page.setModel(&external);
    QCOMPARE(page.model(), &external);
    QCOMPARE(page.scene()->model(), &external);
    QCOMPARE(page.scene()->nodeItems().size(), external.graph().nodes.size());
    QVERIFY(page.environmentLabel()->text().contains(QStringLiteral("staging")));
    page.scene()->selectNode(QStringLiteral("module.network"));
    QCOMPARE(page.inspector()->nodeId(), QStringLiteral("module.network"));
    external.setGraph(stagingGraph(QStringLiteral("prod")));
    QVERIFY(page.environmentLabel()->text().contains(QStringLiteral("prod")));
    QCOMPARE(page.inspector()->nodeId(), QString());
    page.setModel(nullptr);
    QVERIFY(page.model() != &external);
    QCOMPARE(page.scene()->nodeItems().size(), 0);

    // A model destroyed while shown: the page falls back to its own.
    GraphModel *own = page.model();
    auto *shortLived = new GraphModel;
    fill(*shortLived, page.view()->font());
    page.setModel(shortLived);
    QCOMPARE(page.scene()->nodeItems().size(), shortLived->graph().nodes.size());
    delete shortLived;
    QCOMPARE(page.model(), own);
    QCOMPARE(page.scene()->model(), own);
    QCOMPARE(page.scene()->nodeItems().size(), 0);
    // The main window routes Ctrl+F to the page; the page's action has no shortcut of its own.
    QVERIFY(page.searchAction()->shortcut().isEmpty());
    page.searchAction()->trigger();
    QVERIFY(page.searchBar()->isVisibleTo(&page));
}

void tst_DiagramPage::paletteSwitch()
{
    DiagramPage page;
    fill(*page.model(), page.view()->font());
    QVERIFY(showActive(&page));
    QVERIFY(!page.scene()->style().isDark());
    const QColor light = page.scene()->style().nodeFill(NodeKind::Module);
    QPalette dark = page.palette();
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
    page.setPalette(dark);
    QVERIFY(page.scene()->style().isDark());
    QCOMPARE(page.scene()->backgroundBrush().color(), QColor(0x1e, 0x1e, 0x1e));
    QVERIFY(page.scene()->style().nodeFill(NodeKind::Module).lightness() < 128);
    QVERIFY(page.scene()->style().nodeFill(NodeKind::Module) != light);
    // Text stays readable: far from the fill in lightness.
    QVERIFY(qAbs(page.scene()->style().text().lightness()
                 - page.scene()->style().nodeFill(NodeKind::Module).lightness())
            > 100);
}

void tst_DiagramPage::inspectorOursAndTheirs()
{
    DiagramPage page;
    fill(*page.model(), page.view()->font());
    Graph prod = stagingGraph(QStringLiteral("prod"));
    for (Node &node : prod.nodes) {
        if (node.id == QLatin1String("module.redis")) {
            node.version = QStringLiteral("v1.1.0");
            node.multiplicity = QStringLiteral("count = 2");
        }
    }
    Comparison comparison;
    comparison.ours = QStringLiteral("staging");
    comparison.theirs = QStringLiteral("prod");
    comparison.differences = {{QStringLiteral("module.redis"),
                               DiffState::Changed,
                               {QStringLiteral("version"), QStringLiteral("multiplicity")},
                               QStringLiteral("module.redis: version v1.2.0 → v1.1.0")}};
    page.inspector()->setTheirGraph(prod);
    page.model()->setComparison(comparison);
    page.selectNode(QStringLiteral("module.redis"));
    QTableWidget *table = page.inspector()->compareTable();
    QVERIFY(table->isVisibleTo(page.inspector()));
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("staging"));
    QCOMPARE(table->horizontalHeaderItem(2)->text(), QStringLiteral("prod"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("v1.2.0"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("v1.1.0"));
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("count = 2"));
    // A node that is the same in both says so, without a table.
    page.selectNode(QStringLiteral("module.network"));
    QVERIFY(!table->isVisibleTo(page.inspector()));
    QVERIFY(page.inspector()->compareLabel()->text().contains(QStringLiteral("Same")));
    page.model()->setComparison({});
    QVERIFY(!page.inspector()->compareLabel()->isVisibleTo(page.inspector()));
}

void tst_DiagramPage::incompleteLayout()
{
    // A layout that misses a node or has a path not in dot's form hides what it cannot place.
    GraphModel model;
    DiagramScene scene(&model);
    const Graph graph = stagingGraph();
    model.setGraph(graph);
    Layout layout = handLayout(graph, nodeSizes(graph, scene.font()));
    layout.nodes.remove(QStringLiteral("module.redis"));
    const Edge broken
        = makeEdge(QStringLiteral("module.cluster"), QStringLiteral("module.platform"),
                   EdgeKind::Reference, {QStringLiteral("kube_config")});
    layout.edges[broken.id()] = {QPointF(0, 0), QPointF(10, 10), QPointF(20, 20)};
    model.setLayout(layout);
    QVERIFY(!scene.nodeItem(QStringLiteral("module.redis"))->isVisible());
    const Edge toRedis = makeEdge(QStringLiteral("module.network"), QStringLiteral("module.redis"),
                                  EdgeKind::Reference);
    QVERIFY(!scene.edgeItem(toRedis.id())->isVisible());
    QVERIFY(!scene.edgeItem(broken.id())->isVisible());
    int visible = 0;
    for (EdgeItem *item : scene.edgeItems())
        visible += item->isVisible() ? 1 : 0;
    QCOMPARE(visible, int(graph.edges.size()) - 2);
    // The next complete layout shows everything again.
    model.setLayout(handLayout(graph, nodeSizes(graph, scene.font())));
    QVERIFY(scene.nodeItem(QStringLiteral("module.redis"))->isVisible());
    QVERIFY(scene.edgeItem(broken.id())->isVisible());
}

ENVDECK_TEST_MAIN_GUI(tst_DiagramPage)
#include "tst_diagrampage.moc"
