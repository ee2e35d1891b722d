// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real `envdeck` binary the way CI and users do: no display, no Qt platform plugin.
#include "CliRunner.h"
#include "GitFixture.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run envdeck(const QStringList &arguments, const QString &home)
{
    const CliRun run = runEnvdeck(arguments, home);
    return Run{run.exitCode, run.outText(), run.err};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_home.isValid()); }
    void answersWithoutDisplay_data();
    void answersWithoutDisplay();
    void rejectsBadArguments_data();
    void rejectsBadArguments();
    void createsDemoAndListsEnvironments();
    void refusesNonEmptyTarget();
    void convertsHclToJson();
    void inspectsTerragruntAndTracedVersions_data();
    void inspectsTerragruntAndTracedVersions();

private:
    QTemporaryDir m_home;
};

void TestCli::answersWithoutDisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("--version") << QStringList{
        "--version"} << QStringList{"EnvDeck 0.1.0", "Qt 6.", "libgit2 1.5", "yaml-cpp 0.7"};
    QTest::newRow("--help") << QStringList{"--help"}
                            << QStringList{"Usage: envdeck", "demo-repo", "environments", "--demo"};
    QTest::newRow("demo-repo --help") << QStringList{"demo-repo", "--help"}
                                      << QStringList{"Usage: envdeck demo-repo", "--seed <N>",
                                                     "--environments <N>",       "--modules <N>",
                                                     "--components <N>",         "--commits <N>"};
    QTest::newRow("help demo-repo")
        << QStringList{"help", "demo-repo"} << QStringList{"Usage: envdeck demo-repo"};
    QTest::newRow("hcl2json --help")
        << QStringList{"hcl2json", "--help"} << QStringList{"Usage: envdeck hcl2json", "FILE..."};
    QTest::newRow("inspect --help")
        << QStringList{"inspect", "--help"}
        << QStringList{"Usage: envdeck inspect", "--json", "--env <NAME>"};
    QTest::newRow("environments --help") << QStringList{"environments", "--help"}
                                         << QStringList{"Usage: envdeck environments", "--format"};
}

void TestCli::answersWithoutDisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);

    const Run run = envdeck(arguments, m_home.path());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    for (const QString &text : expected)
        QVERIFY2(run.out.contains(text), qPrintable(text + QStringLiteral(" not in:\n") + run.out));
}

void TestCli::rejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown command")
        << QStringList{"frobnicate"} << 2 << "unknown command 'frobnicate'";
    QTest::newRow("demo-repo without DIR")
        << QStringList{"demo-repo"} << 2 << "expected exactly one DIR";
    QTest::newRow("demo-repo two DIRs")
        << QStringList{"demo-repo", "a", "b"} << 2 << "expected exactly one DIR";
    QTest::newRow("commits not a number") << QStringList{"demo-repo", "x", "--commits", "many"} << 2
                                          << "--commits must be a whole number from 20 to 100000";
    QTest::newRow("too few environments")
        << QStringList{"demo-repo", "x", "--environments", "1"} << 2
        << "--environments must be a whole number from 3 to 60";
    QTest::newRow("bad end date") << QStringList{"demo-repo", "x", "--end-date", "yesterday"} << 2
                                  << "--end-date must be a date";
    QTest::newRow("unknown option")
        << QStringList{"demo-repo", "x", "--colour"} << 2 << "Unknown option 'colour'";
    QTest::newRow("environments of a missing path")
        << QStringList{"environments", "/nonexistent/infra"} << 2
        << "'/nonexistent/infra' does not exist";
    QTest::newRow("window without a display") << QStringList{"--demo"} << 2 << "no display found";
    QTest::newRow("bad format") << QStringList{"environments", ".", "--format", "xml"} << 2
                                << "--format must be text or json";
}

void TestCli::rejectsBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);

    const Run run = envdeck(arguments, m_home.path());
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

