// SPDX-License-Identifier: GPL-3.0-or-later
// The building blocks of the generated demo repository: its module folders, their variables
// (required or with a default) and outputs, and the environments that use them.
#include "tst_diagramedits.h"

#include "TestSupport.h"
#include "demo/DemoRepository.h"
#include "diagram/BuildingBlocks.h"
#include "repo/Environment.h"
#include "repo/RepositoryLoader.h"

using namespace EnvDeck;
using namespace EnvDeck::Diagram;

namespace {

const BuildingBlock *findBlock(const QList<BuildingBlock> &blocks, const QString &name)
{
    for (const BuildingBlock &block : blocks) {
        if (block.name == name)
            return &block;
    }
    return nullptr;
}

} // namespace

void tst_DiagramEdits::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    Demo::Options options;
    options.commits = 20;
    options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
    const auto demo = Demo::generate(m_tmp.filePath(QStringLiteral("infra")), options);
    QVERIFY2(demo, demo ? "" : qPrintable(demo.error().toString()));
    m_demo = demo->workTree;
}

void tst_DiagramEdits::demoBuildingBlocks()
{
    const auto snapshot = RepositoryLoader::load(m_demo);
    QVERIFY2(snapshot, snapshot ? "" : qPrintable(snapshot.error().toString()));
    m_blocks = readBuildingBlocks(*snapshot);
    QStringList names;
    for (const BuildingBlock &block : std::as_const(m_blocks)) {
        names << block.name + QLatin1Char(' ') + block.localPath + QLatin1Char(' ')
                     + block.environments.join(QLatin1Char(','));
        QVERIFY2(block.problems.isEmpty(), qPrintable(block.problems.value(0).toString()));
        QCOMPARE(block.kind, Terraform::SourceKind::Local);
    }
    const QString all = QStringLiteral("contoso,dev,prod-eu,prod-us,staging");
    QCOMPARE(names,
             (QStringList{QStringLiteral("dns modules/dns ") + all,
                          QStringLiteral("integrations modules/integrations contoso,staging"),
                          QStringLiteral("key-vault-secrets modules/key-vault-secrets ") + all,
                          QStringLiteral("kubernetes-cluster modules/kubernetes-cluster ") + all,
                          QStringLiteral("monitoring modules/monitoring ") + all,
                          QStringLiteral("network modules/network ") + all,
                          QStringLiteral("platform modules/platform ") + all,
                          QStringLiteral("postgres modules/postgres ") + all,
                          QStringLiteral("redis modules/redis ") + all,
                          QStringLiteral("service-bus modules/service-bus ") + all,
                          QStringLiteral("services modules/services ") + all,
                          QStringLiteral("storage modules/storage ") + all}));
}

void tst_DiagramEdits::demoVariables_data()
{
    QTest::addColumn<QString>("block");
    QTest::addColumn<QStringList>("variables"); // location name|type|default|required|description
    QTest::addColumn<QStringList>("outputs");

    QTest::newRow("redis")
        << QStringLiteral("redis")
        << QStringList{QStringLiteral(
                           "modules/redis/variables.tf:1:1 name_prefix|string||required|Prefix "
                           "of every resource name."),
                       QStringLiteral("modules/redis/variables.tf:6:1 location|string||required|"),
                       QStringLiteral(
                           "modules/redis/variables.tf:10:1 resource_group_name|string||required|"),
                       QStringLiteral("modules/redis/variables.tf:14:1 tags|map(string)|{}||"),
                       QStringLiteral(
                           "modules/redis/variables.tf:19:1 sku_name|string|\"Standard\"||"),
                       QStringLiteral("modules/redis/variables.tf:24:1 capacity|number|1||")}
        << QStringList{QStringLiteral("hostname"), QStringLiteral("primary_connection_string")};
    QTest::newRow("network: a multi-line default")
        << QStringLiteral("network")
        << QStringList{QStringLiteral(
                           "modules/network/variables.tf:1:1 name_prefix|string||required|"
                           "Prefix of every resource name, e.g. prod-eu-weu."),
                       QStringLiteral(
                           "modules/network/variables.tf:6:1 location|string||required|Azure "
                           "region."),
                       QStringLiteral(
                           "modules/network/variables.tf:11:1 address_space|string||required|"
                           "CIDR range of the virtual network."),
                       QStringLiteral(
                           "modules/network/variables.tf:16:1 subnets|map(number)|{\n"
                           "    aks         = 0\n"
                           "    data        = 1\n"
                           "    integration = 2\n"
                           "  }||Subnet name => index of its /20 inside the address space."),
                       QStringLiteral(
                           "modules/network/variables.tf:26:1 tags|map(string)|{}||Tags added "
                           "to every resource.")}
        << QStringList{QStringLiteral("location"), QStringLiteral("resource_group_name"),
                       QStringLiteral("subnet_ids"), QStringLiteral("vnet_id")};
    QTest::newRow("monitoring: all required")
        << QStringLiteral("monitoring")
        << QStringList{QStringLiteral(
                           "modules/monitoring/variables.tf:1:1 kube_config|map(string)||"
                           "required|From module.cluster.kube_config."),
                       QStringLiteral(
                           "modules/monitoring/variables.tf:7:1 third_party|map(object({ "
                           "version = string, repository = string }))||required|third_party "
                           "from versions.yaml."),
                       QStringLiteral(
                           "modules/monitoring/variables.tf:12:1 environment|string||required|")}
        << QStringList{QStringLiteral("namespace")};
}

