// SPDX-License-Identifier: GPL-3.0-or-later
// The diagram's layout without a window: Graphviz dot as a separate program, the layered
// fallback, and what happens when dot is missing, slow or talks nonsense.
#include "LayoutTestGraphs.h"
#include "TestSupport.h"

#include "diagram/GraphLayout.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

using namespace EnvDeck;
using namespace EnvDeck::Diagram;
using LayoutTests::Sample;

namespace {

const QString missingDotMessage = QStringLiteral(
    "Graphviz's dot was not found. Install it with `sudo apt install graphviz`; a simple layout "
    "is used meanwhile.");

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(ENVDECK_SOURCE_DIR "/tests/diagram/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The graph tests/diagram/data/small.dot and small.json were made from.
Sample smallSample()
{
    Sample sample;
    Node platform;
    platform.id = QStringLiteral("module.platform");
    Node dns;
    dns.id = QStringLiteral("module.platform.module.dns");
    dns.parent = platform.id;
    Node location;
    location.id = QStringLiteral("var.location");
    location.kind = NodeKind::Input;
    sample.graph.nodes = {platform, dns, location};
    sample.graph.edges = {Edge{platform.id, dns.id, EdgeKind::Contains, {}},
                          Edge{location.id, platform.id, EdgeKind::Input, {}}};
    sample.sizes = {
        {platform.id, QSizeF(144, 36)}, {dns.id, QSizeF(108, 54)}, {location.id, QSizeF(90, 36)}};
    return sample;
}

} // namespace

class TestDiagramLayout : public QObject
{
    Q_OBJECT

private slots:
    void layouts_data();
    void layouts();
    void toDotText_data();
    void toDotText();
    void toDotGolden();
    void parseCapturedOutput();
    void parseRejects_data();
    void parseRejects();
    void missingDotFallsBack_data();
    void missingDotFallsBack();
    void badDot_data();
    void badDot();
    void asyncLayout();
    void noTimeLimit_data();
    void noTimeLimit();
    void overlaps_data();
    void overlaps();
};

void TestDiagramLayout::layouts_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("engine");
    QTest::addColumn<bool>("leftToRight");
    for (const QString &engine : {QStringLiteral("dot"), QStringLiteral("layered")}) {
        for (const QString &shape : LayoutTests::sampleShapes()) {
            QTest::addRow("%s %s", qPrintable(engine), qPrintable(shape))
                << shape << engine << true;
        }
        for (const char *shape : {"diamond", "clusters", "random200"}) {
            QTest::addRow("%s %s top-down", qPrintable(engine), shape)
                << QString::fromLatin1(shape) << engine << false;
        }
    }
}

void TestDiagramLayout::layouts()
{
    QFETCH(QString, shape);
    QFETCH(QString, engine);
    QFETCH(bool, leftToRight);
    const Sample sample = LayoutTests::makeSample(shape);
    QVERIFY(shape == QLatin1String("empty") || !sample.graph.nodes.isEmpty());
    LayoutOptions options;
    options.leftToRight = leftToRight;

    Layout layout;
    if (engine == QLatin1String("dot")) {
        QVERIFY2(!findDot(options).isEmpty(), "Graphviz's dot is needed for this test");
        Result<Layout> result = dotLayout(sample.graph, sample.sizes, options);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        layout = *result;
    } else {
        layout = layeredLayout(sample.graph, sample.sizes, options);
    }
    QCOMPARE(layout.engine, engine);
    // dot clips edges at the box's outline, rounded to its output precision. dot keeps other
    // nodes out of a cluster's box; the layered layout manages it when clusters span few ranks
    // (not among 200 random nodes, where clusters reach across most of the graph).
    const bool dot = engine == QLatin1String("dot");
    LayoutTests::checkLayout(sample, layout, leftToRight, dot ? 1.5 : 0.01,
                             dot || shape != QLatin1String("random200"));
    if (QTest::currentTestFailed())
        return;

    if (shape == QLatin1String("chain")) {
        // A chain is one rank after the other.
        double previous = -1e9;
        for (const Node &node : sample.graph.nodes) {
            const double x = layout.nodes.value(node.id).center().x();
            QVERIFY2(x > previous, qPrintable(node.id));
            previous = x;
        }
    }
}

