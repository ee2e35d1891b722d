// SPDX-License-Identifier: GPL-3.0-or-later
// The diagram edits on file bytes: exact texts after each edit, formatting and comments kept,
// and the edits that are refused.
#include "tst_diagramedits.h"

#include "TestSupport.h"
#include "diagram/DiagramEdits.h"
#include "git/BufferDiff.h"

using namespace EnvDeck;
using namespace EnvDeck::Diagram;

Q_DECLARE_METATYPE(EnvDeck::Diagram::FileEdits)

EnvironmentFiles MemoryFiles::environment(const QString &folder) const
{
    EnvironmentFiles environment;
    environment.folder = folder;
    environment.files = files.keys();
    environment.files.sort();
    environment.read = [files = files](const QString &file) { return files.value(file); };
    return environment;
}

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
                          "}\n";

const QByteArray outputsTf = "output \"subnet_ids\" {\n"
                             "  value = module.network.subnet_ids\n"
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
                            "}\n"
                            "\n"
                            "module \"app\" {\n"
                            "  source = \"../../modules/app\"\n"
                            "}\n";

// The edits as "file:\n<after>" blocks, for readable failures.
QByteArray afterTexts(const FileEdits &edits)
{
    QByteArray text;
    for (const FileEdit &edit : edits)
        text += edit.file.toUtf8() + ":\n" + edit.after;
    return text;
}

QByteArray expectedTexts(const QList<QPair<QString, QByteArray>> &files)
{
    QByteArray text;
    for (const auto &[file, after] : files)
        text += file.toUtf8() + ":\n" + after;
    return text;
}

// Every edit's `before` must be what the reader gave.
void checkBefores(const FileEdits &edits, const Files &files)
{
    for (const FileEdit &edit : edits)
        QCOMPARE(edit.before, files.value(edit.file));
}

Result<FileEdits> run(const QString &operation, const QStringList &args, const Files &files)
{
    const EnvironmentFiles environment = MemoryFiles{files}.environment();
    if (operation == u"add") {
        AddModuleRequest request{args.value(0), args.value(1), args.value(2), {}};
        for (qsizetype i = 3; i + 1 < args.size(); i += 2)
            request.inputs.append({args.at(i), args.at(i + 1)});
        return addModule(environment, request);
    }
    if (operation == u"remove") {
        auto removed = removeModule(environment, args.value(0));
        if (!removed)
            return removed.error();
        return removed->edits;
    }
    if (operation == u"rename")
        return renameModule(environment, args.value(0), args.value(1));
    if (operation == u"source")
        return setModuleSource(environment, args.value(0), args.value(1));
    if (operation == u"version")
        return setModuleVersion(environment, args.value(0), args.value(1));
    if (operation == u"connect")
        return connectInput(environment, args.value(0), args.value(1), args.value(2),
                            args.value(3));
    return Error(QStringLiteral("unknown operation"));
}

} // namespace

void tst_DiagramEdits::addModule_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QStringList>("args"); // name, source, version, input, expression, ...
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("local, no inputs")
        << baseFiles()
        << QStringList{QStringLiteral("redis"), QStringLiteral("../../modules/redis"), {}}
        << expectedTexts(
               {{QStringLiteral("env/main.tf"),
                 mainTf + "\nmodule \"redis\" {\n  source = \"../../modules/redis\"\n}\n"}});
    QTest::newRow("registry, version, aligned inputs")
        << baseFiles()
        << QStringList{QStringLiteral("vpc"),
                       QStringLiteral("terraform-aws-modules/vpc/aws"),
                       QStringLiteral("5.1.2"),
                       QStringLiteral("cidr"),
                       QStringLiteral("\"10.0.0.0/16\""),
                       QStringLiteral("azs"),
                       QStringLiteral("[\"a\", \"b\"]"),
                       QStringLiteral("name"),
                       QStringLiteral("\"${var.prefix}-vpc\""),
                       QStringLiteral("subnet_ids"),
                       QStringLiteral("module.network.subnet_ids")}
        << expectedTexts({{QStringLiteral("env/main.tf"),
                           mainTf
                               + "\nmodule \"vpc\" {\n"
                                 "  source     = \"terraform-aws-modules/vpc/aws\"\n"
                                 "  version    = \"5.1.2\"\n"
                                 "  cidr       = \"10.0.0.0/16\"\n"
                                 "  azs        = [\"a\", \"b\"]\n"
                                 "  name       = \"${var.prefix}-vpc\"\n"
                                 "  subnet_ids = module.network.subnet_ids\n"
                                 "}\n"}});
    const QByteArray providers = "provider \"azurerm\" {\n  features {}\n}\n";
    const QByteArray modules = "module \"a\" {\n  source = \"./a\"\n}\n";
    QTest::newRow("the file holding the module calls")
        << Files{{QStringLiteral("env/main.tf"), providers},
                 {QStringLiteral("env/modules.tf"), modules}}
        << QStringList{QStringLiteral("b"), QStringLiteral("./b"), {}}
        << expectedTexts({{QStringLiteral("env/modules.tf"),
                           modules + "\nmodule \"b\" {\n  source = \"./b\"\n}\n"}});
    const QByteArray crlf = "module \"a\" {\r\n  source = \"./a\"\r\n}\r\n";
    QTest::newRow("CRLF line endings kept")
        << Files{{QStringLiteral("env/main.tf"), crlf}}
        << QStringList{QStringLiteral("b"),
                       QStringLiteral("./b"),
                       {},
                       QStringLiteral("x"),
                       QStringLiteral("1")}
        << expectedTexts(
               {{QStringLiteral("env/main.tf"),
                 crlf + "\r\nmodule \"b\" {\r\n  source = \"./b\"\r\n  x      = 1\r\n}\r\n"}});
}

