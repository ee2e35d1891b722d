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

} // namespace EnvDeck::Pipelines