void TestDiagramLayout::toDotText_data()
{
    QTest::addColumn<bool>("leftToRight");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("left to right")
        << true
        << QStringList{QStringLiteral("rankdir=LR"),
                       QStringLiteral("nodesep=0.333333333333"),
                       QStringLiteral("ranksep=0.833333333333"),
                       QStringLiteral("node [shape=box fixedsize=true label=\"\"]"),
                       QStringLiteral("\"module.apps[\\\"eu west\\\"]\" [width="),
                       QStringLiteral("\"back\\\\slash\""),
                       QStringLiteral("\"trailing\\\\\""),
                       QStringLiteral("\"line\\nbreak\""),
                       QStringLiteral("subgraph \"cluster_module.apps[\\\"eu west\\\"]\" {"),
                       QStringLiteral("\"back\\\\slash\" -> \"trailing\\\\\" "
                                      "[id=\"back\\\\slash->trailing\\\\:reference\"]")}
        << QStringList{QStringLiteral("\n\"line")};
    QTest::newRow("top down") << false << QStringList{QStringLiteral("rankdir=TB")}
                              << QStringList{QStringLiteral("rankdir=LR")};
}

void TestDiagramLayout::toDotText()
{
    QFETCH(bool, leftToRight);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);
    const Sample sample = LayoutTests::makeSample(QStringLiteral("odd ids"));
    LayoutOptions options;
    options.leftToRight = leftToRight;
    const QString dot = QString::fromUtf8(toDot(sample.graph, sample.sizes, options));
    for (const QString &text : expected)
        QVERIFY2(dot.contains(text), qPrintable(text + QStringLiteral(" not in:\n") + dot));
    for (const QString &text : absent)
        QVERIFY2(!dot.contains(text), qPrintable(text));
    // Every node once, in the order of the graph.
    qsizetype previous = -1;
    for (const Node &node : sample.graph.nodes) {
        const qsizetype at = dot.indexOf(QStringLiteral("\" [width="), previous + 1);
        QVERIFY2(at > previous, qPrintable(node.id));
        previous = at;
    }
    QCOMPARE(dot.count(QStringLiteral("[width=")), sample.graph.nodes.size());
}

void TestDiagramLayout::toDotGolden()
{
    const Sample sample = smallSample();
    const QByteArray expected = readData(QStringLiteral("small.dot"));
    QVERIFY(!expected.isEmpty());
    QCOMPARE(toDot(sample.graph, sample.sizes, LayoutOptions{}), expected);
}

void TestDiagramLayout::parseCapturedOutput()
{
    // small.json is what `dot -Tjson small.dot` (Graphviz 2.43) printed, drawing ops included.
    const Sample sample = smallSample();
    const QByteArray json = readData(QStringLiteral("small.json"));
    QVERIFY(!json.isEmpty());
    Result<Layout> layout = parseDotJson(json, sample.graph);
    QVERIFY2(layout.ok(), qPrintable(layout.ok() ? QString() : layout.error().toString()));
    QCOMPARE(layout->engine, QStringLiteral("dot"));
    // Values read off small.json: "bb": "0,0,478,86", so y is flipped as 86 - y; "pos" is the
    // centre, width and height are in inches.
    QCOMPARE(layout->nodes.value(QStringLiteral("var.location")), QRectF(0, 25, 90, 36));
    QCOMPARE(layout->nodes.value(QStringLiteral("module.platform")), QRectF(150, 25, 144, 36));
    QCOMPARE(layout->nodes.value(QStringLiteral("module.platform.module.dns")),
             QRectF(354, 16, 108, 54));
    // "bb": "346,8,470,78"
    QCOMPARE(layout->clusters.size(), 1);
    QCOMPARE(layout->clusters.value(QStringLiteral("module.platform")), QRectF(346, 8, 124, 70));
    QCOMPARE(layout->bounds, QRectF(0, 0, 478, 86));
    // "pos": "e,149.95,43 90.16,43 105.31,43 122.78,43 139.92,43": the spline, then a straight
    // piece to the arrow's tip on the target's border.
    const QList<QPointF> input
        = layout->edges.value(QStringLiteral("var.location->module.platform:input"));
    QCOMPARE(input.size(), 7);
    QCOMPARE(input.first(), QPointF(90.16, 43));
    QCOMPARE(input.at(3), QPointF(139.92, 43));
    QCOMPARE(input.last(), QPointF(149.95, 43));
    QCOMPARE(layout->edges.size(), 2);
}

