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

void TestForge::factory()
{
    QNetworkAccessManager network;
    for (Provider provider : {Provider::GitLab, Provider::GitHub, Provider::AzureDevOps}) {
        ForgeSettings settings;
        settings.provider = provider;
        const std::unique_ptr<ForgeClient> client
            = createForgeClient(settings, testToken(), &network);
        QVERIFY(client);
        QCOMPARE(client->provider(), provider);
    }
    ForgeSettings local;
    local.provider = Provider::Local;
    QVERIFY(!createForgeClient(local, QString(), &network));
}

void TestForge::creates_data()
{
    addProviders();
}

void TestForge::creates()
{
    QFETCH(Provider, provider);
    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(provider, server.url());
    server.enqueue(201, QJsonDocument(profile.fixture()).toJson());
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);
    QVERIFY(client);

    ForgeJob *job = client->openMergeRequest(testSpec(), this);
    QSignalSpy finished(job, &ForgeJob::finished);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QCOMPARE(finished.count(), 1);
    QVERIFY2(job->result().ok(), qPrintable(errorText(job)));
    QCOMPARE(job->result()->size(), 1);
    const MergeRequest mr = job->result()->first();
    QCOMPARE(mr.provider, provider);
    QCOMPARE(mr.number, profile.fixtureNumber());
    QCOMPARE(mr.reference, profile.fixtureReference());
    QCOMPARE(mr.webUrl, profile.fixtureWebUrl());
    QCOMPARE(mr.sourceBranch, profile.fixtureSource());
    QCOMPARE(mr.state, MergeRequestState::Open);
    QVERIFY(mr.created.isValid());
    QVERIFY(!mr.author.isEmpty());
    QVERIFY(!mr.reused);

    QCOMPARE(server.requests().size(), 1);
    const LoopbackServer::Request &request = server.requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.rawPath, profile.pullsPath);
    checkRequest(request, profile);
    QVERIFY(request.header("content-type").startsWith("application/json"));
    QCOMPARE(request.json(), profile.expectedCreateBody());
    delete job;
}

void TestForge::reusesExisting_data()
{
    addProviders();
}

void TestForge::reusesExisting()
{
    QFETCH(Provider, provider);
    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(provider, server.url());
    const QString branch = testSpec().sourceBranch;
    switch (provider) {
    case Provider::GitLab:
        server.enqueue(
            409,
            R"({"message":["Another open merge request already exists for this source branch: !7"]})");
        break;
    case Provider::GitHub:
        server.enqueue(
            422,
            R"({"message":"Validation Failed","errors":[{"resource":"PullRequest","code":"custom","message":"A pull request already exists for octo-org:feature/bump-ingress."}],"documentation_url":"https://docs.github.com/rest/pulls/pulls#create-a-pull-request"})");
        break;
    default:
        server.enqueue(
            409,
            R"({"$id":"1","innerException":null,"message":"TF401179: An active pull request for the source and target branch already exists.","typeName":"Microsoft.TeamFoundation.Git.Server.GitPullRequestExistsException, Microsoft.TeamFoundation.Git.Server","typeKey":"GitPullRequestExistsException","errorCode":0,"eventId":3000})");
        break;
    }
    server.enqueue(200, profile.listBody({profile.item(
                            7, branch,
                            provider == Provider::GitLab   ? QStringLiteral("opened")
                            : provider == Provider::GitHub ? QStringLiteral("open")
                                                           : QStringLiteral("active"))}));
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);

    ForgeJob *job = client->openMergeRequest(testSpec(), this);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY2(job->result().ok(), qPrintable(errorText(job)));
    QCOMPARE(job->result()->size(), 1);
    const MergeRequest mr = job->result()->first();
    QVERIFY(mr.reused);
    QCOMPARE(mr.number, 7);
    QCOMPARE(mr.sourceBranch, branch);
    QCOMPARE(mr.targetBranch, QStringLiteral("main"));
    QCOMPARE(mr.state, MergeRequestState::Open);

    QCOMPARE(server.requests().size(), 2);
    const LoopbackServer::Request &find = server.requests().at(1);
    QCOMPARE(find.method, QByteArray("GET"));
    QCOMPARE(find.rawPath, profile.pullsPath);
    checkRequest(find, profile);
    QCOMPARE(find.query.queryItemValue(profile.listBranchKey, QUrl::FullyDecoded),
             profile.branchValue(branch));
    const QString state = provider == Provider::AzureDevOps
                              ? find.query.queryItemValue(QStringLiteral("searchCriteria.status"))
                              : find.query.queryItemValue(QStringLiteral("state"));
    QCOMPARE(state, provider == Provider::GitLab   ? QStringLiteral("opened")
                    : provider == Provider::GitHub ? QStringLiteral("open")
                                                   : QStringLiteral("active"));
    delete job;
}

void TestForge::gets_data()
{
    addProviders();
}

