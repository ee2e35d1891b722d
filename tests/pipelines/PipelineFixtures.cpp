// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineFixtures.h"

#include <QFile>
#include <QJsonDocument>
#include <QtTest>

using namespace EnvDeck;
using namespace EnvDeck::Pipelines;

QByteArray pipelineFixture(const QString &relativePath)
{
    QFile file(QStringLiteral(ENVDECK_SHARED_FIXTURES "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QJsonObject fixtureObject(const QString &relativePath)
{
    return QJsonDocument::fromJson(pipelineFixture(relativePath)).object();
}

QJsonArray fixtureArray(const QString &relativePath)
{
    return QJsonDocument::fromJson(pipelineFixture(relativePath)).array();
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray toJson(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QString testToken()
{
    return QStringLiteral("tok-3f9a1c7e");
}

PipelineSource testSource(Forge::Provider provider, const QUrl &base)
{
    PipelineSource source;
    source.provider = provider;
    source.apiBase = base;
    source.environments = QStringList{QStringLiteral("dev"), QStringLiteral("staging"),
                                      QStringLiteral("prod-eu"), QStringLiteral("production")};
    switch (provider) {
    case Forge::Provider::AzureDevOps:
        source.organization = QStringLiteral("contoso");
        source.project = QStringLiteral("platform");
        source.definitions = {12, 14};
        break;
    case Forge::Provider::GitLab:
        source.project = QStringLiteral("platform/infra");
        break;
    case Forge::Provider::GitHub:
        source.project = QStringLiteral("octo/hello");
        break;
    case Forge::Provider::Local:
        break;
    }
    return source;
}

std::shared_ptr<Forge::ForgeConnection> testConnection(const PipelineSource &source,
                                                       QNetworkAccessManager *network)
{
    auto connection = pipelineConnection(source, testToken(), network);
    connection->transferTimeout = std::chrono::milliseconds(5000);
    connection->maxRetryWaitSeconds = 5;
    return connection;
}

QList<QByteArray> emptyRunsReplies(Forge::Provider provider)
{
    switch (provider) {
    case Forge::Provider::AzureDevOps:
        return {QByteArrayLiteral(R"({"count":0,"value":[]})")};
    case Forge::Provider::GitLab:
        return {QByteArrayLiteral("[]"), QByteArrayLiteral("[]")};
    case Forge::Provider::GitHub:
        return {QByteArrayLiteral(R"({"total_count":0,"workflow_runs":[]})"),
                QByteArrayLiteral("[]")};
    case Forge::Provider::Local:
        break;
    }
    return {};
}

namespace {

QString show(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("(invalid)");
}

void compareField(QStringList &out, const QString &name, const QString &a, const QString &b)
{
    if (a != b)
        out.append(QStringLiteral("%1: \"%2\" != \"%3\"").arg(name, a, b));
}

void compareTime(QStringList &out, const QString &name, const QDateTime &a, const QDateTime &b)
{
    if (a != b || a.isValid() != b.isValid())
        out.append(QStringLiteral("%1: %2 != %3").arg(name, show(a), show(b)));
}

} // namespace

QString runDifferences(const PipelineRun &a, const PipelineRun &b)
{
    QStringList out;
    compareField(out, QStringLiteral("provider"), a.provider, b.provider);
    compareField(out, QStringLiteral("id"), a.id, b.id);
    compareField(out, QStringLiteral("name"), a.name, b.name);
    compareField(out, QStringLiteral("status"), a.status, b.status);
    compareField(out, QStringLiteral("result"), a.result, b.result);
    compareTime(out, QStringLiteral("started"), a.started, b.started);
    compareTime(out, QStringLiteral("finished"), a.finished, b.finished);
    compareField(out, QStringLiteral("branch"), a.branch, b.branch);
    compareField(out, QStringLiteral("commit"), a.commit, b.commit);
    compareField(out, QStringLiteral("environment"), a.environment, b.environment);
    compareField(out, QStringLiteral("url"), a.url, b.url);
    if (a.stages.size() != b.stages.size())
        out.append(QStringLiteral("stages: %1 != %2").arg(a.stages.size()).arg(b.stages.size()));
    for (qsizetype i = 0; i < std::min(a.stages.size(), b.stages.size()); ++i) {
        const PipelineStage &x = a.stages.at(i);
        const PipelineStage &y = b.stages.at(i);
        const QString prefix = QStringLiteral("stage %1 ").arg(i);
        compareField(out, prefix + QStringLiteral("name"), x.name, y.name);
        compareField(out, prefix + QStringLiteral("environment"), x.environment, y.environment);
        compareField(out, prefix + QStringLiteral("status"), x.status, y.status);
        compareField(out, prefix + QStringLiteral("result"), x.result, y.result);
        compareTime(out, prefix + QStringLiteral("started"), x.started, y.started);
        compareTime(out, prefix + QStringLiteral("finished"), x.finished, y.finished);
    }
    if (out.isEmpty() && !(a == b))
        out.append(QStringLiteral("runs differ in a way the field list does not show"));
    return out.join(QStringLiteral("; "));
}

QDateTime utc(const QString &iso)
{
    QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!time.isValid())
        qFatal("bad time in a test: %s", qPrintable(iso));
    return time.toUTC();
}

QByteArray pathAndQuery(const LoopbackServer::Request &request)
{
    const QString query = request.query.query(QUrl::FullyEncoded);
    return query.isEmpty() ? request.rawPath : request.rawPath + '?' + query.toLatin1();
}
