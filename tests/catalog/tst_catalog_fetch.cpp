// SPDX-License-Identifier: GPL-3.0-or-later
// Downloads of URL catalogs against a loopback server on 127.0.0.1: answers, errors, timeouts,
// the cache and its age, offline use and cancellation.
#include "tst_catalog.h"

#include "catalog/CatalogCache.h"
#include "catalog/CatalogFetch.h"
#include "catalog/CatalogSet.h"
#include "core/YamlSupport.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace EnvDeck;
using namespace std::chrono_literals;

namespace {

const QByteArray ServedIndex = "apiVersion: v1\n"
                               "entries:\n"
                               "  nginx:\n"
                               "    - version: 4.8.3\n"
                               "    - version: 4.10.0\n"
                               "generated: \"2026-11-01T00:00:00Z\"\n";

const QByteArray CachedIndex = "apiVersion: v1\n"
                               "entries:\n"
                               "  nginx:\n"
                               "    - version: 4.7.0\n";

const QString CachePath = QStringLiteral(".envdeck/cache/charts.yaml");

// Serves index.yaml and the failures a real chart repository shows; records each request path.
class Loopback
{
public:
    Loopback()
    {
        m_server.route(QStringLiteral("/charts/index.yaml"), [this](const QHttpServerRequest &r) {
            paths << r.url().path();
            if (failing)
                return QHttpServerResponse(QHttpServerResponder::StatusCode::InternalServerError);
            return QHttpServerResponse("application/x-yaml", ServedIndex);
        });
        m_server.route(QStringLiteral("/broken/index.yaml"), [this](const QHttpServerRequest &r) {
            paths << r.url().path();
            return QHttpServerResponse(QHttpServerResponder::StatusCode::InternalServerError);
        });
        m_server.route(QStringLiteral("/malformed/index.yaml"), [this](
                                                                    const QHttpServerRequest &r) {
            paths << r.url().path();
            return QHttpServerResponse("application/x-yaml", QByteArray("entries:\n  nginx: [\n"));
        });
        m_server.route(QStringLiteral("/old/index.yaml"), [this](const QHttpServerRequest &r) {
            paths << r.url().path();
            QHttpServerResponse response(QHttpServerResponder::StatusCode::MovedPermanently);
            response.setHeader("Location", url(QStringLiteral("/charts/index.yaml")).toEncoded());
            return response;
        });
        m_server.route(QStringLiteral("/huge/index.yaml"), [this](const QHttpServerRequest &r) {
            paths << r.url().path();
            return QHttpServerResponse("application/x-yaml",
                                       QByteArray(Yaml::MaxFileSize + 1024, '#'));
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }

    bool isListening() const { return m_port != 0; }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }

    QStringList paths;
    bool failing = false;

private:
    QHttpServer m_server;
    quint16 m_port = 0;
};

// A port on 127.0.0.1 that nobody listens on: connections are refused.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

CatalogConfig urlConfig(const QUrl &url)
{
    CatalogEntry entry;
    entry.kind = CatalogEntry::Kind::HelmIndex;
    entry.url = url;
    entry.cache = CachePath;
    CatalogConfig config;
    config.entries << entry;
    return config;
}

// Waits for a future while this thread's event loop (and the loopback server) keeps running.
std::optional<CatalogSet> wait(QFuture<CatalogSet> future)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < 20000)
        QTest::qWait(10);
    if (!future.isFinished() || future.resultCount() == 0)
        return std::nullopt;
    return future.result();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void TestCatalog::fetchAnswers_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("error"); // %1 = the requested URL; empty = the index arrives
    QTest::addColumn<QStringList>("requested");

