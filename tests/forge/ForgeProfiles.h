// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LoopbackServer.h"
#include "forge/ForgeSettings.h"
#include "forge/RestForgeClient.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

#include <memory>

// What the tests expect of each REST provider: paths, authorization, bodies. The answers are the
// documented payloads in ENVDECK_SHARED_FIXTURES (see its SOURCES.md).
struct ForgeProfile
{
    EnvDeck::Forge::Provider provider;
    EnvDeck::Forge::ForgeSettings settings;
    QByteArray pullsPath;  // the merge request collection, percent-encoded
    QByteArray authHeader; // lower-case name
    QByteArray authValue;
    QString listBranchKey; // the query item naming the source branch of a list
    QString projectName;   // as a 404 error names it

    QJsonObject fixture() const; // one merge request as the API returns it
    QJsonObject item(int number, const QString &branch, const QString &state) const;
    QByteArray listBody(const QList<QJsonObject> &items) const;
    QString branchValue(const QString &branch) const; // the value of listBranchKey
    QJsonObject expectedCreateBody() const;           // for the spec used by the tests
    int fixtureNumber() const;
    QUrl fixtureWebUrl() const;
    QString fixtureSource() const;
    QString fixtureReference() const;
};

ForgeProfile forgeProfile(EnvDeck::Forge::Provider provider, const QUrl &base);
QByteArray readFixture(const QString &relativePath);

constexpr int Patience = 15000; // ms; every job here ends long before unless something is wrong

// The three REST providers as the rows of a _data() table, column "provider".
void addProviders();
std::unique_ptr<EnvDeck::Forge::RestForgeClient> makeClient(const ForgeProfile &profile,
                                                            QNetworkAccessManager *network);
// The merge request the tests open (fixtures/*/*minimal.request.json).
EnvDeck::Forge::MergeRequestSpec testSpec();
QString errorText(const EnvDeck::Forge::ForgeJob *job);
// What every request must carry: the authorization header, and the token nowhere else.
void checkRequest(const LoopbackServer::Request &request, const ForgeProfile &profile);

Q_DECLARE_METATYPE(EnvDeck::Forge::Provider)
