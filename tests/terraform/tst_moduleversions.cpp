// SPDX-License-Identifier: GPL-3.0-or-later
// Module `version` attributes and `?ref=` of git sources, traced to where they are written.
#include "GitFixture.h"
#include "TestSupport.h"

#include "terraform/TerraformModel.h"

#include <QTemporaryDir>

using namespace EnvDeck;
using namespace EnvDeck::Terraform;

class TestModuleVersions : public QObject
{
    Q_OBJECT

private slots:
    void tracesModuleVersions_data();
    void tracesModuleVersions();
    void tracesRefsOfSources_data();
    void tracesRefsOfSources();
};

void TestModuleVersions::tracesModuleVersions_data()
{
    QTest::addColumn<QByteArray>("versionExpression");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("via");

    QTest::newRow("literal") << QByteArray("\"5.0.0\"") << "5.0.0"
                             << "env/main.tf:8:13"
                             << "literal";
    QTest::newRow("variable default") << QByteArray("var.vpc_version") << "4.0.0"
                                      << "env/variables.tf:2:13"
                                      << "variable default";
    QTest::newRow("tfvars wins over the default") << QByteArray("var.eks_version") << "19.21.0"
                                                  << "env/prod.tfvars:2:15"
                                                  << "tfvars";
    QTest::newRow("local") << QByteArray("local.vpc") << "5.1.2"
                           << "env/main.tf:3:14"
                           << "literal";
    QTest::newRow("yamldecode") << QByteArray("local.versions.modules.vpc") << "5.1.0"
                                << "env/versions.yaml:2:8"
                                << "yaml";
    QTest::newRow("computed: the source text") << QByteArray("module.pins.vpc") << "module.pins.vpc"
                                               << ""
                                               << "";
}

void TestModuleVersions::tracesModuleVersions()
{
    QFETCH(QByteArray, versionExpression);
    QFETCH(QString, version);
    QFETCH(QString, location);
    QFETCH(QString, via);

    QTemporaryDir tmp;
    GitFixture files(tmp.path());
    QVERIFY(files.write(QStringLiteral("env/main.tf"),
                        "locals {\n"
                        "  versions = yamldecode(file(\"${path.module}/versions.yaml\"))\n"
                        "  vpc      = \"5.1.2\"\n"
                        "}\n"
                        "\n"
                        "module \"vpc\" {\n"
                        "  source  = \"terraform-aws-modules/vpc/aws\"\n"
                        "  version = "
                            + versionExpression + "\n}\n"));
    QVERIFY(files.write(QStringLiteral("env/variables.tf"), "variable \"vpc_version\" {\n"
                                                            "  default = \"4.0.0\"\n"
                                                            "}\n"
                                                            "variable \"eks_version\" {\n"
                                                            "  default = \"18.0.0\"\n"
                                                            "}\n"));
    QVERIFY(files.write(QStringLiteral("env/prod.tfvars"),
                        "# production pins\neks_version = \"19.21.0\"\n"));
    QVERIFY(files.write(QStringLiteral("env/versions.yaml"), "modules:\n  vpc: 5.1.0\n"));

    const RootModule module
        = readRootModule(tmp.path(), QStringLiteral("env"), QStringLiteral("env/prod.tfvars"));
    QVERIFY2(module.problems.isEmpty(), qPrintable(module.problems.value(0).toString()));
    QCOMPARE(module.modules.size(), 1);
    const ModuleCall &call = module.modules.first();
    QCOMPARE(call.sourceKind, SourceKind::Registry);
    QCOMPARE(call.version, version);
    QCOMPARE(call.tracedVersion.location.toString(), location);
    QCOMPARE(call.tracedVersion.via, via);
    QCOMPARE(call.tracedVersion.found(), !location.isEmpty());
    QVERIFY(!call.tracedRef.found());
}

