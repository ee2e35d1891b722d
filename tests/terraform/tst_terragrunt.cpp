// SPDX-License-Identifier: GPL-3.0-or-later
// Terragrunt units of an environment: sources and refs, dependencies, includes, inputs.
#include "GitFixture.h"
#include "TestSupport.h"

#include "terraform/TerraformModel.h"

#include <QTemporaryDir>

#include <algorithm>

using namespace EnvDeck;
using namespace EnvDeck::Terraform;

namespace {

// A live/ tree: a root terragrunt.hcl with shared locals, a prod environment whose units use
// includes, dependencies, read_terragrunt_config and an _envcommon file, a qa environment reading
// a YAML file, and a stage environment whose own terragrunt.hcl is the parent its unit includes.
bool writeLiveTree(const GitFixture &files)
{
    return files.write(QStringLiteral("live/terragrunt.hcl"),
                       "locals {\n"
                       "  module_repo = \"git::https://github.com/acme/infra-modules.git\"\n"
                       "  module_ref  = \"v1.8.0\"\n"
                       "}\n"
                       "remote_state {\n"
                       "  backend = \"s3\"\n"
                       "}\n")
           && files.write(QStringLiteral("live/prod/env.hcl"), "locals {\n"
                                                               "  environment = \"prod\"\n"
                                                               "  eks_ref     = \"v2.0.1\"\n"
                                                               "}\n")
           && files.write(
               QStringLiteral("live/prod/vpc/terragrunt.hcl"),
               "include \"root\" {\n"
               "  path   = find_in_parent_folders()\n"
               "  expose = true\n"
               "}\n"
               "\n"
               "terraform {\n"
               "  source = \"git::https://github.com/acme/infra-modules.git//vpc?ref=v1.4.2\"\n"
               "}\n"
               "\n"
               "inputs = {\n"
               "  cidr = \"10.0.0.0/16\"\n"
               "  \"name\" = \"prod\"\n"
               "}\n")
           && files.write(
               QStringLiteral("live/prod/eks/terragrunt.hcl"),
               "include \"root\" {\n"
               "  path   = find_in_parent_folders()\n"
               "  expose = true\n"
               "}\n"
               "locals {\n"
               "  env = read_terragrunt_config(find_in_parent_folders(\"env.hcl\"))\n"
               "}\n"
               "terraform {\n"
               "  source = "
               "\"${include.root.locals.module_repo}//eks?ref=${local.env.locals.eks_ref}\"\n"
               "}\n"
               "dependency \"vpc\" {\n"
               "  config_path = \"../vpc\"\n"
               "}\n"
               "dependencies {\n"
               "  paths = [\"../iam\", \"../../shared/dns\"]\n"
               "}\n"
               "inputs = {\n"
               "  vpc_id = dependency.vpc.outputs.vpc_id\n"
               "}\n")
           && files.write(QStringLiteral("live/prod/iam/terragrunt.hcl"),
                          "include {\n"
                          "  path = find_in_parent_folders()\n"
                          "}\n"
                          "terraform {\n"
                          "  source = \"../../../modules/iam\"\n"
                          "}\n")
           && files.write(QStringLiteral("live/prod/app/terragrunt.hcl"),
                          "include \"root\" {\n"
                          "  path   = find_in_parent_folders()\n"
                          "  expose = true\n"
                          "}\n"
                          "include \"envcommon\" {\n"
                          "  path   = \"${dirname(find_in_parent_folders())}/_envcommon/app.hcl\"\n"
                          "  expose = true\n"
                          "}\n")
           && files.write(QStringLiteral("live/_envcommon/app.hcl"),
                          "locals {\n"
                          "  base = \"git::https://github.com/acme/app.git\"\n"
                          "  ref  = \"v0.9.3\"\n"
                          "}\n"
                          "terraform {\n"
                          "  source = \"${local.base}//deploy?ref=${local.ref}\"\n"
                          "}\n")
           && files.write(QStringLiteral("live/qa/versions.yaml"), "db: v4.2.0\n")
           && files.write(
               QStringLiteral("live/qa/db/terragrunt.hcl"),
               "locals {\n"
               "  versions = yamldecode(file(\"${get_terragrunt_dir()}/../versions.yaml\"))\n"
               "}\n"
               "terraform {\n"
               "  source = \"git::https://github.com/acme/db.git?ref=${local.versions.db}\"\n"
               "}\n")
           && files.write(
               QStringLiteral("live/qa/cache/terragrunt.hcl"),
               "terraform {\n"
               "  source = \"tfr:///terraform-aws-modules/elasticache/aws?version=1.2.0\"\n"
               "}\n")
           && files.write(
               QStringLiteral("live/qa/search/terragrunt.hcl"),
               "locals {\n"
               "  search_version = \"0.4.1\"\n"
               "}\n"
               "terraform {\n"
               "  source = "
               "\"tfr:///acme/search/aws//modules/domain?version=${local.search_version}\"\n"
               "}\n")
           && files.write(QStringLiteral("live/stage/terragrunt.hcl"), "locals {\n"
                                                                       "  vpc_ref = \"v1.3.0\"\n"
                                                                       "}\n")
           && files.write(QStringLiteral("live/stage/vpc/terragrunt.hcl"),
                          "include \"stage\" {\n"
                          "  path   = find_in_parent_folders()\n"
                          "  expose = true\n"
                          "}\n"
                          "terraform {\n"
                          "  source = \"git::https://github.com/acme/infra-modules.git//"
                          "vpc?ref=${include.stage.locals.vpc_ref}\"\n"
                          "}\n");
}

const TerragruntUnit *findUnit(const RootModule &module, const QString &name)
{
    for (const TerragruntUnit &unit : module.terragruntUnits) {
        if (unit.name == name)
            return &unit;
    }
    return nullptr;
}

} // namespace

