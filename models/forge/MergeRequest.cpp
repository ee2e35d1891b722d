// SPDX-License-Identifier: GPL-3.0-or-later
#include "forge/MergeRequest.h"

namespace EnvDeck::Forge {

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
