// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitFixture.h"
#include "TestSupport.h"

#include "demo/DemoRepository.h"
#include "repo/RepositoryLoader.h"
#include "terraform/TerraformModel.h"

#include <QTemporaryDir>

using namespace EnvDeck;
using namespace EnvDeck::Terraform;

class TestTerraformModel : public QObject
{
    Q_OBJECT

private slots:
    void classifiesSources_data();
    void classifiesSources();
    void tracesVersionsToWhereTheyAreWritten_data();
    void tracesVersionsToWhereTheyAreWritten();
    void readsModuleCallsAndReferences();
    void reportsParseErrorsWithLocation();
    void matchesTheDemoRepository();
    void survivesHugeExpressions();
    void readsNestedCallsOutputsAndDependsOn();
    void readsSecretsAReleaseUses_data();
    void readsSecretsAReleaseUses();
};

void TestTerraformModel::classifiesSources_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QString>("subdir");

    QTest::newRow("local") << "../../modules/network"
                           << "local"
                           << ""
                           << "";
    QTest::newRow("local ./") << "./modules/dns"
                              << "local"
                              << ""
                              << "";
    QTest::newRow("registry") << "Azure/aks/azurerm"
                              << "registry"
                              << ""
                              << "";
    QTest::newRow("registry with host") << "app.terraform.io/contoso/vpc/aws"
                                        << "registry"
                                        << ""
                                        << "";
    QTest::newRow("registry submodule") << "terraform-aws-modules/iam/aws//modules/iam-role"
                                        << "registry"
                                        << ""
                                        << "modules/iam-role";
    QTest::newRow("git over https") << "git::https://github.com/contoso/modules.git//aks?ref=v2.4.1"
                                    << "git"
                                    << "v2.4.1"
                                    << "aks";
    QTest::newRow("git ssh") << "git@github.com:contoso/modules.git?ref=main"
                             << "git"
                             << "main"
                             << "";
    QTest::newRow("github shorthand") << "github.com/contoso/terraform-redis?ref=1.0.3"
                                      << "git"
                                      << "1.0.3"
                                      << "";
    QTest::newRow("http archive") << "https://example.io/modules/vpc.zip"
                                  << "http"
                                  << ""
                                  << "";
    QTest::newRow("s3") << "s3::https://s3-eu-west-1.amazonaws.com/bucket/vpc.zip"
                        << "other"
                        << ""
                        << "";
}

void TestTerraformModel::classifiesSources()
{
    QFETCH(QString, source);
    QFETCH(QString, kind);
    QFETCH(QString, ref);
    QFETCH(QString, subdir);

    QTemporaryDir tmp;
    GitFixture files(tmp.path());
    QVERIFY(files.write(QStringLiteral("env/main.tf"),
                        "module \"m\" {\n  source = \"" + source.toUtf8() + "\"\n}\n"));
    const RootModule module = readRootModule(tmp.path(), QStringLiteral("env"));
    QVERIFY2(module.problems.isEmpty(), qPrintable(module.problems.value(0).toString()));
    QCOMPARE(module.modules.size(), 1);
    const ModuleCall &call = module.modules.first();
    QCOMPARE(call.source, source);
    QCOMPARE(sourceKindName(call.sourceKind), kind);
    QCOMPARE(call.ref, ref);
    QCOMPARE(call.subdir, subdir);
    QCOMPARE(call.location.toString(), QStringLiteral("env/main.tf:1:1"));
}

void TestTerraformModel::tracesVersionsToWhereTheyAreWritten_data()
{
    QTest::addColumn<QByteArray>("versionExpression");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("via");

    QTest::newRow("literal") << QByteArray("\"4.8.3\"") << "4.8.3"
                             << "env/main.tf:9:16"
                             << "literal";
    QTest::newRow("variable default") << QByteArray("var.nginx_version") << "1.2.3"
                                      << "env/variables.tf:3:13"
                                      << "variable default";
    QTest::newRow("tfvars wins over default") << QByteArray("var.redis_version") << "7.2.0"
                                              << "env/prod.tfvars:2:17"
                                              << "tfvars";
    QTest::newRow("local") << QByteArray("local.chart_versions.cert_manager") << "1.14.0"
                           << "env/main.tf:3:54"
                           << "literal";
    QTest::newRow("yaml through a local")
        << QByteArray("local.versions.third_party[\"ingress-nginx\"].version") << "4.9.1"
        << "env/versions.yaml:4:29"
        << "yaml";
    QTest::newRow("yaml through a module input") << QByteArray("module-input") << "2.4.1"
                                                 << "env/versions.yaml:2:27"
                                                 << "yaml";
    QTest::newRow("computed value") << QByteArray("data.helm_template.x.version") << ""
                                    << ""
                                    << "";
}

