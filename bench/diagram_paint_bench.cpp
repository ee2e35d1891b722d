// SPDX-License-Identifier: GPL-3.0-or-later
// The diagram from graph to pixels: ours (dot as a separate process, the scene built from the
// model, the whole diagram painted into an image with every label) against the dot CLI alone
// drawing the same graph (`dot -Tpng`), in the same run; then the frames a user sees while
// panning and zooming a view of it. Runs on the offscreen platform; prints JSON:
//   diagram_paint_bench [RUNS] [NODES]
#include "DiagramBenchGraph.h"

#include "diagram/DiagramScene.h"
#include "diagram/DiagramView.h"
#include "diagram/GraphModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QScrollBar>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <vector>

using namespace EnvDeck;
using namespace EnvDeck::Diagram;

namespace {

constexpr int TimeoutMs = 10 * 60 * 1000;

double elapsedMs(const std::function<bool()> &work, bool *ok)
{
    QElapsedTimer timer;
    timer.start();
    *ok = work() && *ok;
    return double(timer.nsecsElapsed()) / 1e6;
}

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, size_t(fraction * double(values.size())));
    return values[index];
}

// Ours, end to end: lay out with dot, show the model in a scene, paint all of it at 1:1.
bool layOutAndPaint(const DiagramBench::BenchGraph &bench, const LayoutOptions &options,
                    QSize *painted)
{
    Result<Layout> layout = dotLayout(bench.graph, bench.sizes, options);
    if (!layout)
        return false;
    GraphModel model;
    model.setGraph(bench.graph);
    model.setLayout(std::move(layout).value());
    DiagramScene scene(&model);
    const QRectF rect = scene.sceneRect();
    QImage image(rect.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), rect.size()), rect);
    painter.end();
    *painted = image.size();
    return !image.isNull();
}

struct Frames
{
    std::vector<double> pan;
    std::vector<double> zoom;
};

// The frames a user sees while panning and zooming: each step painted synchronously (repaint),
// as the event loop would paint it. A function of its own so that
// `valgrind --tool=callgrind --toggle-collect=measureFrames` counts the instructions of the frames
// alone: a count that other load on the machine does not change.
Q_NEVER_INLINE Frames measureFrames(DiagramView &view, const DiagramScene &scene)
{
    const auto frame = [&](const std::function<void()> &step) {
        QElapsedTimer timer;
        timer.start();
        step();
        view.viewport()->repaint();
        return double(timer.nsecsElapsed()) / 1e6;
    };
    Frames frames;
    for (const double zoom : {1.0, 0.5, 0.25}) {
        view.setZoom(zoom);
        view.centerOn(scene.sceneRect().center());
        for (int step = 0; step < 60; ++step) {
            frames.pan.push_back(frame([&] {
                QScrollBar *bar = step % 2 ? view.verticalScrollBar() : view.horizontalScrollBar();
                bar->setValue(bar->value() + 40);
            }));
        }
    }
    view.centerOn(scene.sceneRect().center());
    for (int step = 0; step < 120; ++step) {
        // In from the whole diagram to 200 % and out again, a wheel notch at a time.
        const double factor = step < 60 ? 1.1 : 1 / 1.1;
        frames.zoom.push_back(
            frame([&] { view.setZoom(view.zoom() * factor, view.viewport()->rect().center()); }));
    }
    return frames;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    QTextStream err(stderr);
    // 0 runs: the frames only (no comparison with dot -Tpng), e.g. under callgrind.
    const int runs = arguments.size() > 1 ? qMax(0, arguments.at(1).toInt()) : 3;
    const int nodes = arguments.size() > 2 ? qMax(10, arguments.at(2).toInt()) : 1000;

    const DiagramBench::BenchGraph bench = DiagramBench::makeBenchGraph(nodes);
    LayoutOptions options;
    options.timeoutMs = TimeoutMs;
    const QString dot = findDot(options);
    if (dot.isEmpty()) {
        err << "diagram_paint_bench: Graphviz's dot is needed (sudo apt install graphviz)\n";
        return 2;
    }
    const QByteArray text = toDot(bench.graph, bench.sizes, options);

    // Alternating runs, so other load on the machine hits both sides alike.
    std::vector<double> cli;
    std::vector<double> ours;
    QSize painted;
    bool ok = true;
    for (int run = 0; run < runs && ok; ++run) {
        cli.push_back(elapsedMs(
            [&] {
                return DiagramBench::runDotCli(dot, QStringLiteral("png"), text, nullptr,
                                               TimeoutMs);
            },
            &ok));
        ours.push_back(elapsedMs([&] { return layOutAndPaint(bench, options, &painted); }, &ok));
    }
    if (!ok) {
        err << "diagram_paint_bench: dot failed\n";
        return 2;
    }

    // Frames while panning and zooming: a window-sized view on the laid-out diagram.
    Result<Layout> layout = dotLayout(bench.graph, bench.sizes, options);
    if (!layout) {
        err << "diagram_paint_bench: " << layout.error().toString() << '\n';
        return 2;
    }
    GraphModel model;
    model.setGraph(bench.graph);
    model.setLayout(std::move(layout).value());
    DiagramScene scene(&model);
    DiagramView view;
    view.setScene(&scene);
    view.resize(1280, 800);
    view.show();
    QCoreApplication::processEvents();

    const Frames frames = measureFrames(view, scene);
    const std::vector<double> &panFrames = frames.pan;
    const std::vector<double> &zoomFrames = frames.zoom;

    const double cliMs = cli.empty() ? 0 : percentile(cli, 0.5);
    const double oursMs = ours.empty() ? 0 : percentile(ours, 0.5);
    const QJsonObject results{
        {QStringLiteral("nodes"), qint64(bench.graph.nodes.size())},
        {QStringLiteral("edges"), qint64(bench.graph.edges.size())},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("dot_cli_png_ms"), cliMs},
        {QStringLiteral("ours_layout_and_paint_ms"), oursMs},
        {QStringLiteral("ratio_ours_vs_cli"), cliMs > 0 ? oursMs / cliMs : 0.0},
        {QStringLiteral("painted_width"), painted.width()},
        {QStringLiteral("painted_height"), painted.height()},
        {QStringLiteral("pan_frames"), qint64(panFrames.size())},
        {QStringLiteral("pan_frame_median_ms"), percentile(panFrames, 0.5)},
        {QStringLiteral("pan_frame_p95_ms"), percentile(panFrames, 0.95)},
        {QStringLiteral("pan_frame_max_ms"), percentile(panFrames, 1.0)},
        {QStringLiteral("zoom_frames"), qint64(zoomFrames.size())},
        {QStringLiteral("zoom_frame_median_ms"), percentile(zoomFrames, 0.5)},
        {QStringLiteral("zoom_frame_p95_ms"), percentile(zoomFrames, 0.95)},
        {QStringLiteral("zoom_frame_max_ms"), percentile(zoomFrames, 1.0)},
        {QStringLiteral("under_16ms"),
         percentile(panFrames, 0.95) < 16 && percentile(zoomFrames, 0.95) < 16},
    };
    QTextStream(stdout) << QJsonDocument(results).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