class TestTerragrunt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsUnitsAsModules_data();
    void listsUnitsAsModules();
    void readsDependenciesIncludesAndInputs();
    void readsVersionsOfRegistrySources_data();
    void readsVersionsOfRegistrySources();
    void reportsBrokenUnitsWithLocation();

private:
    QTemporaryDir m_tmp;
};

void TestTerragrunt::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(writeLiveTree(GitFixture(m_tmp.path())));
}

void TestTerragrunt::listsUnitsAsModules_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QStringList>("units");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("subdir");
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QString>("refLocation");
    QTest::addColumn<QStringList>("references");
    QTest::addColumn<QString>("location");

    const QStringList prod{"app", "eks", "iam", "vpc"};
    QTest::newRow("source from an included _envcommon file")
        << "live/prod" << prod << "app"
        << "git::https://github.com/acme/app.git//deploy?ref=v0.9.3"
        << "git"
        << "deploy"
        << "v0.9.3"
        << "live/_envcommon/app.hcl:3:10" << QStringList{} << "live/_envcommon/app.hcl:5:1";
    QTest::newRow("include and read_terragrunt_config")
        << "live/prod" << prod << "eks"
        << "git::https://github.com/acme/infra-modules.git//eks?ref=v2.0.1"
        << "git"
        << "eks"
        << "v2.0.1"
        << "live/prod/env.hcl:3:17" << QStringList{"../../shared/dns", "dependency.vpc", "iam"}
        << "live/prod/eks/terragrunt.hcl:8:1";
    QTest::newRow("local source") << "live/prod" << prod << "iam"
                                  << "../../../modules/iam"
                                  << "local"
                                  << ""
                                  << ""
                                  << "" << QStringList{} << "live/prod/iam/terragrunt.hcl:4:1";
    QTest::newRow("ref in the literal source")
        << "live/prod" << prod << "vpc"
        << "git::https://github.com/acme/infra-modules.git//vpc?ref=v1.4.2"
        << "git"
        << "vpc"
        << "v1.4.2"
        << "live/prod/vpc/terragrunt.hcl:7:69" << QStringList{}
        << "live/prod/vpc/terragrunt.hcl:6:1";
    QTest::newRow("ref from a YAML file next to the units")
        << "live/qa" << QStringList{"cache", "db", "search"} << "db"
        << "git::https://github.com/acme/db.git?ref=v4.2.0"
        << "git"
        << ""
        << "v4.2.0"
        << "live/qa/versions.yaml:1:5" << QStringList{} << "live/qa/db/terragrunt.hcl:4:1";
    QTest::newRow("included parent is not a unit")
        << "live/stage" << QStringList{"vpc"} << "vpc"
        << "git::https://github.com/acme/infra-modules.git//vpc?ref=v1.3.0"
        << "git"
        << "vpc"
        << "v1.3.0"
        << "live/stage/terragrunt.hcl:2:13" << QStringList{} << "live/stage/vpc/terragrunt.hcl:5:1";
}

