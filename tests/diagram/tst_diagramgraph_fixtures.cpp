// SPDX-License-Identifier: GPL-3.0-or-later
// Small hand-written root modules for what the demo repository does not write.
#include "tst_diagramgraph.h"

#include "GitFixture.h"

#include "diagram/Graph.h"
#include "diagram/GraphCompare.h"
#include "terraform/TerraformModel.h"

#include <QTest>

using namespace EnvDeck;
using namespace EnvDeck::Diagram;

namespace {

// The environment "env" whose root module is env/main.tf with `mainTf`; extra files are written
// as given (path -> contents).
Environment writeEnvironment(const QString &root, const QByteArray &mainTf,
                             const QHash<QString, QByteArray> &extra = {},
                             const QString &folder = QStringLiteral("env"))
{
    GitFixture files(root);
    Environment environment;
    environment.name = folder;
    environment.path = folder;
    if (!files.write(folder + QStringLiteral("/main.tf"), mainTf))
        return environment;
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        if (!files.write(it.key(), it.value()))
            return environment;
    }
    environment.terraform = Terraform::readRootModule(root, folder);
    return environment;
}

QStringList edgeTexts(const Graph &graph)
{
    QStringList texts;
    for (const Edge &edge : graph.edges)
        texts << edge.id() + u' ' + edge.labels.join(u',');
    return texts;
}

} // namespace

void TestDiagramGraph::multiplicity_data()
{
    QTest::addColumn<QByteArray>("argument");
    QTest::addColumn<QString>("multiplicity");
    QTest::addColumn<QStringList>("edges");

    QTest::newRow("single") << QByteArray() << QString() << QStringList{};
    QTest::newRow("count") << QByteArray("count = 3") << QStringLiteral("count = 3")
                           << QStringList{};
    QTest::newRow("count from a variable")
        << QByteArray("count = var.replicas") << QStringLiteral("count = var.replicas")
        << QStringList{QStringLiteral("var.replicas->module.m:input count")};
    QTest::newRow("for_each") << QByteArray("for_each = toset(var.names)")
                              << QStringLiteral("for_each = toset(var.names)")
                              << QStringList{QStringLiteral("var.names->module.m:input for_each")};
}

void TestDiagramGraph::multiplicity()
{
    QFETCH(QByteArray, argument);
    QFETCH(QString, multiplicity);
    QFETCH(QStringList, edges);
    QTemporaryDir tmp;
    const Environment environment
        = writeEnvironment(tmp.path(), "variable \"replicas\" {\n  type = number\n}\n"
                                       "variable \"names\" {\n  type = set(string)\n}\n"
                                       "module \"m\" {\n  source = \"../modules/m\"\n  "
                                           + argument + "\n}\n");
    const Graph graph = buildGraph(environment);
    QVERIFY(graph.problems.isEmpty());
    QCOMPARE(graph.nodeIds(),
             (QStringList{QStringLiteral("module.m"), QStringLiteral("var.replicas"),
                          QStringLiteral("var.names")}));
    QCOMPARE(graph.node(QStringLiteral("module.m"))->multiplicity, multiplicity);
    QCOMPARE(edgeTexts(graph), edges);
}

