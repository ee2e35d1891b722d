// SPDX-License-Identifier: GPL-3.0-or-later
// Layout by Graphviz dot, always as a separate program: its licence (EPL-1.0) does not mix with
// EnvDeck's GPL-3.0, so it is never linked; we write DOT text and read `dot -Tjson0` back.
#include "diagram/DiagramLogging.h"
#include "diagram/GraphLayout.h"
#include "diagram/LayoutSupport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace EnvDeck::Diagram {

using namespace LayoutSupport;

namespace {

constexpr double pointsPerInch = 72.0;

// The name dot reports for a quoted string we wrote: in a DOT quoted string only \" is an
// escape, a pair of backslashes stays two backslashes. Line breaks are written as \n so a
// backslash never ends up before a real newline (dot would drop both).
QString reportedName(const QString &id)
{
    QString name;
    name.reserve(id.size() + 8);
    for (const QChar c : id) {
        if (c == QLatin1Char('\\'))
            name += QStringLiteral("\\\\");
        else if (c == QLatin1Char('\n'))
            name += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r'))
            name += QStringLiteral("\\r");
        else
            name += c;
    }
    return name;
}

QByteArray quoted(const QString &id)
{
    QString text = reportedName(id);
    text.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return '"' + text.toUtf8() + '"';
}

QByteArray inches(double pixels)
{
    // Enough digits that width * 72 gives the scene's size back exactly.
    return QByteArray::number(pixels / pointsPerInch, 'g', 12);
}

struct DotWriter
{
    const Graph &graph;
    const SizeMap &sizes;
    QHash<QString, QStringList> membersOf;  // cluster id ("" = top) -> node ids, in graph order
    QHash<QString, QStringList> clustersIn; // cluster id ("" = top) -> nested cluster ids
    QByteArray out;

    void writeNode(const QString &id, int depth)
    {
        const QSizeF size = nodeSize(sizes, id);
        out += QByteArray(depth * 2, ' ') + quoted(id) + " [width=" + inches(size.width())
               + " height=" + inches(size.height()) + "];\n";
    }

    void writeContents(const QString &cluster, int depth)
    {
        for (const QString &id : membersOf.value(cluster))
            writeNode(id, depth);
        for (const QString &nested : clustersIn.value(cluster)) {
            const QByteArray indent(depth * 2, ' ');
            out += indent + "subgraph " + quoted(QStringLiteral("cluster_") + nested) + " {\n";
            writeContents(nested, depth + 1);
            out += indent + "}\n";
        }
    }
};

bool parsePoint(QStringView text, QPointF *point)
{
    const qsizetype comma = text.indexOf(QLatin1Char(','));
    if (comma < 0)
        return false;
    bool okX = false;
    bool okY = false;
    const double x = text.left(comma).toDouble(&okX);
    const double y = text.mid(comma + 1).toDouble(&okY);
    *point = QPointF(x, y);
    return okX && okY;
}

bool parseBox(const QString &text, QRectF *box)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4)
        return false;
    double v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts.at(i).toDouble(&ok);
        if (!ok)
            return false;
    }
    *box = QRectF(QPointF(v[0], v[1]), QPointF(v[2], v[3]));
    return true;
}

// dot's "pos" of an edge: "[s,x,y] [e,x,y] p0 c1 c2 p1 ...", several splines separated by ';'
// (only with concentrate, which we do not use: the first one is the edge). Returns the path in
// dot's coordinates with the arrow's start and end joined on as straight segments, so the path
// touches both borders.
std::optional<QList<QPointF>> parseEdgePath(const QString &pos)
{
    const QString first = pos.section(QLatin1Char(';'), 0, 0);
    std::optional<QPointF> start;
    std::optional<QPointF> end;
    QList<QPointF> spline;
    for (const QString &token : first.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QPointF point;
        if (token.startsWith(QLatin1String("s,")) || token.startsWith(QLatin1String("e,"))) {
            if (!parsePoint(QStringView(token).mid(2), &point))
                return std::nullopt;
            (token.at(0) == QLatin1Char('s') ? start : end) = point;
            continue;
        }
        if (!parsePoint(token, &point))
            return std::nullopt;
        spline.append(point);
    }
    if (spline.size() < 4 || (spline.size() - 1) % 3 != 0)
        return std::nullopt;
    QList<QPointF> path;
    if (start) {
        path.append(*start);
        appendStraight(path, *start, spline.first());
        path.append(spline.mid(1));
    } else {
        path = spline;
    }
    if (end)
        appendStraight(path, path.last(), *end);
    return path;
}