void TestDiagramLayout::parseRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");
    const QByteArray node = R"({"_gvid":0,"name":"a","pos":"27,18","width":"1","height":"0.5"})";
    QTest::newRow("empty") << QByteArray() << "not JSON";
    QTest::newRow("garbage") << QByteArray("Warning: something\n") << "not JSON";
    QTest::newRow("truncated") << QByteArray(R"({"bb":"0,0,72,36","objects":[)") << "not JSON";
    QTest::newRow("array") << QByteArray("[1,2]") << "not a JSON object";
    QTest::newRow("no bb") << QByteArray(R"({"objects":[]})") << "no bounding box";
    QTest::newRow("bad bb") << QByteArray(R"({"bb":"0,0,x,36"})") << "no bounding box";
    QTest::newRow("objects not a list")
        << QByteArray(R"({"bb":"0,0,1,1","objects":{}})") << "\"objects\" is not a list";
    QTest::newRow("missing node") << QByteArray(R"({"bb":"0,0,72,36","objects":[]})")
                                  << "node \"a\" is missing";
    QTest::newRow("no position") << QByteArray(
        R"({"bb":"0,0,72,36","objects":[{"name":"a","width":"1","height":"1"}]})")
                                 << "node \"a\" has no position";
    QTest::newRow("no size") << QByteArray(
        R"({"bb":"0,0,72,36","objects":[{"name":"a","pos":"1,2"}]})")
                             << "node \"a\" has no size";
    QTest::newRow("missing edge") << QByteArray(R"({"bb":"0,0,72,36","objects":[)" + node + "]}")
                                  << "edge \"a->a:reference\" is missing";
    QTest::newRow("bad path") << QByteArray(
        R"({"bb":"0,0,72,36","objects":[)" + node
        + R"(],"edges":[{"id":"a->a:reference","pos":"e,1,2 3,4 5,6"}]})")
                              << "edge \"a->a:reference\" has a malformed path";
}

void TestDiagramLayout::parseRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    Graph graph;
    Node a;
    a.id = QStringLiteral("a");
    graph.nodes = {a};
    graph.edges = {Edge{a.id, a.id, EdgeKind::Reference, {}}};
    Result<Layout> layout = parseDotJson(json, graph);
    QVERIFY(!layout.ok());
    QVERIFY2(layout.error().message().startsWith(QStringLiteral("dot's output cannot be read: ")),
             qPrintable(layout.error().message()));
    QVERIFY2(layout.error().message().contains(reason), qPrintable(layout.error().message()));
}

void TestDiagramLayout::missingDotFallsBack_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("path") << "/nonexistent/dot";
    QTest::newRow("name not in PATH") << "envdeck-no-such-dot";
    QTest::newRow("empty") << "";
}

void TestDiagramLayout::missingDotFallsBack()
{
    QFETCH(QString, program);
    const Sample sample = LayoutTests::makeSample(QStringLiteral("clusters"));
    LayoutOptions options;
    options.dotProgram = program;
    QCOMPARE(findDot(options), QString());
    const LayoutOutcome outcome = computeLayout(sample.graph, sample.sizes, options);
    QVERIFY(outcome.dotMissing);
    QCOMPARE(outcome.dotProblem, missingDotMessage);
    QCOMPARE(outcome.layout.engine, QStringLiteral("layered"));
    LayoutTests::checkLayout(sample, outcome.layout, true, 0.01, true);

    Result<Layout> dot = dotLayout(sample.graph, sample.sizes, options);
    QVERIFY(!dot.ok());
    QVERIFY2(dot.error().message().contains(QStringLiteral("not found")),
             qPrintable(dot.error().message()));
}

void TestDiagramLayout::badDot_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QString>("reason");
    QTest::newRow("sleeps") << QByteArray("exec sleep 30\n") << "dot took longer than 0.8 s";
    QTest::newRow("sleeps in a child")
        << QByteArray("cat >/dev/null; sleep 30\n") << "dot took longer than 0.8 s";
    QTest::newRow("garbage") << QByteArray("cat >/dev/null; echo 'this is not json'\n")
                             << "dot's output cannot be read: not JSON";
    QTest::newRow("fails") << QByteArray(
        "echo 'Error: <stdin>: syntax error in line 3' >&2\nexit 2\n")
                           << "dot failed with exit code 2: Error: <stdin>: syntax error in line 3";
    QTest::newRow("crashes") << QByteArray("kill -SEGV $$\n") << "dot crashed";
    QTest::newRow("no nodes") << QByteArray("cat >/dev/null; echo '{\"bb\":\"0,0,1,1\"}'\n")
                              << "node \"var.location\" is missing";
}