void TestCli::createsDemoAndListsEnvironments()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("infra"));
    const Run created = envdeck({QStringLiteral("demo-repo"), dir, QStringLiteral("--commits"),
                                 QStringLiteral("60"), QStringLiteral("--quiet")},
                                m_home.path());
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    QVERIFY(created.out.contains(QStringLiteral("commits:        60")));
    QVERIFY(QFileInfo::exists(dir + QStringLiteral("/.envdeck.yaml")));
    QVERIFY(QFileInfo::exists(tmp.filePath(QStringLiteral("infra-origin.git/HEAD"))));

    const Run listed = envdeck(
        {QStringLiteral("environments"), dir, QStringLiteral("--format"), QStringLiteral("json")},
        m_home.path());
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    const QJsonObject root = QJsonDocument::fromJson(listed.out.toUtf8()).object();
    QStringList names;
    for (const QJsonValue &value : root.value(QStringLiteral("environments")).toArray())
        names << value.toObject().value(QStringLiteral("name")).toString();
    QCOMPARE(names, (QStringList{"dev", "staging", "prod-eu", "prod-us", "contoso"}));
    QCOMPARE(root.value(QStringLiteral("branch")).toString(), QStringLiteral("main"));

    const Run inspected
        = envdeck({QStringLiteral("inspect"), dir, QStringLiteral("--json")}, m_home.path());
    QVERIFY2(inspected.exitCode == 0, qPrintable(inspected.err));
    const QJsonArray inspectedEnvironments = QJsonDocument::fromJson(inspected.out.toUtf8())
                                                 .object()
                                                 .value(QStringLiteral("environments"))
                                                 .toArray();
    QCOMPARE(inspectedEnvironments.size(), 5);
    const QJsonObject staging = inspectedEnvironments.at(1).toObject();
    QCOMPARE(staging.value(QStringLiteral("name")).toString(), QStringLiteral("staging"));
    QVERIFY(staging.value(QStringLiteral("modules")).toArray().size() >= 10);
    const QJsonArray releases = staging.value(QStringLiteral("helm_releases")).toArray();
    QCOMPARE(releases.size(), staging.value(QStringLiteral("components")).toArray().size());
    const QJsonObject where
        = releases.at(0).toObject().value(QStringLiteral("version_location")).toObject();
    QCOMPARE(where.value(QStringLiteral("file")).toString(),
             QStringLiteral("environments/staging/versions.yaml"));
    QVERIFY(where.value(QStringLiteral("line")).toInt() > 0);

    const Run unknown
        = envdeck({QStringLiteral("inspect"), dir, QStringLiteral("--env"), QStringLiteral("qa")},
                  m_home.path());
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains(QStringLiteral("no environment named 'qa'")));

    const Run text = envdeck({QStringLiteral("environments"), dir}, m_home.path());
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.startsWith(QStringLiteral("ENVIRONMENT")));
    QVERIFY(text.out.contains(QStringLiteral("prod-us")));
}

void TestCli::refusesNonEmptyTarget()
{
    QTemporaryDir tmp;
    QFile file(tmp.filePath(QStringLiteral("keep.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("precious\n");
    file.close();

    const Run run = envdeck({QStringLiteral("demo-repo"), tmp.path(), QStringLiteral("--quiet")},
                            m_home.path());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("is not an empty folder")), qPrintable(run.err));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("keep.txt")});
}

