// SPDX-License-Identifier: GPL-3.0-or-later
// Remove, source and version, connect, rename: exact file texts after each edit.
#include "tst_diagramedits.h"

#include "TestSupport.h"
#include "diagram/DiagramEdits.h"
#include "git/BufferDiff.h"

using namespace EnvDeck;
using namespace EnvDeck::Diagram;

namespace {

using Files = QHash<QString, QByteArray>;

const QByteArray mainTf = "# The staging root module.\n"
                          "module \"network\" {\n"
                          "  source = \"../../modules/network\"\n"
                          "\n"
                          "  location = var.location # where everything runs\n"
                          "}\n"
                          "\n"
                          "module \"cluster\" {\n"
                          "  source     = \"../../modules/cluster\"\n"
                          "  subnet_ids = module.network.subnet_ids\n"
                          "  depends_on = [module.network]\n"
                          "}\n"
                          "\n"
                          "module \"apps\" {\n"
                          "  source     = \"../../modules/apps\"\n"
                          "  domain     = \"${module.network.zone}.example.com\"\n"
                          "  depends_on = [module.cluster, module.network]\n"
                          "}\n";

const QByteArray outputsTf = "output \"subnet_ids\" {\n"
                             "  value = module.network.subnet_ids # for the VPN team\n"
                             "}\n";

Files baseFiles()
{
    return {{QStringLiteral("env/main.tf"), mainTf}, {QStringLiteral("env/outputs.tf"), outputsTf}};
}

const QByteArray remoteTf = "module \"vpc\" {\n"
                            "  source  = \"terraform-aws-modules/vpc/aws\"\n"
                            "  version = \"5.0.0\"\n"
                            "  name    = \"main\"\n"
                            "}\n"
                            "\n"
                            "module \"dns\" {\n"
                            "  source = \"git::https://example.com/dns.git?ref=v1.2.0\"\n"
                            "}\n"
                            "\n"
                            "module \"eks\" {\n"
                            "  source = \"terraform-aws-modules/eks/aws\"\n"
                            "  name   = \"k8s\"\n"
                            "}\n";

// Replaces `from` by `to` in text, checking it is there exactly once.
QByteArray replaced(QByteArray text, const QByteArray &from, const QByteArray &to)
{
    if (text.count(from) != 1)
        qFatal("test data: \"%s\" is not in the text exactly once", from.constData());
    return text.replace(from, to);
}

QByteArray texts(const FileEdits &edits)
{
    QByteArray text;
    for (const FileEdit &edit : edits)
        text += edit.file.toUtf8() + ":\n" + edit.after;
    return text;
}

} // namespace

void tst_DiagramEdits::removeModule_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QStringList>("references");

    QTest::newRow("network: depends_on cleaned, references listed")
        << QStringLiteral("network")
        << "env/main.tf:\n"
               + replaced(replaced(replaced(mainTf,
                                            "module \"network\" {\n"
                                            "  source = \"../../modules/network\"\n"
                                            "\n"
                                            "  location = var.location # where everything runs\n"
                                            "}\n",
                                            ""),
                                   "  depends_on = [module.network]\n", ""),
                          "[module.cluster, module.network]", "[module.cluster]")
        << QStringList{
               QStringLiteral(
                   "env/main.tf:5:16: module.cluster subnet_ids: module.network.subnet_ids"),
               QStringLiteral("env/main.tf:10:19: module.apps domain: module.network.zone"),
               QStringLiteral("env/outputs.tf:2:11: output \"subnet_ids\" value: "
                              "module.network.subnet_ids")};
    QTest::newRow("apps: nothing refers to it")
        << QStringLiteral("apps")
        << "env/main.tf:\n"
               + replaced(mainTf,
                          "}\n"
                          "\n"
                          "module \"apps\" {\n"
                          "  source     = \"../../modules/apps\"\n"
                          "  domain     = \"${module.network.zone}.example.com\"\n"
                          "  depends_on = [module.cluster, module.network]\n"
                          "}\n",
                          "}\n")
        << QStringList{};
}

