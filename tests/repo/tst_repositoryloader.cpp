// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitFixture.h"
#include "TestSupport.h"

#include "demo/DemoRepository.h"
#include "demo/VersionSet.h"
#include "repo/EnvironmentListModel.h"
#include "repo/RepositoryLoader.h"

#include <QAbstractItemModelTester>
#include <QFutureWatcher>
#include <QTemporaryDir>

#include <unistd.h>

using namespace EnvDeck;
using namespace Qt::StringLiterals;

namespace {

const QByteArray StagingVersions = "# staging\n"
                                   "components:\n"
                                   "  api-gateway:\n"
                                   "    version: 2.4.1\n"
                                   "    locked: true\n"
                                   "    lock_reason: QA regression run R-118\n"
                                   "  billing:\n"
                                   "    version: 1.9.0\n"
                                   "third_party:\n"
                                   "  ingress-nginx: { version: 4.8.3 }\n";

const QByteArray MainTf = "module \"network\" {\n  source = \"../../modules/network\"\n}\n\n"
                          "# module \"commented\" {\n"
                          "module \"cluster\" {\n  source = \"../../modules/cluster\"\n"
                          "  subnet_ids = module.network.subnet_ids\n}\n";

QStringList names(const RepositorySnapshot &snapshot)
{
    QStringList list;
    for (const Environment &environment : snapshot.environments)
        list << environment.name;
    return list;
}

} // namespace

class TestRepositoryLoader : public QObject
{
    Q_OBJECT

private slots:
    void rejectsBadPaths_data();
    void rejectsBadPaths();
    void discoversByConvention_data();
    void discoversByConvention();
    void discoversRealLayouts_data();
    void discoversRealLayouts();
    void followsEnvdeckYaml();
    void skipsBinaryFiles();
    void reportsMalformedFiles_data();
    void reportsMalformedFiles();
    void readsVersionsFile();
    void readsLastApproval_data();
    void readsLastApproval();
    void findsLastChangePerEnvironment();
    void loadsAsyncAndCancels();
    void loadsDemoRepository();
    void modelPassesTester();
};

void TestRepositoryLoader::rejectsBadPaths_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty path") << "empty"
                                << "No repository path";
    QTest::newRow("missing folder") << "missing"
                                    << "does not exist";
    QTest::newRow("plain file") << "file"
                                << "is a file, not a folder";
    QTest::newRow("not a repository") << "plain-folder"
                                      << "is not a git repository";
    QTest::newRow("no commits") << "unborn"
                                << "has no commits yet";
    QTest::newRow("bare repository") << "bare"
                                     << "is a bare repository";
    // Permissions do not stop root, so the unreadable case only means something for other users.
    if (geteuid() != 0)
        QTest::newRow("unreadable folder") << "unreadable"
                                           << "cannot be read";
}

void TestRepositoryLoader::rejectsBadPaths()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QString path;
    if (kind == u"missing") {
        path = tmp.filePath(QStringLiteral("nowhere"));
    } else if (kind == u"file") {
        path = tmp.filePath(QStringLiteral("main.tf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("terraform {}\n");
    } else if (kind == u"plain-folder") {
        path = tmp.filePath(QStringLiteral("folder"));
        QVERIFY(QDir().mkpath(path + QStringLiteral("/environments/dev")));
    } else if (kind == u"unborn") {
        path = tmp.filePath(QStringLiteral("repo"));
        QVERIFY(GitFixture(path).init());
    } else if (kind == u"bare") {
        path = tmp.filePath(QStringLiteral("repo.git"));
        QDir().mkpath(path);
        QVERIFY(!GitFixture(path)
                     .git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare")})
                     .isNull());
    } else if (kind == u"unreadable") {
        path = tmp.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(path));
        QFile::setPermissions(path, QFileDevice::Permissions());
    }

    const auto result = RepositoryLoader::load(path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message().contains(expected), qPrintable(result.error().message()));
    if (kind == u"unreadable")
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                        | QFileDevice::ExeOwner);
}

