// SPDX-License-Identifier: GPL-3.0-or-later
// Choosing between dot and the layered layout, and what both share.
#include "diagram/GraphLayout.h"
#include "diagram/DiagramLogging.h"
#include "diagram/LayoutSupport.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QtConcurrent>

#include <algorithm>

namespace EnvDeck::Diagram {

namespace LayoutSupport {

QHash<QString, QString> effectiveParents(const Graph &graph)
{
    QHash<QString, QString> declared;
    declared.reserve(graph.nodes.size());
    for (const Node &node : graph.nodes)
        declared.insert(node.id, node.parent);

    QHash<QString, QString> parents;
    parents.reserve(graph.nodes.size());
    for (const Node &node : graph.nodes) {
        QSet<QString> seen{node.id};
        QString ancestor = node.parent;
        bool loops = false;
        while (!ancestor.isEmpty()) {
            if (seen.contains(ancestor)) {
                loops = true;
                break;
            }
            seen.insert(ancestor);
            ancestor = declared.value(ancestor);
        }
        if (loops)
            qCWarning(lcDiagram) << "The parents of" << node.id << "loop; drawn at the top";
        parents.insert(node.id, loops ? QString() : node.parent);
    }
    return parents;
}

QHash<QString, QString> clusterParents(const QHash<QString, QString> &parents)
{
    QHash<QString, QString> nesting;
    for (const QString &parent : parents) {
        // A cluster that is not a node (its module is not in the graph) sits at the top.
        if (!parent.isEmpty())
            nesting.insert(parent, parents.value(parent));
    }
    return nesting;
}

} // namespace LayoutSupport

using namespace LayoutSupport;

QString findDot(const LayoutOptions &options)
{
    const QString &program = options.dotProgram;
    if (program.isEmpty())
        return {};
    if (program.contains(QLatin1Char('/'))) {
        const QFileInfo info(program);
        return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
    }
    return QStandardPaths::findExecutable(program);
}

LayoutOutcome computeLayout(const Graph &graph, const SizeMap &sizes, const LayoutOptions &options)
{
    LayoutOutcome outcome;
    if (findDot(options).isEmpty()) {
        outcome.dotMissing = true;
        outcome.dotProblem = tr("Graphviz's dot was not found. Install it with `sudo apt install "
                                "graphviz`; a simple layout is used meanwhile.");
        qCInfo(lcDiagram) << "dot not found as" << options.dotProgram << "- layered layout";
    } else {
        Result<Layout> dot = dotLayout(graph, sizes, options);
        if (dot) {
            outcome.layout = std::move(dot).value();
            return outcome;
        }
        outcome.dotProblem = dot.error().toString();
        qCWarning(lcDiagram) << "dot failed, layered layout instead:" << outcome.dotProblem;
    }
    outcome.layout = layeredLayout(graph, sizes, options);
    return outcome;
}

QFuture<LayoutOutcome> computeLayoutAsync(Graph graph, SizeMap sizes, LayoutOptions options)
{
    return QtConcurrent::run(
        [graph = std::move(graph), sizes = std::move(sizes), options = std::move(options)] {
            return computeLayout(graph, sizes, options);
        });
}

bool hasOverlaps(const Layout &layout, QStringList *overlapping)
{
    // Sweep along x: only rects whose x ranges meet can intersect, so a thousand nodes take
    // a few thousand comparisons rather than half a million.
    struct Item
    {
        QString id;
        QRectF rect;
    };
    QList<Item> items;
    items.reserve(layout.nodes.size());
    for (auto it = layout.nodes.constBegin(); it != layout.nodes.constEnd(); ++it)
        items.append({it.key(), it.value().normalized()});
    std::sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
        return a.rect.left() < b.rect.left() || (a.rect.left() == b.rect.left() && a.id < b.id);
    });

    bool found = false;
    for (qsizetype i = 0; i < items.size(); ++i) {
        for (qsizetype j = i + 1; j < items.size(); ++j) {
            if (items.at(j).rect.left() >= items.at(i).rect.right())
                break;
            if (!items.at(i).rect.intersects(items.at(j).rect))
                continue;
            found = true;
            if (!overlapping)
                return true;
            // One entry per overlapping pair, "a overlaps b", for messages and tests.
            overlapping->append(items.at(i).id + QStringLiteral(" overlaps ") + items.at(j).id);
        }
    }
    return found;
}

} // namespace EnvDeck::Diagram
