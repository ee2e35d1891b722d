// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelines/PipelineSettings.h"

namespace EnvDeck::Pipelines {

Result<PipelineSource> pipelineSourceFrom(const RepositoryConfig &config)
{
    if (!config.pipelines)
        return Error(QStringLiteral("no usable `pipelines:` in %1")
                         .arg(QString::fromLatin1(RepositoryConfig::FileName)));
    const RepositoryConfig::PipelinesEntry &entry = *config.pipelines;
    const std::optional<Forge::Provider> provider = Forge::providerFromName(entry.provider);
    if (!provider || *provider == Forge::Provider::Local)
        return Error(QStringLiteral("unknown pipelines provider `%1`").arg(entry.provider),
                     entry.location);
    PipelineSource source;
    source.provider = *provider;
    source.organization = entry.organization;
    source.project = entry.project;
    source.definitions = entry.definitions;
    if (!entry.url.isEmpty()) {
        source.apiBase = QUrl(entry.url, QUrl::StrictMode);
    } else {
        switch (*provider) {
        case Forge::Provider::AzureDevOps:
            source.apiBase = QUrl(QStringLiteral("https://dev.azure.com"));
            break;
        case Forge::Provider::GitLab:
            source.apiBase = QUrl(QStringLiteral("https://gitlab.com"));
            break;
        case Forge::Provider::GitHub:
            source.apiBase = QUrl(QStringLiteral("https://api.github.com"));
            break;
        case Forge::Provider::Local:
            break;
        }
    }
    if (!source.apiBase.isValid())
        return Error(QStringLiteral("`url` of `pipelines` is not a valid URL"), entry.location);
    for (const RepositoryConfig::EnvironmentEntry &environment : config.environments)
        source.environments.append(environment.name);
    return source;
}

Result<PipelineSource> pipelineSourceFromForge(const Forge::ForgeSettings &forge,
                                               const QStringList &environments)
{
    PipelineSource source;
    source.provider = forge.provider;
    source.apiBase = forge.apiBase;
    source.environments = environments;
    switch (forge.provider) {
    case Forge::Provider::Local:
        return Error(QStringLiteral("the repository's forge is local: it has no pipelines; name "
                                    "the CI provider in `pipelines:` of %1")
                         .arg(QString::fromLatin1(RepositoryConfig::FileName)),
                     forge.location);
    case Forge::Provider::GitLab:
        source.project = forge.project;
        break;
    case Forge::Provider::GitHub:
        // GitHub's runs are asked for by "owner/repo"; `forge:` may give them apart or together.
        source.project = !forge.organization.isEmpty() && !forge.repository.isEmpty()
                             ? forge.organization + u'/' + forge.repository
                             : forge.project;
        break;
    case Forge::Provider::AzureDevOps:
        source.organization = forge.organization;
        source.project = forge.project;
        if (source.organization.isEmpty())
            return Error(QStringLiteral("the Azure DevOps forge names no organization"),
                         forge.location);
        break;
    }
    if (source.project.isEmpty())
        return Error(QStringLiteral("the %1 forge names no project")
                         .arg(Forge::providerDisplayName(forge.provider)),
                     forge.location);
    if (!source.apiBase.isValid() || source.apiBase.host().isEmpty())
        return Error(QStringLiteral("the forge's API URL is not valid"), forge.location);
    return source;
}

} // namespace EnvDeck::Pipelines
