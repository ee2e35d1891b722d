// SPDX-License-Identifier: GPL-3.0-or-later
#include "ForgeSettings.h"

#include "core/YamlSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace EnvDeck::Forge {
namespace {

const QString ConfigFile = QStringLiteral(".envdeck.yaml");
const QUrl GitHubApi(QStringLiteral("https://api.github.com"));
const QUrl GitHubWeb(QStringLiteral("https://github.com"));
const QUrl AzureBase(QStringLiteral("https://dev.azure.com"));

QUrl rootUrl(const QString &scheme, const QString &host, int port, const QString &path = {})
{
    QUrl url;
    url.setScheme(scheme);
    url.setHost(host);
    url.setPort(port);
    if (!path.isEmpty())
        url.setPath(QLatin1Char('/') + path);
    return url;
}

QUrl withPath(QUrl base, const QString &suffix)
{
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    base.setPath(path + suffix);
    return base;
}

// A remote URL split into the parts a forge is recognised by.
struct RemoteParts
{
    QString scheme; // of the web and API URLs: https unless the remote is plain http
    QString host;
    int port = -1;
    QStringList segments;
};

std::optional<RemoteParts> splitRemote(const QString &remoteUrl)
{
    const QString text = remoteUrl.trimmed();
    RemoteParts parts;
    QString path;
    if (!text.contains(QLatin1String("://"))) {
        // scp-like syntax, git@host:path; a colon after a slash would be a local path.
        static const QRegularExpression scp(QStringLiteral("^(?:[^@/]+@)?([^:/]+):(.+)$"));
        const QRegularExpressionMatch match = scp.match(text);
        if (!match.hasMatch())
            return std::nullopt;
        parts.scheme = QStringLiteral("https");
        parts.host = match.captured(1).toLower();
        path = match.captured(2);
    } else {
        const QUrl url(text);
        if (!url.isValid() || url.host().isEmpty())
            return std::nullopt;
        parts.host = url.host().toLower();
        path = url.path(QUrl::FullyDecoded);
        if (url.scheme() == u"http" || url.scheme() == u"https") {
            parts.scheme = url.scheme();
            parts.port = url.port();
        } else {
            // ssh://, git:// — the web and the API are served over https on the usual port.
            parts.scheme = QStringLiteral("https");
        }
    }
    if (path.endsWith(QLatin1String(".git")))
        path.chop(4);
    parts.segments = path.split(u'/', Qt::SkipEmptyParts);
    return parts;
}

Result<ForgeSettings> azureFrom(const RemoteParts &parts)
{
    ForgeSettings settings;
    settings.provider = Provider::AzureDevOps;
    const QStringList &s = parts.segments;
    const qsizetype gitIndex = s.indexOf(QStringLiteral("_git"));
    if (parts.host == u"ssh.dev.azure.com"
        || parts.host.endsWith(QLatin1String("vs-ssh.visualstudio.com"))) {
        // git@ssh.dev.azure.com:v3/org/project/repo
        if (s.size() != 4 || s.first() != u"v3")
            return Error(
                QStringLiteral("an Azure DevOps SSH remote looks like "
                               "git@ssh.dev.azure.com:v3/organization/project/repository"));
        settings.apiBase = AzureBase;
        settings.organization = s[1];
        settings.project = s[2];
        settings.repository = s[3];
    } else if (parts.host.endsWith(QLatin1String(".visualstudio.com"))) {
        // https://org.visualstudio.com/[DefaultCollection/]project/_git/repo is the older name
        // of https://dev.azure.com/org/project/_git/repo; the API answers on both, dev.azure.com
        // is the current one.
        if (gitIndex < 1 || gitIndex + 2 != s.size())
            return Error(
                QStringLiteral("an Azure DevOps remote looks like "
                               "https://organization.visualstudio.com/project/_git/repository"));
        settings.apiBase = AzureBase;
        settings.organization = parts.host.section(u'.', 0, 0);
        settings.project = s[gitIndex - 1];
        settings.repository = s[gitIndex + 1];
    } else {
        // https://dev.azure.com/org/project/_git/repo, or an Azure DevOps Server collection:
        // https://server/tfs/Collection/project/_git/repo.
        if (gitIndex < 2 || gitIndex + 2 != s.size())
            return Error(
                QStringLiteral("an Azure DevOps remote looks like "
                               "https://dev.azure.com/organization/project/_git/repository"));
        settings.apiBase
            = rootUrl(parts.scheme, parts.host, parts.port, s.mid(0, gitIndex - 2).join(u'/'));
        settings.organization = s[gitIndex - 2];
        settings.project = s[gitIndex - 1];
        settings.repository = s[gitIndex + 1];
    }
    settings.webBase = settings.apiBase;
    return settings;
}

bool isAzure(const RemoteParts &parts)
{
    return parts.host == u"dev.azure.com" || parts.host == u"ssh.dev.azure.com"
           || parts.host.endsWith(QLatin1String(".visualstudio.com"))
           || parts.segments.contains(QStringLiteral("_git"));
}

// A scalar value of `forge:`, or an Error when it is a list or a mapping.
Result<QString> text(const YAML::Node &forge, const char *key)
{
    const YAML::Node node = forge[key];
    if (!node || node.IsNull())
        return QString();
    if (!node.IsScalar())
        return Error(QStringLiteral("`forge.%1` must be text").arg(QLatin1String(key)),
                     Yaml::locationOf(node, ConfigFile));
    return Yaml::scalar(node).trimmed();
}

Result<QUrl> httpUrl(const YAML::Node &forge, const char *key)
{
    const Result<QString> value = text(forge, key);
    if (!value)
        return value.error();
    if (value->isEmpty())
        return QUrl();
    const QUrl url(*value, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"https" && url.scheme() != u"http") || !url.userInfo().isEmpty())
        return Error(QStringLiteral("`forge.%1` must be an http or https URL without user "
                                    "information, such as https://gitlab.example.io")
                         .arg(QLatin1String(key)),
                     Yaml::locationOf(forge[key], ConfigFile));
    return url.adjusted(QUrl::StripTrailingSlash);
}

