// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_demorepo.h"

#include "DemoCheck.h"
#include "TestSupport.h"
#include "demo/VersionSet.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QRegularExpression>

using namespace EnvDeck;
using namespace DemoCheck;

void tst_DemoRepo::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_dir = m_tmp.path() + QStringLiteral("/infra");
    Demo::Options options;
    options.endTime = fixedEnd();
    Result<Demo::Summary> summary = Demo::generate(m_dir, options);
    QVERIFY2(summary.ok(), qPrintable(summary ? QString() : summary.error().toString()));
    m_summary = *summary;
}

void tst_DemoRepo::environmentFiles_data()
{
    QTest::addColumn<QString>("environment");
    for (const QString &env : defaultEnvironments())
        QTest::newRow(qPrintable(env)) << env;
}

void tst_DemoRepo::environmentFiles()
{
    QFETCH(QString, environment);
    for (const char *file : {"main.tf", "variables.tf", "outputs.tf", "backend.tf", "providers.tf",
                             "terraform.tfvars", "versions.yaml"}) {
        const QString p
            = path(QStringLiteral("environments/%1/%2").arg(environment, QLatin1String(file)));
        QVERIFY2(QFileInfo(p).isFile() && QFileInfo(p).size() > 50, qPrintable(p));
    }
    const QByteArray backend
        = readFile(path(QStringLiteral("environments/%1/backend.tf").arg(environment)));
    for (const char *needle : {"required_providers", "hashicorp/azurerm", "hashicorp/helm",
                               "hashicorp/kubernetes", "backend \"azurerm\""})
        QVERIFY2(backend.contains(needle), needle);
    QVERIFY(backend.contains(QByteArray(environment.toUtf8() + ".terraform.tfstate")));
    const QByteArray providers
        = readFile(path(QStringLiteral("environments/%1/providers.tf").arg(environment)));
    QVERIFY(providers.contains("provider \"helm\""));
    QVERIFY(providers.contains("provider \"kubernetes\""));
    QVERIFY(providers.contains("module.cluster.kube_config.host"));
    const QByteArray tfvars
        = readFile(path(QStringLiteral("environments/%1/terraform.tfvars").arg(environment)))
              .simplified();
    QVERIFY(tfvars.contains(QByteArray("environment = \"" + environment.toUtf8() + '"')));
}

void tst_DemoRepo::environmentWiring_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<bool>("integrations");
    QTest::newRow("dev") << QStringLiteral("dev") << false;
    QTest::newRow("staging") << QStringLiteral("staging") << true;
    QTest::newRow("prod-eu") << QStringLiteral("prod-eu") << false;
    QTest::newRow("prod-us") << QStringLiteral("prod-us") << false;
    QTest::newRow("contoso") << QStringLiteral("contoso") << true;
}

void tst_DemoRepo::environmentWiring()
{
    QFETCH(QString, environment);
    QFETCH(bool, integrations);
    const QByteArray main
        = readFile(path(QStringLiteral("environments/%1/main.tf").arg(environment)));
    QVERIFY(main.contains(
        "locals {\n  versions = yamldecode(file(\"${path.module}/versions.yaml\"))\n}"));
    const QByteArray flat = main.simplified();
    QVERIFY(flat.contains("subnet_ids = module.network.subnet_ids"));
    QVERIFY(flat.contains("kube_config = module.cluster.kube_config"));
    QVERIFY(flat.contains("secrets = module.key_vault.secret_values"));
    QVERIFY(flat.contains("reader_object_ids = [module.cluster.kubelet_identity_object_id]"));
    QVERIFY(flat.contains("depends_on = [module.platform]"));
    QVERIFY(flat.contains("module \"cluster\" { source = \"../../modules/kubernetes-cluster\""));
    QCOMPARE(main.contains("module \"integrations\""), integrations);
    // Every module a root module calls exists.
    static const QRegularExpression source(
        QStringLiteral("source +?= \"\\.\\./\\.\\./(modules/[^\"]+)\""));
    int calls = 0;
    for (auto it = source.globalMatch(QString::fromUtf8(main)); it.hasNext(); ++calls) {
        const QString module = it.next().captured(1);
        QVERIFY2(QFileInfo(path(module + QStringLiteral("/main.tf"))).isFile(), qPrintable(module));
    }
    QCOMPARE(calls, integrations ? 12 : 11);
}