void TestTerraformModel::tracesVersionsToWhereTheyAreWritten()
{
    QFETCH(QByteArray, versionExpression);
    QFETCH(QString, value);
    QFETCH(QString, location);
    QFETCH(QString, via);

    QTemporaryDir tmp;
    GitFixture files(tmp.path());
    const bool throughModule = versionExpression == "module-input";
    QVERIFY(files.write(QStringLiteral("env/main.tf"),
                        "locals {\n"
                        "  versions       = yamldecode(file(\"${path.module}/versions.yaml\"))\n"
                        "  chart_versions = { nginx = \"1.0.0\", cert_manager = \"1.14.0\" }\n"
                        "}\n"
                        "\n"
                        "resource \"helm_release\" \"probe\" {\n"
                        "  name       = \"probe\"\n"
                        "  chart      = \"probe\"\n"
                        "  version    = "
                            + (throughModule ? QByteArray("\"4.8.3\"") : versionExpression)
                            + "\n"
                              "}\n"
                              "\n"
                              "module \"services\" {\n"
                              "  source     = \"../modules/services\"\n"
                              "  components = local.versions.components\n"
                              "}\n"));
    QVERIFY(files.write(QStringLiteral("env/variables.tf"), "variable \"nginx_version\" {\n"
                                                            "  type    = string\n"
                                                            "  default = \"1.2.3\"\n"
                                                            "}\n"
                                                            "variable \"redis_version\" {\n"
                                                            "  default = \"6.0.0\"\n"
                                                            "}\n"));
    QVERIFY(files.write(QStringLiteral("env/prod.tfvars"),
                        "# production\nredis_version = \"7.2.0\"\n"));
    QVERIFY(files.write(QStringLiteral("env/versions.yaml"),
                        "components:\n  api-gateway: { version: 2.4.1, chart: api-gateway }\n"
                        "third_party:\n  ingress-nginx: { version: 4.9.1 }\n"));
    QVERIFY(files.write(QStringLiteral("modules/services/main.tf"),
                        "variable \"components\" {}\n\n"
                        "resource \"helm_release\" \"api_gateway\" {\n"
                        "  name    = \"api-gateway\"\n"
                        "  chart   = var.components[\"api-gateway\"].chart\n"
                        "  version = var.components[\"api-gateway\"].version\n"
                        "}\n"));

    const RootModule module
        = readRootModule(tmp.path(), QStringLiteral("env"), QStringLiteral("env/prod.tfvars"));
    QVERIFY2(module.problems.isEmpty(), qPrintable(module.problems.value(0).toString()));
    QCOMPARE(module.helmReleases.size(), 2);
    const HelmRelease &release
        = throughModule ? module.helmReleases.at(1) : module.helmReleases.at(0);
    if (throughModule) {
        QCOMPARE(release.module, QStringLiteral("services"));
        QCOMPARE(release.chart, QStringLiteral("api-gateway"));
        QCOMPARE(release.location.toString(), QStringLiteral("modules/services/main.tf:3:1"));
    }
    QCOMPARE(release.version.value, value);
    QCOMPARE(release.version.location.toString(), location);
    QCOMPARE(release.version.via, via);
}