void TestRepositoryLoader::discoversByConvention_data()
{
    QTest::addColumn<QString>("parent");
    QTest::addColumn<QStringList>("folders");
    QTest::addColumn<QStringList>("expected"); // promotion order: dev, staging, production, other

    QTest::newRow("environments/")
        << "environments" << QStringList{"prod-eu", "dev", "staging", "sandbox-x", "docs"}
        << QStringList{"dev", "sandbox-x", "staging", "prod-eu"};
    QTest::newRow("envs/") << "envs" << QStringList{"production", "qa", "development"}
                           << QStringList{"development", "qa", "production"};
    QTest::newRow("live/ terragrunt")
        << "live" << QStringList{"prod", "stage"} << QStringList{"stage", "prod"};
}

void TestRepositoryLoader::discoversByConvention()
{
    QFETCH(QString, parent);
    QFETCH(QStringList, folders);
    QFETCH(QStringList, expected);

    QTemporaryDir tmp;
    GitFixture repo(tmp.filePath(QStringLiteral("infra")));
    QVERIFY(repo.init());
    for (const QString &folder : folders) {
        const QString base = parent + QLatin1Char('/') + folder + QLatin1Char('/');
        if (folder == u"docs")
            QVERIFY(repo.write(base + QStringLiteral("README.md"), "not an environment\n"));
        else if (parent == u"live")
            QVERIFY(repo.write(base + QStringLiteral("terragrunt.hcl"), "include {}\n"));
        else
            QVERIFY(repo.write(base + QStringLiteral("main.tf"), MainTf));
    }
    QVERIFY(repo.commit(QStringLiteral("initial layout")));

    const auto result = RepositoryLoader::load(repo.root());
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(names(*result), expected);
    QVERIFY(!result->hasConfig);
    for (const Environment &environment : result->environments) {
        QCOMPARE(environment.path, parent + QLatin1Char('/') + environment.name);
        QCOMPARE(environment.discoveredBy, parent + QStringLiteral("/*"));
        if (parent != u"live")
            QCOMPARE(environment.moduleCount, 2); // the commented-out block is not counted
    }
}

void TestRepositoryLoader::discoversRealLayouts_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QStringList>("expected"); // "name@path" in promotion order
    QTest::addColumn<QString>("discovery");

    QTest::newRow("account/region nesting")
        << QStringList{"environments/aws-dev/eu-west-1/main.tf",
                       "environments/aws-prod/eu-west-1/main.tf",
                       "environments/aws-prod/us-east-1/main.tf", "environments/README.md"}
        << QStringList{"aws-dev/eu-west-1@environments/aws-dev/eu-west-1",
                       "aws-prod/eu-west-1@environments/aws-prod/eu-west-1",
                       "aws-prod/us-east-1@environments/aws-prod/us-east-1"}
        << "environments/*";
    QTest::newRow("terragrunt tree")
        << QStringList{"terragrunt.hcl", "live/prod/vpc/terragrunt.hcl",
                       "live/prod/eks/terragrunt.hcl", "live/stage/vpc/terragrunt.hcl",
                       "live/stage/env.hcl"}
        << QStringList{"stage@live/stage", "prod@live/prod"} << "live/* (Terragrunt)";
    QTest::newRow("ignored folders")
        << QStringList{"envs/dev/main.tf", "envs/.terraform/modules/x/main.tf",
                       "envs/modules/net/main.tf", "envs/examples/simple/main.tf",
                       "envs/test/fixture/main.tf"}
        << QStringList{"dev@envs/dev"} << "envs/*";
    QTest::newRow("tfvars per environment")
        << QStringList{"main.tf", "vars/dev.tfvars", "vars/prod.tfvars", "terraform.tfvars",
                       "x.auto.tfvars"}
        << QStringList{"dev@.", "prod@."} << "one root module with a .tfvars file per environment";
    QTest::newRow("tfvars beside a nested root module")
        << QStringList{"infra/main.tf", "infra/staging.tfvars", "infra/production.tfvars",
                       "modules/a/main.tf"}
        << QStringList{"staging@infra", "production@infra"}
        << "one root module with a .tfvars file per environment";
    QTest::newRow("workspaces in code")
        << QStringList{"main.tf:locals { size = terraform.workspace == \"prod\" ? 3 : 1 }\n"
                       "locals { debug = \"dev\" == terraform.workspace }\n"}
        << QStringList{"dev@.", "prod@."} << "workspaces named in the root module";
    QTest::newRow("nothing to find") << QStringList{"README.md", "modules/net/main.tf"}
                                     << QStringList{} << "no environments: no .envdeck.yaml";
}