void TestDiagramGraph::dependsOnIsSplitFromReferences()
{
    QTemporaryDir tmp;
    const Environment environment = writeEnvironment(
        tmp.path(), "module \"a\" {\n  source = \"../m/a\"\n}\n"
                    "module \"c\" {\n  source = \"../m/c\"\n}\n"
                    "module \"b\" {\n  source = \"../m/b\"\n  x = module.a.out1\n"
                    "  y = \"${module.a.out2}-${module.a.out1}\"\n"
                    "  depends_on = [module.a, module.c]\n}\n"
                    "module \"d\" {\n  source = \"../m/d\"\n  all = module.c\n"
                    "  first = module.b[0].id\n}\n");
    const Terraform::ModuleCall &b = environment.terraform.modules.at(2);
    QCOMPARE(b.name, QStringLiteral("b"));
    QCOMPARE(b.references, (QStringList{QStringLiteral("module.a"), QStringLiteral("module.c")}));
    QCOMPARE(b.dependsOn, (QStringList{QStringLiteral("module.a"), QStringLiteral("module.c")}));
    QCOMPARE(b.usedOutputs.keys(), QStringList{QStringLiteral("module.a")});
    QCOMPARE(b.usedOutputs.value(QStringLiteral("module.a")),
             (QStringList{QStringLiteral("out1"), QStringLiteral("out2")}));

    const Graph graph = buildGraph(environment);
    QCOMPARE(graph.nodeIds(),
             (QStringList{QStringLiteral("module.a"), QStringLiteral("module.c"),
                          QStringLiteral("module.b"), QStringLiteral("module.d")}));
    QCOMPARE(edgeTexts(graph),
             (QStringList{QStringLiteral("module.a->module.b:depends_on "),
                          QStringLiteral("module.a->module.b:reference out1,out2"),
                          QStringLiteral("module.b->module.d:reference "),
                          QStringLiteral("module.c->module.b:depends_on "),
                          QStringLiteral("module.c->module.d:reference ")}));
    QCOMPARE(graph.edgesTo(QStringLiteral("module.d")).size(), 2);
    QCOMPARE(graph.edgesFrom(QStringLiteral("module.a")).size(), 2);
}

void TestDiagramGraph::rootHelmReleaseAndSecrets()
{
    QTemporaryDir tmp;
    Environment environment = writeEnvironment(
        tmp.path(),
        "resource \"helm_release\" \"ingress\" {\n  name       = \"ingress-nginx\"\n"
        "  chart      = \"ingress-nginx\"\n  repository = \"https://kubernetes.github.io\"\n"
        "  version    = \"4.9.0\"\n}\n"
        "resource \"helm_release\" \"api\" {\n  name    = \"api-gateway\"\n  chart   = \"api\"\n"
        "  version = \"2.1.0\"\n}\n"
        "resource \"kubernetes_config_map_v1\" \"settings\" {\n  metadata {\n"
        "    name = \"settings\"\n  }\n  count = 2\n}\n"
        "resource \"azurerm_key_vault_secret\" \"token\" {\n  name = \"api-token\"\n}\n"
        "resource \"helm_release\" \"tenant\" {\n  for_each = toset(var.tenants)\n"
        "  chart    = \"tenant\"\n}\n");
    // Locks: one by the component's name, one by where its version is written.
    ComponentVersion ingress;
    ingress.name = QStringLiteral("ingress-nginx");
    ingress.locked = true;
    ingress.lockReason = QStringLiteral("waiting for the CVE fix");
    ComponentVersion api;
    api.name = QStringLiteral("gateway");
    api.locked = true;
    api.lockReason = QStringLiteral("QA");
    api.location = SourceLocation{QStringLiteral("env/main.tf"), 10, 13};
    environment.components << ingress << api;

    const Graph graph = buildGraph(environment);
    QVERIFY(graph.problems.isEmpty());
    QCOMPARE(graph.nodeIds(),
             (QStringList{QStringLiteral("helm_release.ingress"),
                          QStringLiteral("helm_release.api"), QStringLiteral("helm_release.tenant"),
                          QStringLiteral("kubernetes_config_map_v1.settings"),
                          QStringLiteral("azurerm_key_vault_secret.token")}));
    QVERIFY(graph.edges.isEmpty()); // root resources are in no module
    const Node *release = graph.node(QStringLiteral("helm_release.ingress"));
    QCOMPARE(release->kind, NodeKind::HelmRelease);
    QCOMPARE(release->label, QStringLiteral("ingress-nginx"));
    QVERIFY(release->module.isEmpty());
    QCOMPARE(release->source, QStringLiteral("https://kubernetes.github.io/ingress-nginx"));
    QCOMPARE(release->shortSource, QStringLiteral("chart ingress-nginx"));
    QCOMPARE(release->version, QStringLiteral("4.9.0"));
    QCOMPARE(release->versionLocation.file, QStringLiteral("env/main.tf"));
    QCOMPARE(release->versionLocation.line, 5);
    QVERIFY(release->locked);
    QCOMPARE(release->lockReason, QStringLiteral("waiting for the CVE fix"));

    const Node *gateway = graph.node(QStringLiteral("helm_release.api"));
    QCOMPARE(gateway->versionLocation, api.location);
    QVERIFY(gateway->locked);
    QCOMPARE(gateway->lockReason, QStringLiteral("QA"));

    QCOMPARE(graph.node(QStringLiteral("kubernetes_config_map_v1.settings"))->kind,
             NodeKind::ConfigMap);
    QCOMPARE(graph.node(QStringLiteral("kubernetes_config_map_v1.settings"))->label,
             QStringLiteral("settings"));
    QCOMPARE(graph.node(QStringLiteral("kubernetes_config_map_v1.settings"))->multiplicity,
             QStringLiteral("count = 2"));
    QCOMPARE(graph.node(QStringLiteral("helm_release.tenant"))->multiplicity,
             QStringLiteral("for_each = toset(var.tenants)"));
    QVERIFY(release->multiplicity.isEmpty());
    QCOMPARE(graph.node(QStringLiteral("azurerm_key_vault_secret.token"))->kind, NodeKind::Secret);
    QCOMPARE(graph.node(QStringLiteral("azurerm_key_vault_secret.token"))->label,
             QStringLiteral("api-token"));

    // An unlocked component locks nothing.
    environment.components[0].locked = false;
    QVERIFY(!buildGraph(environment).node(QStringLiteral("helm_release.ingress"))->locked);
}