void TestModuleVersions::tracesRefsOfSources_data()
{
    QTest::addColumn<QByteArray>("sourceExpression");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("subdir");
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("via");

    QTest::newRow("ref in a literal source")
        << QByteArray("\"git::https://github.com/acme/modules.git//network?ref=v2.4.1\"")
        << "git::https://github.com/acme/modules.git//network?ref=v2.4.1"
        << "git"
        << "network"
        << "v2.4.1"
        << "env/main.tf:6:67"
        << "literal";
    QTest::newRow("ref after another parameter")
        << QByteArray("\"git::https://example.com/m.git?depth=1&ref=release-7\"")
        << "git::https://example.com/m.git?depth=1&ref=release-7"
        << "git"
        << ""
        << "release-7"
        << "env/main.tf:6:56"
        << "literal";
    QTest::newRow("escape before the ref")
        << QByteArray("\"git::https://example.com/\\u006d.git?ref=v1\"")
        << "git::https://example.com/m.git?ref=v1"
        << "git"
        << ""
        << "v1"
        << "env/main.tf:6:53"
        << "literal";
    QTest::newRow("template: variable default")
        << QByteArray(
               "\"git::https://github.com/acme/modules.git//network?ref=${var.network_ref}\"")
        << "git::https://github.com/acme/modules.git//network?ref=v3.1.0"
        << "git"
        << "network"
        << "v3.1.0"
        << "env/variables.tf:2:13"
        << "variable default";
    QTest::newRow("template: tfvars")
        << QByteArray("\"git@github.com:acme/eks.git?ref=${var.eks_ref}\"")
        << "git@github.com:acme/eks.git?ref=v9.0.0"
        << "git"
        << ""
        << "v9.0.0"
        << "env/prod.tfvars:1:11"
        << "tfvars";
    QTest::newRow("template: local and traced host")
        << QByteArray("\"${local.modules_repo}//dns?ref=${local.modules_ref}\"")
        << "git::https://example.com/infra.git//dns?ref=v3.0.0"
        << "git"
        << "dns"
        << "v3.0.0"
        << "env/main.tf:3:17"
        << "literal";
    QTest::newRow("template: computed ref")
        << QByteArray("\"git::https://example.com/m.git?ref=${data.git.tag}\"")
        << "git::https://example.com/m.git?ref=${data.git.tag}"
        << "git"
        << ""
        << "${data.git.tag}"
        << ""
        << "";
    QTest::newRow("no ref") << QByteArray("\"terraform-aws-modules/vpc/aws\"")
                            << "terraform-aws-modules/vpc/aws"
                            << "registry"
                            << ""
                            << ""
                            << ""
                            << "";
}

void TestModuleVersions::tracesRefsOfSources()
{
    QFETCH(QByteArray, sourceExpression);
    QFETCH(QString, source);
    QFETCH(QString, kind);
    QFETCH(QString, subdir);
    QFETCH(QString, ref);
    QFETCH(QString, location);
    QFETCH(QString, via);

    QTemporaryDir tmp;
    GitFixture files(tmp.path());
    QVERIFY(files.write(QStringLiteral("env/main.tf"),
                        "locals {\n"
                        "  modules_repo = \"git::https://example.com/infra.git\"\n"
                        "  modules_ref = \"v3.0.0\"\n"
                        "}\n"
                        "module \"network\" {\n"
                        "  source = "
                            + sourceExpression + "\n}\n"));
    QVERIFY(files.write(QStringLiteral("env/variables.tf"), "variable \"network_ref\" {\n"
                                                            "  default = \"v3.1.0\"\n"
                                                            "}\n"
                                                            "variable \"eks_ref\" {\n"
                                                            "  default = \"v8.0.0\"\n"
                                                            "}\n"));
    QVERIFY(files.write(QStringLiteral("env/prod.tfvars"), "eks_ref = \"v9.0.0\"\n"));

    const RootModule module
        = readRootModule(tmp.path(), QStringLiteral("env"), QStringLiteral("env/prod.tfvars"));
    QVERIFY2(module.problems.isEmpty(), qPrintable(module.problems.value(0).toString()));
    QCOMPARE(module.modules.size(), 1);
    const ModuleCall &call = module.modules.first();
    QCOMPARE(call.source, source);
    QCOMPARE(sourceKindName(call.sourceKind), kind);
    QCOMPARE(call.subdir, subdir);
    QCOMPARE(call.ref, ref);
    QCOMPARE(call.tracedRef.location.toString(), location);
    QCOMPARE(call.tracedRef.via, via);
    QCOMPARE(call.tracedRef.value, location.isEmpty() ? QString() : ref);
    QCOMPARE(call.location.toString(), QStringLiteral("env/main.tf:5:1"));
}

ENVDECK_TEST_MAIN_CORE(TestModuleVersions)
#include "tst_moduleversions.moc"
