// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/Environment.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace EnvDeck {

// What `.envdeck.yaml` states about a repository. Only the parts the loader needs today; later
// readers (catalogs, forge, pipelines) take the same file.
struct RepositoryConfig
{
    struct EnvironmentEntry
    {
        QString name;
        QString path;
        Tier tier = Tier::Unknown;
        QString promotesFrom;
        QString base;
        SourceLocation location;
    };

    // `pipelines: { provider: azure-devops, organization: contoso, project: platform,
    // definitions: [12, 14] }`: where the repository's CI/CD runs are read.
    struct PipelinesEntry
    {
        QString provider;       // "azure-devops", "gitlab" or "github"
        QString url;            // the API base; empty means the provider's public service
        QString organization;   // Azure DevOps only
        QString project;        // Azure DevOps project, GitLab group/project, GitHub owner/repo
        QList<int> definitions; // Azure DevOps build definitions; empty means all
        SourceLocation location;
    };

    static constexpr const char *FileName = ".envdeck.yaml";

    QList<EnvironmentEntry> environments; // in promotion order
    QString versionsFile = QStringLiteral("versions.yaml");
    // Absent when the file has no usable `pipelines:` (then `problems` says why, if it has one).
    std::optional<PipelinesEntry> pipelines;
    // `approval: { checklist: ["Smoke tests green", ...] }`: what QA answers before approving.
    // Empty when the file names none (the review then offers its default items).
    QStringList checklist;
    QList<Error> problems; // entries that could not be used, with their location

    // Reads `<root>/.envdeck.yaml`. An Error only when the file cannot be parsed at all.
    static Result<RepositoryConfig> read(const QString &root);
};

} // namespace EnvDeck