void TestTerraformModel::readsModuleCallsAndReferences()
{
    QTemporaryDir tmp;
    GitFixture files(tmp.path());
    QVERIFY(files.write(QStringLiteral("env/main.tf"),
                        "module \"network\" {\n  source = \"../modules/network\"\n}\n"
                        "module \"cluster\" {\n"
                        "  source     = \"Azure/aks/azurerm\"\n"
                        "  version    = \"7.5.0\"\n"
                        "  for_each   = toset(var.regions)\n"
                        "  subnet_ids = module.network.subnet_ids\n"
                        "  dns        = \"${module.dns.zone}.internal\"\n"
                        "  depends_on = [module.key_vault]\n"
                        "}\n"
                        "resource \"kubernetes_secret\" \"db\" {\n  metadata {\n    name = "
                        "\"db-credentials\"\n  }\n}\n"
                        "resource \"azurerm_key_vault_secret\" \"api\" {\n  name = \"api-key\"\n}\n"
                        "output \"kube_config\" {\n  value = module.cluster\n}\n"));
    const RootModule module = readRootModule(tmp.path(), QStringLiteral("env"));
    QVERIFY(module.problems.isEmpty());
    QCOMPARE(module.modules.size(), 2);
    const ModuleCall &cluster = module.modules.at(1);
    QCOMPARE(cluster.name, QStringLiteral("cluster"));
    QCOMPARE(cluster.version, QStringLiteral("7.5.0"));
    QCOMPARE(cluster.tracedVersion.location.toString(), QStringLiteral("env/main.tf:6:16"));
    QCOMPARE(cluster.forEach, QStringLiteral("toset(var.regions)"));
    QCOMPARE(cluster.references, (QStringList{"module.dns", "module.key_vault", "module.network"}));
    QCOMPARE(cluster.inputs.value(QStringLiteral("subnet_ids")),
             QStringLiteral("module.network.subnet_ids"));
    QVERIFY(!cluster.inputs.contains(QStringLiteral("depends_on")));
    QCOMPARE(module.modules.at(0).localPath, QStringLiteral("modules/network"));
    QCOMPARE(module.secrets.size(), 2);
    QCOMPARE(module.secrets.at(0).name, QStringLiteral("db-credentials"));
    QCOMPARE(module.secrets.at(1).name, QStringLiteral("api-key"));
    QCOMPARE(module.outputs, QStringList{QStringLiteral("kube_config")});
}

void TestTerraformModel::reportsParseErrorsWithLocation()
{
    QTemporaryDir tmp;
    GitFixture files(tmp.path());
    QVERIFY(files.write(QStringLiteral("env/main.tf"), "module \"a\" {\n  source = \"../x\n}\n"));
    const RootModule module = readRootModule(tmp.path(), QStringLiteral("env"));
    QVERIFY(!module.problems.isEmpty());
    QVERIFY2(module.problems.first().toString().startsWith(QStringLiteral("env/main.tf:2:")),
             qPrintable(module.problems.first().toString()));
}

void TestTerraformModel::matchesTheDemoRepository()
{
    QTemporaryDir tmp;
    Demo::Options options;
    options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
    const auto demo = Demo::generate(tmp.filePath(QStringLiteral("infra")), options);
    QVERIFY(demo.ok());
    const auto snapshot = RepositoryLoader::load(demo->workTree);
    QVERIFY(snapshot.ok());

    for (const Environment &environment : snapshot->environments) {
        const RootModule module = readRootModule(snapshot->rootPath, environment.path);
        QVERIFY2(module.problems.isEmpty(), qPrintable(module.problems.value(0).toString()));
        QCOMPARE(module.modules.size(), environment.moduleCount);

        QHash<QString, const ModuleCall *> calls;
        for (const ModuleCall &call : module.modules)
            calls.insert(call.name, &call);
        QVERIFY(calls.contains(QStringLiteral("cluster")));
        QVERIFY(calls[QStringLiteral("cluster")]->references.contains(
            QStringLiteral("module.network")));
        QCOMPARE(calls[QStringLiteral("cluster")]->sourceKind, SourceKind::Local);

        // Every component of the versions file is a Helm release whose version traces back to
        // exactly the place in versions.yaml where the loader read it.
        for (const ComponentVersion &component : environment.components) {
            const HelmRelease *release = nullptr;
            for (const HelmRelease &candidate : module.helmReleases) {
                if (candidate.name == component.name)
                    release = &candidate;
            }
            QVERIFY2(release, qPrintable(environment.name + QLatin1Char('/') + component.name));
            QCOMPARE(release->version.value, component.version);
            QCOMPARE(release->version.location, component.location);
            QCOMPARE(release->version.via, QStringLiteral("yaml"));
            QVERIFY(!release->module.isEmpty());
        }
        QVERIFY(!module.secrets.isEmpty());
    }
}