void TestCli::convertsHclToJson()
{
    QTemporaryDir tmp;
    const auto write = [&](const QString &name, const QByteArray &text) {
        QFile file(tmp.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write(QStringLiteral("a.tf"),
          "module \"net\" {\n  source = \"../net\"\n  cidr   = var.cidr\n}\n");
    write(QStringLiteral("b.tfvars"), "replicas = 3\n");
    write(QStringLiteral("bad.tf"), "ok = 1\nname = \"unterminated\n\nx = [1,\n");

    const Run one = envdeck({QStringLiteral("hcl2json"), tmp.filePath(QStringLiteral("a.tf"))},
                            m_home.path());
    QVERIFY2(one.exitCode == 0, qPrintable(one.err));
    const QJsonObject module = QJsonDocument::fromJson(one.out.toUtf8()).object();
    const QJsonObject net = module.value(QStringLiteral("module"))
                                .toObject()
                                .value(QStringLiteral("net"))
                                .toArray()
                                .at(0)
                                .toObject();
    QCOMPARE(net.value(QStringLiteral("source")).toString(), QStringLiteral("../net"));
    QCOMPARE(net.value(QStringLiteral("cidr")).toString(), QStringLiteral("${var.cidr}"));

    // Several files: one object keyed by each path as given.
    const QString a = tmp.filePath(QStringLiteral("a.tf"));
    const QString b = tmp.filePath(QStringLiteral("b.tfvars"));
    const Run two = envdeck({QStringLiteral("hcl2json"), a, b}, m_home.path());
    QCOMPARE(two.exitCode, 0);
    const QJsonObject both = QJsonDocument::fromJson(two.out.toUtf8()).object();
    QCOMPARE(both.keys(), (QStringList{a, b}));
    QCOMPARE(both.value(b).toObject().value(QStringLiteral("replicas")).toInt(), 3);

    // Errors: file:line:column on stderr, several per file, non-zero exit, nothing on stdout.
    const QString bad = tmp.filePath(QStringLiteral("bad.tf"));
    const Run broken = envdeck({QStringLiteral("hcl2json"), bad}, m_home.path());
    QCOMPARE(broken.exitCode, 1);
    QVERIFY(broken.out.isEmpty());
    QVERIFY2(broken.err.startsWith(bad + QStringLiteral(":2:8: ")), qPrintable(broken.err));
    QVERIFY2(broken.err.count(bad + QLatin1Char(':')) >= 2, qPrintable(broken.err));

    const Run missing = envdeck(
        {QStringLiteral("hcl2json"), tmp.filePath(QStringLiteral("none.tf"))}, m_home.path());
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains(QStringLiteral("cannot read the file")));
}

namespace {

QJsonObject at(const QString &file, int line, int column)
{
    return QJsonObject{{QStringLiteral("file"), file},
                       {QStringLiteral("line"), line},
                       {QStringLiteral("column"), column}};
}

} // namespace

void TestCli::inspectsTerragruntAndTracedVersions_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("module");
    QTest::addColumn<QJsonObject>("expected"); // keys the module's JSON object must have

    QTest::newRow("module version from a variable default")
        << "dev"
        << "vpc"
        << QJsonObject{{"source", "terraform-aws-modules/vpc/aws"},
                       {"source_kind", "registry"},
                       {"version", "5.1.2"},
                       {"version_location", at("live/dev/variables.tf", 2, 13)},
                       {"ref", QJsonValue()},
                       {"ref_location", QJsonValue()},
                       {"references", QJsonArray{}},
                       {"location", at("live/dev/main.tf", 1, 1)},
                       {"terragrunt", QJsonValue()}};
    QTest::newRow("unit with a literal ref and a dependency")
        << "prod"
        << "eks"
        << QJsonObject{{"source", "git::https://github.com/acme/modules.git//eks?ref=v2.0.1"},
                       {"source_kind", "git"},
                       {"version", QJsonValue()},
                       {"version_location", QJsonValue()},
                       {"ref", "v2.0.1"},
                       {"ref_location", at("live/prod/eks/terragrunt.hcl", 2, 63)},
                       {"subdir", "eks"},
                       {"references", QJsonArray{"dependency.vpc"}},
                       {"for_each", QJsonValue()},
                       {"count", QJsonValue()},
                       {"location", at("live/prod/eks/terragrunt.hcl", 1, 1)}};
    QTest::newRow("unit with a ref from an exposed include")
        << "prod"
        << "vpc"
        << QJsonObject{{"source", "git::https://github.com/acme/modules.git//vpc?ref=v1.8.0"},
                       {"ref", "v1.8.0"},
                       {"ref_location", at("live/terragrunt.hcl", 2, 16)},
                       {"references", QJsonArray{}},
                       {"location", at("live/prod/vpc/terragrunt.hcl", 5, 1)}};
}

