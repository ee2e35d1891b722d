// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "forge/RestForgeClient.h"

namespace EnvDeck::Forge {

// GitHub (and GitHub Enterprise Server) pull requests through the REST API, version 2022-11-28.
class GitHubClient : public RestForgeClient
{
public:
    using RestForgeClient::RestForgeClient;

    ForgeJob *openMergeRequest(const MergeRequestSpec &spec, QObject *parent = nullptr) override;
    ForgeJob *mergeRequest(int number, QObject *parent = nullptr) override;
    ForgeJob *mergeRequests(const QStringList &sourceBranches, QObject *parent = nullptr) override;

    // One merge request as the API returns it.
    static Result<MergeRequest> parse(const QJsonObject &object, const ForgeSettings &settings);
};

} // namespace EnvDeck::Forge
