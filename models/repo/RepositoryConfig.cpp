// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepositoryConfig.h"

#include "core/YamlSupport.h"

#include <QDir>
#include <QSet>

namespace EnvDeck {

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
