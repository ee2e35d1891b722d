// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "forge/HttpForgeJob.h"
#include "pipelines/PipelineJob.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include "LoopbackServer.h"

// The fixture file `relativePath` under ENVDECK_SHARED_FIXTURES; fails the test run when missing.
QByteArray pipelineFixture(const QString &relativePath);
QJsonObject fixtureObject(const QString &relativePath);
QJsonArray fixtureArray(const QString &relativePath);
QByteArray toJson(const QJsonObject &object);
QByteArray toJson(const QJsonArray &array);

QString testToken();

// A source for `provider` on the loopback server: Azure DevOps contoso/platform definitions 12
// and 14, GitLab platform/infra, GitHub octo/hello; environments dev, staging, prod-eu,
// production.
EnvDeck::Pipelines::PipelineSource testSource(EnvDeck::Forge::Provider provider, const QUrl &base);
std::shared_ptr<EnvDeck::Forge::ForgeConnection>
testConnection(const EnvDeck::Pipelines::PipelineSource &source, QNetworkAccessManager *network);

// An empty list answer of the provider's runs endpoint, and of the requests that follow an empty
// list (GitLab and GitHub then ask for deployments).
QList<QByteArray> emptyRunsReplies(EnvDeck::Forge::Provider provider);

// "field: actual != expected" for every field of a run (and its stages) that differs.
QString runDifferences(const EnvDeck::Pipelines::PipelineRun &actual,
                       const EnvDeck::Pipelines::PipelineRun &expected);

QDateTime utc(const QString &iso);

// The request's path and query as sent: "/a/b?x=1&y=%3A".
QByteArray pathAndQuery(const LoopbackServer::Request &request);
// The error message of a failed result, "" for a success (for QVERIFY2 messages, which Qt
// evaluates even when the check passes).
template<typename T>
QString errorText(const EnvDeck::Result<T> &result)
{
    return result.ok() ? QString() : result.error().message();
}

// Patience for one job against the loopback server, in ms.
constexpr int Patience = 15000;