void tst_DiagramEdits::demoVariables()
{
    QFETCH(QString, block);
    QFETCH(QStringList, variables);
    QFETCH(QStringList, outputs);
    if (m_blocks.isEmpty())
        demoBuildingBlocks();
    const BuildingBlock *found = findBlock(m_blocks, block);
    QVERIFY(found);
    QStringList actual;
    for (const BlockVariable &variable : found->variables)
        actual << variable.location.toString() + QLatin1Char(' ') + variable.name + QLatin1Char('|')
                      + variable.type + QLatin1Char('|') + variable.defaultValue + QLatin1Char('|')
                      + (variable.required ? QStringLiteral("required") : QString())
                      + QLatin1Char('|') + variable.description;
    QCOMPARE(actual, variables);
    QCOMPARE(found->outputs, outputs);
}

void tst_DiagramEdits::demoSources()
{
    if (m_blocks.isEmpty())
        demoBuildingBlocks();
    const BuildingBlock *vault = findBlock(m_blocks, QStringLiteral("key-vault-secrets"));
    QVERIFY(vault);
    QCOMPARE(vault->sourceFrom(QStringLiteral("environments/staging")),
             QStringLiteral("../../modules/key-vault-secrets"));
    QCOMPARE(vault->sourceFrom(QStringLiteral("stacks")),
             QStringLiteral("../modules/key-vault-secrets"));
    QCOMPARE(vault->sourceFrom(QString()), QStringLiteral("./modules/key-vault-secrets"));
    QCOMPARE(vault->suggestedCallName(), QStringLiteral("key_vault_secrets"));

    BuildingBlock git;
    git.name = QStringLiteral("dns");
    git.kind = Terraform::SourceKind::Git;
    git.source = QStringLiteral("git::https://example.com/dns.git");
    git.version = QStringLiteral("v1.2.0");
    QCOMPARE(git.sourceFrom(QStringLiteral("environments/dev")),
             QStringLiteral("git::https://example.com/dns.git?ref=v1.2.0"));
}

void tst_DiagramEdits::remoteBlocks()
{
    // Registry and git modules called by environments: one block per source (refs aside), the
    // environments that call it, and the version or ref of the first environment calling it.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    RepositorySnapshot snapshot;
    snapshot.rootPath = root.path();
    const auto call = [](const QString &name, const QString &source, Terraform::SourceKind kind,
                         const QString &version, const QString &ref) {
        Terraform::ModuleCall module;
        module.name = name;
        module.source = source;
        module.sourceKind = kind;
        module.version = version;
        module.ref = ref;
        return module;
    };
    Environment dev;
    dev.name = QStringLiteral("dev");
    dev.terraform.modules
        = {call(QStringLiteral("vpc"), QStringLiteral("terraform-aws-modules/vpc/aws"),
                Terraform::SourceKind::Registry, QStringLiteral("5.1.0"), {}),
           call(QStringLiteral("dns"),
                QStringLiteral("git::https://example.com/infra/terraform-azure-dns.git?ref=v1.2.0"),
                Terraform::SourceKind::Git, {}, QStringLiteral("v1.2.0"))};
    Environment prod = dev;
    prod.name = QStringLiteral("prod");
    prod.terraform.modules[1].source
        = QStringLiteral("git::https://example.com/infra/terraform-azure-dns.git?ref=v1.3.0");
    prod.terraform.modules[1].ref = QStringLiteral("v1.3.0");
    snapshot.environments = {prod, dev};

    const QList<BuildingBlock> blocks = readBuildingBlocks(snapshot);
    QStringList actual;
    for (const BuildingBlock &block : blocks)
        actual << QStringLiteral("%1|%2|%3|%4|%5")
                      .arg(block.name, block.source, block.version,
                           block.environments.join(QLatin1Char(',')),
                           block.sourceFrom(QStringLiteral("environments/dev")));
    QCOMPARE(actual,
             (QStringList{QStringLiteral("dns|git::https://example.com/infra/"
                                         "terraform-azure-dns.git|v1.3.0|dev,prod|git::https://"
                                         "example.com/infra/terraform-azure-dns.git?ref=v1.3.0"),
                          QStringLiteral("vpc|terraform-aws-modules/vpc/aws|5.1.0|dev,prod|"
                                         "terraform-aws-modules/vpc/aws")}));
    QVERIFY(!blocks.at(0).variablesKnown());
}

ENVDECK_TEST_MAIN_CORE(tst_DiagramEdits)