Error dotError(const QString &reason)
{
    return Error(tr("dot's output cannot be read: %1").arg(reason));
}

} // namespace

QByteArray toDot(const Graph &graph, const SizeMap &sizes, const LayoutOptions &options)
{
    const QHash<QString, QString> parents = effectiveParents(graph);
    const QHash<QString, QString> nesting = clusterParents(parents);

    DotWriter writer{graph, sizes, {}, {}, {}};
    for (const Node &node : graph.nodes)
        writer.membersOf[parents.value(node.id)].append(node.id);
    QStringList clusters = nesting.keys();
    clusters.sort(); // QHash order changes from run to run; dot's layout follows input order
    for (const QString &cluster : std::as_const(clusters))
        writer.clustersIn[nesting.value(cluster)].append(cluster);

    QByteArray &out = writer.out;
    out.reserve(128 + graph.nodes.size() * 80 + graph.edges.size() * 120);
    out += "digraph \"envdeck\" {\n";
    // newrank: rank the whole graph at once; otherwise dot ranks each cluster on its own and an
    // edge from a cluster's member to the outside can end up within one rank, pointing nowhere.
    out += "  graph [rankdir=" + QByteArray(options.leftToRight ? "LR" : "TB")
           + " nodesep=" + inches(options.nodeSeparation)
           + " ranksep=" + inches(options.rankSeparation) + " splines=spline newrank=true];\n";
    // No labels: the scene draws them; dot only needs the boxes' sizes (and skips font metrics).
    out += "  node [shape=box fixedsize=true label=\"\"];\n";
    writer.writeContents(QString(), 1);

    QSet<QString> ids;
    for (const Node &node : graph.nodes)
        ids.insert(node.id);
    for (const Edge &edge : graph.edges) {
        if (!hasBothEnds(ids, edge))
            continue;
        out += "  " + quoted(edge.from) + " -> " + quoted(edge.to) + " [id=" + quoted(edge.id())
               + "];\n";
    }
    out += "}\n";
    return out;
}

