// SPDX-License-Identifier: GPL-3.0-or-later
// buildGraph(): the environment diagram's nodes and edges, from the Terraform model.
#include "diagram/Graph.h"

#include "repo/Environment.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace EnvDeck::Diagram {
namespace {

using Terraform::ModuleCall;
using Terraform::SourceKind;

// "platform.inner" (a module path of the Terraform model) -> "module.platform.module.inner"
QString moduleNodeId(const QString &modulePath)
{
    if (modulePath.isEmpty())
        return {};
    return QStringLiteral("module.") + modulePath.split(QLatin1Char('.')).join(u".module.");
}

// "module.services.helm_release.billing"; the address alone for the root module's resources
QString resourceNodeId(const QString &modulePath, const QString &address)
{
    const QString module = moduleNodeId(modulePath);
    return module.isEmpty() ? address : module + u'.' + address;
}

// The resource's own name: "billing" of "helm_release.billing".
QString resourceLabel(const QString &address)
{
    return address.section(QLatin1Char('.'), 1);
}

// "git::https://github.com/acme/modules.git//network?ref=v1" -> "github.com/acme/modules"
QString gitHostPath(const QString &source)
{
    QString rest = source;
    if (rest.startsWith(QLatin1String("git::")))
        rest.remove(0, 5);
    rest = rest.section(QLatin1Char('?'), 0, 0); // ?ref=, ?version=
    const qsizetype scheme = rest.indexOf(QLatin1String("://"));
    if (scheme >= 0)
        rest.remove(0, scheme + 3);
    if (const qsizetype subdir = rest.indexOf(QLatin1String("//")); subdir >= 0)
        rest.truncate(subdir);
    // git@github.com:acme/modules (scp-like) and ssh://git@host/path: drop the user
    if (const qsizetype at = rest.indexOf(QLatin1Char('@'));
        at >= 0 && at < rest.indexOf(QLatin1Char('/')))
        rest.remove(0, at + 1);
    if (scheme < 0) {
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        if (colon >= 0 && colon < rest.indexOf(QLatin1Char('/')))
            rest[colon] = QLatin1Char('/');
    }
    if (rest.endsWith(QLatin1String(".git")))
        rest.chop(4);
    return rest;
}

// "registry.terraform.io/acme/network/azurerm//sub" or "tfr:///acme/network/azurerm?version=1"
// -> "acme/network/azurerm"
QString registryAddress(const QString &source)
{
    QString rest = source;
    if (rest.startsWith(QLatin1String("tfr://")))
        rest.remove(0, 6);
    rest = rest.section(QLatin1Char('?'), 0, 0); // ?ref=, ?version=
    if (const qsizetype subdir = rest.indexOf(QLatin1String("//"), 1); subdir >= 0)
        rest.truncate(subdir);
    QStringList parts = rest.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() == 4)
        parts.removeFirst(); // the registry host
    return parts.join(QLatin1Char('/'));
}

QString shortSourceOf(const ModuleCall &call)
{
    switch (call.sourceKind) {
    case SourceKind::Local:
        return call.localPath;
    case SourceKind::Registry:
        return QStringLiteral("registry: ") + registryAddress(call.source);
    case SourceKind::Git:
        return QStringLiteral("git: ") + gitHostPath(call.source);
    case SourceKind::Http:
    case SourceKind::Other:
        break;
    }
    return call.source;
}

QString multiplicityOf(const QString &count, const QString &forEach)
{
    if (!count.isEmpty())
        return QStringLiteral("count = ") + count;
    if (!forEach.isEmpty())
        return QStringLiteral("for_each = ") + forEach;
    return {};
}

Node moduleNode(const ModuleCall &call)
{
    Node node;
    const QString path = call.parent.isEmpty() ? call.name : call.parent + u'.' + call.name;
    node.id = moduleNodeId(path);
    node.kind = NodeKind::Module;
    node.label = call.name;
    node.parent = moduleNodeId(call.parent);
    node.source = call.source;
    node.shortSource = shortSourceOf(call);
    if (!call.version.isEmpty()) {
        node.version = call.version;
        node.versionLocation = call.tracedVersion.location;
    } else if (!call.ref.isEmpty()) {
        node.version = call.ref;
        node.versionLocation = call.tracedRef.location;
    }
    node.multiplicity = multiplicityOf(call.count, call.forEach);
    node.inputs = call.inputs;
    node.location = call.location;
    return node;
}

Node releaseNode(const Terraform::HelmRelease &release, const Environment &environment)
{
    Node node;
    node.module = moduleNodeId(release.module);
    node.id = resourceNodeId(release.module, release.address);
    node.kind = NodeKind::HelmRelease;
    node.label = release.name.isEmpty() ? resourceLabel(release.address) : release.name;
    node.source
        = release.repository.isEmpty() ? release.chart : release.repository + u'/' + release.chart;
    node.shortSource = QStringLiteral("chart ") + release.chart;
    if (release.hasVersion) {
        node.version = release.version.value;
        node.versionLocation = release.version.location;
    }
    for (const ComponentVersion &component : environment.components) {
        const bool sameVersion
            = node.versionLocation.isValid() && component.location == node.versionLocation;
        if (component.locked && (sameVersion || component.name == release.name)) {
            node.locked = true;
            node.lockReason = component.lockReason;
            break;
        }
    }
    node.multiplicity = multiplicityOf(release.count, release.forEach);
    node.location = release.location;
    return node;
}