void TestRepositoryLoader::discoversRealLayouts()
{
    QFETCH(QStringList, files);
    QFETCH(QStringList, expected);
    QFETCH(QString, discovery);

    QTemporaryDir tmp;
    GitFixture repo(tmp.filePath(QStringLiteral("infra")));
    QVERIFY(repo.init());
    for (const QString &spec : files) {
        const qsizetype colon = spec.indexOf(QLatin1Char(':'));
        const QString path = colon < 0 ? spec : spec.left(colon);
        const QByteArray contents
            = colon < 0 ? (path.endsWith(QLatin1String(".tf")) ? MainTf : QByteArray("x = 1\n"))
                        : spec.mid(colon + 1).toUtf8();
        QVERIFY(repo.write(path, contents));
    }
    QVERIFY(repo.commit(QStringLiteral("layout")));

    const auto result = RepositoryLoader::load(repo.root());
    QVERIFY(result.ok());
    QStringList actual;
    for (const Environment &environment : result->environments)
        actual << environment.name + QLatin1Char('@') + environment.path;
    QCOMPARE(actual, expected);
    QVERIFY2(result->discovery.startsWith(discovery), qPrintable(result->discovery));
    for (const Environment &environment : result->environments)
        QVERIFY2(environment.lastChange.isValid(), qPrintable(environment.name));
    if (discovery.startsWith(QLatin1String("live/*")))
        QCOMPARE(result->findEnvironment(QStringLiteral("prod"))->moduleCount, 2);
    if (discovery.startsWith(QLatin1String("one root module")))
        QVERIFY(!result->environments.first().varsFile.isEmpty());
}

void TestRepositoryLoader::skipsBinaryFiles()
{
    QTemporaryDir tmp;
    GitFixture repo(tmp.filePath(QStringLiteral("infra")));
    QVERIFY(repo.init());
    QVERIFY(repo.write(QStringLiteral("environments/dev/main.tf"), MainTf));
    QVERIFY(repo.write(QStringLiteral("environments/dev/secrets.tf"),
                       QByteArrayLiteral("\0GITCRYPT\0\x01\x02")));
    QVERIFY(repo.commit(QStringLiteral("encrypted file")));

    const auto result = RepositoryLoader::load(repo.root());
    QVERIFY(result.ok());
    const Environment &dev = result->environments.first();
    QCOMPARE(dev.moduleCount, 2);
    QCOMPARE(dev.problems.size(), 1);
    QCOMPARE(
        dev.problems.first().toString(),
        QStringLiteral("environments/dev/secrets.tf: skipped: the file is binary or encrypted"));
}

