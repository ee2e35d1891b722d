// SPDX-License-Identifier: GPL-3.0-or-later
// Git tags, lookups across catalogs, and the demo repository's catalogs.
#include "tst_catalog.h"

#include "GitFixture.h"
#include "TestSupport.h"

#include "catalog/CatalogConfig.h"
#include "catalog/CatalogSet.h"
#include "catalog/SeenVersions.h"
#include "demo/DemoRepository.h"
#include "repo/RepositoryLoader.h"

#include <QTemporaryDir>

using namespace EnvDeck;

namespace {

QStringList describe(const QList<CatalogEntry> &entries)
{
    QStringList list;
    for (const CatalogEntry &entry : entries)
        list << entry.describe();
    return list;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

const QByteArray SmallIndex = "apiVersion: v1\n"
                              "entries:\n"
                              "  nginx:\n"
                              "    - version: 1.0.0\n"
                              "    - version: 1.1.0\n"
                              "  billing:\n"
                              "    - version: 0.1.0\n";

} // namespace

void TestCatalog::readsGitTags_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("component");
    QTest::addColumn<QStringList>("versions");

    QTest::newRow("component tags, newest first")
        << "{component}/v*"
        << "billing" << QStringList{"2.0.0-rc.1", "1.10.0", "1.9.0", "next"};
    QTest::newRow("another component") << "{component}/v*"
                                       << "orders" << QStringList{"1.0.0"};
    QTest::newRow("no tags for the component") << "{component}/v*"
                                               << "search" << QStringList{};
    QTest::newRow("a prefix of a name is not the name") << "{component}/v*"
                                                        << "bill" << QStringList{};
    QTest::newRow("no placeholder") << "release/r*"
                                    << "anything" << QStringList{"2", "1"};
    QTest::newRow("placeholder after the star") << "v*-{component}"
                                                << "api" << QStringList{"3.1.0"};
    QTest::newRow("glob characters in names are literal") << "{component}/v*"
                                                          << "b*" << QStringList{};
}

void TestCatalog::readsGitTags()
{
    QFETCH(QString, pattern);
    QFETCH(QString, component);
    QFETCH(QStringList, versions);

    QTemporaryDir tmp;
    GitFixture repo(tmp.filePath(QStringLiteral("repo")));
    QVERIFY(repo.init());
    QVERIFY(repo.write(QStringLiteral("README.md"), "infra\n"));
    QVERIFY(repo.commit(QStringLiteral("Initial import")));
    for (const char *tag : {"billing/v1.9.0", "billing/v2.0.0-rc.1", "billing/vnext",
                            "orders/v1.0.0", "release/r1", "release/r2", "v3.1.0-api"})
        QVERIFY(!repo.git({QStringLiteral("tag"), QString::fromLatin1(tag)}).isNull());
    // An annotated tag reads the same as a lightweight one.
    QVERIFY(!repo.git({QStringLiteral("-c"), QStringLiteral("user.name=Test"), QStringLiteral("-c"),
                       QStringLiteral("user.email=t@example.io"), QStringLiteral("tag"),
                       QStringLiteral("-a"), QStringLiteral("-m"), QStringLiteral("Release"),
                       QStringLiteral("billing/v1.10.0")})
                 .isNull());

    CatalogConfig config;
    CatalogEntry entry;
    entry.kind = CatalogEntry::Kind::GitTags;
    entry.pattern = pattern;
    config.entries << entry;
    const CatalogSet set = CatalogSet::loadCached(repo.root(), config);
    QVERIFY2(set.catalogs().value(0).available, qPrintable(set.catalogs().value(0).reason));
    QCOMPARE(set.catalogs().value(0).tags.size(), 8);

    const CatalogLookup answer = set.lookup(component);
    QCOMPARE(answer.isChecked(), !versions.isEmpty());
    QCOMPARE(answer.versions, versions);
    if (answer.isChecked()) {
        QCOMPARE(answer.source, QStringLiteral("git-tags ") + pattern);
        QCOMPARE(answer.ageSeconds, -1);
        QVERIFY(answer.reason.isEmpty());
    } else {
        QCOMPARE(answer.reason, QStringLiteral("no catalog lists `%1` (looked in: git-tags %2)")
                                    .arg(component, pattern));
    }
}

