// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_forge.h"

#include "ForgeProfiles.h"
#include "LoopbackServer.h"
#include "forge/RestForgeClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace EnvDeck;
using namespace EnvDeck::Forge;
using namespace std::chrono_literals;

void TestForge::reportsHttpErrors_data()
{
    QTest::addColumn<Provider>("provider");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("expected");

    // Servers that echo the token must not get it into the message.
    const QByteArray echo = "\"token " + testToken().toUtf8() + " is not allowed here\"";
    const QByteArray github422
        = QJsonDocument(QJsonDocument::fromJson(
                            readFixture(QStringLiteral("github/errors_422.octokit-fixtures.json")))
                            .array()
                            .first()
                            .toObject()
                            .value(QLatin1String("response"))
                            .toObject())
              .toJson();
    for (Provider provider : {Provider::GitLab, Provider::GitHub, Provider::AzureDevOps}) {
        const ForgeProfile profile
            = forgeProfile(provider, QUrl(QStringLiteral("http://127.0.0.1")));
        const QString name = providerName(provider);
        const QString display = providerDisplayName(provider);
        QTest::addRow("%s 401", qPrintable(name))
            << provider << 401 << QByteArray(R"({"message":"401 Unauthorized"})")
            << QStringList{display + QStringLiteral(": cannot open"), QStringLiteral("401"),
                           QStringLiteral("token"), QStringLiteral("expired")};
        QTest::addRow("%s 403", qPrintable(name))
            << provider << 403 << QByteArray("{\"message\":" + echo + "}")
            << QStringList{QStringLiteral("403"), QStringLiteral("no permission"),
                           profile.projectName, QStringLiteral("is not allowed here")};
        QTest::addRow("%s 404", qPrintable(name))
            << provider << 404 << QByteArray(R"({"message":"404 Project Not Found"})")
            << QStringList{QStringLiteral("404"), QStringLiteral("not found"), profile.projectName,
                           QStringLiteral(".envdeck.yaml")};
        QByteArray body422;
        QString message422;
        switch (provider) {
        case Provider::GitLab:
            body422 = R"({"message":{"target_branch":["does not exist"]}})";
            message422 = QStringLiteral("target_branch does not exist");
            break;
        case Provider::GitHub:
            body422 = github422;
            message422 = QStringLiteral("Label color: invalid");
            break;
        default:
            body422
                = R"({"$id":"1","message":"TF401398: The pull request cannot be activated because the source and/or the target branch no longer exists.","typeKey":"GitPullRequestCannotBeActivated"})";
            message422 = QStringLiteral("TF401398");
            break;
        }
        QTest::addRow("%s 422", qPrintable(name))
            << provider << 422 << body422 << QStringList{QStringLiteral("422"), message422};
        QTest::addRow("%s 500", qPrintable(name))
            << provider << 500 << QByteArray("{\"message\":" + echo + "}")
            << QStringList{QStringLiteral("500"), QStringLiteral("Try again later")};
        QTest::addRow("%s 502 html", qPrintable(name))
            << provider << 502 << QByteArray("<html><body>Bad gateway</body></html>")
            << QStringList{QStringLiteral("502"), QStringLiteral("Try again later")};
    }
}

void TestForge::reportsHttpErrors()
{
    QFETCH(Provider, provider);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, expected);

    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(provider, server.url());
    server.enqueue(status, body);
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);

    ForgeJob *job = client->openMergeRequest(testSpec(), this);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY(!job->result().ok());
    const QString message = job->result().error().toString();
    QVERIFY2(message.startsWith(QString(providerDisplayName(provider) + u':')),
             qPrintable(message));
    for (const QString &fragment : expected)
        QVERIFY2(message.contains(fragment),
                 qPrintable(QString(fragment + QStringLiteral(" not in: ") + message)));
    QVERIFY2(!message.contains(testToken()), qPrintable(message));
    QCOMPARE(server.requests().size(), 1);
    checkRequest(server.requests().first(), profile);
    delete job;
}

void TestForge::retriesAfter429_data()
{
    addProviders();
}

void TestForge::retriesAfter429()
{
    QFETCH(Provider, provider);
    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(provider, server.url());
    server.enqueue(429, R"({"message":"slow down"})", {{"Retry-After", "1"}});
    server.enqueue(201, QJsonDocument(profile.fixture()).toJson());
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);

    QElapsedTimer clock;
    clock.start();
    ForgeJob *job = client->openMergeRequest(testSpec(), this);
    QSignalSpy status(job, &ForgeJob::statusChanged);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY2(job->result().ok(), qPrintable(errorText(job)));
    QCOMPARE(job->result()->first().number, profile.fixtureNumber());
    QVERIFY(clock.elapsed() >= 900); // Retry-After was honoured
    QCOMPARE(status.count(), 1);
    const QString message = status.first().first().toString();
    QVERIFY2(message.startsWith(QStringLiteral("Waiting 1 s")), qPrintable(message));
    QVERIFY(message.contains(providerDisplayName(provider)));
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(1).json(), profile.expectedCreateBody());
    checkRequest(server.requests().at(1), profile);
    delete job;
}