void TestDiagramLayout::badDot()
{
    QFETCH(QByteArray, script);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("dot")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\n" + script);
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    const Sample sample = LayoutTests::makeSample(QStringLiteral("chain"));
    LayoutOptions options;
    options.dotProgram = file.fileName();
    options.timeoutMs = 800;
    QCOMPARE(findDot(options), file.fileName());

    QElapsedTimer timer;
    timer.start();
    Result<Layout> dot = dotLayout(sample.graph, sample.sizes, options);
    QVERIFY(!dot.ok());
    QVERIFY2(dot.error().message().contains(reason), qPrintable(dot.error().message()));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));

    // computeLayout falls back, says why, and does not claim dot is missing.
    timer.restart();
    const LayoutOutcome outcome = computeLayout(sample.graph, sample.sizes, options);
    QVERIFY(!outcome.dotMissing);
    QVERIFY2(outcome.dotProblem.contains(reason), qPrintable(outcome.dotProblem));
    QCOMPARE(outcome.layout.engine, QStringLiteral("layered"));
    LayoutTests::checkLayout(sample, outcome.layout, true, 0.01, true);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestDiagramLayout::asyncLayout()
{
    const Sample sample = LayoutTests::makeSample(QStringLiteral("random200"));
    QFuture<LayoutOutcome> future = computeLayoutAsync(sample.graph, sample.sizes);
    const LayoutOutcome outcome = future.result();
    QVERIFY2(outcome.dotProblem.isEmpty(), qPrintable(outcome.dotProblem));
    QCOMPARE(outcome.layout.engine, QStringLiteral("dot"));
    LayoutTests::checkLayout(sample, outcome.layout, true, 1.5, true);
}

void TestDiagramLayout::noTimeLimit_data()
{
    QTest::addColumn<int>("timeoutMs");
    QTest::newRow("zero") << 0;
    QTest::newRow("forever") << -1;
    QTest::newRow("ample") << 60000;
}

void TestDiagramLayout::noTimeLimit()
{
    QFETCH(int, timeoutMs);
    const Sample sample = LayoutTests::makeSample(QStringLiteral("clusters"));
    LayoutOptions options;
    options.timeoutMs = timeoutMs;
    Result<Layout> layout = dotLayout(sample.graph, sample.sizes, options);
    QVERIFY2(layout.ok(), qPrintable(layout.ok() ? QString() : layout.error().toString()));
    LayoutTests::checkLayout(sample, *layout, true, 1.5, true);
}

void TestDiagramLayout::overlaps_data()
{
    QTest::addColumn<QRectF>("a");
    QTest::addColumn<QRectF>("b");
    QTest::addColumn<bool>("overlap");
    QTest::newRow("apart") << QRectF(0, 0, 10, 10) << QRectF(20, 0, 10, 10) << false;
    QTest::newRow("touching") << QRectF(0, 0, 10, 10) << QRectF(10, 0, 10, 10) << false;
    QTest::newRow("same column, apart") << QRectF(0, 0, 10, 10) << QRectF(0, 11, 10, 10) << false;
    QTest::newRow("corner") << QRectF(0, 0, 10, 10) << QRectF(9, 9, 10, 10) << true;
    QTest::newRow("inside") << QRectF(0, 0, 100, 100) << QRectF(40, 40, 10, 10) << true;
    QTest::newRow("wide under narrow") << QRectF(45, 0, 10, 10) << QRectF(0, 5, 100, 10) << true;
}

void TestDiagramLayout::overlaps()
{
    QFETCH(QRectF, a);
    QFETCH(QRectF, b);
    QFETCH(bool, overlap);
    Layout layout;
    layout.nodes = {{QStringLiteral("a"), a},
                    {QStringLiteral("b"), b},
                    {QStringLiteral("far"), QRectF(1000, 1000, 5, 5)}};
    QStringList overlapping;
    QCOMPARE(hasOverlaps(layout, &overlapping), overlap);
    QCOMPARE(hasOverlaps(layout), overlap);
    QCOMPARE(overlapping.size(), overlap ? 1 : 0);
    if (overlap)
        QVERIFY2(overlapping.first().contains(QStringLiteral(" overlaps ")),
                 qPrintable(overlapping.first()));
}

ENVDECK_TEST_MAIN_CORE(TestDiagramLayout)
#include "tst_diagramlayout.moc"
