// SPDX-License-Identifier: GPL-3.0-or-later
// .envdeck.yaml `catalogs:` and Helm index parsing; tst_catalog_lookup.cpp and
// tst_catalog_fetch.cpp hold the rest of TestCatalog.
#include "tst_catalog.h"

#include "TestSupport.h"

#include "catalog/CatalogConfig.h"
#include "catalog/HelmIndex.h"

#include <QNetworkProxy>
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

QStringList texts(const QList<Error> &errors)
{
    QStringList list;
    for (const Error &error : errors)
        list << error.toString();
    return list;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

} // namespace

void TestCatalog::initTestCase()
{
    // Only loopback servers are used; a proxy from the environment must not get in between.
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
}

void TestCatalog::readsConfig_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("entries");
    QTest::addColumn<QString>("firstCache");
    QTest::addColumn<QStringList>("problems");

    const QByteArray head = "environments:\n  - { name: dev, path: environments/dev }\ncatalogs:\n";
    QTest::newRow("demo catalogs")
        << head
               + "  - { kind: git-tags,   pattern: \"{component}/v*\" }\n"
                 "  - { kind: helm-index, file: catalogs/third-party-index.yaml }\n"
        << QStringList{"git-tags {component}/v*", "helm-index catalogs/third-party-index.yaml"}
        << "" << QStringList{};
    QTest::newRow("url with cache, seen")
        << QByteArray("catalogs:\n"
                      "  - { kind: helm-index, url: https://charts.example.io/index.yaml, cache: "
                      ".envdeck/cache/charts.yaml }\n"
                      "  - kind: seen\n")
        << QStringList{"helm-index https://charts.example.io/index.yaml",
                       "versions seen in the environments"}
        << ".envdeck/cache/charts.yaml" << QStringList{};
    QTest::newRow("url, default cache")
        << QByteArray(
               "catalogs:\n  - { kind: helm-index, url: https://charts.example.io/index.yaml }\n")
        << QStringList{"helm-index https://charts.example.io/index.yaml"}
        << ".envdeck/cache/helm-charts.example.io-"
               + QString::fromLatin1(
                   QCryptographicHash::hash("https://charts.example.io/index.yaml",
                                            QCryptographicHash::Sha1)
                       .toHex()
                       .left(12))
               + ".yaml"
        << QStringList{};
    QTest::newRow("no catalogs key") << head << QStringList{} << "" << QStringList{};
    QTest::newRow("unknown kind")
        << QByteArray("catalogs:\n"
                      "  - { kind: npm-registry, url: https://registry.npmjs.org }\n"
                      "  - { kind: seen }\n")
        << QStringList{"versions seen in the environments"} << ""
        << QStringList{".envdeck.yaml:2:13: unknown catalog kind `npm-registry` (use helm-index, "
                       "git-tags or seen)"};
    QTest::newRow("helm-index without url or file")
        << QByteArray("catalogs:\n  - { kind: helm-index }\n") << QStringList{} << ""
        << QStringList{".envdeck.yaml:2:5: a helm-index catalog needs a `url` or a `file`"};
    QTest::newRow("git-tags without pattern, block style")
        << QByteArray("catalogs:\n  - kind: git-tags\n  - kind: seen\n")
        << QStringList{"versions seen in the environments"} << ""
        << QStringList{".envdeck.yaml:2:5: a git-tags catalog needs a `pattern`, such as "
                       "\"{component}/v*\""};
    QTest::newRow("pattern without star")
        << QByteArray("catalogs:\n  - { kind: git-tags, pattern: \"{component}\" }\n")
        << QStringList{} << ""
        << QStringList{".envdeck.yaml:2:32: the tag pattern `{component}` must contain exactly one "
                       "`*`, where the version is"};
    QTest::newRow("ftp url")
        << QByteArray("catalogs:\n  - { kind: helm-index, url: ftp://example.io/index.yaml }\n")
        << QStringList{} << ""
        << QStringList{".envdeck.yaml:2:30: `ftp://example.io/index.yaml` is not an http or https "
                       "URL"};
    QTest::newRow("cache outside the repository")
        << QByteArray("catalogs:\n  - { kind: helm-index, url: https://c.example.io/index.yaml, "
                      "cache: ../cache.yaml }\n")
        << QStringList{} << ""
        << QStringList{".envdeck.yaml:2:70: `cache` must be a path inside the repository, relative "
                       "to its root"};
    QTest::newRow("absolute index file")
        << QByteArray("catalogs:\n  - { kind: helm-index, file: /etc/index.yaml }\n")
        << QStringList{} << ""
        << QStringList{".envdeck.yaml:2:31: `file` must be a path inside the repository, relative "
                       "to its root"};
    QTest::newRow("misspelt key")
        << QByteArray("catalogs:\n  - { kind: git-tags, patern: \"{component}/v*\" }\n")
        << QStringList{} << ""
        << QStringList{".envdeck.yaml:2:23: unknown key `patern` in a catalog entry (known: kind, "
                       "url, file, cache, pattern)",
                       ".envdeck.yaml:2:5: a git-tags catalog needs a `pattern`, such as "
                       "\"{component}/v*\""};
    QTest::newRow("url and file")
        << QByteArray("catalogs:\n  - kind: helm-index\n    url: https://c.example.io/index.yaml\n"
                      "    file: index.yaml\n")
        << QStringList{} << ""
        << QStringList{".envdeck.yaml:2:5: a helm-index catalog takes either `url` or `file`, not "
                       "both"};
    QTest::newRow("entry not a mapping")
        << QByteArray("catalogs:\n  - helm-index\n") << QStringList{} << ""
        << QStringList{".envdeck.yaml:2:5: a catalog entry must be a mapping with a `kind`"};
    QTest::newRow("catalogs not a list")
        << QByteArray("catalogs: { kind: seen }\n") << QStringList{} << ""
        << QStringList{".envdeck.yaml:1:11: `catalogs` must be a list"};
    QTest::newRow("entry without kind")
        << QByteArray("catalogs:\n  - { pattern: \"{component}/v*\" }\n") << QStringList{} << ""
        << QStringList{".envdeck.yaml:2:5: catalog entry without a `kind` (helm-index, git-tags or "
                       "seen)"};
}

