// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/Graph.h"

namespace EnvDeck::Diagram {

QString nodeKindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Input:
        return QStringLiteral("input");
    case NodeKind::Module:
        return QStringLiteral("module");
    case NodeKind::HelmRelease:
        return QStringLiteral("helm_release");
    case NodeKind::Secret:
        return QStringLiteral("secret");
    case NodeKind::ConfigMap:
        return QStringLiteral("config_map");
    }
    return {};
}

QString edgeKindName(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::Reference:
        return QStringLiteral("reference");
    case EdgeKind::DependsOn:
        return QStringLiteral("depends_on");
    case EdgeKind::Contains:
        return QStringLiteral("contains");
    case EdgeKind::Input:
        return QStringLiteral("input");
    }
    return {};
}

QString Edge::id() const
{
    return from + QStringLiteral("->") + to + QLatin1Char(':') + edgeKindName(kind);
}

const Node *Graph::node(const QString &id) const
{
    for (const Node &candidate : nodes) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

QStringList Graph::nodeIds() const
{
    QStringList ids;
    ids.reserve(nodes.size());
    for (const Node &node : nodes)
        ids.append(node.id);
    return ids;
}

QList<Edge> Graph::edgesFrom(const QString &id) const
{
    QList<Edge> found;
    for (const Edge &edge : edges) {
        if (edge.from == id)
            found.append(edge);
    }
    return found;
}

QList<Edge> Graph::edgesTo(const QString &id) const
{
    QList<Edge> found;
    for (const Edge &edge : edges) {
        if (edge.to == id)
            found.append(edge);
    }
    return found;
}

bool operator==(const Node &a, const Node &b)
{
    return a.id == b.id && a.kind == b.kind && a.label == b.label && a.parent == b.parent
        && a.module == b.module && a.source == b.source && a.shortSource == b.shortSource
        && a.version == b.version && a.versionLocation == b.versionLocation
        && a.locked == b.locked && a.lockReason == b.lockReason
        && a.multiplicity == b.multiplicity && a.inputs == b.inputs && a.location == b.location;
}

} // namespace EnvDeck::Diagram