void tst_DiagramEdits::addModule()
{
    QFETCH(Files, files);
    QFETCH(QStringList, args);
    QFETCH(QByteArray, expected);
    const auto edits = run(QStringLiteral("add"), args, files);
    QVERIFY2(edits, edits ? "" : qPrintable(edits.error().toString()));
    QCOMPARE(afterTexts(*edits), expected);
    checkBefores(*edits, files);
}

void tst_DiagramEdits::refusals_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");

    const Files base = baseFiles();
    QTest::newRow("duplicate name")
        << base << QStringLiteral("add")
        << QStringList{QStringLiteral("network"), QStringLiteral("./x"), {}}
        << QStringLiteral("env/main.tf:2:1: There is already a module \"network\"");
    QTest::newRow("bad identifier")
        << base << QStringLiteral("add")
        << QStringList{QStringLiteral("1redis"), QStringLiteral("./x"), {}}
        << QStringLiteral("\"1redis\" is not a valid module name: use a letter or _ followed by "
                          "letters, digits, _ and -");
    QTest::newRow("version of a local source")
        << base << QStringLiteral("add")
        << QStringList{QStringLiteral("redis"), QStringLiteral("./x"), QStringLiteral("1.0.0")}
        << QStringLiteral("Only modules from a registry take a version; \"./x\" is not a registry "
                          "source");
    QTest::newRow("input given twice")
        << base << QStringLiteral("add")
        << QStringList{QStringLiteral("redis"), QStringLiteral("./x"), {},
                       QStringLiteral("a"),     QStringLiteral("1"),   QStringLiteral("a"),
                       QStringLiteral("2")}
        << QStringLiteral("The input \"a\" is given twice");
    QTest::newRow("input that is not an expression")
        << base << QStringLiteral("add")
        << QStringList{QStringLiteral("redis"),
                       QStringLiteral("./x"),
                       {},
                       QStringLiteral("a"),
                       QStringLiteral("1 +")}
        << QStringLiteral("The value of input \"a\" is not an expression: expected an "
                          "expression, found end of file");
    QTest::newRow("remove unknown")
        << base << QStringLiteral("remove") << QStringList{QStringLiteral("redis")}
        << QStringLiteral("There is no module \"redis\" in env");
    QTest::newRow("rename to a used name")
        << base << QStringLiteral("rename")
        << QStringList{QStringLiteral("network"), QStringLiteral("cluster")}
        << QStringLiteral("There is already a module \"cluster\"");
    QTest::newRow("rename to a bad identifier")
        << base << QStringLiteral("rename")
        << QStringList{QStringLiteral("network"), QStringLiteral("my module")}
        << QStringLiteral("\"my module\" is not a valid module name: use a letter or _ followed "
                          "by letters, digits, _ and -");
    QTest::newRow("connect to itself")
        << base << QStringLiteral("connect")
        << QStringList{QStringLiteral("cluster"), QStringLiteral("x"), QStringLiteral("cluster"),
                       QStringLiteral("y")}
        << QStringLiteral("Module \"cluster\" cannot take its own output");
    QTest::newRow("connect from unknown")
        << base << QStringLiteral("connect")
        << QStringList{QStringLiteral("cluster"), QStringLiteral("x"), QStringLiteral("dns"),
                       QStringLiteral("y")}
        << QStringLiteral("There is no module \"dns\" in env");
    QTest::newRow("version of a local module")
        << Files{{QStringLiteral("env/main.tf"), remoteTf}} << QStringLiteral("version")
        << QStringList{QStringLiteral("app"), QStringLiteral("1.0.0")}
        << QStringLiteral("env/main.tf:17:12: Module \"app\" is a local module: it has no version");
    Files broken = base;
    broken.insert(QStringLiteral("env/outputs.tf"), "output \"x\" {\n  value = [1,\n}\n");
    QTest::newRow("a file that does not parse")
        << broken << QStringLiteral("rename")
        << QStringList{QStringLiteral("network"), QStringLiteral("net")}
        << QStringLiteral("env/outputs.tf:3:1: cannot edit a file that does not parse: expected "
                          "an expression, found '}'");
}

void tst_DiagramEdits::refusals()
{
    QFETCH(Files, files);
    QFETCH(QString, operation);
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    const auto edits = run(operation, args, files);
    QVERIFY2(!edits, edits ? afterTexts(*edits).constData() : "");
    QCOMPARE(edits.error().toString(), error);
}