void TestCatalog::readsConfig()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, entries);
    QFETCH(QString, firstCache);
    QFETCH(QStringList, problems);

    QTemporaryDir root;
    QVERIFY(writeFile(root.filePath(QStringLiteral(".envdeck.yaml")), yaml));
    const Result<CatalogConfig> config = readCatalogConfig(root.path());
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
    QVERIFY(config->hasFile);
    QCOMPARE(describe(config->entries), entries);
    QCOMPARE(texts(config->problems), problems);
    if (!firstCache.isEmpty())
        QCOMPARE(config->entries.value(0).cachePath(), firstCache);
}

void TestCatalog::rejectsMalformedConfig()
{
    QTemporaryDir root;
    const Result<CatalogConfig> none = readCatalogConfig(root.path());
    QVERIFY(none.ok());
    QVERIFY(!none->hasFile);
    QVERIFY(none->entries.isEmpty());

    QVERIFY(writeFile(root.filePath(QStringLiteral(".envdeck.yaml")),
                      "catalogs:\n  - { kind: seen\n  - { kind: git-tags }\n"));
    const Result<CatalogConfig> broken = readCatalogConfig(root.path());
    QVERIFY(!broken.ok());
    QCOMPARE(broken.error().toString(),
             QStringLiteral(".envdeck.yaml:3:5: malformed YAML: end of map flow not found"));
}

void TestCatalog::parsesHelmIndex_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QStringList>("versions");
    QTest::addColumn<QString>("firstCreated");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("two charts") << QByteArray(
        "apiVersion: v1\n"
        "entries:\n"
        "  nginx:\n"
        "    - version: 4.8.3\n"
        "      appVersion: 1.9.4\n"
        "      created: \"2026-03-01T10:00:00.123456789Z\"\n"
        "    - version: 4.10.0\n"
        "    - { version: 4.9.1, created: \"2026-04-01T12:00:00+02:00\" }\n"
        "  redis:\n"
        "    - version: 17.0.0\n"
        "generated: \"2026-05-01T00:00:00Z\"\n")
                                << "nginx" << QStringList{"4.10.0", "4.9.1", "4.8.3"}
                                << "2026-03-01T10:00:00.123Z" << QStringList{};
    QTest::newRow("release without version")
        << QByteArray("apiVersion: v1\n"
                      "entries:\n"
                      "  nginx:\n"
                      "    - version: 4.8.3\n"
                      "    - appVersion: 1.9.4\n"
                      "    - 4.9.0\n")
        << "nginx" << QStringList{"4.8.3"} << ""
        << QStringList{"index.yaml:5:7: a release of chart `nginx` has no `version`",
                       "index.yaml:6:7: a release of chart `nginx` must be a mapping"};
    QTest::newRow("releases not a list")
        << QByteArray("entries:\n  redis: 17.0.0\n  nginx:\n    - version: 1.0.0\n") << "nginx"
        << QStringList{"1.0.0"} << ""
        << QStringList{"index.yaml:2:10: the releases of chart `redis` must be a list"};
    QTest::newRow("empty repository") << QByteArray("apiVersion: v1\nentries:\n") << "nginx"
                                      << QStringList{} << "" << QStringList{};
    QTest::newRow("byte order mark, CRLF")
        << QByteArray("\xEF\xBB\xBF"
                      "apiVersion: v1\r\nentries:\r\n  nginx:\r\n"
                      "    - version: 2.0.0\r\n")
        << "nginx" << QStringList{"2.0.0"} << "" << QStringList{};
}