void TestDiagramGraph::secretsHangOnTheReleaseUsingThem_data()
{
    // What releases a and b of module app use; the secrets' edges ("@" is module.app)
    QTest::addColumn<QByteArray>("usedByA");
    QTest::addColumn<QByteArray>("usedByB");
    QTest::addColumn<QStringList>("edges");
    QTest::newRow("none") << QByteArray("1") << QByteArray("kubernetes_namespace.ns.id")
                          << QStringList{"@->@.kubernetes_config_map.cfg:contains",
                                         "@->@.kubernetes_secret.db:contains"};
    QTest::newRow("one each") << QByteArray("kubernetes_secret.db.metadata[0].name")
                              << QByteArray("kubernetes_config_map.cfg.id")
                              << QStringList{
                                     "@.helm_release.a->@.kubernetes_secret.db:reference",
                                     "@.helm_release.b->@.kubernetes_config_map.cfg:reference"};
    QTest::newRow("several")
        << QByteArray("kubernetes_secret.db.id")
        << QByteArray("[kubernetes_secret.db.id, kubernetes_config_map.cfg.id]")
        << QStringList{"@->@.kubernetes_secret.db:contains",
                       "@.helm_release.a->@.kubernetes_secret.db:reference",
                       "@.helm_release.b->@.kubernetes_config_map.cfg:reference",
                       "@.helm_release.b->@.kubernetes_secret.db:reference"};
}

void TestDiagramGraph::secretsHangOnTheReleaseUsingThem()
{
    QFETCH(QByteArray, usedByA);
    QFETCH(QByteArray, usedByB);
    QFETCH(QStringList, edges);
    QTemporaryDir tmp;
    const Environment environment = writeEnvironment(
        tmp.path(), "module \"app\" {\n  source = \"../modules/app\"\n}\n",
        {{QStringLiteral("modules/app/main.tf"),
          "resource \"helm_release\" \"a\" {\n  set {\n    name  = \"x\"\n    value = " + usedByA
              + "\n  }\n}\nresource \"helm_release\" \"b\" {\n  values = " + usedByB
              + "\n}\nresource \"kubernetes_namespace\" \"ns\" {\n}\n"
                "resource \"kubernetes_secret\" \"db\" {\n}\n"
                "resource \"kubernetes_config_map\" \"cfg\" {\n}\n"}});
    const Graph graph = buildGraph(environment);
    QVERIFY2(graph.problems.isEmpty(), qPrintable(graph.problems.value(0).toString()));
    QStringList ids;
    for (const Edge &edge : graph.edges)
        ids << edge.id();
    edges = QStringList{"@->@.helm_release.a:contains", "@->@.helm_release.b:contains"} + edges;
    QCOMPARE(ids, edges.replaceInStrings(QStringLiteral("@"), QStringLiteral("module.app")));
}