Error missing(const YAML::Node &forge, const QString &key, Provider provider,
              const QString &example)
{
    return Error(QStringLiteral("`forge.%1` is required for %2, such as `%1: %3`")
                     .arg(key, providerName(provider), example),
                 Yaml::locationOf(forge, ConfigFile));
}

Result<ForgeSettings> fromConfig(const YAML::Node &forge, const QString &remoteUrl)
{
    const SourceLocation location = Yaml::locationOf(forge, ConfigFile);
    if (!forge.IsMap())
        return Error(
            QStringLiteral("`forge` must be a mapping, such as "
                           "{ provider: gitlab, url: https://gitlab.com, project: group/project }"),
            location);
    static const QStringList known = {QStringLiteral("provider"),      QStringLiteral("url"),
                                      QStringLiteral("api_url"),       QStringLiteral("project"),
                                      QStringLiteral("organization"),  QStringLiteral("repository"),
                                      QStringLiteral("target_branch"), QStringLiteral("remote")};
    for (YAML::const_iterator it = forge.begin(); it != forge.end(); ++it) {
        const YAML::Node key = it->first;
        if (!known.contains(Yaml::scalar(key)))
            return Error(QStringLiteral("unknown key `%1` in `forge` (known: %2)")
                             .arg(Yaml::scalar(key), known.join(QStringLiteral(", "))),
                         Yaml::locationOf(key, ConfigFile));
    }

    const YAML::Node providerNode = forge["provider"];
    const Result<QString> name = text(forge, "provider");
    if (!name)
        return name.error();
    if (name->isEmpty())
        return Error(
            QStringLiteral("`forge.provider` is required: gitlab, github, azure-devops or local"),
            location);
    const std::optional<Provider> provider = providerFromName(*name);
    if (!provider)
        return Error(QStringLiteral("unknown forge provider `%1` (use gitlab, github, azure-devops "
                                    "or local)")
                         .arg(*name),
                     Yaml::locationOf(providerNode, ConfigFile));

    // What the file leaves out comes from the remote when it points at the same kind of forge.
    ForgeSettings settings;
    if (const Result<ForgeSettings> guessed = guessForgeSettings(remoteUrl);
        guessed && guessed->provider == *provider)
        settings = *guessed;
    settings.provider = *provider;
    settings.location = location;

    Result<QUrl> url = httpUrl(forge, "url");
    Result<QUrl> apiUrl = httpUrl(forge, "api_url");
    Result<QString> project = text(forge, "project");
    Result<QString> organization = text(forge, "organization");
    Result<QString> repository = text(forge, "repository");
    Result<QString> target = text(forge, "target_branch");
    Result<QString> remote = text(forge, "remote");
    for (const Error *error :
         {url ? nullptr : &url.error(), apiUrl ? nullptr : &apiUrl.error(),
          project ? nullptr : &project.error(), organization ? nullptr : &organization.error(),
          repository ? nullptr : &repository.error(), target ? nullptr : &target.error(),
          remote ? nullptr : &remote.error()}) {
        if (error)
            return *error;
    }
    if (!target->isEmpty())
        settings.targetBranch = *target;
    if (!remote->isEmpty())
        settings.remote = *remote;

    switch (*provider) {
    case Provider::Local:
        break;
    case Provider::GitLab:
        if (!url->isEmpty())
            settings.apiBase = settings.webBase = *url;
        if (settings.apiBase.isEmpty())
            settings.apiBase = settings.webBase = QUrl(QStringLiteral("https://gitlab.com"));
        if (!project->isEmpty())
            settings.project = *project;
        if (settings.project.isEmpty())
            return missing(forge, QStringLiteral("project"), *provider,
                           QStringLiteral("platform/infra"));
        break;
    case Provider::GitHub:
        if (!url->isEmpty()) {
            settings.webBase = *url;
            settings.apiBase = url->host() == u"github.com"
                                   ? GitHubApi
                                   : withPath(*url, QStringLiteral("/api/v3"));
        }
        if (settings.webBase.isEmpty()) {
            settings.webBase = GitHubWeb;
            settings.apiBase = GitHubApi;
        }
        if (!project->isEmpty()) {
            const QStringList parts = project->split(u'/');
            if (parts.size() != 2 || parts[0].isEmpty() || parts[1].isEmpty())
                return Error(QStringLiteral("`forge.project` for github is owner/repository, such "
                                            "as octo-org/infra"),
                             Yaml::locationOf(forge["project"], ConfigFile));
            settings.organization = parts[0];
            settings.repository = parts[1];
        }
        if (!organization->isEmpty())
            settings.organization = *organization;
        if (!repository->isEmpty())
            settings.repository = *repository;
        if (settings.organization.isEmpty() || settings.repository.isEmpty())
            return missing(forge, QStringLiteral("project"), *provider,
                           QStringLiteral("octo-org/infra"));
        settings.project = settings.organization + u'/' + settings.repository;
        break;
    case Provider::AzureDevOps:
        if (!url->isEmpty())
            settings.apiBase = settings.webBase = *url;
        if (settings.apiBase.isEmpty())
            settings.apiBase = settings.webBase = AzureBase;
        if (!organization->isEmpty())
            settings.organization = *organization;
        if (!project->isEmpty())
            settings.project = *project;
        if (!repository->isEmpty())
            settings.repository = *repository;
        if (settings.organization.isEmpty())
            return missing(forge, QStringLiteral("organization"), *provider,
                           QStringLiteral("contoso"));
        if (settings.project.isEmpty())
            return missing(forge, QStringLiteral("project"), *provider, QStringLiteral("platform"));
        // Azure DevOps names a project's first repository after the project.
        if (settings.repository.isEmpty())
            settings.repository = settings.project;
        break;
    }
    if (!apiUrl->isEmpty())
        settings.apiBase = *apiUrl;
    return settings;
}

} // namespace