void TestRepositoryLoader::followsEnvdeckYaml()
{
    QTemporaryDir tmp;
    GitFixture repo(tmp.filePath(QStringLiteral("infra")));
    QVERIFY(repo.init());
    QVERIFY(repo.write(
        QStringLiteral(".envdeck.yaml"),
        "environments:\n"
        "  - { name: dev,     path: stacks/dev,     tier: dev }\n"
        "  - { name: staging, path: stacks/staging, tier: staging }\n"
        "  - { name: eu,      path: stacks/eu,      tier: production, promotes_from: staging }\n"
        "  - { name: contoso, path: stacks/contoso, tier: production, promotes_from: staging, "
        "base: eu }\n"
        "versions_file: pins.yaml\n"));
    for (const char *name : {"dev", "staging", "eu", "contoso"}) {
        const QString base = QStringLiteral("stacks/") + QLatin1String(name) + QLatin1Char('/');
        QVERIFY(repo.write(base + QStringLiteral("main.tf"), MainTf));
        QVERIFY(repo.write(base + QStringLiteral("pins.yaml"), StagingVersions));
    }
    QVERIFY(repo.commit(QStringLiteral("layout")));

    const auto result = RepositoryLoader::load(repo.root());
    QVERIFY(result.ok());
    QVERIFY(result->hasConfig);
    QCOMPARE(names(*result), (QStringList{"dev", "staging", "eu", "contoso"}));
    const Environment *contoso = result->findEnvironment(QStringLiteral("contoso"));
    QVERIFY(contoso);
    QCOMPARE(contoso->tier, Tier::Production);
    QCOMPARE(contoso->promotesFrom, QStringLiteral("staging"));
    QCOMPARE(contoso->base, QStringLiteral("eu"));
    QCOMPARE(contoso->versionsFile, QStringLiteral("stacks/contoso/pins.yaml"));
    QCOMPARE(contoso->componentCount(), 3);
    QCOMPARE(contoso->discoveredBy, QStringLiteral(".envdeck.yaml"));
}

void TestRepositoryLoader::reportsMalformedFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("expectedLocation");
    QTest::addColumn<bool>("environmentProblem");

    QTest::newRow("versions.yaml: bad indentation")
        << "environments/dev/versions.yaml"
        << QByteArray("components:\n  api:\n    version: 1.0.0\n   bad: [\n")
        << "environments/dev/versions.yaml:4:" << true;
    QTest::newRow("versions.yaml: unclosed flow map")
        << "environments/dev/versions.yaml"
        << QByteArray("third_party:\n  nginx: { version: 4.8.3\n")
        << "environments/dev/versions.yaml:" << true;
    QTest::newRow("versions.yaml: entry without version")
        << "environments/dev/versions.yaml" << QByteArray("components:\n  api:\n    chart: api\n")
        << "environments/dev/versions.yaml:3:5" << true;
    QTest::newRow(".envdeck.yaml: not a list")
        << ".envdeck.yaml" << QByteArray("environments: dev\n") << ".envdeck.yaml:1:15" << false;
    QTest::newRow(".envdeck.yaml: tab indentation")
        << ".envdeck.yaml" << QByteArray("environments:\n\t- name: dev\n")
        << ".envdeck.yaml:2:" << false;
}

void TestRepositoryLoader::reportsMalformedFiles()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, contents);
    QFETCH(QString, expectedLocation);
    QFETCH(bool, environmentProblem);

    QTemporaryDir tmp;
    GitFixture repo(tmp.filePath(QStringLiteral("infra")));
    QVERIFY(repo.init());
    QVERIFY(repo.write(QStringLiteral("environments/dev/main.tf"), MainTf));
    QVERIFY(repo.write(file, contents));
    QVERIFY(repo.commit(QStringLiteral("broken file")));

    const auto result = RepositoryLoader::load(repo.root());
    QVERIFY2(result.ok(), "a malformed file is a problem to show, not a failure to load");
    QStringList problems;
    for (const Error &problem : result->problems)
        problems << problem.toString();
    for (const Environment &environment : result->environments) {
        for (const Error &problem : environment.problems)
            problems << problem.toString();
    }
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().startsWith(expectedLocation), qPrintable(problems.first()));
    if (environmentProblem)
        QCOMPARE(result->environments.first().problems.size(), 1);
    // Discovery still finds the environment when .envdeck.yaml cannot be used.
    QCOMPARE(names(*result), QStringList{QStringLiteral("dev")});
}