void TestForge::gets()
{
    QFETCH(Provider, provider);
    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(provider, server.url());
    const QString merged = provider == Provider::GitLab   ? QStringLiteral("merged")
                           : provider == Provider::GitHub ? QStringLiteral("merged")
                                                          : QStringLiteral("completed");
    server.enqueue(200,
                   QJsonDocument(profile.item(12, QStringLiteral("feature/x"), merged)).toJson());
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);

    ForgeJob *job = client->mergeRequest(12, this);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY2(job->result().ok(), qPrintable(errorText(job)));
    const MergeRequest mr = job->result()->first();
    QCOMPARE(mr.number, 12);
    QCOMPARE(mr.state, MergeRequestState::Merged);
    QCOMPARE(mr.sourceBranch, QStringLiteral("feature/x"));
    QVERIFY(!mr.reused);

    QCOMPARE(server.requests().size(), 1);
    const LoopbackServer::Request &request = server.requests().first();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.rawPath, QByteArray(profile.pullsPath + "/12"));
    checkRequest(request, profile);
    delete job;
}

void TestForge::listsTwoPages_data()
{
    addProviders();
}

void TestForge::listsTwoPages()
{
    QFETCH(Provider, provider);
    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(provider, server.url());
    const QString branch = QStringLiteral("feature/a+b");
    const QString open = provider == Provider::GitLab   ? QStringLiteral("opened")
                         : provider == Provider::GitHub ? QStringLiteral("open")
                                                        : QStringLiteral("active");
    const QString closed = provider == Provider::AzureDevOps ? QStringLiteral("abandoned")
                                                             : QStringLiteral("closed");
    QList<std::pair<QByteArray, QByteArray>> nextHeader;
    switch (provider) {
    case Provider::GitLab:
        nextHeader = {{"X-Next-Page", "2"}, {"X-Page", "1"}, {"X-Per-Page", "100"}};
        break;
    case Provider::GitHub: {
        // As in fixtures/github/paginate_issues: prev before next, and last.
        const QByteArray page = server.url().toEncoded() + profile.pullsPath
                                + "?head=octo-org%3Afeature%2Fa%2Bb&state=all&per_page=100&page=";
        nextHeader = {{"Link", QByteArray("<" + page + "1>; rel=\"prev\", <" + page
                                          + "2>; rel=\"next\", <" + page + "2>; rel=\"last\"")}};
        break;
    }
    default:
        nextHeader = {{"x-ms-continuationtoken", "c2tpcDox"}};
        break;
    }
    server.enqueue(200, profile.listBody({profile.item(3, branch, closed)}), nextHeader);
    server.enqueue(200, profile.listBody({profile.item(4, branch, open)}));
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);

    ForgeJob *job = client->mergeRequests({branch}, this);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY2(job->result().ok(), qPrintable(errorText(job)));
    QCOMPARE(job->result()->size(), 2);
    QCOMPARE(job->result()->at(0).number, 3);
    QCOMPARE(job->result()->at(0).state, MergeRequestState::Closed);
    QCOMPARE(job->result()->at(1).number, 4);
    QCOMPARE(job->result()->at(1).state, MergeRequestState::Open);

    QCOMPARE(server.requests().size(), 2);
    for (const LoopbackServer::Request &request : server.requests()) {
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.rawPath, profile.pullsPath);
        checkRequest(request, profile);
        // The '+' of the branch arrives as a '+', not as a space.
        QCOMPARE(request.query.queryItemValue(profile.listBranchKey, QUrl::FullyDecoded),
                 profile.branchValue(branch));
    }
    const QUrlQuery second = server.requests().at(1).query;
    switch (provider) {
    case Provider::GitLab:
    case Provider::GitHub:
        QCOMPARE(second.queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
        QCOMPARE(server.requests().at(0).query.queryItemValue(QStringLiteral("state")),
                 QStringLiteral("all"));
        break;
    default:
        QCOMPARE(second.queryItemValue(QStringLiteral("continuationToken")),
                 QStringLiteral("c2tpcDox"));
        QCOMPARE(second.queryItemValue(QStringLiteral("searchCriteria.status")),
                 QStringLiteral("all"));
        break;
    }

    // No branches: an empty list, still delivered after the caller could connect.
    ForgeJob *none = client->mergeRequests({}, this);
    QVERIFY(!none->isFinished());
    QTRY_VERIFY_WITH_TIMEOUT(none->isFinished(), Patience);
    QVERIFY(none->result().ok());
    QVERIFY(none->result()->isEmpty());
    delete none;
    delete job;
}

void TestForge::listsSeveralBranches_data()
{
    addProviders();
}