QString ForgeSettings::displayProject() const
{
    if (provider == Provider::AzureDevOps)
        return organization + u'/' + project + u'/' + repository;
    return project;
}

QString redactedUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

Result<ForgeSettings> guessForgeSettings(const QString &remoteUrl)
{
    const std::optional<RemoteParts> parts = splitRemote(remoteUrl);
    // The remote is never quoted: it may carry a token (https://oauth2:TOKEN@host/...).
    if (!parts)
        return Error(QStringLiteral("the remote URL is not one EnvDeck can read a forge from; add "
                                    "`forge:` to .envdeck.yaml"));
    const QString where = rootUrl(parts->scheme, parts->host, parts->port).toString();
    if (isAzure(*parts))
        return azureFrom(*parts);

    ForgeSettings settings;
    if (parts->host.contains(QLatin1String("github"))) {
        if (parts->segments.size() != 2)
            return Error(QStringLiteral("a GitHub remote on %1 names owner/repository").arg(where));
        settings.provider = Provider::GitHub;
        const bool dotCom = parts->host == u"github.com" || parts->host == u"www.github.com"
                            || parts->host == u"ssh.github.com";
        settings.webBase = dotCom ? GitHubWeb : QUrl(where);
        // GitHub Enterprise Server serves its REST API under /api/v3 of the same host.
        settings.apiBase = dotCom ? GitHubApi : withPath(QUrl(where), QStringLiteral("/api/v3"));
        settings.organization = parts->segments[0];
        settings.repository = parts->segments[1];
        settings.project = parts->segments.join(u'/');
        return settings;
    }
    if (parts->host.contains(QLatin1String("gitlab"))) {
        if (parts->segments.size() < 2)
            return Error(QStringLiteral("a GitLab remote on %1 names group/project").arg(where));
        settings.provider = Provider::GitLab;
        settings.apiBase = settings.webBase = QUrl(where);
        settings.project = parts->segments.join(u'/');
        return settings;
    }
    return Error(QStringLiteral("cannot tell which forge %1 is; add `forge:` to .envdeck.yaml with "
                                "provider gitlab, github, azure-devops or local")
                     .arg(where));
}

Result<ForgeSettings> readForgeSettings(const QString &repoRoot, const QString &remoteUrl)
{
    const QString path = QDir(repoRoot).filePath(ConfigFile);
    if (!QFileInfo(path).isFile())
        return guessForgeSettings(remoteUrl);
    const Result<YAML::Node> loaded = Yaml::loadFile(path, ConfigFile);
    if (!loaded)
        return loaded.error();
    const YAML::Node document = loaded.value();
    if (document.IsNull())
        return guessForgeSettings(remoteUrl);
    if (!document.IsMap())
        return Error(QStringLiteral("expected a mapping at the top level"),
                     Yaml::locationOf(document, ConfigFile));
    const YAML::Node forge = document["forge"];
    if (!forge || forge.IsNull())
        return guessForgeSettings(remoteUrl);
    return fromConfig(forge, remoteUrl);
}

} // namespace EnvDeck::Forge