void TestTerragrunt::listsUnitsAsModules()
{
    QFETCH(QString, environment);
    QFETCH(QStringList, units);
    QFETCH(QString, unit);
    QFETCH(QString, source);
    QFETCH(QString, kind);
    QFETCH(QString, subdir);
    QFETCH(QString, ref);
    QFETCH(QString, refLocation);
    QFETCH(QStringList, references);
    QFETCH(QString, location);

    const RootModule module = readRootModule(m_tmp.path(), environment);
    QVERIFY2(module.problems.isEmpty(), qPrintable(module.problems.value(0).toString()));
    QStringList names;
    for (const ModuleCall &call : module.modules)
        names << call.name;
    QCOMPARE(names, units);
    QCOMPARE(module.terragruntUnits.size(), units.size());

    const auto call = std::find_if(module.modules.begin(), module.modules.end(),
                                   [&](const ModuleCall &c) { return c.name == unit; });
    QVERIFY(call != module.modules.end());
    QCOMPARE(call->source, source);
    QCOMPARE(sourceKindName(call->sourceKind), kind);
    QCOMPARE(call->subdir, subdir);
    QCOMPARE(call->ref, ref);
    QCOMPARE(call->tracedRef.location.toString(), refLocation);
    QCOMPARE(call->references, references);
    QCOMPARE(call->location.toString(), location);
    QVERIFY(call->version.isEmpty());

    const TerragruntUnit *details = findUnit(module, unit);
    QVERIFY(details);
    QCOMPARE(details->path, QString(environment + QLatin1Char('/') + unit));
    QCOMPARE(details->configFile, QString(details->path + QStringLiteral("/terragrunt.hcl")));
    QCOMPARE(details->tracedRef.location.toString(), refLocation);
}

void TestTerragrunt::readsDependenciesIncludesAndInputs()
{
    const RootModule module = readRootModule(m_tmp.path(), QStringLiteral("live/prod"));
    QVERIFY2(module.problems.isEmpty(), qPrintable(module.problems.value(0).toString()));

    const TerragruntUnit *eks = findUnit(module, QStringLiteral("eks"));
    QVERIFY(eks);
    QCOMPARE(eks->dependencies.size(), 3);
    const TerragruntDependency &vpc = eks->dependencies.at(0);
    QCOMPARE(vpc.name, QStringLiteral("vpc"));
    QCOMPARE(vpc.configPath, QStringLiteral("../vpc"));
    QCOMPARE(vpc.path, QStringLiteral("live/prod/vpc"));
    QCOMPARE(vpc.unit, QStringLiteral("vpc"));
    QCOMPARE(vpc.location.toString(), QStringLiteral("live/prod/eks/terragrunt.hcl:11:1"));
    const TerragruntDependency &iam = eks->dependencies.at(1);
    QVERIFY(iam.name.isEmpty());
    QCOMPARE(iam.unit, QStringLiteral("iam"));
    QCOMPARE(iam.location.toString(), QStringLiteral("live/prod/eks/terragrunt.hcl:15:12"));
    const TerragruntDependency &dns = eks->dependencies.at(2);
    QCOMPARE(dns.path, QStringLiteral("live/shared/dns"));
    QVERIFY(dns.unit.isEmpty());
    QCOMPARE(dns.location.toString(), QStringLiteral("live/prod/eks/terragrunt.hcl:15:22"));

    QCOMPARE(eks->includes.size(), 1);
    QCOMPARE(eks->includes.first().name, QStringLiteral("root"));
    QCOMPARE(eks->includes.first().pathExpression, QStringLiteral("find_in_parent_folders()"));
    QCOMPARE(eks->includes.first().resolvedPath, QStringLiteral("live/terragrunt.hcl"));
    QVERIFY(eks->includes.first().expose);
    QCOMPARE(eks->includes.first().location.toString(),
             QStringLiteral("live/prod/eks/terragrunt.hcl:1:1"));
    QCOMPARE(eks->locals.keys(), QStringList{QStringLiteral("env")});
    QCOMPARE(eks->inputs.value(QStringLiteral("vpc_id")),
             QStringLiteral("dependency.vpc.outputs.vpc_id"));

    const TerragruntUnit *iamUnit = findUnit(module, QStringLiteral("iam"));
    QVERIFY(iamUnit);
    QCOMPARE(iamUnit->includes.size(), 1);
    QVERIFY(iamUnit->includes.first().name.isEmpty());
    QVERIFY(!iamUnit->includes.first().expose);
    QCOMPARE(iamUnit->includes.first().resolvedPath, QStringLiteral("live/terragrunt.hcl"));
    const auto iamCall = std::find_if(module.modules.begin(), module.modules.end(),
                                      [](const ModuleCall &c) { return c.name == u"iam"; });
    QVERIFY(iamCall != module.modules.end());
    QCOMPARE(iamCall->localPath, QStringLiteral("modules/iam"));

    const TerragruntUnit *app = findUnit(module, QStringLiteral("app"));
    QVERIFY(app);
    QCOMPARE(app->includes.size(), 2);
    QCOMPARE(app->includes.at(1).name, QStringLiteral("envcommon"));
    QCOMPARE(app->includes.at(1).resolvedPath, QStringLiteral("live/_envcommon/app.hcl"));

    const TerragruntUnit *vpcUnit = findUnit(module, QStringLiteral("vpc"));
    QVERIFY(vpcUnit);
    QCOMPARE(vpcUnit->inputs,
             (QMap<QString, QString>{{QStringLiteral("cidr"), QStringLiteral("\"10.0.0.0/16\"")},
                                     {QStringLiteral("name"), QStringLiteral("\"prod\"")}}));
    QCOMPARE(vpcUnit->sourceLocation.toString(),
             QStringLiteral("live/prod/vpc/terragrunt.hcl:6:1"));
}

