// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The environment diagram as plain values: what an environment's root module is made of (module
// calls, the Helm releases and secrets they create, the environment's inputs) and how the parts
// refer to each other. Built from the Terraform model; GraphModel holds one and is the only
// source of truth the scene draws from.

#include "core/Result.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace EnvDeck {
struct Environment;
}

namespace EnvDeck::Diagram {

enum class NodeKind { Input, Module, HelmRelease, Secret, ConfigMap };
QString nodeKindName(NodeKind kind); // "input", "module", "helm_release", "secret", "config_map"

enum class EdgeKind {
    // module b uses module.a.x: from a to b, labels = the outputs used ("kube_config"); or a
    // release uses a secret or config map of its module: from the release, labels empty (the
    // secret then hangs on the release instead of the module when no other release uses it)
    Reference,
    DependsOn, // depends_on = [module.a] in b: from a to b
    Contains,  // a Helm release, secret or config map created inside a module: from the module
    Input,     // the environment's var.x used by a module: from the input to the module
};
QString edgeKindName(EdgeKind kind); // "reference", "depends_on", "contains", "input"

struct Node
{
    // Stable across reloads and environments, so two environments' graphs can be compared:
    // "module.network", "module.services.helm_release.billing", "helm_release.ingress" (root),
    // "module.platform.kubernetes_secret.acme_contact", "var.location".
    QString id;
    NodeKind kind = NodeKind::Module;
    QString label;  // what the node shows as its name: "network", "billing", "location"
    QString parent; // the enclosing module's node id for nested modules (a cluster); empty at top
    QString module; // the module call that creates a release or secret; empty for the root
    QString source; // module source as written (traced); for a release: repository/chart
    QString shortSource;            // one line for the node: "modules/network", "chart api-gateway"
    QString version;                // module version, git ref or release version; empty if none
    SourceLocation versionLocation; // where that version is written; invalid when unknown
    bool locked = false;            // the component is locked in the environment's versions file
    QString lockReason;
    QString multiplicity;          // "count = 3", "for_each = toset(var.names)"; empty when single
    QMap<QString, QString> inputs; // module inputs (name -> source text); input: "type", "value"
    SourceLocation location;       // the block that declares it
};

struct Edge
{
    QString from;
    QString to;
    EdgeKind kind = EdgeKind::Reference;
    QStringList labels; // Reference: the outputs used, sorted; Input: the module inputs using it

    // "from->to:kind", unique within a graph.
    QString id() const;
    friend bool operator==(const Edge &, const Edge &) = default;
};

struct Graph
{
    QString environment;
    QList<Node> nodes; // modules in the order written, then what they contain, then inputs
    QList<Edge> edges; // sorted by id()
    QList<Error> problems;

    const Node *node(const QString &id) const;
    QStringList nodeIds() const;
    QList<Edge> edgesFrom(const QString &id) const;
    QList<Edge> edgesTo(const QString &id) const;
};

// The environment's graph, from environment.terraform and environment.components (locks).
Graph buildGraph(const Environment &environment);

bool operator==(const Node &a, const Node &b);
inline bool operator!=(const Node &a, const Node &b)
{
    return !(a == b);
}

} // namespace EnvDeck::Diagram