void tst_DemoRepo::modules()
{
    const QStringList expected = {QStringLiteral("dns"),
                                  QStringLiteral("integrations"),
                                  QStringLiteral("key-vault-secrets"),
                                  QStringLiteral("kubernetes-cluster"),
                                  QStringLiteral("monitoring"),
                                  QStringLiteral("network"),
                                  QStringLiteral("platform"),
                                  QStringLiteral("postgres"),
                                  QStringLiteral("redis"),
                                  QStringLiteral("service-bus"),
                                  QStringLiteral("services"),
                                  QStringLiteral("storage")};
    QStringList found
        = QDir(path(QStringLiteral("modules"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(found, expected);
    for (const QString &module : expected) {
        for (const char *file : {"main.tf", "variables.tf", "outputs.tf"}) {
            const QByteArray text
                = readFile(path(QStringLiteral("modules/%1/%2").arg(module, QLatin1String(file))));
            QVERIFY2(!text.isEmpty(), qPrintable(module));
            static const QRegularExpression marker(QStringLiteral("@\\d+[mvo]@"));
            QVERIFY2(!marker.match(QString::fromUtf8(text)).hasMatch(), qPrintable(module));
        }
        QVERIFY(
            readFile(path(QStringLiteral("modules/%1/variables.tf").arg(module))).contains("type"));
    }
    const QByteArray services = readFile(path(QStringLiteral("modules/services/main.tf")));
    const QByteArray flatServices = services.simplified();
    for (const char *component : {"api-gateway", "billing", "orders", "payments", "web-frontend"}) {
        const QByteArray name(component);
        QVERIFY(flatServices.contains(QByteArray("name = \"" + name + '"')));
        QVERIFY(flatServices.contains(
            QByteArray("version = var.components[\"" + name + "\"].version")));
        QVERIFY(
            flatServices.contains(QByteArray("chart = var.components[\"" + name + "\"].chart")));
        QVERIFY(flatServices.contains(
            QByteArray("repository = var.components[\"" + name + "\"].repository")));
    }
    QCOMPARE(services.count("resource \"helm_release\""), 12);
    QCOMPARE(services.count("resource \"kubernetes_secret\""), 12);
    QCOMPARE(services.count("resource \"kubernetes_config_map\""), 12);
    QVERIFY(!services.contains("erp-connector"));
    const QByteArray integrations = readFile(path(QStringLiteral("modules/integrations/main.tf")));
    QVERIFY(integrations.simplified().contains("name = \"erp-connector\""));
    QVERIFY(integrations.simplified().contains("name = \"sftp-bridge\""));
    const QByteArray platform = readFile(path(QStringLiteral("modules/platform/main.tf")));
    for (const char *chart : {"ingress-nginx", "cert-manager", "external-dns"})
        QVERIFY(platform.contains(
            QByteArray("var.third_party[\"" + QByteArray(chart) + "\"].version")));
    QVERIFY(readFile(path(QStringLiteral("modules/monitoring/main.tf")))
                .contains("kube-prometheus-stack"));
}

void tst_DemoRepo::versionsFiles_data()
{
    environmentFiles_data();
}

void tst_DemoRepo::versionsFiles()
{
    QFETCH(QString, environment);
    const QByteArray text
        = readFile(path(QStringLiteral("environments/%1/versions.yaml").arg(environment)));
    QVERIFY(text.startsWith(QByteArray("# " + environment.toUtf8())));
    const DemoCheck::VersionsFile file = DemoCheck::parseVersions(text);
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
    const bool integrations = environment == u"staging" || environment == u"contoso";
    QCOMPARE(file.components.size(), integrations ? 14 : 12);
    QCOMPARE(file.components.contains(QStringLiteral("erp-connector")), integrations);
    QCOMPARE(file.components.contains(QStringLiteral("sftp-bridge")), integrations);
    QCOMPARE(
        file.thirdParty.keys(),
        QStringList({QStringLiteral("cert-manager"), QStringLiteral("external-dns"),
                     QStringLiteral("ingress-nginx"), QStringLiteral("kube-prometheus-stack")}));
    for (const QString &v : file.components.values() + file.thirdParty.values())
        QVERIFY2(DemoCheck::isSemver(v), qPrintable(v));
    QCOMPARE(file.requires_.value(QStringLiteral("billing")).value(QStringLiteral("api-gateway")),
             QStringLiteral(">=2.0.0 <3.0.0"));
    QVERIFY(text.contains("  ingress-nginx: { version: "));
    QVERIFY(text.contains(", repository: https://kubernetes.github.io/ingress-nginx }"));
    if (environment == u"staging") {
        QVERIFY(!file.locks.isEmpty());
        for (const QString &reason : file.locks)
            QVERIFY(!reason.isEmpty());
    } else {
        QVERIFY(file.locks.isEmpty());
    }
}

void tst_DemoRepo::envdeckConfig()
{
    QString error;
    const YAML::Node root = loadYaml(path(QStringLiteral(".envdeck.yaml")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList names;
    for (const auto &env : root["environments"]) {
        names << str(env["name"]);
        QCOMPARE(str(env["path"]), QStringLiteral("environments/") + names.last());
        QVERIFY(QFileInfo(path(str(env["path"]))).isDir());
        const QString tier = str(env["tier"]);
        QCOMPARE(tier, names.last().startsWith(u"prod") || names.last() == u"contoso"
                           ? QStringLiteral("production")
                           : names.last());
        if (tier == u"production")
            QCOMPARE(str(env["promotes_from"]), QStringLiteral("staging"));
    }
    QCOMPARE(names, defaultEnvironments());
    QCOMPARE(str(root["environments"][4]["base"]), QStringLiteral("prod-eu"));
    QCOMPARE(str(root["versions_file"]), QStringLiteral("versions.yaml"));
    QCOMPARE(str(root["catalogs"][0]["kind"]), QStringLiteral("git-tags"));
    QCOMPARE(str(root["catalogs"][0]["pattern"]), QStringLiteral("{component}/v*"));
    QCOMPARE(str(root["catalogs"][1]["kind"]), QStringLiteral("helm-index"));
    QVERIFY(QFileInfo(path(str(root["catalogs"][1]["file"]))).isFile());
    QCOMPARE(str(root["forge"]["provider"]), QStringLiteral("local"));
    QCOMPARE(str(root["forge"]["target_branch"]), QStringLiteral("main"));
    QCOMPARE(str(root["pipelines"]["provider"]), QStringLiteral("azure-devops"));
    QCOMPARE(root["pipelines"]["definitions"][1].as<int>(), 14);
    for (const char *file :
         {"pipelines/azure-pipelines.yml", "pipelines/templates/terraform-plan.yml",
          "pipelines/templates/terraform-apply.yml", "pipelines/templates/envdeck-validate.yml",
          "pipelines/deploy-production.yml", "README.md"}) {
        QVERIFY2(QFileInfo(path(QLatin1String(file))).isFile(), file);
        if (QByteArray(file).endsWith(".yml"))
            QVERIFY2(loadYaml(path(QLatin1String(file)), &error).IsMap() && error.isEmpty(), file);
    }
}

void tst_DemoRepo::approvals()
{
    QStringList files
        = QDir(path(QStringLiteral("approvals/staging"))).entryList({QStringLiteral("*.yaml")});
    QVERIFY(files.size() >= 5);
    static const QRegularExpression name(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})-r(\\d+)\\.yaml$"));
    int newest = 0;
    QMap<QString, QString> newestVersions;
    for (const QString &file : files) {
        const QRegularExpressionMatch m = name.match(file);
        QVERIFY2(m.hasMatch(), qPrintable(file));
        QString error;
        const YAML::Node root = loadYaml(path(QStringLiteral("approvals/staging/") + file), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(str(root["environment"]), QStringLiteral("staging"));
        QCOMPARE(str(root["release"]), QStringLiteral("r") + m.captured(2));
        QVERIFY(str(root["approved_by"])
                    .contains(QRegularExpression(
                        QStringLiteral("^[A-Z][a-z]+ [A-Z][a-z]+ <[a-z.]+@example\\.io>$"))));
        const QDateTime at = QDateTime::fromString(str(root["approved_at"]), Qt::ISODate);
        QVERIFY(at.isValid());
        QCOMPARE(at.timeSpec(), Qt::UTC);
        QCOMPARE(at.date().toString(Qt::ISODate), m.captured(1));
        QMap<QString, QString> versions;
        for (const auto &v : root["versions"])
            versions.insert(str(v.first), str(v.second));
        QCOMPARE(versions.size(), 18); // 14 team components + 4 charts
        QCOMPARE(str(root["version_set_hash"]), EnvDeck::versionSetHash(versions));
        QVERIFY(root["checklist"].size() >= 3);
        for (const auto &item : root["checklist"])
            QVERIFY(str(item["result"]).startsWith(u"passed"));
        QCOMPARE(str(root["decision"]), QStringLiteral("approved"));
        if (m.captured(2) == u"1") {
            QVERIFY(root["commit"].IsNull());
        } else {
            // The approved commit is the parent of the commit that records the approval.
            const GitRun added
                = git(m_dir, {QStringLiteral("log"), QStringLiteral("--diff-filter=A"),
                              QStringLiteral("--format=%P"), QStringLiteral("--"),
                              QStringLiteral("approvals/staging/") + file});
            QCOMPARE(added.out.trimmed(), str(root["commit"]));
        }
        if (m.captured(2).toInt() > newest) {
            newest = m.captured(2).toInt();
            newestVersions = versions;
        }
    }
    // The newest approval matches what staging runs now.
    const DemoCheck::VersionsFile staging = DemoCheck::parseVersions(
        readFile(path(QStringLiteral("environments/staging/versions.yaml"))));
    QMap<QString, QString> current = staging.components;
    current.insert(staging.thirdParty);
    QCOMPARE(newestVersions, current);
    QCOMPARE(
        git(m_dir, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")})
            .out.trimmed(),
        QStringLiteral("qa: approve staging r%1").arg(newest));
}

void tst_DemoRepo::versionSetHash_data()
{
    QTest::addColumn<QStringList>("pairs");
    QTest::addColumn<QByteArray>("hashedText");
    QTest::newRow("empty") << QStringList() << QByteArray();
    QTest::newRow("one") << QStringList{QStringLiteral("orders=1.8.3")}
                         << QByteArray("orders=1.8.3\n");
    QTest::newRow("sorted by name")
        << QStringList{QStringLiteral("orders=1.8.3"), QStringLiteral("billing=2.0.0")}
        << QByteArray("billing=2.0.0\norders=1.8.3\n");
}

void tst_DemoRepo::versionSetHash()
{
    QFETCH(QStringList, pairs);
    QFETCH(QByteArray, hashedText);
    QMap<QString, QString> set;
    for (const QString &pair : pairs)
        set.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    const QString expected
        = QStringLiteral("sha256:")
          + QString::fromLatin1(
              QCryptographicHash::hash(hashedText, QCryptographicHash::Sha256).toHex());
    QCOMPARE(EnvDeck::versionSetHash(set), expected);
    // Any change of a version changes the hash.
    if (!set.isEmpty()) {
        set.first() += QStringLiteral("1");
        QVERIFY(EnvDeck::versionSetHash(set) != expected);
    }
}

void tst_DemoRepo::chartIndex()
{
    QString error;
    const YAML::Node index
        = loadYaml(path(QStringLiteral("catalogs/third-party-index.yaml")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(str(index["apiVersion"]), QStringLiteral("v1"));
    QMap<QString, QSet<QString>> listed;
    for (const auto &chart : index["entries"])
        for (const auto &release : chart.second)
            listed[str(chart.first)].insert(str(release["version"]));
    for (const QString &env : defaultEnvironments()) {
        const DemoCheck::VersionsFile file = DemoCheck::parseVersions(
            readFile(path(QStringLiteral("environments/%1/versions.yaml").arg(env))));
        for (auto it = file.thirdParty.cbegin(); it != file.thirdParty.cend(); ++it)
            QVERIFY2(listed.value(it.key()).contains(it.value()),
                     qPrintable(it.key() + it.value()));
    }
}

void tst_DemoRepo::originAndClone()
{
    const QString origin = m_tmp.path() + QStringLiteral("/infra-origin.git");
    QCOMPARE(Demo::originPathFor(m_dir), origin);
    QCOMPARE(Demo::originPathFor(m_dir + QLatin1Char('/')), origin);
    QCOMPARE(m_summary.originPath, origin);
    QCOMPARE(git(origin, {QStringLiteral("rev-parse"), QStringLiteral("--is-bare-repository")})
                 .out.trimmed(),
             QStringLiteral("true"));
    const QString originMain
        = git(origin, {QStringLiteral("rev-parse"), QStringLiteral("refs/heads/main")})
              .out.trimmed();
    QCOMPARE(originMain, m_summary.headId);
    QCOMPARE(git(m_dir, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).out.trimmed(),
             originMain);
    QCOMPARE(git(m_dir, {QStringLiteral("symbolic-ref"), QStringLiteral("HEAD")}).out.trimmed(),
             QStringLiteral("refs/heads/main"));
    QCOMPARE(QDir::cleanPath(git(m_dir, {QStringLiteral("remote"), QStringLiteral("get-url"),
                                         QStringLiteral("origin")})
                                 .out.trimmed()),
             origin);
    QCOMPARE(git(m_dir, {QStringLiteral("rev-parse"), QStringLiteral("origin/main")}).out.trimmed(),
             originMain);
    // Open merge request branches that are not merged yet.
    const QStringList open = lines(git(origin, {QStringLiteral("branch"), QStringLiteral("--list"),
                                                QStringLiteral("feature/*")})
                                       .out);
    QVERIFY(!open.isEmpty());
    for (const QString &branch : open)
        QVERIFY(git(origin, {QStringLiteral("merge-base"), QStringLiteral("--is-ancestor"),
                             branch.trimmed(), QStringLiteral("main")})
                    .exitCode
                != 0);

    QCOMPARE(git(m_dir, {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
    for (const QString &repo : {m_dir, origin}) {
        const GitRun fsck = git(
            repo, {QStringLiteral("fsck"), QStringLiteral("--strict"), QStringLiteral("--full")});
        QCOMPARE(fsck.exitCode, 0);
        QVERIFY2(fsck.out.trimmed().isEmpty(), qPrintable(fsck.out)); // nothing dangling either
    }
}

void tst_DemoRepo::summaryIsTruthful()
{
    QCOMPARE(m_summary.workTree, m_dir);
    QCOMPARE(m_summary.commits, 320);
    QCOMPARE(QString::number(m_summary.merges),
             git(m_dir, {QStringLiteral("rev-list"), QStringLiteral("--merges"),
                         QStringLiteral("--count"), QStringLiteral("main")})
                 .out.trimmed());
    QCOMPARE(m_summary.authors,
             int(lines(git(m_dir, {QStringLiteral("shortlog"), QStringLiteral("-sne"),
                                   QStringLiteral("main")})
                           .out)
                     .size()));
    QCOMPARE(m_summary.environments, 5);
    QCOMPARE(
        m_summary.terraformFiles,
        int(lines(git(m_dir, {QStringLiteral("ls-files"), QStringLiteral("*.tf")}).out).size()));
    QCOMPARE(m_summary.terraformFiles, 5 * 5 + 12 * 3);
    QCOMPARE(m_summary.lastCommitTime, fixedEnd());
    QCOMPARE(m_summary.modules, 12);
    QCOMPARE(m_summary.components, 14);
    QCOMPARE(m_summary.approvals, int(QDir(path(QStringLiteral("approvals/staging")))
                                          .entryList({QStringLiteral("*.yaml")})
                                          .size()));
    QVERIFY(m_summary.approvals >= 5);
    QCOMPARE(m_summary.releases,
             int(lines(git(m_dir, {QStringLiteral("tag"), QStringLiteral("--list"),
                                   QStringLiteral("release/*")})
                           .out)
                     .size()));
    QCOMPARE(m_summary.firstCommitTime.toSecsSinceEpoch(),
             git(m_dir, {QStringLiteral("log"), QStringLiteral("--reverse"),
                         QStringLiteral("--format=%ct")})
                 .out.section(u'\n', 0, 0)
                 .toLongLong());
}

ENVDECK_TEST_MAIN_CORE(tst_DemoRepo)