void TestDiagramGraph::nestedModulesAreClusters()
{
    QTemporaryDir tmp;
    const Environment environment = writeEnvironment(
        tmp.path(),
        "module \"platform\" {\n  source = \"../modules/platform\"\n  zone = var.zone\n}\n"
        "variable \"zone\" {\n  type = string\n  default = \"example.io\"\n}\n",
        {{QStringLiteral("modules/platform/main.tf"),
          "module \"dns\" {\n  source = \"./dns\"\n  zone = var.zone\n}\n"
          "module \"ingress\" {\n  source = \"./ingress\"\n  zone_id = module.dns.zone_id\n}\n"},
         {QStringLiteral("modules/platform/ingress/main.tf"),
          "resource \"helm_release\" \"nginx\" {\n  chart = \"ingress-nginx\"\n}\n"
          "resource \"kubernetes_secret\" \"tls\" {\n}\n"}});
    QCOMPARE(environment.terraform.modules.size(), 1);
    QCOMPARE(environment.terraform.nestedModules.size(), 2);
    QCOMPARE(environment.terraform.nestedModules.at(1).parent, QStringLiteral("platform"));

    const Graph graph = buildGraph(environment);
    QVERIFY(graph.problems.isEmpty());
    QCOMPARE(graph.nodeIds(),
             (QStringList{QStringLiteral("module.platform"),
                          QStringLiteral("module.platform.module.dns"),
                          QStringLiteral("module.platform.module.ingress"),
                          QStringLiteral("module.platform.module.ingress.helm_release.nginx"),
                          QStringLiteral("module.platform.module.ingress.kubernetes_secret.tls"),
                          QStringLiteral("var.zone")}));
    QVERIFY(graph.node(QStringLiteral("module.platform"))->parent.isEmpty());
    QCOMPARE(graph.node(QStringLiteral("module.platform.module.dns"))->parent,
             QStringLiteral("module.platform"));
    QCOMPARE(graph.node(QStringLiteral("module.platform.module.ingress"))->shortSource,
             QStringLiteral("modules/platform/ingress"));
    const Node *release
        = graph.node(QStringLiteral("module.platform.module.ingress.helm_release.nginx"));
    QCOMPARE(release->module, QStringLiteral("module.platform.module.ingress"));
    QCOMPARE(release->label, QStringLiteral("nginx"));
    // The nested call's var.zone is the platform module's own variable, not the environment's.
    QCOMPARE(
        edgeTexts(graph),
        (QStringList{
            QStringLiteral(
                "module.platform.module.dns->module.platform.module.ingress:reference zone_id"),
            QStringLiteral("module.platform.module.ingress->module.platform.module.ingress.helm_"
                           "release.nginx:contains "),
            QStringLiteral("module.platform.module.ingress->module.platform.module.ingress."
                           "kubernetes_secret.tls:contains "),
            QStringLiteral("var.zone->module.platform:input zone")}));
    QCOMPARE(graph.node(QStringLiteral("var.zone"))->inputs.value(QStringLiteral("value")),
             QStringLiteral("example.io"));
}

