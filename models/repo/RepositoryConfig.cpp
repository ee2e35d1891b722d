// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepositoryConfig.h"

#include "core/YamlSupport.h"

#include <QDir>
#include <QSet>

namespace EnvDeck {
namespace {

// `pipelines:`; problems go to `problems` with their place in the file.
std::optional<RepositoryConfig::PipelinesEntry>
readPipelines(const YAML::Node &node, const QString &displayPath, QList<Error> &problems)
{
    const SourceLocation location = Yaml::locationOf(node, displayPath);
    if (!node.IsMap()) {
        problems.append(Error(QStringLiteral("`pipelines` must be a mapping with provider and "
                                             "project"),
                              location));
        return std::nullopt;
    }
    RepositoryConfig::PipelinesEntry entry;
    entry.location = location;
    bool usable = true;
    static const QSet<QString> known{QStringLiteral("provider"), QStringLiteral("url"),
                                     QStringLiteral("organization"), QStringLiteral("project"),
                                     QStringLiteral("definitions")};
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        const QString name = Yaml::scalar(key);
        if (!known.contains(name))
            problems.append(Error(QStringLiteral("unknown key `%1` in `pipelines` (use provider, "
                                                 "url, organization, project, definitions)")
                                      .arg(name),
                                  Yaml::locationOf(key, displayPath)));
    }
    entry.provider = Yaml::scalar(node["provider"]).trimmed();
    entry.url = Yaml::scalar(node["url"]).trimmed();
    entry.organization = Yaml::scalar(node["organization"]).trimmed();
    entry.project = Yaml::scalar(node["project"]).trimmed();

    const auto placeOf = [&](const char *key) {
        const YAML::Node value = node[key];
        return value ? Yaml::locationOf(value, displayPath) : location;
    };
    const QStringList providers{QStringLiteral("azure-devops"), QStringLiteral("gitlab"),
                                QStringLiteral("github")};
    if (!providers.contains(entry.provider)) {
        problems.append(Error(entry.provider.isEmpty()
                                  ? QStringLiteral("`pipelines` needs a `provider` (azure-devops, "
                                                   "gitlab or github)")
                                  : QStringLiteral("unknown pipelines provider `%1` (use "
                                                   "azure-devops, gitlab or github)")
                                        .arg(entry.provider),
                              placeOf("provider")));
        usable = false;
    }
    if (entry.project.isEmpty()) {
        problems.append(Error(QStringLiteral("`pipelines` needs a `project`"), location));
        usable = false;
    } else if (entry.provider == u"github" && entry.project.count(u'/') != 1) {
        problems.append(Error(
            QStringLiteral("a GitHub `project` is `owner/repository`, not `%1`").arg(entry.project),
            placeOf("project")));
        usable = false;
    }
    if (entry.provider == u"azure-devops" && entry.organization.isEmpty()) {
        problems.append(
            Error(QStringLiteral("Azure DevOps `pipelines` need an `organization`"), location));
        usable = false;
    }
    if (!entry.url.isEmpty() && !entry.url.startsWith(QLatin1String("https://"))
        && !entry.url.startsWith(QLatin1String("http://"))) {
        problems.append(
            Error(QStringLiteral("`url` must start with https:// (or http://)"), placeOf("url")));
        usable = false;
    }
    if (const YAML::Node definitions = node["definitions"]) {
        if (!definitions.IsSequence()) {
            problems.append(Error(QStringLiteral("`definitions` must be a list of build "
                                                 "definition ids, e.g. [12, 14]"),
                                  Yaml::locationOf(definitions, displayPath)));
            usable = false;
        } else {
            for (const YAML::Node &item : definitions) {
                bool ok = false;
                const int id = Yaml::scalar(item).trimmed().toInt(&ok);
                if (!ok || id <= 0) {
                    problems.append(Error(QStringLiteral("a build definition id is a positive "
                                                         "number, not `%1`")
                                              .arg(Yaml::scalar(item)),
                                          Yaml::locationOf(item, displayPath)));
                    usable = false;
                    continue;
                }
                entry.definitions.append(id);
            }
        }
    }
    if (!usable)
        return std::nullopt;
    return entry;
}

// `approval: { checklist: [...] }`: the items QA answers. Items that are not text, empty or
// repeated are reported and left out; the others are kept.
QStringList readChecklist(const YAML::Node &node, const QString &displayPath,
                          QList<Error> &problems)
{
    if (!node.IsMap()) {
        problems.append(Error(QStringLiteral("`approval` must be a mapping, e.g. "
                                             "`approval: { checklist: [\"Smoke tests green\"] }`"),
                              Yaml::locationOf(node, displayPath)));
        return {};
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        const QString name = Yaml::scalar(key);
        if (name != u"checklist")
            problems.append(
                Error(QStringLiteral("unknown key `%1` in `approval` (use checklist)").arg(name),
                      Yaml::locationOf(key, displayPath)));
    }
    const YAML::Node items = node["checklist"];
    if (!items)
        return {};
    if (!items.IsSequence()) {
        problems.append(Error(QStringLiteral("`checklist` must be a list of the items QA checks, "
                                             "e.g. [\"Smoke tests green\", \"Release notes "
                                             "reviewed\"]"),
                              Yaml::locationOf(items, displayPath)));
        return {};
    }
    QStringList checklist;
    for (const YAML::Node &item : items) {
        const QString text = item.IsScalar() ? Yaml::scalar(item).trimmed() : QString();
        if (text.isEmpty()) {
            problems.append(Error(QStringLiteral("a checklist item must be a non-empty text"),
                                  Yaml::locationOf(item, displayPath)));
            continue;
        }
        if (checklist.contains(text)) {
            problems.append(Error(QStringLiteral("checklist item `%1` is listed twice").arg(text),
                                  Yaml::locationOf(item, displayPath)));
            continue;
        }
        checklist.append(text);
    }
    return checklist;
}

} // namespace