Node secretNode(const Terraform::SecretResource &secret)
{
    Node node;
    node.module = moduleNodeId(secret.module);
    node.id = resourceNodeId(secret.module, secret.address);
    node.kind = secret.type.startsWith(QLatin1String("kubernetes_config_map")) ? NodeKind::ConfigMap
                                                                               : NodeKind::Secret;
    node.label = secret.name.isEmpty() ? resourceLabel(secret.address) : secret.name;
    node.source = secret.type;
    node.shortSource = secret.type;
    node.multiplicity = multiplicityOf(secret.count, secret.forEach);
    node.location = secret.location;
    return node;
}

Node inputNode(const Terraform::Variable &variable, const Terraform::RootModule &root)
{
    Node node;
    node.id = QStringLiteral("var.") + variable.name;
    node.kind = NodeKind::Input;
    node.label = variable.name;
    node.inputs.insert(QStringLiteral("type"), variable.type);
    const auto assigned = root.tfvars.constFind(variable.name);
    const bool fromTfvars = assigned != root.tfvars.cend() && assigned->found();
    node.inputs.insert(QStringLiteral("value"),
                       fromTfvars ? assigned->value : variable.defaultValue.value);
    node.location = variable.location;
    return node;
}

// Edges keyed by id, so the same pair found twice merges its labels.
class EdgeSet
{
public:
    void add(const QString &from, const QString &to, EdgeKind kind, const QStringList &labels)
    {
        Edge edge{from, to, kind, {}};
        Edge &stored = m_edges[edge.id()];
        if (stored.from.isEmpty())
            stored = edge;
        stored.labels << labels;
    }

    QList<Edge> sorted() const
    {
        QList<Edge> edges;
        for (Edge edge : m_edges) {
            edge.labels.sort();
            edge.labels.removeDuplicates();
            edges << edge;
        }
        std::sort(edges.begin(), edges.end(),
                  [](const Edge &a, const Edge &b) { return a.id() < b.id(); });
        return edges;
    }

private:
    QHash<QString, Edge> m_edges;
};

} // namespace

Graph buildGraph(const Environment &environment)
{
    const Terraform::RootModule &root = environment.terraform;
    Graph graph;
    graph.environment = environment.name;
    graph.problems = root.problems;

    QList<const ModuleCall *> calls;
    for (const ModuleCall &call : root.modules)
        calls << &call;
    for (const ModuleCall &call : root.nestedModules)
        calls << &call;

    QSet<QString> ids;
    const auto addNode = [&](const Node &node) {
        // Two blocks with the same address are a Terraform error; the first one is drawn.
        if (ids.contains(node.id))
            return;
        ids.insert(node.id);
        graph.nodes << node;
    };
    for (const ModuleCall *call : std::as_const(calls))
        addNode(moduleNode(*call));
    for (const Terraform::HelmRelease &release : root.helmReleases)
        addNode(releaseNode(release, environment));
    for (const Terraform::SecretResource &secret : root.secrets)
        addNode(secretNode(secret));
    for (const Terraform::Variable &variable : root.variables)
        addNode(inputNode(variable, root));

    EdgeSet edges;
    static const QRegularExpression variableUse(QStringLiteral(R"((?<![\w.])var\.(\w+))"));
    for (const ModuleCall *call : std::as_const(calls)) {
        const Node to = moduleNode(*call);
        // module.x inside a module means a call of that same module
        const QString scope
            = call->parent.isEmpty() ? QString() : moduleNodeId(call->parent) + u'.';
        for (auto it = call->usedOutputs.cbegin(); it != call->usedOutputs.cend(); ++it) {
            const QString from = scope + it.key();
            if (ids.contains(from) && from != to.id)
                edges.add(from, to.id, EdgeKind::Reference, it.value());
        }
        for (const QString &target : call->dependsOn) {
            const QString from = scope + target;
            if (ids.contains(from) && from != to.id)
                edges.add(from, to.id, EdgeKind::DependsOn, {});
        }
        if (!call->parent.isEmpty())
            continue; // var.x of a called module is its own variable, not the environment's
        QMap<QString, QString> uses = call->inputs;
        if (!call->count.isEmpty())
            uses.insert(QStringLiteral("count"), call->count);
        if (!call->forEach.isEmpty())
            uses.insert(QStringLiteral("for_each"), call->forEach);
        for (auto input = uses.cbegin(); input != uses.cend(); ++input) {
            for (auto match = variableUse.globalMatch(input.value()); match.hasNext();) {
                const QString from = QStringLiteral("var.") + match.next().captured(1);
                if (ids.contains(from))
                    edges.add(from, to.id, EdgeKind::Input, {input.key()});
            }
        }
    }
    // Secret or config map node id -> the releases of its module that use it.
    QHash<QString, QStringList> usedBy;
    for (const Terraform::HelmRelease &release : root.helmReleases) {
        const QString releaseId = resourceNodeId(release.module, release.address);
        for (const QString &address : release.references) {
            const QString secretId = resourceNodeId(release.module, address);
            QStringList &users = usedBy[secretId];
            if (ids.contains(secretId) && !users.contains(releaseId))
                users << releaseId;
        }
    }
    for (const Node &node : std::as_const(graph.nodes)) {
        const QStringList users = usedBy.value(node.id);
        for (const QString &user : users)
            edges.add(user, node.id, EdgeKind::Reference, {});
        // A secret only one release uses hangs on that release, not on the module: a module
        // with a dozen releases would otherwise draw one long column of boxes.
        if (users.size() == 1)
            continue;
        if (!node.module.isEmpty() && ids.contains(node.module))
            edges.add(node.module, node.id, EdgeKind::Contains, {});
    }
    graph.edges = edges.sorted();
    return graph;
}

} // namespace EnvDeck::Diagram