void TestTerragrunt::readsVersionsOfRegistrySources_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("subdir");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("via");

    QTest::newRow("literal") << "cache"
                             << ""
                             << "1.2.0"
                             << "live/qa/cache/terragrunt.hcl:2:66"
                             << "literal";
    QTest::newRow("from a local") << "search"
                                  << "modules/domain"
                                  << "0.4.1"
                                  << "live/qa/search/terragrunt.hcl:2:20"
                                  << "literal";
}

void TestTerragrunt::readsVersionsOfRegistrySources()
{
    QFETCH(QString, unit);
    QFETCH(QString, subdir);
    QFETCH(QString, version);
    QFETCH(QString, location);
    QFETCH(QString, via);

    const RootModule module = readRootModule(m_tmp.path(), QStringLiteral("live/qa"));
    QVERIFY2(module.problems.isEmpty(), qPrintable(module.problems.value(0).toString()));
    const auto call = std::find_if(module.modules.begin(), module.modules.end(),
                                   [&](const ModuleCall &c) { return c.name == unit; });
    QVERIFY(call != module.modules.end());
    QCOMPARE(call->sourceKind, SourceKind::Registry);
    QCOMPARE(call->subdir, subdir);
    QCOMPARE(call->version, version);
    QCOMPARE(call->tracedVersion.location.toString(), location);
    QCOMPARE(call->tracedVersion.via, via);
    QVERIFY(call->ref.isEmpty());
    QVERIFY(!call->tracedRef.found());
}

void TestTerragrunt::reportsBrokenUnitsWithLocation()
{
    QTemporaryDir tmp;
    GitFixture files(tmp.path());
    QVERIFY(files.write(QStringLiteral("live/dev/ok/terragrunt.hcl"),
                        "terraform {\n  source = \"git::https://example.com/m.git?ref=v1\"\n}\n"));
    QVERIFY(files.write(QStringLiteral("live/dev/broken/terragrunt.hcl"),
                        "terraform {\n  source = \"git::https://example.com/m.git\n}\n"));
    QVERIFY(files.write(QStringLiteral("live/dev/orphan/terragrunt.hcl"),
                        "\ninclude \"root\" {\n  path = \"../missing.hcl\"\n}\n"));
    const RootModule module = readRootModule(tmp.path(), QStringLiteral("live/dev"));
    QVERIFY(module.problems.size() >= 2);
    QVERIFY2(module.problems.first().toString().startsWith(
                 QStringLiteral("live/dev/broken/terragrunt.hcl:2:")),
             qPrintable(module.problems.first().toString()));
    QCOMPARE(module.problems.last().toString(),
             QStringLiteral("live/dev/orphan/terragrunt.hcl:2:1: the included file "
                            "live/dev/missing.hcl does not exist"));
    const TerragruntUnit *ok = findUnit(module, QStringLiteral("ok"));
    QVERIFY(ok);
    QCOMPARE(ok->ref, QStringLiteral("v1"));
    QCOMPARE(ok->tracedRef.location.toString(), QStringLiteral("live/dev/ok/terragrunt.hcl:2:48"));
}

ENVDECK_TEST_MAIN_CORE(TestTerragrunt)
#include "tst_terragrunt.moc"