void TestCatalog::gitTagsOutsideRepository()
{
    QTemporaryDir plain;
    CatalogConfig config;
    CatalogEntry entry;
    entry.kind = CatalogEntry::Kind::GitTags;
    entry.pattern = QStringLiteral("{component}/v*");
    config.entries << entry;
    const CatalogSet set = CatalogSet::loadCached(plain.path(), config);
    QVERIFY(!set.catalogs().value(0).available);
    const CatalogLookup answer = set.lookup(QStringLiteral("billing"));
    QVERIFY(!answer.isChecked());
    QVERIFY(answer.versions.isEmpty());
    const QString expected = QStringLiteral("no catalog lists `billing`; unavailable: git-tags "
                                            "{component}/v* (Cannot open the repository %1: ")
                                 .arg(plain.path());
    QVERIFY2(answer.reason.startsWith(expected), qPrintable(answer.reason));
}

void TestCatalog::lookup_data()
{
    QTest::addColumn<QByteArray>("catalogs");
    QTest::addColumn<QString>("component");
    QTest::addColumn<QString>("chart");
    QTest::addColumn<bool>("checked");
    QTest::addColumn<QStringList>("versions");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("reason");

    const QByteArray helmThenSeen = "catalogs:\n  - { kind: helm-index, file: catalogs/a.yaml }\n"
                                    "  - { kind: seen }\n";
    const QByteArray seenThenHelm = "catalogs:\n  - { kind: seen }\n"
                                    "  - { kind: helm-index, file: catalogs/a.yaml }\n";
    const QString helm = QStringLiteral("helm-index catalogs/a.yaml");
    const QString seen = QStringLiteral("versions seen in the environments");
    const QString lookedIn = QStringLiteral(" (looked in: %1, %2)").arg(helm, seen);

    QTest::newRow("helm, by chart")
        << helmThenSeen << "ingress"
        << "nginx" << true << QStringList{"1.1.0", "1.0.0"} << helm << "";
    QTest::newRow("helm, by component name")
        << helmThenSeen << "nginx"
        << "" << true << QStringList{"1.1.0", "1.0.0"} << helm << "";
    QTest::newRow("the first catalog answers") << helmThenSeen << "billing"
                                               << "" << true << QStringList{"0.1.0"} << helm << "";
    QTest::newRow("order is preference")
        << seenThenHelm << "billing"
        << "" << true << QStringList{"1.9.0", "1.8.0"} << seen << "";
    QTest::newRow("seen only") << helmThenSeen << "orders"
                               << "" << true << QStringList{"2.0.0"} << seen << "";
    QTest::newRow("no catalog lists it") << helmThenSeen << "search"
                                         << "" << false << QStringList{} << ""
                                         << "no catalog lists `search`" + lookedIn;
    QTest::newRow("no catalog lists the chart")
        << helmThenSeen << "search"
        << "elastic" << false << QStringList{} << ""
        << "no catalog lists `search` (chart `elastic`)" + lookedIn;
    QTest::newRow("no catalogs configured")
        << QByteArray("environments: []\n") << "nginx"
        << "" << false << QStringList{} << ""
        << "no catalogs are configured (`catalogs:` in .envdeck.yaml)";
    QTest::newRow("index file missing")
        << QByteArray("catalogs:\n  - { kind: helm-index, file: catalogs/missing.yaml }\n")
        << "nginx"
        << "" << false << QStringList{} << ""
        << "no catalog lists `nginx`; unavailable: helm-index catalogs/missing.yaml "
           "(catalogs/missing.yaml: cannot read the Helm index: No such file or directory)";
    QTest::newRow("index file malformed")
        << QByteArray(
               "catalogs:\n  - { kind: helm-index, file: catalogs/bad.yaml }\n  - kind: seen\n")
        << "nginx"
        << "" << false << QStringList{} << ""
        << "no catalog lists `nginx` (looked in: " + seen
               + "); unavailable: helm-index catalogs/bad.yaml (catalogs/bad.yaml:2:10: `entries` "
                 "must map chart names to lists of releases)";
    QTest::newRow("a malformed catalog does not hide the next one")
        << QByteArray(
               "catalogs:\n  - { kind: helm-index, file: catalogs/bad.yaml }\n  - kind: seen\n")
        << "orders"
        << "" << true << QStringList{"2.0.0"} << seen << "";
    QTest::newRow("URL catalog never fetched")
        << QByteArray(
               "catalogs:\n  - { kind: helm-index, url: https://charts.example.io/index.yaml,"
               " cache: .envdeck/cache/c.yaml }\n")
        << "nginx"
        << "" << false << QStringList{} << ""
        << "no catalog lists `nginx`; unavailable: helm-index https://charts.example.io/index.yaml "
           "(not fetched yet: no cache at .envdeck/cache/c.yaml)";
}

