// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiagramBenchGraph.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace EnvDeck::DiagramBench {

using namespace Diagram;

namespace {

constexpr int platformModules = 6;
constexpr int nestedPerPlatform = 8;

class Generator
{
public:
    Generator(int nodes, quint32 seed)
        : m_target(nodes)
        , m_random(seed)
    {}

    BenchGraph run();

private:
    const Node &add(QString id, NodeKind kind, QString parent = {}, QString module = {})
    {
        Node node;
        node.label = id.section(QLatin1Char('.'), -1);
        node.id = std::move(id);
        node.kind = kind;
        node.parent = std::move(parent);
        node.module = std::move(module);
        // Roughly what the scene measures: the label's width, taller boxes for modules (they
        // show their source and version too).
        const double width = std::clamp(90.0 + 7.0 * double(node.label.size()), 120.0, 260.0);
        m_result.sizes.insert(node.id, QSizeF(width, kind == NodeKind::Module ? 52 : 40));
        m_result.graph.nodes.append(node);
        return m_result.graph.nodes.last();
    }
    void connect(const QString &from, const QString &to, EdgeKind kind)
    {
        const Edge edge{from, to, kind, {}};
        if (from != to && !m_edgeIds.contains(edge.id())) {
            m_edgeIds.insert(edge.id());
            m_result.graph.edges.append(edge);
        }
    }
    bool chance(double probability) { return m_random.generateDouble() < probability; }
    int pick(int below) { return int(m_random.bounded(qMax(1, below))); }

    int m_target;
    QRandomGenerator m_random;
    BenchGraph m_result;
    QSet<QString> m_edgeIds;
};

BenchGraph Generator::run()
{
    static const char *const areas[] = {"network", "dns",     "cluster",  "ingress", "monitoring",
                                        "logging", "billing", "identity", "storage", "queue"};
    const int inputs = qMax(1, m_target / 25);
    const int topLevel = qMax(platformModules + 1, m_target * 3 / 10);

    QStringList inputIds;
    for (int i = 0; i < inputs; ++i)
        inputIds.append(add(QStringLiteral("var.%1_%2").arg(QLatin1String(areas[i % 10])).arg(i),
                            NodeKind::Input)
                            .id);

    QStringList modules; // every module call, the order they are written in
    QStringList topModules;
    for (int i = 0; i < topLevel; ++i) {
        const QString id = QStringLiteral("module.%1_%2").arg(QLatin1String(areas[i % 10])).arg(i);
        add(id, NodeKind::Module);
        modules.append(id);
        topModules.append(id);
        // The platform modules sit at regular places among the others and nest modules.
        if (i % (topLevel / platformModules) == 0
            && i / (topLevel / platformModules) < platformModules) {
            m_result.clusters++;
            QString previous;
            for (int n = 0; n < nestedPerPlatform; ++n) {
                const QString nested
                    = id + QStringLiteral(".module.%1").arg(QLatin1String(areas[(i + n) % 10]));
                add(nested, NodeKind::Module, id, id);
                modules.append(nested);
                connect(id, nested, EdgeKind::Contains);
                if (!previous.isEmpty() && chance(0.5))
                    connect(previous, nested, EdgeKind::Reference);
                previous = nested;
            }
        }
        // Inputs on the left, references to modules written shortly before.
        if (chance(0.8))
            connect(inputIds.at(pick(inputs)), id, EdgeKind::Input);
        if (chance(0.35))
            connect(inputIds.at(pick(inputs)), id, EdgeKind::Input);
        if (i > 0 && chance(0.85))
            connect(topModules.at(qMax(0, i - 1 - pick(30))), id, EdgeKind::Reference);
        if (i > 0 && chance(0.45))
            connect(topModules.at(qMax(0, i - 1 - pick(30))), id, EdgeKind::Reference);
        if (i > 0 && chance(0.05))
            connect(topModules.at(pick(i)), id, EdgeKind::DependsOn);
    }

    // The rest are the Helm releases, secrets and config maps the modules create; those of a
    // nested module are drawn in its platform module's cluster.
    for (int n = 0; int(m_result.graph.nodes.size()) < m_target; ++n) {
        const Node *owner = m_result.graph.node(modules.at(pick(int(modules.size()))));
        const QString ownerId = owner->id;
        const QString cluster = owner->parent;
        const int kind = pick(10);
        const NodeKind nodeKind = kind < 6   ? NodeKind::HelmRelease
                                  : kind < 9 ? NodeKind::Secret
                                             : NodeKind::ConfigMap;
        const char *type = kind < 6   ? "helm_release"
                           : kind < 9 ? "kubernetes_secret"
                                      : "kubernetes_config_map";
        const QString id = ownerId
                           + QStringLiteral(".%1.%2_%3")
                                 .arg(QLatin1String(type), QLatin1String(areas[n % 10]))
                                 .arg(n);
        add(id, nodeKind, cluster, ownerId);
        connect(ownerId, id, EdgeKind::Contains);
    }

    std::sort(m_result.graph.edges.begin(), m_result.graph.edges.end(),
              [](const Edge &a, const Edge &b) { return a.id() < b.id(); });
    m_result.graph.environment = QStringLiteral("bench");
    return std::move(m_result);
}

} // namespace

BenchGraph makeBenchGraph(int nodes, quint32 seed)
{
    return Generator(nodes, seed).run();
}

bool runDotCli(const QString &dot, const QString &format, const QByteArray &text,
               QByteArray *output, int timeoutMs)
{
    QProcess process;
    process.start(dot, {QStringLiteral("-T") + format});
    if (!process.waitForStarted())
        return false;
    process.write(text);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        return false;
    const QByteArray written = process.readAllStandardOutput();
    if (output)
        *output = written;
    return !written.isEmpty();
}

} // namespace EnvDeck::DiagramBench
