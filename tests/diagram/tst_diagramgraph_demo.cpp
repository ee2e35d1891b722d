// SPDX-License-Identifier: GPL-3.0-or-later
// The demo repository's environments, with the expected graphs derived from what the generator
// writes (models/demo/TerraformEnvironment.cpp and ModuleTemplates*.cpp).
#include "tst_diagramgraph.h"

#include "diagram/Graph.h"
#include "diagram/GraphCompare.h"

#include <QTest>

#include <algorithm>
#include <utility>

using namespace EnvDeck;
using namespace EnvDeck::Diagram;

namespace {

// The team's services in the order modules/services declares their releases, and the two
// integration services of modules/integrations.
const QStringList &services()
{
    static const QStringList names{
        QStringLiteral("api_gateway"), QStringLiteral("billing"),   QStringLiteral("orders"),
        QStringLiteral("catalog"),     QStringLiteral("identity"),  QStringLiteral("notifications"),
        QStringLiteral("search"),      QStringLiteral("reporting"), QStringLiteral("web_frontend"),
        QStringLiteral("worker"),      QStringLiteral("payments"),  QStringLiteral("inventory")};
    return names;
}

const QStringList &integrationServices()
{
    static const QStringList names{QStringLiteral("erp_connector"), QStringLiteral("sftp_bridge")};
    return names;
}

const QStringList &rootVariables()
{
    // variables.tf; postgres_sku because every demo environment has the postgres module
    static const QStringList names{
        QStringLiteral("environment"),     QStringLiteral("tier"),
        QStringLiteral("location"),        QStringLiteral("location_short"),
        QStringLiteral("address_space"),   QStringLiteral("kubernetes_version"),
        QStringLiteral("node_count"),      QStringLiteral("vm_size"),
        QStringLiteral("dns_zone"),        QStringLiteral("tenant_id"),
        QStringLiteral("subscription_id"), QStringLiteral("postgres_sku")};
    return names;
}

QString id(const QString &module)
{
    return QStringLiteral("module.") + module;
}

// Helm releases, then secrets and config maps, of one module call as its template writes them.
std::pair<QStringList, QStringList> createdBy(const QString &module)
{
    const QString prefix = id(module) + u'.';
    QStringList releases;
    QStringList secrets;
    if (module == u"platform") {
        for (const char *release : {"ingress_nginx", "cert_manager", "external_dns"})
            releases << prefix + QStringLiteral("helm_release.") + QLatin1String(release);
        secrets << prefix + QStringLiteral("kubernetes_secret.acme_contact");
    } else if (module == u"monitoring") {
        releases << prefix + QStringLiteral("helm_release.kube_prometheus_stack");
        secrets << prefix + QStringLiteral("kubernetes_config_map.alert_routes")
                << prefix + QStringLiteral("kubernetes_secret.oncall_webhook");
    } else if (module == u"services" || module == u"integrations") {
        for (const QString &service : module == u"services" ? services() : integrationServices()) {
            releases << prefix + QStringLiteral("helm_release.") + service;
            secrets << prefix + QStringLiteral("kubernetes_secret.") + service
                    << prefix + QStringLiteral("kubernetes_config_map.") + service;
        }
    }
    return {releases, secrets};
}

// The release that uses a secret or config map of `module`; empty when none or several do.
// releaseBlock() of TerraformRenderer.cpp: every service's release sets its own secret and
// config map as envFrom. The chart modules' secrets are used by no release.
QString userOf(const QString &module, const QString &secret)
{
    if (module != u"services" && module != u"integrations")
        return {};
    return id(module) + QStringLiteral(".helm_release.") + secret.section(u'.', -1);
}

QStringList expectedNodes(const QStringList &modules)
{
    QStringList nodes;
    QStringList secrets;
    for (const QString &module : modules)
        nodes << id(module);
    for (const QString &module : modules) {
        const auto [releases, created] = createdBy(module);
        nodes << releases;
        secrets << created;
    }
    nodes << secrets;
    for (const QString &variable : rootVariables())
        nodes << QStringLiteral("var.") + variable;
    return nodes;
}

struct Use
{
    const char *module; // the module call that uses it
    const char *from;   // the module or var it uses
    const char *labels; // outputs or arguments, comma separated; "" for depends_on
    EdgeKind kind;
};

// moduleArguments() and dependsOn() of TerraformEnvironment.cpp, for layouts with dns and
// postgres (all demo environments have both).
const QList<Use> &uses()
{
    static const QList<Use> table{
        {"network", "location", "location", EdgeKind::Input},
        {"network", "address_space", "address_space", EdgeKind::Input},
        {"dns", "dns_zone", "zone_name", EdgeKind::Input},
        {"dns", "network", "resource_group_name", EdgeKind::Reference},
        {"cluster", "location", "location", EdgeKind::Input},
        {"cluster", "network", "resource_group_name,subnet_ids", EdgeKind::Reference},
        {"cluster", "kubernetes_version", "kubernetes_version", EdgeKind::Input},
        {"cluster", "node_count", "node_count", EdgeKind::Input},
        {"cluster", "vm_size", "vm_size", EdgeKind::Input},
        {"key_vault", "location", "location", EdgeKind::Input},
        {"key_vault", "network", "resource_group_name", EdgeKind::Reference},
        {"key_vault", "tenant_id", "tenant_id", EdgeKind::Input},
        {"key_vault", "cluster", "kubelet_identity_object_id", EdgeKind::Reference},
        {"postgres", "location", "location", EdgeKind::Input},
        {"postgres", "network", "resource_group_name,subnet_ids", EdgeKind::Reference},
        {"postgres", "key_vault", "vault_id", EdgeKind::Reference},
        {"postgres", "postgres_sku", "sku_name", EdgeKind::Input},
        {"postgres", "key_vault", "", EdgeKind::DependsOn},
        {"redis", "location", "location", EdgeKind::Input},
        {"redis", "network", "resource_group_name", EdgeKind::Reference},
        {"redis", "tier", "sku_name", EdgeKind::Input},
        {"storage", "location", "location", EdgeKind::Input},
        {"storage", "network", "resource_group_name", EdgeKind::Reference},
        {"service_bus", "location", "location", EdgeKind::Input},
        {"service_bus", "network", "resource_group_name", EdgeKind::Reference},
        {"service_bus", "tier", "sku", EdgeKind::Input},
        {"platform", "cluster", "kube_config", EdgeKind::Reference},
        {"platform", "dns", "zone_name", EdgeKind::Reference},
        {"monitoring", "cluster", "kube_config", EdgeKind::Reference},
        {"monitoring", "environment", "environment", EdgeKind::Input},
        {"monitoring", "platform", "", EdgeKind::DependsOn},
        {"services", "cluster", "kube_config", EdgeKind::Reference},
        {"services", "environment", "environment", EdgeKind::Input},
        {"services", "key_vault", "secret_values,vault_uri", EdgeKind::Reference},
        {"services", "postgres", "connection_string", EdgeKind::Reference},
        {"services", "platform", "", EdgeKind::DependsOn},
        {"integrations", "cluster", "kube_config", EdgeKind::Reference},
        {"integrations", "environment", "environment", EdgeKind::Input},
        {"integrations", "key_vault", "secret_values,vault_uri", EdgeKind::Reference},
        {"integrations", "postgres", "connection_string", EdgeKind::Reference},
        {"integrations", "services", "", EdgeKind::DependsOn},
    };
    return table;
}

// "from->to:kind labels", sorted like Graph::edges.
QStringList expectedEdges(const QStringList &modules)
{
    QStringList edges;
    for (const Use &use : uses()) {
        const QString module = QLatin1String(use.module);
        if (!modules.contains(module))
            continue;
        const QString from = use.kind == EdgeKind::Input
                                 ? QStringLiteral("var.") + QLatin1String(use.from)
                                 : id(QLatin1String(use.from));
        edges << Edge{from, id(module), use.kind, {}}.id() + u' ' + QLatin1String(use.labels);
    }
    for (const QString &module : modules) {
        const auto [releases, secrets] = createdBy(module);
        for (const QString &created : releases)
            edges << Edge{id(module), created, EdgeKind::Contains, {}}.id() + u' ';
        // A secret one release uses hangs on that release instead of the module.
        for (const QString &secret : secrets) {
            const QString user = userOf(module, secret);
            edges << (user.isEmpty() ? Edge{id(module), secret, EdgeKind::Contains, {}}
                                     : Edge{user, secret, EdgeKind::Reference, {}})
                             .id()
                         + u' ';
        }
    }
    edges.sort();
    return edges;
}

QStringList edgeTexts(const Graph &graph)
{
    QStringList texts;
    for (const Edge &edge : graph.edges)
        texts << edge.id() + u' ' + edge.labels.join(u',');
    return texts;
}

QStringList demoModules(bool integrations)
{
    QStringList modules{
        QStringLiteral("network"),    QStringLiteral("dns"),         QStringLiteral("cluster"),
        QStringLiteral("key_vault"),  QStringLiteral("postgres"),    QStringLiteral("redis"),
        QStringLiteral("storage"),    QStringLiteral("service_bus"), QStringLiteral("platform"),
        QStringLiteral("monitoring"), QStringLiteral("services")};
    if (integrations)
        modules << QStringLiteral("integrations");
    return modules;
}

void addEnvironmentRows()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QStringList>("modules");
    // integrations run in staging and customer clusters only
    QTest::newRow("dev") << QStringLiteral("dev") << demoModules(false);
    QTest::newRow("staging") << QStringLiteral("staging") << demoModules(true);
    QTest::newRow("prod-eu") << QStringLiteral("prod-eu") << demoModules(false);
    QTest::newRow("prod-us") << QStringLiteral("prod-us") << demoModules(false);
    QTest::newRow("contoso") << QStringLiteral("contoso") << demoModules(true);
}

} // namespace