void TestDiagramGraph::gitRefVersionAndLocation()
{
    QTemporaryDir tmp;
    const Environment environment = writeEnvironment(
        tmp.path(),
        "module \"net\" {\n  source = "
        "\"git::https://github.com/acme/modules.git//network?ref=v1.4.2\"\n}\n"
        "module \"dns\" {\n  source = "
        "\"git@gitlab.example.com:infra/dns.git?ref=${var.dns_ref}\"\n}\n"
        "module \"aks\" {\n  source  = \"Azure/aks/azurerm\"\n  version = \"7.5.0\"\n}\n"
        "variable \"dns_ref\" {\n  default = \"v2.0.1\"\n}\n");
    const Graph graph = buildGraph(environment);
    QVERIFY(graph.problems.isEmpty());

    const Node *net = graph.node(QStringLiteral("module.net"));
    QCOMPARE(net->shortSource, QStringLiteral("git: github.com/acme/modules"));
    QCOMPARE(net->version, QStringLiteral("v1.4.2"));
    // the ref text inside the source string: line 2, after "?ref="
    const int column
        = int(QByteArray("  source = \"git::https://github.com/acme/modules.git//network?ref=")
                  .size())
          + 1;
    QCOMPARE(net->versionLocation, (SourceLocation{QStringLiteral("env/main.tf"), 2, column}));

    const Node *dns = graph.node(QStringLiteral("module.dns"));
    QCOMPARE(dns->shortSource, QStringLiteral("git: gitlab.example.com/infra/dns"));
    QCOMPARE(dns->version, QStringLiteral("v2.0.1"));
    QCOMPARE(dns->versionLocation.line, 12); // the variable's default

    const Node *aks = graph.node(QStringLiteral("module.aks"));
    QCOMPARE(aks->shortSource, QStringLiteral("registry: Azure/aks/azurerm"));
    QCOMPARE(aks->version, QStringLiteral("7.5.0"));
    QCOMPARE(aks->versionLocation.line, 9);
}

void TestDiagramGraph::parseErrorsBecomeProblems()
{
    QTemporaryDir tmp;
    const Environment environment = writeEnvironment(
        tmp.path(),
        "module \"a\" {\n  source = \"../x\n}\nmodule \"b\" {\n  source = \"../b\"\n}\n");
    const Graph graph = buildGraph(environment);
    QVERIFY(!graph.problems.isEmpty());
    QCOMPARE(graph.problems.size(), environment.terraform.problems.size());
    QCOMPARE(graph.problems.first().toString(), environment.terraform.problems.first().toString());
    QVERIFY2(graph.problems.first().toString().startsWith(QStringLiteral("env/main.tf:2:")),
             qPrintable(graph.problems.first().toString()));
}

void TestDiagramGraph::terragruntUnits()
{
    // Units are module calls: a dependency block is a reference to the unit's outputs, an entry
    // of `dependencies { paths }` a depends_on.
    QTemporaryDir tmp;
    GitFixture files(tmp.path());
    QVERIFY(files.write(QStringLiteral("live/db/terragrunt.hcl"),
                        "terraform {\n  source = \"../../modules/db\"\n}\n"));
    QVERIFY(files.write(QStringLiteral("live/vpc/terragrunt.hcl"),
                        "terraform {\n  source = "
                        "\"git::https://github.com/acme/vpc.git?ref=v3.1.0\"\n}\n"));
    QVERIFY(files.write(QStringLiteral("live/app/terragrunt.hcl"),
                        "terraform {\n  source = \"tfr:///acme/app/aws?version=2.0.0\"\n}\n"
                        "dependency \"net\" {\n  config_path = \"../vpc\"\n}\n"
                        "dependencies {\n  paths = [\"../db\"]\n}\n"
                        "inputs = {\n  vpc_id  = dependency.net.outputs.vpc_id\n"
                        "  subnets = dependency.net.outputs.private_subnets\n}\n"));
    Environment environment;
    environment.name = QStringLiteral("live");
    environment.path = QStringLiteral("live");
    environment.terraform = Terraform::readRootModule(tmp.path(), environment.path);

    const Graph graph = buildGraph(environment);
    QVERIFY2(graph.problems.isEmpty(), qPrintable(graph.problems.value(0).toString()));
    QCOMPARE(graph.nodeIds(),
             (QStringList{QStringLiteral("module.app"), QStringLiteral("module.db"),
                          QStringLiteral("module.vpc")}));
    QCOMPARE(
        edgeTexts(graph),
        (QStringList{QStringLiteral("module.db->module.app:depends_on "),
                     QStringLiteral("module.vpc->module.app:reference private_subnets,vpc_id")}));
    QCOMPARE(graph.node(QStringLiteral("module.app"))->shortSource,
             QStringLiteral("registry: acme/app/aws"));
    QCOMPARE(graph.node(QStringLiteral("module.app"))->version, QStringLiteral("2.0.0"));
    QCOMPARE(graph.node(QStringLiteral("module.vpc"))->shortSource,
             QStringLiteral("git: github.com/acme/vpc"));
    QCOMPARE(graph.node(QStringLiteral("module.vpc"))->version, QStringLiteral("v3.1.0"));
    QCOMPARE(graph.node(QStringLiteral("module.vpc"))->versionLocation.file,
             QStringLiteral("live/vpc/terragrunt.hcl"));
    QCOMPARE(graph.node(QStringLiteral("module.db"))->shortSource, QStringLiteral("modules/db"));
}