void TestCatalog::parsesHelmIndex()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, chart);
    QFETCH(QStringList, versions);
    QFETCH(QString, firstCreated);
    QFETCH(QStringList, problems);

    const Result<HelmIndex> index = parseHelmIndex(yaml, QStringLiteral("index.yaml"));
    QVERIFY2(index.ok(), qPrintable(index.ok() ? QString() : index.error().toString()));
    QCOMPARE(index->versions(chart), versions);
    QCOMPARE(index->contains(chart), !versions.isEmpty());
    QCOMPARE(texts(index->problems), problems);
    if (!firstCreated.isEmpty()) {
        // value() returns a copy: keep it alive while `first` refers into it.
        const QList<HelmChartVersion> releases = index->entries.value(chart);
        const HelmChartVersion &first = releases.first();
        QCOMPARE(first.created, QDateTime::fromString(firstCreated, Qt::ISODateWithMs));
        QCOMPARE(first.appVersion, QStringLiteral("1.9.4"));
        QCOMPARE(first.location.toString(), QStringLiteral("index.yaml:4:7"));
        QCOMPARE(index->entries.value(chart).at(2).created,
                 QDateTime(QDate(2026, 4, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(index->generated, QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC));
    }
}

void TestCatalog::rejectsMalformedHelmIndex_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("error");

    QTest::newRow("unclosed flow mapping")
        << QByteArray("apiVersion: v1\n"
                      "entries:\n"
                      "  nginx:\n"
                      "    - { version: 4.8.3, appVersion: 1.9.4\n"
                      "generated: \"2026-01-01T00:00:00Z\"\n")
        << "index.yaml:5:10: malformed YAML: end of map flow not found";
    QTest::newRow("tab indentation")
        << QByteArray("apiVersion: v1\nentries:\n  nginx:\n    - version: 4.8.3\n\tappVersion: 1\n")
        << "index.yaml:5:1: malformed YAML: illegal tab when looking for indentation";
    QTest::newRow("undefined alias")
        << QByteArray("apiVersion: v1\nentries:\n  nginx:\n    - version: 4.8.3\n"
                      "      digest: *missing\n")
        << "index.yaml:5:15: malformed YAML: the referenced anchor is not defined";
    QTest::newRow("bad indentation")
        << QByteArray("apiVersion: v1\nentries:\n  nginx:\n    - version: 4.8.3\n"
                      "   appVersion: 1.9.4\n")
        << "index.yaml:5:4: malformed YAML: end of map not found";
    QTest::newRow("a list, not an index")
        << QByteArray("- a\n- b\n")
        << "index.yaml:1:1: not a Helm repository index: expected a mapping with `entries:` at "
           "the top level";
    QTest::newRow("empty file")
        << QByteArray()
        << "index.yaml:1:1: not a Helm repository index: expected a mapping with `entries:` at "
           "the top level";
    QTest::newRow("no entries") << QByteArray("apiVersion: v1\n")
                                << "index.yaml:1:1: not a Helm repository index: no `entries:`";
    QTest::newRow("entries is a list")
        << QByteArray("apiVersion: v1\nentries: [nginx]\n")
        << "index.yaml:2:10: `entries` must map chart names to lists of releases";
    QTest::newRow("an HTML error page")
        << QByteArray("<html>\n<body>Sign in: {{user}</body>\n</html>\n")
        << "index.yaml:2:14: malformed YAML: illegal map value";
    QTest::newRow("an HTML page that is valid YAML")
        << QByteArray("<html><body>Not here</body></html>\n")
        << "index.yaml:1:1: not a Helm repository index: expected a mapping with `entries:` at "
           "the top level";
}

void TestCatalog::rejectsMalformedHelmIndex()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, error);

    const Result<HelmIndex> index = parseHelmIndex(yaml, QStringLiteral("index.yaml"));
    QVERIFY(!index.ok());
    QCOMPARE(index.error().toString(), error);
}

ENVDECK_TEST_MAIN_CORE(TestCatalog)