Result<Layout> parseDotJson(const QByteArray &json, const Graph &graph)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return dotError(
            tr("not JSON (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return dotError(tr("not a JSON object"));
    const QJsonObject root = document.object();

    QRectF box;
    if (!parseBox(root.value(QLatin1String("bb")).toString(), &box))
        return dotError(tr("no bounding box \"bb\""));
    // dot's y grows upwards from the bottom of its bounding box; the scene's grows downwards.
    const double top = box.bottom();
    const auto flip = [top](QPointF p) { return QPointF(p.x(), top - p.y()); };

    const QJsonValue objectsValue = root.value(QLatin1String("objects"));
    if (!objectsValue.isUndefined() && !objectsValue.isArray())
        return dotError(tr("\"objects\" is not a list"));
    const QJsonArray objects = objectsValue.toArray();
    QHash<QString, QJsonObject> byName;
    QHash<int, QString> nameByGvid;
    for (const QJsonValue &value : objects) {
        const QJsonObject object = value.toObject();
        const QString name = object.value(QLatin1String("name")).toString();
        byName.insert(name, object);
        nameByGvid.insert(object.value(QLatin1String("_gvid")).toInt(-1), name);
    }

    Layout layout;
    layout.engine = QStringLiteral("dot");
    layout.nodes.reserve(graph.nodes.size());
    for (const Node &node : graph.nodes) {
        const auto it = byName.constFind(reportedName(node.id));
        if (it == byName.constEnd())
            return dotError(tr("node \"%1\" is missing").arg(node.id));
        QPointF center;
        if (!parsePoint(it->value(QLatin1String("pos")).toString(), &center))
            return dotError(tr("node \"%1\" has no position").arg(node.id));
        const auto inchesOf = [&it](const char *key, bool *ok) {
            // dot writes attributes as strings; a number is read as well.
            const QJsonValue value = it->value(QLatin1String(key));
            *ok = value.isDouble();
            return value.isDouble() ? value.toDouble() : value.toString().toDouble(ok);
        };
        bool okWidth = false;
        bool okHeight = false;
        const double width = inchesOf("width", &okWidth);
        const double height = inchesOf("height", &okHeight);
        if (!okWidth || !okHeight || width <= 0 || height <= 0)
            return dotError(tr("node \"%1\" has no size").arg(node.id));
        const QSizeF size(width * pointsPerInch, height * pointsPerInch);
        QRectF rect(QPointF(), size);
        rect.moveCenter(flip(center));
        layout.nodes.insert(node.id, rect);
    }

    const QHash<QString, QString> nesting = clusterParents(effectiveParents(graph));
    for (auto it = nesting.constBegin(); it != nesting.constEnd(); ++it) {
        const auto object = byName.constFind(reportedName(QStringLiteral("cluster_") + it.key()));
        QRectF clusterBox;
        if (object == byName.constEnd()
            || !parseBox(object->value(QLatin1String("bb")).toString(), &clusterBox))
            return dotError(tr("cluster \"%1\" is missing").arg(it.key()));
        layout.clusters.insert(
            it.key(),
            QRectF(flip(clusterBox.topLeft()), flip(clusterBox.bottomRight())).normalized());
    }

    QHash<QString, QString> edgeIdByName;
    QSet<QString> ids;
    for (const Node &node : graph.nodes)
        ids.insert(node.id);
    for (const Edge &edge : graph.edges) {
        if (hasBothEnds(ids, edge))
            edgeIdByName.insert(reportedName(edge.id()), edge.id());
    }
    const QJsonValue edgesValue = root.value(QLatin1String("edges"));
    if (!edgesValue.isUndefined() && !edgesValue.isArray())
        return dotError(tr("\"edges\" is not a list"));
    for (const QJsonValue &value : edgesValue.toArray()) {
        const QJsonObject object = value.toObject();
        const QString id = edgeIdByName.value(object.value(QLatin1String("id")).toString());
        if (id.isEmpty())
            continue; // not one of ours (a caller's hand-written DOT may add edges)
        const auto path = parseEdgePath(object.value(QLatin1String("pos")).toString());
        if (!path)
            return dotError(tr("edge \"%1\" has a malformed path").arg(id));
        QList<QPointF> flipped;
        flipped.reserve(path->size());
        for (const QPointF &point : *path)
            flipped.append(flip(point));
        layout.edges.insert(id, flipped);
    }
    for (auto it = edgeIdByName.constBegin(); it != edgeIdByName.constEnd(); ++it) {
        if (!layout.edges.contains(it.value()))
            return dotError(tr("edge \"%1\" is missing").arg(it.value()));
    }

    layout.bounds = QRectF(flip(box.topLeft()), flip(box.bottomRight())).normalized();
    for (const QRectF &rect : std::as_const(layout.nodes))
        layout.bounds |= rect;
    for (const QRectF &rect : std::as_const(layout.clusters))
        layout.bounds |= rect;
    return layout;
}

Result<Layout> dotLayout(const Graph &graph, const SizeMap &sizes, const LayoutOptions &options)
{
    const QString program = findDot(options);
    if (program.isEmpty())
        return Error(tr("Graphviz's dot was not found (\"%1\")").arg(options.dotProgram));

    QElapsedTimer timer;
    timer.start();
    const QByteArray dot = toDot(graph, sizes, options);
    const QString seconds = QString::number(options.timeoutMs / 1000.0);

    // A timeout of zero or less means no limit (the benchmark's huge graphs); -1 is forever.
    const QDeadlineTimer deadline = options.timeoutMs > 0 ? QDeadlineTimer(options.timeoutMs)
                                                          : QDeadlineTimer(QDeadlineTimer::Forever);
    const auto remaining = [&deadline] {
        return deadline.isForever() ? -1 : int(qMax<qint64>(1, deadline.remainingTime()));
    };

    QProcess process;
    process.start(program, {QStringLiteral("-Tjson0")});
    if (!process.waitForStarted(remaining()))
        return Error(tr("dot could not start (%1): %2").arg(program, process.errorString()));
    process.write(dot);
    process.closeWriteChannel();
    if (!process.waitForFinished(remaining())) {
        process.kill();
        process.waitForFinished(1000);
        qCWarning(lcDiagram) << "dot did not finish within" << options.timeoutMs << "ms on"
                             << graph.nodes.size() << "nodes";
        return Error(tr("dot took longer than %1 s").arg(seconds));
    }
    const QString errors = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit)
        return Error(tr("dot crashed: %1").arg(errors.isEmpty() ? process.errorString() : errors));
    if (process.exitCode() != 0)
        return Error(tr("dot failed with exit code %1: %2").arg(process.exitCode()).arg(errors));
    const qint64 ranMs = timer.elapsed();

    Result<Layout> layout = parseDotJson(process.readAllStandardOutput(), graph);
    if (!layout)
        return layout;
    qCDebug(lcDiagram) << "dot laid out" << graph.nodes.size() << "nodes and"
                       << layout->edges.size() << "edges in" << ranMs << "ms, read in"
                       << timer.elapsed() - ranMs << "ms";
    return layout;
}

} // namespace EnvDeck::Diagram
