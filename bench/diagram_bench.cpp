// SPDX-License-Identifier: GPL-3.0-or-later
// How much EnvDeck adds to Graphviz when it lays out a big diagram: the `dot` CLI alone on the
// DOT text, against ours (write the DOT text, run dot as a separate process, read its JSON back
// into a Layout). Median wall time of several runs each, as JSON:
//   diagram_bench [RUNS] [NODES]
#include "DiagramBenchGraph.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <vector>

#include <sys/resource.h>

using namespace EnvDeck;
using namespace EnvDeck::Diagram;

namespace {

constexpr int timeoutMs = 10 * 60 * 1000; // a layout this big is slow on a busy machine

// CPU time of this process and of its finished children (dot), in ms: unlike wall time it
// hardly depends on what else the machine is doing.
double cpuMs()
{
    double total = 0;
    for (const int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        rusage usage{};
        getrusage(who, &usage);
        total += double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
                 + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
    }
    return total;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Timings
{
    std::vector<double> wall;
    std::vector<double> cpu;

    bool measure(const std::function<bool()> &work)
    {
        const double cpuBefore = cpuMs();
        QElapsedTimer timer;
        timer.start();
        if (!work())
            return false;
        wall.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(cpuMs() - cpuBefore);
        return true;
    }
};

double medianMs(int runs, const std::function<bool()> &work)
{
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        if (!work())
            return -1;
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    QTextStream err(stderr);
    const int runs = arguments.size() > 1 ? qMax(1, arguments.at(1).toInt()) : 5;
    const int nodes = arguments.size() > 2 ? qMax(10, arguments.at(2).toInt()) : 1000;

    const DiagramBench::BenchGraph bench = DiagramBench::makeBenchGraph(nodes);
    LayoutOptions options;
    options.timeoutMs = timeoutMs;
    const QString dot = findDot(options);
    if (dot.isEmpty()) {
        err << "diagram_bench: Graphviz's dot is needed (sudo apt install graphviz)\n";
        return 2;
    }
    const QByteArray text = toDot(bench.graph, bench.sizes, options);

    // dotLayout asks for -Tjson0 (no drawing operations: less to write and to read); the CLI
    // figure that compares like with like is the same format. -Tjson is printed for reference.
    // The runs alternate, so a burst of other load on the machine hits both sides alike.
    Timings cliJson0;
    Timings cliJson;
    Timings ours;
    Layout layout;
    QString problem;
    for (int run = 0; run < runs; ++run) {
        const bool ok = cliJson0.measure([&] {
            return DiagramBench::runDotCli(dot, QStringLiteral("json0"), text, nullptr, timeoutMs);
        }) && ours.measure([&] {
            // toDot + dot as a process + parseDotJson
            Result<Layout> result = dotLayout(bench.graph, bench.sizes, options);
            if (!result) {
                problem = result.error().toString();
                return false;
            }
            layout = std::move(result).value();
            return true;
        }) && cliJson.measure([&] {
            return DiagramBench::runDotCli(dot, QStringLiteral("json"), text, nullptr, timeoutMs);
        });
        if (!ok) {
            err << "diagram_bench: dot failed " << problem << '\n';
            return 2;
        }
    }
    // What ours adds to dot, without dot's own time (which a busy machine makes noisy): writing
    // the DOT text and reading dot's JSON back.
    QByteArray json;
    if (!DiagramBench::runDotCli(dot, QStringLiteral("json0"), text, &json, timeoutMs)) {
        err << "diagram_bench: dot failed\n";
        return 2;
    }
    const double writeMs
        = medianMs(runs, [&] { return !toDot(bench.graph, bench.sizes, options).isEmpty(); });
    const double readMs = medianMs(runs, [&] { return parseDotJson(json, bench.graph).ok(); });
    const double layered = medianMs(
        runs, [&] { return !layeredLayout(bench.graph, bench.sizes, options).isEmpty(); });

    const QJsonObject results{
        {QStringLiteral("nodes"), qint64(bench.graph.nodes.size())},
        {QStringLiteral("edges"), qint64(bench.graph.edges.size())},
        {QStringLiteral("clusters"), bench.clusters},
        {QStringLiteral("dot_bytes"), qint64(text.size())},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("dot_cli_json0_ms"), median(cliJson0.wall)},
        {QStringLiteral("dot_cli_json_ms"), median(cliJson.wall)},
        {QStringLiteral("ours_ms"), median(ours.wall)},
        {QStringLiteral("ratio_ours_vs_cli"), median(ours.wall) / median(cliJson0.wall)},
        {QStringLiteral("dot_cli_json0_cpu_ms"), median(cliJson0.cpu)},
        {QStringLiteral("ours_cpu_ms"), median(ours.cpu)},
        {QStringLiteral("ratio_cpu"), median(ours.cpu) / median(cliJson0.cpu)},
        {QStringLiteral("to_dot_ms"), writeMs},
        {QStringLiteral("parse_json_ms"), readMs},
        {QStringLiteral("overlaps"), hasOverlaps(layout)},
        {QStringLiteral("layered_ms"), layered},
    };
    QTextStream(stdout) << QJsonDocument(results).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