void TestCatalog::lookup()
{
    QFETCH(QByteArray, catalogs);
    QFETCH(QString, component);
    QFETCH(QString, chart);
    QFETCH(bool, checked);
    QFETCH(QStringList, versions);
    QFETCH(QString, source);
    QFETCH(QString, reason);

    QTemporaryDir root;
    QVERIFY(writeFile(root.filePath(QStringLiteral(".envdeck.yaml")), catalogs));
    QVERIFY(writeFile(root.filePath(QStringLiteral("catalogs/a.yaml")), SmallIndex));
    QVERIFY(writeFile(root.filePath(QStringLiteral("catalogs/bad.yaml")),
                      "apiVersion: v1\nentries: [nginx]\n"));
    const Result<CatalogConfig> config = readCatalogConfig(root.path());
    QVERIFY(config.ok());
    QVERIFY(config->problems.isEmpty());

    CatalogLoadOptions options;
    options.seen = {{QStringLiteral("billing"), QStringLiteral("1.8.0")},
                    {QStringLiteral("billing"), QStringLiteral("1.9.0")},
                    {QStringLiteral("orders"), QStringLiteral("2.0.0")},
                    {QStringLiteral("billing"), QStringLiteral("1.9.0")}};
    const CatalogSet set = CatalogSet::loadCached(root.path(), *config, options);
    const CatalogLookup answer = set.lookup(component, chart);
    QCOMPARE(answer.isChecked(), checked);
    QCOMPARE(answer.versions, versions);
    QCOMPARE(answer.source, source);
    QCOMPARE(answer.reason, reason);
}

void TestCatalog::demoCatalogsCoverEnvironments()
{
    QTemporaryDir tmp;
    Demo::Options demoOptions;
    demoOptions.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
    const auto demo = Demo::generate(tmp.filePath(QStringLiteral("infra")), demoOptions);
    QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error().toString()));
    const auto snapshot = RepositoryLoader::load(demo->workTree);
    QVERIFY(snapshot.ok());

    const Result<CatalogConfig> config = readCatalogConfig(demo->workTree);
    QVERIFY(config.ok());
    QVERIFY(config->problems.isEmpty());
    QCOMPARE(
        describe(config->entries),
        (QStringList{"git-tags {component}/v*", "helm-index catalogs/third-party-index.yaml"}));

    const CatalogSet set = CatalogSet::loadCached(demo->workTree, *config);
    for (const CatalogState &state : set.catalogs())
        QVERIFY2(state.available && state.problems.isEmpty(), qPrintable(state.reason));

    int checkedComponents = 0;
    int thirdParty = 0;
    QStringList missing;
    for (const Environment &environment : snapshot->environments) {
        QVERIFY(!environment.components.isEmpty());
        for (const ComponentVersion &component : environment.components) {
            const CatalogLookup answer = set.lookup(component.name);
            const QString expectedSource
                = component.thirdParty
                      ? QStringLiteral("helm-index catalogs/third-party-index.yaml")
                      : QStringLiteral("git-tags {component}/v*");
            if (!answer.isChecked() || !answer.contains(component.version)
                || answer.source != expectedSource)
                missing << environment.name + u'/' + component.name + u'@' + component.version
                               + u' ' + answer.source + u' ' + answer.reason;
            ++checkedComponents;
            thirdParty += component.thirdParty ? 1 : 0;
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
    QVERIFY(checkedComponents >= 50);
    QVERIFY(thirdParty >= 5);

    // A `seen` catalog fed from the snapshot lists what the environments run, and the skew
    // between them shows as several versions of one component.
    CatalogConfig seenOnly;
    CatalogEntry seen;
    seen.kind = CatalogEntry::Kind::Seen;
    seenOnly.entries << seen;
    CatalogLoadOptions options;
    options.seen = seenVersions(*snapshot);
    const CatalogSet seenSet = CatalogSet::loadCached(demo->workTree, seenOnly, options);
    int skewed = 0;
    for (const Environment &environment : snapshot->environments) {
        for (const ComponentVersion &component : environment.components) {
            const CatalogLookup answer = seenSet.lookup(component.name);
            QVERIFY(answer.contains(component.version));
            skewed += answer.versions.size() > 1 ? 1 : 0;
        }
    }
    QVERIFY(skewed > 0);
    QVERIFY(!seenSet.lookup(QStringLiteral("no-such-component")).isChecked());
}