void TestTerraformModel::survivesHugeExpressions()
{
    // A million-operator chain is a tree a million levels deep: walking it for references must
    // not recurse.
    QTemporaryDir tmp;
    GitFixture files(tmp.path());
    QByteArray chain = "module \"m\" {\n  source = \"../x\"\n  n = module.a.x";
    chain.reserve(6 * 1024 * 1024);
    for (int i = 0; i < 1000000; ++i)
        chain += " + 1";
    chain += "\n}\n";
    QVERIFY(files.write(QStringLiteral("env/main.tf"), chain));
    const RootModule module = readRootModule(tmp.path(), QStringLiteral("env"));
    QVERIFY2(module.problems.isEmpty(), qPrintable(module.problems.value(0).toString()));
    QCOMPARE(module.modules.size(), 1);
    QCOMPARE(module.modules.first().references, QStringList{QStringLiteral("module.a")});
}

void TestTerraformModel::readsNestedCallsOutputsAndDependsOn()
{
    QTemporaryDir tmp;
    GitFixture files(tmp.path());
    QVERIFY(files.write(QStringLiteral("env/main.tf"),
                        "module \"app\" {\n  source = \"../modules/app\"\n"
                        "  db = module.db.url\n  vpc = module.vpc\n"
                        "  depends_on = [module.iam]\n}\n"));
    QVERIFY(files.write(QStringLiteral("modules/app/main.tf"),
                        "module \"queue\" {\n  source = \"./queue\"\n}\n"
                        "module \"worker\" {\n  source = \"./worker\"\n"
                        "  count = 2\n  queue = module.queue.name\n}\n"));
    QVERIFY(files.write(QStringLiteral("modules/app/queue/main.tf"),
                        "module \"dlq\" {\n  source = \"../dlq\"\n}\n"));
    const RootModule module = readRootModule(tmp.path(), QStringLiteral("env"));
    QVERIFY2(module.problems.isEmpty(), qPrintable(module.problems.value(0).toString()));

    QCOMPARE(module.modules.size(), 1);
    const ModuleCall &app = module.modules.first();
    QCOMPARE(app.references, (QStringList{QStringLiteral("module.db"), QStringLiteral("module.iam"),
                                          QStringLiteral("module.vpc")}));
    QCOMPARE(app.dependsOn, QStringList{QStringLiteral("module.iam")});
    QCOMPARE(app.usedOutputs.keys(),
             (QStringList{QStringLiteral("module.db"), QStringLiteral("module.vpc")}));
    QCOMPARE(app.usedOutputs.value(QStringLiteral("module.db")),
             QStringList{QStringLiteral("url")});
    QVERIFY(app.usedOutputs.value(QStringLiteral("module.vpc")).isEmpty());
    QVERIFY(app.parent.isEmpty());

    // Calls inside local modules, with the path of the call that holds them, in the order found.
    QStringList nested;
    for (const ModuleCall &call : module.nestedModules)
        nested << call.parent + QLatin1Char('/') + call.name;
    QCOMPARE(nested, (QStringList{QStringLiteral("app/queue"), QStringLiteral("app.queue/dlq"),
                                  QStringLiteral("app/worker")}));
    const ModuleCall &worker = module.nestedModules.last();
    QCOMPARE(worker.count, QStringLiteral("2"));
    QCOMPARE(worker.localPath, QStringLiteral("modules/app/worker"));
    QCOMPARE(worker.usedOutputs.value(QStringLiteral("module.queue")),
             QStringList{QStringLiteral("name")});
    QCOMPARE(worker.location.toString(), QStringLiteral("modules/app/main.tf:4:1"));
}