void TestDiagramGraph::comparesChanges_data()
{
    QTest::addColumn<QByteArray>("ours");
    QTest::addColumn<QByteArray>("theirs");
    QTest::addColumn<bool>("oursLocked"); // ours locks the component "api"
    QTest::addColumn<QStringList>("differences");

    const QByteArray redis = "module \"redis\" {\n  source  = \"acme/redis/azurerm\"\n"
                             "  version = \"1.2.0\"\n  sku_name = \"Standard\"\n}\n";
    QByteArray newer = redis;
    newer.replace("1.2.0", "1.3.0");
    QByteArray premium = redis;
    premium.replace("Standard", "Premium");
    QByteArray moved = redis;
    moved.replace("acme/redis/azurerm", "contoso/redis/azurerm");
    QByteArray counted = redis;
    counted.replace("}\n", "  count = 2\n}\n");
    const QByteArray api = "resource \"helm_release\" \"api\" {\n  name    = \"api\"\n"
                           "  chart   = \"api\"\n  version = \"1.0.0\"\n}\n";
    const QByteArray location = "variable \"location\" {\n  default = \"westeurope\"\n}\n";
    QByteArray east = location;
    east.replace("westeurope", "eastus");

    QTest::newRow("identical") << redis << redis << false << QStringList{};
    QTest::newRow("version") << newer << redis << false
                             << QStringList{QStringLiteral(
                                    "module.redis: version 1.2.0 → 1.3.0 [version]")};
    QTest::newRow("inputs") << premium << redis << false
                            << QStringList{
                                   QStringLiteral("module.redis: inputs: sku_name [inputs]")};
    QTest::newRow("source") << moved << redis << false
                            << QStringList{
                                   QStringLiteral("module.redis: source acme/redis/azurerm → "
                                                  "contoso/redis/azurerm [source]")};
    QTest::newRow("multiplicity") << counted << redis << false
                                  << QStringList{QStringLiteral(
                                         "module.redis: single → count = 2 [multiplicity]")};
    QTest::newRow("several") << QByteArray(newer).replace("Standard", "Premium") << redis << false
                             << QStringList{QStringLiteral("module.redis: version 1.2.0 → 1.3.0; "
                                                           "inputs: sku_name [version,inputs]")};
    QTest::newRow("added") << redis + api << redis << false
                           << QStringList{QStringLiteral("helm_release.api: added []")};
    QTest::newRow("removed") << api << redis + api << false
                             << QStringList{QStringLiteral("module.redis: removed []")};
    QTest::newRow("locked") << api << api << true
                            << QStringList{QStringLiteral("helm_release.api: locked [locked]")};
    QTest::newRow("input value") << east << location << false
                                 << QStringList{QStringLiteral(
                                        "var.location: value westeurope → eastus [inputs]")};
    // Where an input is declared does not matter, only its value.
    QTest::newRow("input moved") << "\n\n" + location << location << false << QStringList{};
}

