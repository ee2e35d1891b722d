// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck export-diagram [REPO] --env E [--compare E2] --output FILE.svg|FILE.png`: the
// environment diagram without a window, for documentation and CI artifacts. The same graph,
// comparison, layout and scene as the window draws.
#include "Cli.h"
#include "CliCommands.h"

#include "diagram/DiagramController.h"
#include "diagram/DiagramExport.h"
#include "diagram/DiagramScene.h"
#include "diagram/DiagramStyle.h"
#include "diagram/GraphCompare.h"
#include "diagram/GraphModel.h"
#include "repo/RepositoryLoader.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>

namespace EnvDeck::Cli {

void declareExportDiagram(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
        QStringLiteral("REPO"),
        QStringLiteral("Repository work tree (default: the current folder)."),
        QStringLiteral("[REPO]"));
    parser.addOption(QCommandLineOption(QStringList{QStringLiteral("env")},
                                        QStringLiteral("The environment to draw (required)."),
                                        QStringLiteral("E")));
    parser.addOption(QCommandLineOption(
        QStringList{QStringLiteral("compare")},
        QStringLiteral("Colour what differs from this environment: added, removed, changed."),
        QStringLiteral("E2")));
    parser.addOption(QCommandLineOption(
        QStringList{QStringLiteral("output"), QStringLiteral("o")},
        QStringLiteral("The file to write: .svg or .png (required)."), QStringLiteral("FILE")));
}

int runExportDiagram(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        err << "envdeck export-diagram: expected at most one REPO\n";
        return Usage;
    }
    const QString name = parser.value(QStringLiteral("env"));
    const QString output = parser.value(QStringLiteral("output"));
    if (name.isEmpty() || output.isEmpty()) {
        err << "envdeck export-diagram: --env and --output are required\n";
        return Usage;
    }
    const QString suffix = QFileInfo(output).suffix().toLower();
    if (suffix != u"svg" && suffix != u"png") {
        err << "envdeck export-diagram: " << output << ": the output must end in .svg or .png\n";
        return Usage;
    }
    const QString path = positional.isEmpty() ? QDir::currentPath() : positional.first();
    auto snapshot = RepositoryLoader::load(path, {}, RepositoryLoader::History::Skip);
    if (!snapshot) {
        err << "envdeck export-diagram: " << snapshot.error().toString() << '\n';
        return Usage;
    }
    const auto findEnvironment = [&](const QString &wanted) -> const Environment * {
        const Environment *found = snapshot->findEnvironment(wanted);
        if (!found) {
            QStringList names;
            for (const Environment &environment : snapshot->environments)
                names << environment.name;
            err << "envdeck export-diagram: no environment named '" << wanted
                << "'; the repository has: " << names.join(QStringLiteral(", ")) << '\n';
        }
        return found;
    };
    const Environment *environment = findEnvironment(name);
    if (!environment)
        return Usage;
    const QString compare = parser.value(QStringLiteral("compare"));
    const Environment *other = compare.isEmpty() ? nullptr : findEnvironment(compare);
    if (!compare.isEmpty() && !other)
        return Usage;

    Diagram::GraphModel model;
    Diagram::Graph graph = Diagram::graphOf(snapshot->rootPath, *environment);
    for (const Error &problem : graph.problems)
        err << problem.toString() << '\n';
    Diagram::Comparison comparison;
    if (other)
        comparison = Diagram::compareGraphs(graph, Diagram::graphOf(snapshot->rootPath, *other));
    model.setGraph(std::move(graph));
    model.setComparison(std::move(comparison));

    Diagram::DiagramScene scene(&model);
    const Diagram::Graph placed = Diagram::layoutGraph(model);
    const Diagram::LayoutOutcome outcome
        = Diagram::computeLayout(placed, Diagram::nodeSizes(placed, scene.font()));
    if (!outcome.dotProblem.isEmpty())
        err << "envdeck export-diagram: " << outcome.dotProblem << '\n';
    model.setLayout(outcome.layout);

    const Result<void> written = suffix == u"svg" ? Diagram::exportSvg(&scene, output)
                                                  : Diagram::exportPng(&scene, output);
    if (!written) {
        err << "envdeck export-diagram: " << written.error().toString() << '\n';
        return Failed;
    }
    out << "Wrote " << QDir::toNativeSeparators(output) << ": " << environment->name;
    if (other)
        out << " compared with " << other->name << " (" << model.comparison().differences.size()
            << " differences)";
    out << ", " << model.graph().nodes.size() << " nodes, " << model.graph().edges.size()
        << " edges, laid out by "
        << (outcome.layout.engine == u"dot" ? "dot" : "the layered layout") << '\n';
    return Success;
}

} // namespace EnvDeck::Cli