void tst_DiagramEdits::removeModule()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, expected);
    QFETCH(QStringList, references);
    const EnvironmentFiles environment = MemoryFiles{baseFiles()}.environment();
    const auto result = Diagram::removeModule(environment, name);
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
    QCOMPARE(texts(result->edits), expected);
    QStringList actual;
    for (const ModuleReference &reference : result->references)
        actual << reference.location.toString() + QStringLiteral(": ") + reference.where
                      + QStringLiteral(": ") + reference.text;
    QCOMPARE(actual, references);
}

void tst_DiagramEdits::setSourceAndVersion_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    const auto row = [](const char *tag, const QString &operation, const QString &name,
                        const QString &value, const QByteArray &after) {
        QTest::newRow(tag) << operation << name << value << "env/main.tf:\n" + after;
    };
    const QString version = QStringLiteral("version");
    const QString source = QStringLiteral("source");
    row("registry version replaced", version, QStringLiteral("vpc"), QStringLiteral("5.1.0"),
        replaced(remoteTf, "\"5.0.0\"", "\"5.1.0\""));
    row("registry version added below source", version, QStringLiteral("eks"),
        QStringLiteral("20.8.4"),
        replaced(remoteTf, "  source = \"terraform-aws-modules/eks/aws\"\n",
                 "  source = \"terraform-aws-modules/eks/aws\"\n  version = \"20.8.4\"\n"));
    row("registry version removed", version, QStringLiteral("vpc"), QString(),
        replaced(remoteTf, "  version = \"5.0.0\"\n", ""));
    row("git ref replaced", version, QStringLiteral("dns"), QStringLiteral("v1.3.0"),
        replaced(remoteTf, "?ref=v1.2.0", "?ref=v1.3.0"));
    row("git ref removed", version, QStringLiteral("dns"), QString(),
        replaced(remoteTf, "?ref=v1.2.0", ""));
    row("source changed", source, QStringLiteral("eks"), QStringLiteral("../../modules/eks"),
        replaced(remoteTf, "\"terraform-aws-modules/eks/aws\"", "\"../../modules/eks\""));
    row("local source drops the version", source, QStringLiteral("vpc"),
        QStringLiteral("../../modules/vpc"),
        replaced(replaced(remoteTf, "\"terraform-aws-modules/vpc/aws\"", "\"../../modules/vpc\""),
                 "  version = \"5.0.0\"\n", ""));
}

void tst_DiagramEdits::setSourceAndVersion()
{
    QFETCH(QString, operation);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    const EnvironmentFiles environment
        = MemoryFiles{{{QStringLiteral("env/main.tf"), remoteTf}}}.environment();
    const auto edits = operation == u"source" ? setModuleSource(environment, name, value)
                                              : setModuleVersion(environment, name, value);
    QVERIFY2(edits, edits ? "" : qPrintable(edits.error().toString()));
    QCOMPARE(texts(*edits), expected);
    QCOMPARE(edits->value(0).before, remoteTf);
}

void tst_DiagramEdits::connectInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("replaces a value")
        << QStringList{QStringLiteral("cluster"), QStringLiteral("subnet_ids"),
                       QStringLiteral("network"), QStringLiteral("private_subnet_ids")}
        << "env/main.tf:\n"
               + replaced(mainTf, "subnet_ids = module.network.subnet_ids\n",
                          "subnet_ids = module.network.private_subnet_ids\n");
    QTest::newRow("adds an input")
        << QStringList{QStringLiteral("apps"), QStringLiteral("kube_config"),
                       QStringLiteral("cluster"), QStringLiteral("kube_config")}
        << "env/main.tf:\n"
               + replaced(mainTf,
                          "  source     = \"../../modules/apps\"\n"
                          "  domain     = \"${module.network.zone}.example.com\"\n"
                          "  depends_on = [module.cluster, module.network]\n",
                          "  source      = \"../../modules/apps\"\n"
                          "  domain      = \"${module.network.zone}.example.com\"\n"
                          "  depends_on  = [module.cluster, module.network]\n"
                          "  kube_config = module.cluster.kube_config\n");
}

