// SPDX-License-Identifier: GPL-3.0-or-later
#include "ForgeProfiles.h"

#include "tst_forge.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace EnvDeck;
using namespace EnvDeck::Forge;

QByteArray readFixture(const QString &relativePath)
{
    QFile file(QStringLiteral(ENVDECK_SHARED_FIXTURES "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

namespace {

QJsonObject fixtureObject(const QString &path)
{
    return QJsonDocument::fromJson(readFixture(path)).object();
}

} // namespace

ForgeProfile forgeProfile(Provider provider, const QUrl &base)
{
    ForgeProfile p;
    p.provider = provider;
    p.settings.provider = provider;
    p.settings.apiBase = base;
    p.settings.webBase = base;
    switch (provider) {
    case Provider::GitLab:
        p.settings.project = QStringLiteral("platform/infra");
        p.pullsPath = "/api/v4/projects/platform%2Finfra/merge_requests";
        p.authHeader = "private-token";
        p.authValue = testToken().toUtf8();
        p.listBranchKey = QStringLiteral("source_branch");
        p.projectName = QStringLiteral("project platform/infra");
        break;
    case Provider::GitHub:
        p.settings.project = QStringLiteral("octo-org/infra");
        p.settings.organization = QStringLiteral("octo-org");
        p.settings.repository = QStringLiteral("infra");
        p.pullsPath = "/repos/octo-org/infra/pulls";
        p.authHeader = "authorization";
        p.authValue = "Bearer " + testToken().toUtf8();
        p.listBranchKey = QStringLiteral("head");
        p.projectName = QStringLiteral("repository octo-org/infra");
        break;
    case Provider::AzureDevOps:
        p.settings.organization = QStringLiteral("contoso");
        p.settings.project = QStringLiteral("platform");
        p.settings.repository = QStringLiteral("infra");
        p.pullsPath = "/contoso/platform/_apis/git/repositories/infra/pullrequests";
        p.authHeader = "authorization";
        p.authValue = "Basic " + testTokenBasic().toLatin1();
        p.listBranchKey = QStringLiteral("searchCriteria.sourceRefName");
        p.projectName = QStringLiteral("repository infra in project contoso/platform");
        break;
    case Provider::Local:
        break;
    }
    return p;
}

QJsonObject ForgeProfile::fixture() const
{
    switch (provider) {
    case Provider::GitLab:
        return fixtureObject(QStringLiteral("gitlab/merge_request_get.go-gitlab.json"));
    case Provider::GitHub:
        return fixtureObject(QStringLiteral("github/pulls_create.octokit-openapi.json"));
    case Provider::AzureDevOps:
        return fixtureObject(
                   QStringLiteral("azure-devops/pullrequest_create.vsts-rest-api-specs-7.1.json"))
            .value(QLatin1String("responses"))
            .toObject()
            .value(QLatin1String("201"))
            .toObject()
            .value(QLatin1String("body"))
            .toObject();
    case Provider::Local:
        break;
    }
    return {};
}

QJsonObject ForgeProfile::item(int number, const QString &branch, const QString &state) const
{
    QJsonObject o;
    switch (provider) {
    case Provider::GitLab: {
        // An element of the fixture list, renumbered.
        o = fixture();
        o[QStringLiteral("iid")] = number;
        o[QStringLiteral("source_branch")] = branch;
        o[QStringLiteral("target_branch")] = QStringLiteral("main");
        o[QStringLiteral("state")] = state;
        o[QStringLiteral("web_url")]
            = QStringLiteral("https://gitlab.example.io/platform/infra/-/merge_requests/%1")
                  .arg(number);
        break;
    }
    case Provider::GitHub: {
        o = fixture();
        o[QStringLiteral("number")] = number;
        QJsonObject head = o.value(QLatin1String("head")).toObject();
        head[QStringLiteral("ref")] = branch;
        o[QStringLiteral("head")] = head;
        QJsonObject baseRef = o.value(QLatin1String("base")).toObject();
        baseRef[QStringLiteral("ref")] = QStringLiteral("main");
        o[QStringLiteral("base")] = baseRef;
        o[QStringLiteral("state")] = state == u"merged" ? QStringLiteral("closed") : state;
        if (state != u"merged")
            o[QStringLiteral("merged_at")] = QJsonValue::Null;
        o[QStringLiteral("html_url")]
            = QStringLiteral("https://github.com/octo-org/infra/pull/%1").arg(number);
        break;
    }
    case Provider::AzureDevOps: {
        const QJsonArray list
            = fixtureObject(
                  QStringLiteral("azure-devops/pullrequests_list.vsts-rest-api-specs-7.1.json"))
                  .value(QLatin1String("responses"))
                  .toObject()
                  .value(QLatin1String("200"))
                  .toObject()
                  .value(QLatin1String("body"))
                  .toObject()
                  .value(QLatin1String("value"))
                  .toArray();
        o = list.first().toObject();
        o[QStringLiteral("pullRequestId")] = number;
        o[QStringLiteral("sourceRefName")] = QString(QStringLiteral("refs/heads/") + branch);
        o[QStringLiteral("targetRefName")] = QStringLiteral("refs/heads/main");
        o[QStringLiteral("status")] = state;
        break;
    }
    case Provider::Local:
        break;
    }
    return o;
}

QByteArray ForgeProfile::listBody(const QList<QJsonObject> &items) const
{
    QJsonArray array;
    for (const QJsonObject &o : items)
        array.append(o);
    if (provider == Provider::AzureDevOps)
        return QJsonDocument(QJsonObject{{QStringLiteral("count"), int(items.size())},
                                         {QStringLiteral("value"), array}})
            .toJson();
    return QJsonDocument(array).toJson();
}

QString ForgeProfile::branchValue(const QString &branch) const
{
    switch (provider) {
    case Provider::GitHub:
        return QStringLiteral("octo-org:") + branch;
    case Provider::AzureDevOps:
        return QStringLiteral("refs/heads/") + branch;
    default:
        return branch;
    }
}

QJsonObject ForgeProfile::expectedCreateBody() const
{
    // The spec of the tests: fixtures/*/..minimal.request.json without the optional fields.
    const QString source = QStringLiteral("feature/bump-ingress");
    const QString title = QStringLiteral("Bump ingress-nginx chart to 4.8.3");
    const QString description = QStringLiteral("Edited by infra-editor");
    switch (provider) {
    case Provider::GitLab:
        return {{QStringLiteral("source_branch"), source},
                {QStringLiteral("target_branch"), QStringLiteral("main")},
                {QStringLiteral("title"), title},
                {QStringLiteral("description"), description},
                {QStringLiteral("remove_source_branch"), true}};
    case Provider::GitHub:
        return {{QStringLiteral("head"), source},
                {QStringLiteral("base"), QStringLiteral("main")},
                {QStringLiteral("title"), title},
                {QStringLiteral("body"), description}};
    case Provider::AzureDevOps:
        return {{QStringLiteral("sourceRefName"), QString(QStringLiteral("refs/heads/") + source)},
                {QStringLiteral("targetRefName"), QStringLiteral("refs/heads/main")},
                {QStringLiteral("title"), title},
                {QStringLiteral("description"), description}};
    case Provider::Local:
        break;
    }
    return {};
}

int ForgeProfile::fixtureNumber() const
{
    switch (provider) {
    case Provider::GitLab:
        return 14656;
    case Provider::GitHub:
        return 1347;
    default:
        return 22;
    }
}

QUrl ForgeProfile::fixtureWebUrl() const
{
    switch (provider) {
    case Provider::GitLab:
        return QUrl(QStringLiteral("https://gitlab.com/gitlab-org/gitlab-ee/merge_requests/14656"));
    case Provider::GitHub:
        return QUrl(QStringLiteral("https://github.com/octocat/Hello-World/pull/1347"));
    default: {
        // Built by the client from the settings: the API does not give it.
        QUrl url = settings.webBase;
        url.setPath(QStringLiteral("/contoso/platform/_git/infra/pullrequest/22"));
        return url;
    }
    }
}

QString ForgeProfile::fixtureSource() const
{
    switch (provider) {
    case Provider::GitLab:
        return QStringLiteral("delete-designs-v2");
    case Provider::GitHub:
        return QStringLiteral("new-topic");
    default:
        return QStringLiteral("npaulk/my_work");
    }
}

QString ForgeProfile::fixtureReference() const
{
    switch (provider) {
    case Provider::GitLab:
        return QStringLiteral("!14656");
    case Provider::GitHub:
        return QStringLiteral("#1347");
    default:
        return QStringLiteral("PR 22");
    }
}

void addProviders()
{
    QTest::addColumn<Provider>("provider");
    QTest::newRow("gitlab") << Provider::GitLab;
    QTest::newRow("github") << Provider::GitHub;
    QTest::newRow("azure-devops") << Provider::AzureDevOps;
}

std::unique_ptr<RestForgeClient> makeClient(const ForgeProfile &profile,
                                            QNetworkAccessManager *network)
{
    std::unique_ptr<ForgeClient> client = createForgeClient(profile.settings, testToken(), network);
    auto *rest = dynamic_cast<RestForgeClient *>(client.get());
    if (!rest)
        return nullptr;
    client.release();
    return std::unique_ptr<RestForgeClient>(rest);
}

MergeRequestSpec testSpec()
{
    return {QStringLiteral("feature/bump-ingress"), QString(),
            QStringLiteral("Bump ingress-nginx chart to 4.8.3"),
            QStringLiteral("Edited by infra-editor")};
}

QString errorText(const ForgeJob *job)
{
    return job->result().ok() ? QStringLiteral("(no error)") : job->result().error().toString();
}

// The checks every request makes: authorization in its header, and the token nowhere else.
void checkRequest(const LoopbackServer::Request &request, const ForgeProfile &profile)
{
    QCOMPARE(request.header(profile.authHeader.constData()), profile.authValue);
    QVERIFY(!request.rawPath.contains(testToken().toUtf8()));
    QVERIFY(!request.query.toString().contains(testToken()));
    if (profile.provider == Provider::GitHub) {
        QCOMPARE(request.header("accept"), QByteArray("application/vnd.github+json"));
        QCOMPARE(request.header("x-github-api-version"), QByteArray("2022-11-28"));
    }
    if (profile.provider == Provider::AzureDevOps)
        QCOMPARE(request.query.queryItemValue(QStringLiteral("api-version")),
                 QStringLiteral("7.1"));
}