void TestDiagramGraph::comparesChanges()
{
    QFETCH(QByteArray, ours);
    QFETCH(QByteArray, theirs);
    QFETCH(bool, oursLocked);
    QFETCH(QStringList, differences);
    QTemporaryDir tmp;
    Environment mine = writeEnvironment(tmp.path(), ours, {}, QStringLiteral("ours"));
    const Environment base = writeEnvironment(tmp.path(), theirs, {}, QStringLiteral("theirs"));
    if (oursLocked) {
        ComponentVersion component;
        component.name = QStringLiteral("api");
        component.locked = true;
        mine.components << component;
    }
    const Comparison comparison = compareGraphs(buildGraph(mine), buildGraph(base));
    QCOMPARE(comparison.ours, QStringLiteral("ours"));
    QCOMPARE(comparison.theirs, QStringLiteral("theirs"));
    QStringList texts;
    for (const Difference &difference : comparison.differences)
        texts << difference.text + QStringLiteral(" [") + difference.fields.join(u',') + u']';
    QCOMPARE(texts, differences);
    for (const Difference &difference : comparison.differences)
        QCOMPARE(comparison.stateOf(difference.nodeId), difference.state);
}

void TestDiagramGraph::overlayReplacesFilesOnDisk()
{
    QTemporaryDir tmp;
    const QByteArray onDisk
        = "module \"a\" {\n  source = \"../modules/a\"\n}\n"
          "locals {\n  versions = yamldecode(file(\"${path.module}/versions.yaml\"))\n}\n"
          "resource \"helm_release\" \"api\" {\n  chart   = \"api\"\n"
          "  version = local.versions.api\n}\n";
    const Environment environment = writeEnvironment(
        tmp.path(), onDisk, {{QStringLiteral("env/versions.yaml"), "api: 1.0.0\n"}});
    QCOMPARE(environment.terraform.modules.size(), 1);
    QCOMPARE(environment.terraform.helmReleases.value(0).version.value, QStringLiteral("1.0.0"));

    QByteArray edited = onDisk;
    edited.replace("module \"a\"", "module \"b\"");
    const QHash<QString, QByteArray> overlay{
        {QStringLiteral("env/main.tf"), edited},
        {QStringLiteral("env/extra.tf"), "module \"c\" {\n  source = \"../modules/c\"\n}\n"},
        {QStringLiteral("env/versions.yaml"), "api: 2.0.0\n"},
        {QStringLiteral("other/main.tf"), "module \"x\" {\n  source = \"../x\"\n}\n"}};
    const Terraform::RootModule module
        = Terraform::readRootModule(tmp.path(), QStringLiteral("env"), {}, overlay);
    QVERIFY(module.problems.isEmpty());
    QStringList names;
    for (const Terraform::ModuleCall &call : module.modules)
        names << call.name;
    // extra.tf sorts before main.tf, as the files on disk would
    QCOMPARE(names, (QStringList{QStringLiteral("c"), QStringLiteral("b")}));
    QCOMPARE(module.modules.first().location.file, QStringLiteral("env/extra.tf"));
    QCOMPARE(module.helmReleases.value(0).version.value, QStringLiteral("2.0.0"));
    QCOMPARE(module.helmReleases.value(0).version.location,
             (SourceLocation{QStringLiteral("env/versions.yaml"), 1, 6}));

    // The files on disk are untouched and read again once the overlay is gone.
    const Terraform::RootModule again
        = Terraform::readRootModule(tmp.path(), QStringLiteral("env"));
    QCOMPARE(again.modules.value(0).name, QStringLiteral("a"));
    QCOMPARE(again.helmReleases.value(0).version.value, QStringLiteral("1.0.0"));

    // An unsaved parse error is reported where the unsaved text has it.
    const Terraform::RootModule broken = Terraform::readRootModule(
        tmp.path(), QStringLiteral("env"), {},
        {{QStringLiteral("env/main.tf"), "module \"a\" {\n  source = \"../x\n}\n"}});
    QVERIFY(!broken.problems.isEmpty());
    QVERIFY2(broken.problems.first().toString().startsWith(QStringLiteral("env/main.tf:2:")),
             qPrintable(broken.problems.first().toString()));
}