void TestDiagramGraph::demoNodes_data()
{
    addEnvironmentRows();
}

void TestDiagramGraph::demoNodes()
{
    QFETCH(QString, environment);
    QFETCH(QStringList, modules);
    const Environment *loaded = this->environment(environment);
    QVERIFY(loaded);
    const Graph graph = buildGraph(*loaded);
    QCOMPARE(graph.environment, environment);
    QVERIFY(graph.problems.isEmpty());
    QCOMPARE(graph.nodeIds(), expectedNodes(modules));
}

void TestDiagramGraph::demoEdges_data()
{
    addEnvironmentRows();
}

void TestDiagramGraph::demoEdges()
{
    QFETCH(QString, environment);
    QFETCH(QStringList, modules);
    const Environment *loaded = this->environment(environment);
    QVERIFY(loaded);
    const Graph graph = buildGraph(*loaded);
    QCOMPARE(edgeTexts(graph), expectedEdges(modules));
}

void TestDiagramGraph::demoDetails()
{
    const Environment *staging = environment(QStringLiteral("staging"));
    QVERIFY(staging);
    const Graph graph = buildGraph(*staging);

    const Node *cluster = graph.node(QStringLiteral("module.cluster"));
    QVERIFY(cluster);
    QCOMPARE(cluster->kind, NodeKind::Module);
    QCOMPARE(cluster->label, QStringLiteral("cluster"));
    QCOMPARE(cluster->source, QStringLiteral("../../modules/kubernetes-cluster"));
    QCOMPARE(cluster->shortSource, QStringLiteral("modules/kubernetes-cluster"));
    QCOMPARE(cluster->inputs.value(QStringLiteral("subnet_ids")),
             QStringLiteral("module.network.subnet_ids"));
    QCOMPARE(cluster->location.file, QStringLiteral("environments/staging/main.tf"));
    QVERIFY(cluster->version.isEmpty());
    QVERIFY(cluster->multiplicity.isEmpty());

    // Every component's release carries the version and place of versions.yaml, and its lock.
    int locked = 0;
    for (const ComponentVersion &component : staging->components) {
        const Node *release = nullptr;
        for (const Node &node : graph.nodes) {
            if (node.kind == NodeKind::HelmRelease && node.label == component.name)
                release = &node;
        }
        QVERIFY2(release, qPrintable(component.name));
        QCOMPARE(release->version, component.version);
        QCOMPARE(release->versionLocation, component.location);
        QCOMPARE(release->shortSource, QStringLiteral("chart ") + component.name);
        QCOMPARE(release->locked, component.locked);
        QCOMPARE(release->lockReason, component.lockReason);
        locked += component.locked ? 1 : 0;
    }
    QCOMPARE(locked, staging->lockedCount());
    QVERIFY(locked > 0); // the demo's staging holds a lock, so the check above means something

    const Node *secret = graph.node(QStringLiteral("module.services.kubernetes_secret.billing"));
    QVERIFY(secret);
    QCOMPARE(secret->kind, NodeKind::Secret);
    QCOMPARE(secret->module, QStringLiteral("module.services"));
    const Node *configMap
        = graph.node(QStringLiteral("module.monitoring.kubernetes_config_map.alert_routes"));
    QVERIFY(configMap);
    QCOMPARE(configMap->kind, NodeKind::ConfigMap);

    // Inputs: the type as written and the environment's tfvars value.
    const Node *zone = graph.node(QStringLiteral("var.dns_zone"));
    QVERIFY(zone);
    QCOMPARE(zone->kind, NodeKind::Input);
    QCOMPARE(zone->inputs.value(QStringLiteral("type")), QStringLiteral("string"));
    QCOMPARE(zone->inputs.value(QStringLiteral("value")), QStringLiteral("staging.example.io"));
    QCOMPARE(zone->inputs.value(QStringLiteral("value")),
             staging->terraform.tfvars.value(QStringLiteral("dns_zone")).value);
}