Result<RepositoryConfig> RepositoryConfig::read(const QString &root)
{
    const QString displayPath = QString::fromLatin1(FileName);
    auto loaded = Yaml::loadFile(QDir(root).filePath(displayPath), displayPath);
    if (!loaded)
        return loaded.error();

    const YAML::Node document = loaded.value();
    RepositoryConfig config;
    if (document.IsNull())
        return config;
    if (!document.IsMap())
        return Error(QStringLiteral("expected a mapping with `environments:` at the top level"),
                     Yaml::locationOf(document, displayPath));

    if (const YAML::Node versionsFile = document["versions_file"]) {
        const QString value = Yaml::scalar(versionsFile);
        if (value.isEmpty() || value.contains(QLatin1String("..")))
            config.problems.append(Error(QStringLiteral("`versions_file` must be a file name"),
                                         Yaml::locationOf(versionsFile, displayPath)));
        else
            config.versionsFile = value;
    }

    if (const YAML::Node pipelines = document["pipelines"])
        config.pipelines = readPipelines(pipelines, displayPath, config.problems);

    if (const YAML::Node approval = document["approval"])
        config.checklist = readChecklist(approval, displayPath, config.problems);

    const YAML::Node environments = document["environments"];
    if (!environments)
        return config;
    if (!environments.IsSequence()) {
        config.problems.append(Error(QStringLiteral("`environments` must be a list"),
                                     Yaml::locationOf(environments, displayPath)));
        return config;
    }

    QSet<QString> names;
    for (const YAML::Node &item : environments) {
        const SourceLocation location = Yaml::locationOf(item, displayPath);
        if (!item.IsMap()) {
            config.problems.append(
                Error(QStringLiteral("an environment entry must be a mapping with name and path"),
                      location));
            continue;
        }
        EnvironmentEntry entry;
        entry.location = location;
        entry.name = Yaml::scalar(item["name"]).trimmed();
        entry.path = QDir::cleanPath(Yaml::scalar(item["path"]).trimmed());
        entry.promotesFrom = Yaml::scalar(item["promotes_from"]).trimmed();
        entry.base = Yaml::scalar(item["base"]).trimmed();
        const QString tier = Yaml::scalar(item["tier"]);
        entry.tier = tier.isEmpty() ? guessTierFromName(entry.name) : tierFromString(tier);

        if (entry.name.isEmpty()) {
            config.problems.append(
                Error(QStringLiteral("environment entry without a `name`"), location));
            continue;
        }
        if (names.contains(entry.name)) {
            config.problems.append(Error(
                QStringLiteral("environment `%1` is listed twice").arg(entry.name), location));
            continue;
        }
        if (entry.path.isEmpty() || entry.path == u".")
            entry.path = QStringLiteral("environments/") + entry.name;
        if (QDir::isAbsolutePath(entry.path) || entry.path.startsWith(QLatin1String(".."))) {
            config.problems.append(
                Error(QStringLiteral("the path of environment `%1` must be inside the repository")
                          .arg(entry.name),
                      location));
            continue;
        }
        if (!tier.isEmpty() && entry.tier == Tier::Unknown)
            config.problems.append(Error(
                QStringLiteral("unknown tier `%1` (use dev, staging or production)").arg(tier),
                Yaml::locationOf(item["tier"], displayPath)));
        names.insert(entry.name);
        config.environments.append(entry);
    }
    return config;
}

} // namespace EnvDeck