void TestRepositoryLoader::readsVersionsFile()
{
    QTemporaryDir tmp;
    GitFixture repo(tmp.filePath(QStringLiteral("infra")));
    QVERIFY(repo.init());
    QVERIFY(repo.write(QStringLiteral("environments/staging/main.tf"), MainTf));
    QVERIFY(repo.write(QStringLiteral("environments/staging/versions.yaml"), StagingVersions));
    QVERIFY(repo.commit(QStringLiteral("staging")));

    const auto result = RepositoryLoader::load(repo.root());
    QVERIFY(result.ok());
    const Environment &staging = result->environments.first();
    QCOMPARE(staging.componentCount(), 3);
    QCOMPARE(staging.lockedCount(), 1);
    const ComponentVersion &gateway = staging.components.at(0);
    QCOMPARE(gateway.name, QStringLiteral("api-gateway"));
    QCOMPARE(gateway.version, QStringLiteral("2.4.1"));
    QVERIFY(gateway.locked);
    QCOMPARE(gateway.lockReason, QStringLiteral("QA regression run R-118"));
    QCOMPARE(gateway.location.toString(),
             QStringLiteral("environments/staging/versions.yaml:4:14"));
    const ComponentVersion &nginx = staging.components.at(2);
    QVERIFY(nginx.thirdParty);
    QCOMPARE(nginx.version, QStringLiteral("4.8.3"));
    QCOMPARE(nginx.location.line, 10);
}

void TestRepositoryLoader::readsLastApproval_data()
{
    QTest::addColumn<QList<QByteArray>>("approvals"); // file contents, in file-name order
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("stale");

    const QMap<QString, QString> now{
        {"api-gateway", "2.4.1"}, {"billing", "1.9.0"}, {"ingress-nginx", "4.8.3"}};
    QMap<QString, QString> before = now;
    before.insert(QStringLiteral("billing"), QStringLiteral("1.8.2"));
    const auto approval = [](const QMap<QString, QString> &versions, const char *at,
                             const char *decision) -> QByteArray {
        QByteArray text = "approved_by: QA <qa@example.io>\napproved_at: " + QByteArray(at)
                          + "\ndecision: " + decision + "\nversions:\n";
        for (auto it = versions.cbegin(); it != versions.cend(); ++it)
            text += "  " + it.key().toUtf8() + ": " + it.value().toUtf8() + '\n';
        return text + "version_set_hash: " + versionSetHash(versions).toUtf8() + '\n';
    };
    QTest::newRow("none") << QList<QByteArray>{} << QString() << false;
    QTest::newRow("current") << QList<QByteArray>{approval(now, "2026-11-20T10:00:00Z", "approved")}
                             << u"2026-11-20-r2"_s << false;
    QTest::newRow("versions changed since")
        << QList<QByteArray>{approval(before, "2026-11-20T10:00:00Z", "approved")}
        << u"2026-11-20-r2"_s << true;
    QTest::newRow("a newer rejection does not count")
        << QList<QByteArray>{approval(now, "2026-11-19T10:00:00Z", "approved"),
                             approval(before, "2026-11-20T10:00:00Z", "rejected")}
        << u"2026-11-19-r1"_s << false;
    QTest::newRow("the newest approval counts")
        << QList<QByteArray>{approval(now, "2026-11-19T10:00:00Z", "approved"),
                             approval(before, "2026-11-20T10:00:00Z", "approved")}
        << u"2026-11-20-r2"_s << true;
}

void TestRepositoryLoader::readsLastApproval()
{
    QFETCH(QList<QByteArray>, approvals);
    QFETCH(QString, expected);
    QFETCH(bool, stale);

    QTemporaryDir tmp;
    GitFixture repo(tmp.filePath(QStringLiteral("infra")));
    QVERIFY(repo.init());
    QVERIFY(repo.write(QStringLiteral("environments/staging/main.tf"), MainTf));
    QVERIFY(repo.write(QStringLiteral("environments/staging/versions.yaml"), StagingVersions));
    const QStringList files{u"2026-11-19-r1.yaml"_s, u"2026-11-20-r2.yaml"_s};
    const qsizetype first = files.size() - approvals.size(); // one approval: the r2 file
    for (qsizetype i = 0; i < approvals.size(); ++i)
        QVERIFY(repo.write(u"approvals/staging/"_s + files.at(first + i), approvals.at(i)));
    QVERIFY(repo.commit(QStringLiteral("staging")));

    const auto result = RepositoryLoader::load(repo.root());
    QVERIFY(result.ok());
    const Environment *staging = result->findEnvironment(QStringLiteral("staging"));
    QVERIFY(staging);
    QCOMPARE(staging->lastApproval, expected);
    QCOMPARE(staging->lastApprovalStale, stale);

    EnvironmentListModel model;
    model.setEnvironments(result->environments);
    const QModelIndex row = model.index(int(staging - result->environments.constData()), 0);
    QCOMPARE(row.data(EnvironmentListModel::LastApprovalRole).toString(), expected);
    QCOMPARE(row.data(EnvironmentListModel::LastApprovalStaleRole).toBool(), stale);
}

