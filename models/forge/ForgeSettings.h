// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "forge/MergeRequest.h"

#include <QString>
#include <QUrl>

namespace EnvDeck::Forge {

// Where merge requests of a repository are opened, from `.envdeck.yaml` `forge:` or guessed from
// the remote URL.
struct ForgeSettings
{
    Provider provider = Provider::Local;
    // GitLab: the instance root (the client adds /api/v4). GitHub: https://api.github.com or
    // https://host/api/v3. Azure DevOps: https://dev.azure.com, or the collection root of a server.
    QUrl apiBase;
    // Where people open merge requests in a browser: https://gitlab.com, https://github.com, ...
    QUrl webBase;
    // GitLab: "group/sub/project". GitHub: "owner/repo". Azure DevOps: the project name.
    QString project;
    // GitHub: the owner. Azure DevOps: the organization (or collection).
    QString organization;
    // GitHub and Azure DevOps: the repository name.
    QString repository;
    QString targetBranch = QStringLiteral("main");
    QString remote = QStringLiteral("origin");
    // Where `forge:` is written; invalid when the settings were guessed from the remote URL.
    SourceLocation location;

    // "platform/infra", "octo/hello", "contoso/platform/infra": what a person calls the project.
    QString displayProject() const;
};

// The forge a remote URL points at (scp-like SSH, ssh:// and https:// forms of GitLab, GitHub and
// Azure DevOps). User information in the URL (a user name, an embedded token) is ignored and
// never repeated in an Error.
Result<ForgeSettings> guessForgeSettings(const QString &remoteUrl);

// `forge:` of `<repoRoot>/.envdeck.yaml` when present (it wins), otherwise guessed from
// `remoteUrl`. Fields missing from the file are taken from the guess when it names the same
// provider. Bad configuration is an Error at .envdeck.yaml:line:column.
Result<ForgeSettings> readForgeSettings(const QString &repoRoot, const QString &remoteUrl);

// A URL as it may be shown or logged: no user name, password or token.
QString redactedUrl(const QUrl &url);

} // namespace EnvDeck::Forge