void TestTerraformModel::readsSecretsAReleaseUses_data()
{
    QTest::addColumn<bool>("inModule"); // the release is written in modules/app, else the root
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("none") << true << QByteArray("  name = \"web\"\n") << QStringList{};
    QTest::newRow("set block") << true
                               << QByteArray(
                                      "  set {\n    name  = \"s\"\n"
                                      "    value = kubernetes_secret.db.metadata[0].name\n  }\n")
                               << QStringList{QStringLiteral("kubernetes_secret.db")};
    QTest::newRow("attributes and nested blocks, sorted, unique")
        << true
        << QByteArray("  values = [templatefile(\"v.yaml\", { a = kubernetes_config_map.cfg.data,"
                      " b = azurerm_key_vault_secret.key.value })]\n"
                      "  set {\n    name  = \"a\"\n"
                      "    value = kubernetes_secret.db.metadata[0].name\n  }\n"
                      "  set_sensitive {\n    name  = \"b\"\n"
                      "    value = \"${kubernetes_secret.db.data[\"x\"]}\"\n  }\n")
        << QStringList{QStringLiteral("azurerm_key_vault_secret.key"),
                       QStringLiteral("kubernetes_config_map.cfg"),
                       QStringLiteral("kubernetes_secret.db")};
    QTest::newRow("dynamic set")
        << true
        << QByteArray("  dynamic \"set\" {\n    for_each = var.extra\n    content {\n"
                      "      name  = set.key\n      value = kubernetes_config_map.cfg.id\n"
                      "    }\n  }\n")
        << QStringList{QStringLiteral("kubernetes_config_map.cfg")};
    QTest::newRow("depends_on") << true << QByteArray("  depends_on = [kubernetes_secret.db]\n")
                                << QStringList{QStringLiteral("kubernetes_secret.db")};
    // root_only is declared by the root module, missing nowhere, the namespace is no secret
    QTest::newRow("other module, undeclared, not a secret")
        << true
        << QByteArray(
               "  set {\n    name  = \"a\"\n    value = kubernetes_secret.root_only.id\n  }\n"
               "  namespace = kubernetes_namespace.ns.metadata[0].name\n"
               "  description = kubernetes_secret.missing.id\n")
        << QStringList{};
    QTest::newRow("root module") << false
                                 << QByteArray("  description = kubernetes_secret.root_only.id\n")
                                 << QStringList{QStringLiteral("kubernetes_secret.root_only")};
}

void TestTerraformModel::readsSecretsAReleaseUses()
{
    QFETCH(bool, inModule);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, expected);

    QTemporaryDir tmp;
    GitFixture files(tmp.path());
    const QByteArray release = "resource \"helm_release\" \"web\" {\n" + body + "}\n";
    // The secrets are declared after the release: the order of blocks must not matter.
    QVERIFY(files.write(QStringLiteral("env/main.tf"),
                        "module \"app\" {\n  source = \"../modules/app\"\n}\n"
                            + (inModule ? QByteArray() : release)
                            + "resource \"kubernetes_secret\" \"root_only\" {\n}\n"));
    QVERIFY(files.write(QStringLiteral("modules/app/main.tf"),
                        (inModule ? release : QByteArray())
                            + "resource \"kubernetes_namespace\" \"ns\" {\n}\n"
                              "resource \"kubernetes_secret\" \"db\" {\n}\n"
                              "resource \"kubernetes_config_map\" \"cfg\" {\n}\n"
                              "resource \"azurerm_key_vault_secret\" \"key\" {\n}\n"));
    const RootModule module = readRootModule(tmp.path(), QStringLiteral("env"));
    QVERIFY2(module.problems.isEmpty(), qPrintable(module.problems.value(0).toString()));
    QCOMPARE(module.secrets.size(), 4);
    QCOMPARE(module.helmReleases.size(), 1);
    QCOMPARE(module.helmReleases.first().module, inModule ? QStringLiteral("app") : QString());
    QCOMPARE(module.helmReleases.first().references, expected);
}

ENVDECK_TEST_MAIN_CORE(TestTerraformModel)
#include "tst_terraformmodel.moc"