    QTest::newRow("index") << "/charts/index.yaml"
                           << "" << QStringList{"/charts/index.yaml"};
    QTest::newRow("redirect") << "/old/index.yaml"
                              << "" << QStringList{"/old/index.yaml", "/charts/index.yaml"};
    QTest::newRow("404") << "/missing/index.yaml"
                         << "HTTP 404 Not Found from %1" << QStringList{};
    QTest::newRow("500") << "/broken/index.yaml"
                         << "HTTP 500 Internal Server Error from %1"
                         << QStringList{"/broken/index.yaml"};
    QTest::newRow("too large") << "/huge/index.yaml"
                               << "the answer from %1 is larger than 16 MiB"
                               << QStringList{"/huge/index.yaml"};
}

void TestCatalog::fetchAnswers()
{
    QFETCH(QString, path);
    QFETCH(QString, error);
    QFETCH(QStringList, requested);

    Loopback server;
    QVERIFY(server.isListening());
    QNetworkAccessManager network;
    CatalogFetch fetch(&network, server.url(path), 5s);
    int emitted = 0;
    std::optional<Result<FetchedDocument>> outcome;
    connect(&fetch, &CatalogFetch::done, this, [&](const Result<FetchedDocument> &result) {
        ++emitted;
        outcome = result;
    });
    fetch.start();
    QTRY_COMPARE_WITH_TIMEOUT(emitted, 1, 10000);
    QTest::qWait(50);
    QCOMPARE(emitted, 1);
    QVERIFY(fetch.isFinished());
    QCOMPARE(server.paths, requested);
    if (error.isEmpty()) {
        QVERIFY2(outcome->ok(), qPrintable(outcome->ok() ? QString() : outcome->error().message()));
        QCOMPARE(outcome->value().body, ServedIndex);
        QVERIFY(outcome->value().fetchedAt.isValid());
    } else {
        QVERIFY(!outcome->ok());
        QCOMPARE(outcome->error().message(), error.arg(server.url(path).toString()));
    }
}

void TestCatalog::fetchTimesOut()
{
    // Accepts connections and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/index.yaml").arg(silent.serverPort()));
    QNetworkAccessManager network;
    CatalogFetch fetch(&network, url, 300ms);
    int emitted = 0;
    QString message;
    connect(&fetch, &CatalogFetch::done, this, [&](const Result<FetchedDocument> &result) {
        ++emitted;
        message = result.ok() ? QString() : result.error().message();
    });
    QElapsedTimer timer;
    timer.start();
    fetch.start();
    QTRY_COMPARE_WITH_TIMEOUT(emitted, 1, 5000);
    QVERIFY(timer.elapsed() >= 250);
    QTest::qWait(100);
    QCOMPARE(emitted, 1);
    QCOMPARE(message, QStringLiteral("no answer from %1 within 0.3 s").arg(url.toString()));
}

void TestCatalog::loadAsyncDownloadsAndCaches()
{
    Loopback server;
    QVERIFY(server.isListening());
    QTemporaryDir root;
    const QUrl url = server.url(QStringLiteral("/charts/index.yaml"));
    CatalogLoadOptions options;
    options.timeout = 5s;

    const std::optional<CatalogSet> fresh
        = wait(CatalogSet::loadAsync(root.path(), urlConfig(url), options));
    QVERIFY(fresh);
    QCOMPARE(server.paths, QStringList{"/charts/index.yaml"});
    const CatalogLookup answer = fresh->lookup(QStringLiteral("nginx"));
    QVERIFY2(answer.isChecked(), qPrintable(answer.reason));
    QCOMPARE(answer.versions, (QStringList{"4.10.0", "4.8.3"}));
    QCOMPARE(answer.source, QStringLiteral("helm-index ") + url.toString());
    QVERIFY(answer.reason.isEmpty());
    QVERIFY(answer.ageSeconds >= 0 && answer.ageSeconds < 60);
    QVERIFY(!fresh->catalogs().value(0).fromCache);

    // The cache: one header line, then exactly the bytes the server sent.
    const QByteArray cached = readAll(QDir(root.path()).filePath(CachePath));
    const qsizetype newline = cached.indexOf('\n');
    const QByteArray header = cached.left(newline);
    QVERIFY2(header.startsWith("# envdeck-cache: fetched "), header.constData());
    QVERIFY2(header.endsWith(QByteArray(" from " + url.toEncoded())), header.constData());
    QCOMPARE(cached.mid(newline + 1), ServedIndex);
    const QDateTime fetchedAt
        = QDateTime::fromString(QString::fromLatin1(header.mid(25, 20)), Qt::ISODate);
    QCOMPARE(fetchedAt, answer.fetchedAt.toUTC().addMSecs(-answer.fetchedAt.time().msec()));

    // The server fails now: the cache stands in, and says so.
    server.failing = true;
    const std::optional<CatalogSet> fallback
        = wait(CatalogSet::loadAsync(root.path(), urlConfig(url), options));
    QVERIFY(fallback);
    QCOMPARE(server.paths.size(), 2);
    const CatalogLookup again = fallback->lookup(QStringLiteral("nginx"));
    QVERIFY(again.isChecked());
    QCOMPARE(again.versions, (QStringList{"4.10.0", "4.8.3"}));
    QVERIFY(fallback->catalogs().value(0).fromCache);
    const QString expected
        = QStringLiteral("could not refresh: HTTP 500 Internal Server Error from %1; using the "
                         "cache fetched ")
              .arg(url.toString());
    QVERIFY2(again.reason.startsWith(expected), qPrintable(again.reason));
    QCOMPARE(readAll(QDir(root.path()).filePath(CachePath)), cached);
}