void TestRepositoryLoader::findsLastChangePerEnvironment()
{
    QTemporaryDir tmp;
    GitFixture repo(tmp.filePath(QStringLiteral("infra")));
    QVERIFY(repo.init());
    QVERIFY(repo.write(QStringLiteral("environments/dev/main.tf"), MainTf));
    QVERIFY(repo.write(QStringLiteral("environments/staging/main.tf"), MainTf));
    QVERIFY(repo.commit(QStringLiteral("initial"), QStringLiteral("2026-01-05T10:00:00Z"),
                        QStringLiteral("Ann <ann@example.io>")));
    QVERIFY(repo.write(QStringLiteral("environments/staging/versions.yaml"), StagingVersions));
    QVERIFY(repo.commit(QStringLiteral("staging: pin versions"),
                        QStringLiteral("2026-01-06T10:00:00Z"),
                        QStringLiteral("Bob <bob@example.io>")));
    const QString stagingChange = repo.head();

    // A change to dev on a branch, merged: the branch commit is the change, not the merge.
    QVERIFY(!repo.git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"),
                       QStringLiteral("feature")})
                 .isNull());
    QVERIFY(repo.write(QStringLiteral("environments/dev/main.tf"), MainTf + "# tuned\n"));
    QVERIFY(repo.commit(QStringLiteral("dev: tune"), QStringLiteral("2026-01-07T10:00:00Z"),
                        QStringLiteral("Cleo <cleo@example.io>")));
    const QString devChange = repo.head();
    QVERIFY(!repo.git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")})
                 .isNull());
    QVERIFY(repo.write(QStringLiteral("README.md"), "unrelated\n"));
    QVERIFY(repo.commit(QStringLiteral("docs"), QStringLiteral("2026-01-08T10:00:00Z")));
    QVERIFY(!repo.git({QStringLiteral("-c"), QStringLiteral("user.name=Dan"), QStringLiteral("-c"),
                       QStringLiteral("user.email=dan@example.io"), QStringLiteral("merge"),
                       QStringLiteral("-q"), QStringLiteral("--no-ff"), QStringLiteral("-m"),
                       QStringLiteral("Merge branch 'feature'"), QStringLiteral("feature")},
                      QStringLiteral("2026-01-09T10:00:00Z"))
                 .isNull());

    const auto result = RepositoryLoader::load(repo.root());
    QVERIFY(result.ok());
    const Environment *dev = result->findEnvironment(QStringLiteral("dev"));
    const Environment *staging = result->findEnvironment(QStringLiteral("staging"));
    QVERIFY(dev && staging);
    QCOMPARE(staging->lastChange.id, stagingChange);
    QCOMPARE(staging->lastChange.authorName, QStringLiteral("Bob"));
    QCOMPARE(staging->lastChange.summary, QStringLiteral("staging: pin versions"));
    QCOMPARE(dev->lastChange.id, devChange);
    QCOMPARE(dev->lastChange.authorName, QStringLiteral("Cleo"));
    QCOMPARE(dev->lastChange.authorTime.toUTC(),
             QDateTime(QDate(2026, 1, 7), QTime(10, 0), Qt::UTC));
    QCOMPARE(result->branch, QStringLiteral("main"));
    QCOMPARE(result->head.summary, QStringLiteral("Merge branch 'feature'"));
}