void TestCli::inspectsTerragruntAndTracedVersions()
{
    QFETCH(QString, environment);
    QFETCH(QString, module);
    QFETCH(QJsonObject, expected);

    QTemporaryDir tmp;
    GitFixture repo(tmp.path());
    QVERIFY(repo.init());
    QVERIFY(repo.write(QStringLiteral("live/terragrunt.hcl"),
                       "locals {\n  module_ref = \"v1.8.0\"\n}\n"));
    QVERIFY(repo.write(QStringLiteral("live/prod/vpc/terragrunt.hcl"),
                       "include \"root\" {\n"
                       "  path   = find_in_parent_folders()\n"
                       "  expose = true\n"
                       "}\n"
                       "terraform {\n"
                       "  source = \"git::https://github.com/acme/modules.git//"
                       "vpc?ref=${include.root.locals.module_ref}\"\n"
                       "}\n"));
    QVERIFY(repo.write(QStringLiteral("live/prod/eks/terragrunt.hcl"),
                       "terraform {\n"
                       "  source = \"git::https://github.com/acme/modules.git//eks?ref=v2.0.1\"\n"
                       "}\n"
                       "dependency \"vpc\" {\n"
                       "  config_path = \"../vpc\"\n"
                       "}\n"));
    QVERIFY(repo.write(QStringLiteral("live/dev/main.tf"),
                       "module \"vpc\" {\n"
                       "  source  = \"terraform-aws-modules/vpc/aws\"\n"
                       "  version = var.vpc_version\n"
                       "}\n"));
    QVERIFY(repo.write(QStringLiteral("live/dev/variables.tf"),
                       "variable \"vpc_version\" {\n  default = \"5.1.2\"\n}\n"));
    QVERIFY(repo.commit(QStringLiteral("Terragrunt and Terraform environments")));

    const Run run
        = envdeck({QStringLiteral("inspect"), tmp.path(), QStringLiteral("--json")}, m_home.path());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QJsonObject found;
    QStringList names;
    const QJsonArray environments = QJsonDocument::fromJson(run.out.toUtf8())
                                        .object()
                                        .value(QStringLiteral("environments"))
                                        .toArray();
    for (const QJsonValue &value : environments) {
        const QJsonObject object = value.toObject();
        names << object.value(QStringLiteral("name")).toString();
        if (names.last() != environment)
            continue;
        for (const QJsonValue &call : object.value(QStringLiteral("modules")).toArray()) {
            if (call.toObject().value(QStringLiteral("name")).toString() == module)
                found = call.toObject();
        }
    }
    QCOMPARE(names, (QStringList{"dev", "prod"}));
    QVERIFY2(!found.isEmpty(), qPrintable(run.out));
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        QVERIFY2(found.contains(it.key()), qPrintable(it.key()));
        QVERIFY2(found.value(it.key()) == it.value(),
                 qPrintable(it.key() + QStringLiteral(": ")
                            + QString::fromUtf8(QJsonDocument(found).toJson())));
    }

    // The text output shows the same facts.
    const Run text = envdeck({QStringLiteral("inspect"), tmp.path()}, m_home.path());
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral(" 5.1.2 (live/dev/variables.tf:2:13)")),
             qPrintable(text.out));
    QVERIFY2(text.out.contains(QStringLiteral(" @v1.8.0 (live/terragrunt.hcl:2:16)")),
             qPrintable(text.out));
    QVERIFY2(text.out.contains(QStringLiteral("depends on vpc (dependency.vpc)")),
             qPrintable(text.out));
    QVERIFY2(text.out.contains(QStringLiteral("includes live/terragrunt.hcl as root (exposed)")),
             qPrintable(text.out));
}

ENVDECK_TEST_MAIN_CORE(TestCli)
#include "tst_cli.moc"