void TestCatalog::offlineUsesCacheWithAge_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("failure"); // %1 = the URL

    QTest::newRow("connection refused") << "refused"
                                        << "cannot fetch %1: Connection refused";
    QTest::newRow("server error") << "500"
                                  << "HTTP 500 Internal Server Error from %1";
    QTest::newRow("malformed answer") << "malformed"
                                      << "%1:3:1: malformed YAML: end of sequence flow not found";
}

void TestCatalog::offlineUsesCacheWithAge()
{
    QFETCH(QString, kind);
    QFETCH(QString, failure);

    Loopback server;
    QVERIFY(server.isListening());
    QUrl url;
    if (kind == u"refused")
        url = QUrl(QStringLiteral("http://127.0.0.1:%1/index.yaml").arg(closedPort()));
    else if (kind == u"500")
        url = server.url(QStringLiteral("/broken/index.yaml"));
    else
        url = server.url(QStringLiteral("/malformed/index.yaml"));

    QTemporaryDir root;
    const QDateTime now(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
    const QDateTime fetchedAt = now.addSecs(-3 * 3600 - 120);
    const QString cacheFile = QDir(root.path()).filePath(CachePath);
    QVERIFY(CatalogCache::write(cacheFile, CachedIndex, url, fetchedAt).ok());
    const QByteArray before = readAll(cacheFile);

    CatalogLoadOptions options;
    options.timeout = 5s;
    options.now = now;
    const std::optional<CatalogSet> set
        = wait(CatalogSet::loadAsync(root.path(), urlConfig(url), options));
    QVERIFY(set);
    const CatalogLookup answer = set->lookup(QStringLiteral("nginx"));
    QVERIFY(answer.isChecked());
    QCOMPARE(answer.versions, QStringList{"4.7.0"});
    QCOMPARE(answer.fetchedAt, fetchedAt);
    QCOMPARE(answer.ageSeconds, 3 * 3600 + 120);
    QCOMPARE(answer.reason,
             QStringLiteral("could not refresh: %1; using the cache fetched 2026-11-20 13:58 UTC "
                            "(3 h old)")
                 .arg(failure.arg(url.toString())));
    QVERIFY(set->catalogs().value(0).fromCache);
    QCOMPARE(readAll(cacheFile), before); // a bad answer never replaces a good cache
}

void TestCatalog::noCacheNoNetworkIsUnavailable()
{
    QTemporaryDir root;
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/index.yaml").arg(closedPort()));
    CatalogLoadOptions options;
    options.timeout = 5s;
    const std::optional<CatalogSet> set
        = wait(CatalogSet::loadAsync(root.path(), urlConfig(url), options));
    QVERIFY(set);
    QVERIFY(!set->catalogs().value(0).available);
    const CatalogLookup answer = set->lookup(QStringLiteral("nginx"));
    QVERIFY(!answer.isChecked());
    QVERIFY(answer.versions.isEmpty());
    QCOMPARE(
        answer.reason,
        QStringLiteral("no catalog lists `nginx`; unavailable: helm-index %1 (cannot fetch %1: "
                       "Connection refused; no cache at .envdeck/cache/charts.yaml)")
            .arg(url.toString()));
    QVERIFY(!QFile::exists(QDir(root.path()).filePath(CachePath)));
}

void TestCatalog::loadCachedNeverDownloads()
{
    Loopback server;
    QVERIFY(server.isListening());
    QTemporaryDir root;
    const QUrl url = server.url(QStringLiteral("/charts/index.yaml"));
    const QDateTime now(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
    CatalogLoadOptions options;
    options.now = now;

    const CatalogSet empty = CatalogSet::loadCached(root.path(), urlConfig(url), options);
    QTest::qWait(50);
    QVERIFY(server.paths.isEmpty());
    QVERIFY(!empty.lookup(QStringLiteral("nginx")).isChecked());

    QVERIFY(CatalogCache::write(QDir(root.path()).filePath(CachePath), CachedIndex, url,
                                now.addDays(-3))
                .ok());
    const CatalogSet cached = CatalogSet::loadCached(root.path(), urlConfig(url), options);
    QVERIFY(server.paths.isEmpty());
    const CatalogLookup answer = cached.lookup(QStringLiteral("nginx"));
    QVERIFY(answer.isChecked());
    QCOMPARE(answer.ageSeconds, 3 * 86400);
    QCOMPARE(answer.reason,
             QStringLiteral("from the cache fetched 2026-11-17 17:00 UTC (3 days old)"));
}

void TestCatalog::freshCacheSkipsNetwork()
{
    Loopback server;
    QVERIFY(server.isListening());
    QTemporaryDir root;
    const QUrl url = server.url(QStringLiteral("/charts/index.yaml"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(CatalogCache::write(QDir(root.path()).filePath(CachePath), CachedIndex, url,
                                now.addSecs(-60))
                .ok());

    CatalogLoadOptions options;
    options.timeout = 5s;
    options.maxCacheAgeSeconds = 3600;
    const std::optional<CatalogSet> young
        = wait(CatalogSet::loadAsync(root.path(), urlConfig(url), options));
    QVERIFY(young);
    QVERIFY(server.paths.isEmpty());
    QCOMPARE(young->lookup(QStringLiteral("nginx")).versions, QStringList{"4.7.0"});

    options.maxCacheAgeSeconds = 30;
    const std::optional<CatalogSet> old
        = wait(CatalogSet::loadAsync(root.path(), urlConfig(url), options));
    QVERIFY(old);
    QCOMPARE(server.paths, QStringList{"/charts/index.yaml"});
    QCOMPARE(old->lookup(QStringLiteral("nginx")).versions, (QStringList{"4.10.0", "4.8.3"}));
}

void TestCatalog::cancelStopsDownload()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir root;
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/index.yaml").arg(silent.serverPort()));
    CatalogLoadOptions options;
    options.timeout = 60s;
    QFuture<CatalogSet> future = CatalogSet::loadAsync(root.path(), urlConfig(url), options);
    QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 5000);
    QElapsedTimer timer;
    timer.start();
    future.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 5000);
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(future.isCanceled());
    QCOMPARE(future.resultCount(), 0);
}

void TestCatalog::credentialsNeverShown()
{
    Loopback server;
    QVERIFY(server.isListening());
    QTemporaryDir root;
    QUrl url = server.url(QStringLiteral("/charts/index.yaml"));
    url.setUserName(QStringLiteral("deploy"));
    url.setPassword(QStringLiteral("s3cret-password"));
    url.setQuery(QStringLiteral("token=s3cret-token"));
    CatalogLoadOptions options;
    options.timeout = 5s;

    const std::optional<CatalogSet> fetched
        = wait(CatalogSet::loadAsync(root.path(), urlConfig(url), options));
    QVERIFY(fetched);
    QCOMPARE(server.paths, QStringList{"/charts/index.yaml"});
    server.failing = true;
    const std::optional<CatalogSet> failed
        = wait(CatalogSet::loadAsync(root.path(), urlConfig(url), options));
    QVERIFY(failed);
    const CatalogLookup answer = failed->lookup(QStringLiteral("nginx"));
    QVERIFY(answer.isChecked());
    const QString shown = server.url(QStringLiteral("/charts/index.yaml")).toString();
    QCOMPARE(answer.source, QStringLiteral("helm-index ") + shown);
    QVERIFY2(answer.reason.startsWith(
                 QStringLiteral("could not refresh: HTTP 500 Internal Server Error from ") + shown
                 + u';'),
             qPrintable(answer.reason));
    const QByteArray cache = readAll(QDir(root.path()).filePath(CachePath));
    for (const QByteArray &secret : {QByteArray("s3cret"), QByteArray("deploy")}) {
        QVERIFY(!cache.contains(secret));
        QVERIFY(!answer.reason.toUtf8().contains(secret));
        QVERIFY(!answer.source.toUtf8().contains(secret));
    }
}

void TestCatalog::downloadsTogetherWithProgress()
{
    Loopback server;
    QVERIFY(server.isListening());
    QTemporaryDir root;
    CatalogConfig config = urlConfig(server.url(QStringLiteral("/broken/index.yaml")));
    config.entries[0].cache = QStringLiteral(".envdeck/cache/broken.yaml");
    config.entries << urlConfig(server.url(QStringLiteral("/charts/index.yaml"))).entries;
    CatalogEntry seen;
    seen.kind = CatalogEntry::Kind::Seen;
    config.entries << seen;
    CatalogLoadOptions options;
    options.timeout = 5s;
    options.seen = {{QStringLiteral("billing"), QStringLiteral("1.9.0")}};

    // load() on this thread: its event loop also runs the loopback server.
    QList<std::pair<int, int>> steps;
    QStringList texts;
    const CatalogSet set = CatalogSet::load(root.path(), config, options,
                                            [&](int done, int total, const QString &step) {
                                                if (steps.isEmpty() || steps.last().first != done)
                                                    texts << step;
                                                steps.append({done, total});
                                                return true;
                                            });
    QStringList paths = server.paths;
    paths.sort();
    QCOMPARE(paths, (QStringList{"/broken/index.yaml", "/charts/index.yaml"}));
    QCOMPARE(steps.first(), std::make_pair(0, 2));
    QCOMPARE(steps.last(), std::make_pair(2, 2));
    QCOMPARE(texts.first(), QStringLiteral("Downloading 2 catalogs"));
    QVERIFY2(texts.last().startsWith(u"Downloaded http://127.0.0.1:"), qPrintable(texts.last()));

    QCOMPARE(set.catalogs().size(), 3);
    QVERIFY(!set.catalogs().at(0).available);
    QCOMPARE(set.catalogs().at(0).reason,
             QStringLiteral("HTTP 500 Internal Server Error from %1; no cache at "
                            ".envdeck/cache/broken.yaml")
                 .arg(server.url(QStringLiteral("/broken/index.yaml")).toString()));
    QVERIFY(set.catalogs().at(1).available);
    QCOMPARE(set.lookup(QStringLiteral("nginx")).versions, (QStringList{"4.10.0", "4.8.3"}));
    const CatalogLookup billing = set.lookup(QStringLiteral("billing"));
    QVERIFY(billing.isChecked());
    QCOMPARE(billing.source, QStringLiteral("versions seen in the environments"));
    QCOMPARE(billing.versions, QStringList{"1.9.0"});
}