void TestForge::givesUpAfterThree429_data()
{
    addProviders();
}

void TestForge::givesUpAfterThree429()
{
    QFETCH(Provider, provider);
    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(provider, server.url());
    // A server asking for an hour: the wait is capped (here at 1 s).
    for (int i = 0; i < 4; ++i)
        server.enqueue(429, R"({"message":"slow down"})", {{"Retry-After", "3600"}});
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);
    client->setMaxRetryWait(1);

    ForgeJob *job = client->mergeRequest(5, this);
    QSignalSpy status(job, &ForgeJob::statusChanged);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY(!job->result().ok());
    const QString message = job->result().error().toString();
    QVERIFY2(message.contains(QLatin1String("429")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("3 tries")), qPrintable(message));
    QCOMPARE(server.requests().size(), 3);
    QCOMPARE(status.count(), 2);
    QVERIFY(status.first().first().toString().startsWith(QStringLiteral("Waiting 1 s")));
    delete job;
}

void TestForge::timesOut_data()
{
    addProviders();
}

void TestForge::timesOut()
{
    QFETCH(Provider, provider);
    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(provider, server.url());
    server.enqueue(LoopbackServer::Reply{200, {}, {}, true});
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);
    client->setTransferTimeout(300ms);

    QElapsedTimer clock;
    clock.start();
    ForgeJob *job = client->openMergeRequest(testSpec(), this);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY(clock.elapsed() < 5000);
    QVERIFY(!job->result().ok());
    const QString message = job->result().error().toString();
    QVERIFY2(message.contains(QLatin1String("no answer from 127.0.0.1:")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("0.3 s")), qPrintable(message));
    QCOMPARE(server.requests().size(), 1);
    delete job;
}

void TestForge::reportsTlsErrors_data()
{
    addProviders();
}

void TestForge::reportsTlsErrors()
{
    QFETCH(Provider, provider);
    LoopbackServer server(LoopbackServer::Mode::PlainToAnything);
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(provider, server.url(QStringLiteral("https")));
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);

    ForgeJob *job = client->openMergeRequest(testSpec(), this);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY(!job->result().ok());
    const QString message = job->result().error().toString();
    QVERIFY2(message.contains(QLatin1String("secure connection (TLS)")), qPrintable(message));
    QVERIFY2(message.startsWith(providerDisplayName(provider)), qPrintable(message));
    delete job;
}

void TestForge::reportsConnectionRefused_data()
{
    addProviders();
}

void TestForge::reportsConnectionRefused()
{
    QFETCH(Provider, provider);
    LoopbackServer server;
    QVERIFY(server.listen());
    const QUrl url = server.url();
    server.close(); // nothing listens on the port any more
    const ForgeProfile profile = forgeProfile(provider, url);
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);

    ForgeJob *job = client->mergeRequests({QStringLiteral("feature/x")}, this);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY(!job->result().ok());
    const QString message = job->result().error().toString();
    QVERIFY2(message.contains(QLatin1String("refused the connection")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(url.port())), qPrintable(message));
    delete job;
}

void TestForge::cancels()
{
    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(Provider::GitLab, server.url());
    server.enqueue(LoopbackServer::Reply{200, {}, {}, true});
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);

    ForgeJob *job = client->mergeRequest(3, this);
    QSignalSpy finished(job, &ForgeJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, Patience);
    job->cancel();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!job->result().ok());
    QVERIFY(job->result().error().message().contains(QLatin1String("cancelled")));
    job->cancel(); // a second time changes nothing
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    delete job;
}

void TestForge::cancelsWhileWaitingToRetry()
{
    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(Provider::GitHub, server.url());
    server.enqueue(429, R"({"message":"slow down"})", {{"Retry-After", "1"}});
    server.enqueue(201, QJsonDocument(profile.fixture()).toJson());
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);

    ForgeJob *job = client->openMergeRequest(testSpec(), this);
    QSignalSpy status(job, &ForgeJob::statusChanged);
    QSignalSpy finished(job, &ForgeJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(status.count(), 1, Patience);
    job->cancel();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!job->result().ok());
    QTest::qWait(1500); // past the Retry-After: no second request goes out
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(finished.count(), 1);
    delete job;
}

void TestForge::reportsRedirects()
{
    // Redirects are not followed (they could carry the token's header elsewhere): reported.
    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(Provider::GitLab, server.url());
    server.enqueue(301, {}, {{"Location", "https://gitlab.new.example/api/v4/projects/1"}});
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);

    ForgeJob *job = client->mergeRequest(4, this);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY(!job->result().ok());
    const QString message = job->result().error().toString();
    QVERIFY2(message.contains(QLatin1String("https://gitlab.new.example/api/v4/projects/1")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("forge.url")), qPrintable(message));
    QCOMPARE(server.requests().size(), 1);
    delete job;
}