void TestDiagramGraph::comparesContosoWithProdEu()
{
    const Environment *contoso = environment(QStringLiteral("contoso"));
    const Environment *prodEu = environment(QStringLiteral("prod-eu"));
    QVERIFY(contoso && prodEu);
    const Graph ours = buildGraph(*contoso);
    const Graph theirs = buildGraph(*prodEu);
    const Comparison comparison = compareGraphs(ours, theirs);
    QCOMPARE(comparison.ours, QStringLiteral("contoso"));
    QCOMPARE(comparison.theirs, QStringLiteral("prod-eu"));

    // What the generator makes differ: the integrations module and what it creates, the
    // service versions contoso lags behind on, and the customer's own tfvars.
    QStringList expected;
    for (const QString &node : QStringList{QStringLiteral("module.integrations")}
                                   + createdBy(QStringLiteral("integrations")).first
                                   + createdBy(QStringLiteral("integrations")).second)
        expected << node + QStringLiteral(": added");
    for (const ComponentVersion &component : contoso->components) {
        for (const ComponentVersion &base : prodEu->components) {
            if (base.name != component.name || base.version == component.version)
                continue;
            const QString release = QString(component.name).replace(u'-', u'_');
            const QString module = base.thirdParty ? QString() : QStringLiteral("services");
            QVERIFY2(!module.isEmpty(), qPrintable(component.name)); // no third-party change
            expected << id(module) + QStringLiteral(".helm_release.") + release
                            + QStringLiteral(": version ") + base.version + QStringLiteral(" → ")
                            + component.version;
        }
    }
    for (const QString &variable : rootVariables()) {
        const QString mine = contoso->terraform.tfvars.value(variable).value;
        const QString base = prodEu->terraform.tfvars.value(variable).value;
        if (mine != base)
            expected << QStringLiteral("var.") + variable + QStringLiteral(": value ") + base
                            + QStringLiteral(" → ") + mine;
    }
    // differences are sorted by node id, the text before ": "
    std::sort(expected.begin(), expected.end(), [](const QString &a, const QString &b) {
        return a.section(QStringLiteral(": "), 0, 0) < b.section(QStringLiteral(": "), 0, 0);
    });

    QStringList texts;
    QStringList changed;
    for (const Difference &difference : comparison.differences) {
        texts << difference.text;
        if (difference.state == DiffState::Changed)
            changed << difference.nodeId + u' ' + difference.fields.join(u',');
    }
    QCOMPARE(texts, expected);
    // The generated layout: which nodes differ, exactly.
    const QStringList expectedChanged{
        QStringLiteral("module.services.helm_release.api_gateway version"),
        QStringLiteral("module.services.helm_release.billing version"),
        QStringLiteral("module.services.helm_release.catalog version"),
        QStringLiteral("module.services.helm_release.inventory version"),
        QStringLiteral("module.services.helm_release.orders version"),
        QStringLiteral("module.services.helm_release.reporting version"),
        QStringLiteral("module.services.helm_release.search version"),
        QStringLiteral("module.services.helm_release.web_frontend version"),
        QStringLiteral("var.address_space inputs"),
        QStringLiteral("var.dns_zone inputs"),
        QStringLiteral("var.environment inputs"),
        QStringLiteral("var.kubernetes_version inputs"),
        QStringLiteral("var.node_count inputs"),
        QStringLiteral("var.subscription_id inputs"),
        QStringLiteral("var.vm_size inputs")};
    QCOMPARE(changed, expectedChanged);
    QCOMPARE(comparison.stateOf(QStringLiteral("module.integrations")), DiffState::Added);
    QCOMPARE(comparison.stateOf(QStringLiteral("module.network")), DiffState::Same);
    QVERIFY(comparison.removedNodes.isEmpty());
    QVERIFY(comparison.removedEdges.isEmpty());

    // The other way round, the integrations are what was removed, edges included.
    const Comparison back = compareGraphs(theirs, ours);
    QCOMPARE(back.stateOf(QStringLiteral("module.integrations")), DiffState::Removed);
    QStringList removed;
    for (const Node &node : back.removedNodes)
        removed << node.id;
    QStringList expectedRemoved{QStringLiteral("module.integrations")};
    expectedRemoved << createdBy(QStringLiteral("integrations")).first
                    << createdBy(QStringLiteral("integrations")).second;
    QCOMPARE(removed, expectedRemoved);
    QStringList removedEdges;
    for (const Edge &edge : back.removedEdges)
        removedEdges << edge.id() + u' ' + edge.labels.join(u',');
    QStringList expectedEdges;
    for (const QString &edge : ::expectedEdges(demoModules(true))) {
        if (edge.contains(QLatin1String("integrations")))
            expectedEdges << edge;
    }
    QCOMPARE(removedEdges, expectedEdges);
}

void TestDiagramGraph::identicalGraphsHaveNoDifferences()
{
    for (const Environment &environment : m_demo->environments) {
        const Graph graph = buildGraph(environment);
        const Comparison comparison = compareGraphs(graph, buildGraph(environment));
        QVERIFY(!comparison.isEmpty());
        QVERIFY(comparison.differences.isEmpty());
        QVERIFY(comparison.removedNodes.isEmpty());
        QVERIFY(comparison.removedEdges.isEmpty());
    }
}
