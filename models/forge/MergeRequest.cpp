// SPDX-License-Identifier: GPL-3.0-or-later
#include "forge/MergeRequest.h"

namespace EnvDeck::Forge {

QString mergeRequestStateName(MergeRequestState state)
{
    switch (state) {
    case MergeRequestState::Open:
        return QStringLiteral("open");
    case MergeRequestState::Merged:
        return QStringLiteral("merged");
    case MergeRequestState::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

std::optional<MergeRequestState> mergeRequestStateFromName(const QString &name)
{
    for (auto state :
         {MergeRequestState::Open, MergeRequestState::Merged, MergeRequestState::Closed}) {
        if (mergeRequestStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

QString providerName(Provider provider)
{
    switch (provider) {
    case Provider::Local:
        return QStringLiteral("local");
    case Provider::GitLab:
        return QStringLiteral("gitlab");
    case Provider::GitHub:
        return QStringLiteral("github");
    case Provider::AzureDevOps:
        return QStringLiteral("azure-devops");
    }
    return {};
}

std::optional<Provider> providerFromName(const QString &name)
{
    for (Provider p :
         {Provider::Local, Provider::GitLab, Provider::GitHub, Provider::AzureDevOps}) {
        if (providerName(p).compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QString providerDisplayName(Provider provider)
{
    switch (provider) {
    case Provider::Local:
        return QObject::tr("Local (git only)");
    case Provider::GitLab:
        return QStringLiteral("GitLab");
    case Provider::GitHub:
        return QStringLiteral("GitHub");
    case Provider::AzureDevOps:
        return QStringLiteral("Azure DevOps");
    }
    return {};
}

} // namespace EnvDeck::Forge