void TestRepositoryLoader::loadsAsyncAndCancels()
{
    QTemporaryDir tmp;
    GitFixture repo(tmp.filePath(QStringLiteral("infra")));
    QVERIFY(repo.init());
    QVERIFY(repo.write(QStringLiteral("environments/dev/main.tf"), MainTf));
    QVERIFY(repo.commit(QStringLiteral("initial")));

    auto future = RepositoryLoader::loadAsync(repo.root());
    future.waitForFinished();
    QVERIFY(!future.isCanceled());
    QCOMPARE(future.resultCount(), 1);
    const auto result = future.result();
    QVERIFY(result.ok());
    QCOMPARE(names(*result), QStringList{QStringLiteral("dev")});
    QCOMPARE(future.progressValue(), future.progressMaximum());

    // Cancelling from the progress callback stops the load with an error, leaving nothing
    // half-done.
    int calls = 0;
    const auto cancelled = RepositoryLoader::load(
        repo.root(), [&](int, int, const QString &) { return ++calls < 2; });
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().message(), QStringLiteral("Loading cancelled"));
    QCOMPARE(calls, 2);
}

void TestRepositoryLoader::loadsDemoRepository()
{
    QTemporaryDir tmp;
    Demo::Options options;
    options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
    const auto demo = Demo::generate(tmp.filePath(QStringLiteral("infra")), options);
    QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error().toString()));

    const auto result = RepositoryLoader::load(demo->workTree);
    QVERIFY(result.ok());
    QVERIFY(result->hasConfig);
    QVERIFY2(result->problems.isEmpty(), qPrintable(result->problems.value(0).toString()));
    QCOMPARE(names(*result), (QStringList{"dev", "staging", "prod-eu", "prod-us", "contoso"}));
    for (const Environment &environment : result->environments) {
        QVERIFY2(environment.problems.isEmpty(),
                 qPrintable(environment.problems.value(0).toString()));
        QVERIFY(environment.moduleCount >= 6);
        QVERIFY(environment.componentCount() >= 10);
        QVERIFY(environment.lastChange.isValid());
        QCOMPARE(environment.versionsFile, environment.path + QStringLiteral("/versions.yaml"));
    }
    QCOMPARE(result->findEnvironment(QStringLiteral("staging"))->tier, Tier::Staging);
    QVERIFY(result->findEnvironment(QStringLiteral("staging"))->lockedCount() >= 1);
    QCOMPARE(result->findEnvironment(QStringLiteral("contoso"))->base, QStringLiteral("prod-eu"));
    QVERIFY(result->findEnvironment(QStringLiteral("contoso"))->componentCount()
            > result->findEnvironment(QStringLiteral("prod-eu"))->componentCount());
}

void TestRepositoryLoader::modelPassesTester()
{
    EnvironmentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Environment dev;
    dev.name = QStringLiteral("dev");
    dev.tier = Tier::Dev;
    dev.components = {ComponentVersion{
        QStringLiteral("api"), QStringLiteral("1.0.0"), true, QStringLiteral("QA"), false, {}}};
    Environment prod;
    prod.name = QStringLiteral("prod");
    prod.tier = Tier::Production;
    model.setEnvironments({dev, prod});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(EnvironmentListModel::ColumnCount));
    QCOMPARE(model.rowOf(QStringLiteral("prod")), 1);
    QCOMPARE(model.index(0, 0).data(EnvironmentListModel::LockedCountRole).toInt(), 1);
    QCOMPARE(model.index(1, EnvironmentListModel::TierColumn).data().toString(),
             QStringLiteral("production"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);

    ComponentTableModel components;
    QAbstractItemModelTester componentTester(
        &components, QAbstractItemModelTester::FailureReportingMode::QtTest);
    components.setComponents(dev.components);
    QCOMPARE(components.index(0, ComponentTableModel::LockColumn).data().toString(),
             QStringLiteral("locked: QA"));
}

ENVDECK_TEST_MAIN_CORE(TestRepositoryLoader)
#include "tst_repositoryloader.moc"