void TestForge::listsSeveralBranches()
{
    QFETCH(Provider, provider);
    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(provider, server.url());
    const QString open = provider == Provider::GitLab   ? QStringLiteral("opened")
                         : provider == Provider::GitHub ? QStringLiteral("open")
                                                        : QStringLiteral("active");
    server.enqueue(200, profile.listBody({profile.item(8, QStringLiteral("envdeck/a"), open)}));
    server.enqueue(200, profile.listBody({}));
    server.enqueue(200, profile.listBody({profile.item(9, QStringLiteral("envdeck/c"), open)}));
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);

    const QStringList branches{QStringLiteral("envdeck/a"), QStringLiteral("envdeck/b"),
                               QStringLiteral("envdeck/c")};
    ForgeJob *job = client->mergeRequests(branches, this);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY2(job->result().ok(), qPrintable(errorText(job)));
    QCOMPARE(job->result()->size(), 2);
    QCOMPARE(job->result()->at(0).sourceBranch, QStringLiteral("envdeck/a"));
    QCOMPARE(job->result()->at(1).sourceBranch, QStringLiteral("envdeck/c"));
    QCOMPARE(server.requests().size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(
            server.requests().at(i).query.queryItemValue(profile.listBranchKey, QUrl::FullyDecoded),
            profile.branchValue(branches.at(i)));
    delete job;
}

void TestForge::azurePagesWithSkip()
{
    // Without a continuation token, a full page means "ask for the next one".
    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(Provider::AzureDevOps, server.url());
    const QString branch = QStringLiteral("feature/x");
    const QString active = QStringLiteral("active");
    server.enqueue(200, profile.listBody({profile.item(1, branch, active),
                                          profile.item(2, branch, QStringLiteral("completed"))}));
    server.enqueue(200, profile.listBody({profile.item(3, branch, active)}));
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);
    client->setPageSize(2);

    ForgeJob *job = client->mergeRequests({branch}, this);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY2(job->result().ok(), qPrintable(errorText(job)));
    QCOMPARE(job->result()->size(), 3);
    QCOMPARE(job->result()->at(1).state, MergeRequestState::Merged);
    QCOMPARE(server.requests().size(), 2);
    const QUrlQuery first = server.requests().at(0).query;
    const QUrlQuery second = server.requests().at(1).query;
    QCOMPARE(first.queryItemValue(QStringLiteral("$top")), QStringLiteral("2"));
    QCOMPARE(first.queryItemValue(QStringLiteral("$skip")), QStringLiteral("0"));
    QCOMPARE(second.queryItemValue(QStringLiteral("$top")), QStringLiteral("2"));
    QCOMPARE(second.queryItemValue(QStringLiteral("$skip")), QStringLiteral("2"));
    QVERIFY(!second.hasQueryItem(QStringLiteral("continuationToken")));
    delete job;
}

void TestForge::staysOnTheForgeWhenPaging()
{
    // A next link to another host would carry the token there: it is not followed.
    LoopbackServer server;
    LoopbackServer elsewhere;
    QVERIFY(server.listen());
    QVERIFY(elsewhere.listen());
    const ForgeProfile profile = forgeProfile(Provider::GitHub, server.url());
    const QByteArray next = elsewhere.url().toEncoded() + profile.pullsPath + "?page=2";
    server.enqueue(200,
                   profile.listBody({profile.item(5, QStringLiteral("b"), QStringLiteral("open"))}),
                   {{"Link", QByteArray("<" + next + ">; rel=\"next\"")}});
    elsewhere.enqueue(200, profile.listBody({}));
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);

    ForgeJob *job = client->mergeRequests({QStringLiteral("b")}, this);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY2(job->result().ok(), qPrintable(errorText(job)));
    QCOMPARE(job->result()->size(), 1);
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(elsewhere.requests().size(), 0);
    QVERIFY(capturedLog().filter(QStringLiteral("stopped paging")).size() == 1);
    delete job;
}

void TestForge::reuseWithoutOpenOneFails_data()
{
    addProviders();
}

void TestForge::reuseWithoutOpenOneFails()
{
    QFETCH(Provider, provider);
    LoopbackServer server;
    QVERIFY(server.listen());
    const ForgeProfile profile = forgeProfile(provider, server.url());
    switch (provider) {
    case Provider::GitHub:
        server.enqueue(
            422,
            R"({"message":"Validation Failed","errors":[{"resource":"PullRequest","code":"custom","message":"A pull request already exists for octo-org:feature/bump-ingress."}]})");
        break;
    case Provider::GitLab:
        server.enqueue(
            409,
            R"({"message":["Another open merge request already exists for this source branch: !7"]})");
        break;
    default:
        server.enqueue(
            409,
            R"({"message":"TF401179: An active pull request for the source and target branch already exists."})");
        break;
    }
    server.enqueue(200, profile.listBody({}));
    QNetworkAccessManager network;
    auto client = makeClient(profile, &network);

    ForgeJob *job = client->openMergeRequest(testSpec(), this);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), Patience);
    QVERIFY(!job->result().ok());
    const QString message = job->result().error().toString();
    QVERIFY2(message.contains(QLatin1String("lists no open one")), qPrintable(message));
    QVERIFY2(message.contains(testSpec().sourceBranch), qPrintable(message));
    QCOMPARE(server.requests().size(), 2);
    delete job;
}