void tst_DiagramEdits::connectInput()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, expected);
    const auto edits = Diagram::connectInput(MemoryFiles{baseFiles()}.environment(), args.at(0),
                                             args.at(1), args.at(2), args.at(3));
    QVERIFY2(edits, edits ? "" : qPrintable(edits.error().toString()));
    QCOMPARE(texts(*edits), expected);
}

void tst_DiagramEdits::renameModule_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QByteArray>("expected");

    const auto moved = [](const QByteArray &from, const QByteArray &to) -> QByteArray {
        return "\nmoved {\n  from = module." + from + "\n  to   = module." + to + "\n}\n";
    };
    QByteArray main = mainTf;
    main.replace("module \"network\"", "module \"net\"").replace("module.network", "module.net");
    QTest::newRow("label, every reference, and a moved block")
        << baseFiles() << QStringLiteral("network") << QStringLiteral("net")
        << "env/main.tf:\n" + main + moved("network", "net") + "env/outputs.tf:\n"
               + replaced(outputsTf, "module.network", "module.net");
    QTest::newRow("longer name, only its own references")
        << baseFiles() << QStringLiteral("cluster") << QStringLiteral("kubernetes_cluster")
        << "env/main.tf:\n"
               + replaced(replaced(mainTf, "module \"cluster\"", "module \"kubernetes_cluster\""),
                          "[module.cluster,", "[module.kubernetes_cluster,")
               + moved("cluster", "kubernetes_cluster");
    // net was network before: renaming it back drops that move instead of adding a cycle; a
    // move from an older name (module.vnet) is state history and stays as written.
    const QByteArray history = "moved {\n  from = module.vnet\n  to   = module.network\n}\n";
    const QByteArray renamed = main + "\n" + history + moved("network", "net");
    QTest::newRow("renamed back") << Files{{QStringLiteral("env/main.tf"), renamed}}
                                  << QStringLiteral("net") << QStringLiteral("network")
                                  << "env/main.tf:\n" + mainTf + "\n" + history;
    QTest::newRow("same name: nothing to do")
        << baseFiles() << QStringLiteral("apps") << QStringLiteral("apps") << QByteArray();
}

void tst_DiagramEdits::renameModule()
{
    QFETCH(Files, files);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QByteArray, expected);
    const auto edits = Diagram::renameModule(MemoryFiles{files}.environment(), from, to);
    QVERIFY2(edits, edits ? "" : qPrintable(edits.error().toString()));
    QCOMPARE(texts(*edits), expected);
}

void tst_DiagramEdits::bufferDiff()
{
    const QByteArray before = "a\nb\nc\n";
    const QByteArray after = "a\nB\nc\nd\n";
    const auto diff = Git::diffBuffers(before, after, QStringLiteral("env/main.tf"));
    QVERIFY2(diff, diff ? "" : qPrintable(diff.error().toString()));
    QCOMPARE(*diff, QStringLiteral("diff --git a/env/main.tf b/env/main.tf\n"
                                   "index de98044..a7bc997 100644\n"
                                   "--- a/env/main.tf\n"
                                   "+++ b/env/main.tf\n"
                                   "@@ -1,3 +1,4 @@\n"
                                   " a\n"
                                   "-b\n"
                                   "+B\n"
                                   " c\n"
                                   "+d\n"));
    const auto same = Git::diffBuffers(before, before, QStringLiteral("x"));
    QVERIFY(same);
    QCOMPARE(*same, QString());
}

void tst_DiagramEdits::identifiers_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("redis") << true;
    QTest::newRow("underscore first") << QStringLiteral("_x1") << true;
    QTest::newRow("dash inside") << QStringLiteral("key-vault") << true;
    QTest::newRow("digit first") << QStringLiteral("1x") << false;
    QTest::newRow("blank") << QStringLiteral("a b") << false;
    QTest::newRow("dot") << QStringLiteral("a.b") << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_DiagramEdits::identifiers()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidIdentifier(name), valid);
}
