// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionsFileReader.h"

#include "core/YamlSupport.h"

namespace EnvDeck {
namespace {

bool isTrue(const YAML::Node &node)
{
    const QString text = Yaml::scalar(node).toLower();
    return text == u"true" || text == u"yes" || text == u"on";
}

void readSection(const YAML::Node &section, bool thirdParty, const QString &displayPath,
                 VersionsFileContents &contents)
{
    const char *sectionName = thirdParty ? "third_party" : "components";
    if (!section || section.IsNull())
        return;
    if (!section.IsMap()) {
        contents.problems.append(Error(QStringLiteral("`%1` must be a mapping of component names")
                                           .arg(QLatin1String(sectionName)),
                                       Yaml::locationOf(section, displayPath)));
        return;
    }
    for (auto it = section.begin(); it != section.end(); ++it) {
        ComponentVersion component;
        component.name = Yaml::scalar(it->first);
        component.thirdParty = thirdParty;
        const YAML::Node entry = it->second;
        if (entry.IsScalar()) {
            // `name: 1.2.3` shorthand
            component.version = Yaml::scalar(entry);
            component.location = Yaml::locationOf(entry, displayPath);
        } else if (entry.IsMap()) {
            const YAML::Node version = entry["version"];
            component.version = Yaml::scalar(version);
            component.location = Yaml::locationOf(version ? version : entry, displayPath);
            component.locked = isTrue(entry["locked"]);
            component.lockReason = Yaml::scalar(entry["lock_reason"]);
            if (!version)
                contents.problems.append(
                    Error(QStringLiteral("component `%1` has no `version`").arg(component.name),
                          Yaml::locationOf(entry, displayPath)));
            else if (!version.IsScalar())
                contents.problems.append(Error(
                    QStringLiteral("the version of `%1` must be a plain value").arg(component.name),
                    component.location));
        } else {
            contents.problems.append(Error(
                QStringLiteral("component `%1` must be a version or a mapping").arg(component.name),
                Yaml::locationOf(entry, displayPath)));
            component.location = Yaml::locationOf(entry, displayPath);
        }
        contents.components.append(component);
    }
}

} // namespace

Result<VersionsFileContents> readVersionsFile(const QString &absolutePath,
                                              const QString &displayPath)
{
    auto loaded = Yaml::loadFile(absolutePath, displayPath);
    if (!loaded)
        return loaded.error();
    const YAML::Node document = loaded.value();
    VersionsFileContents contents;
    if (document.IsNull())
        return contents;
    if (!document.IsMap())
        return Error(QStringLiteral("expected a mapping with `components:` at the top level"),
                     Yaml::locationOf(document, displayPath));
    readSection(document["components"], false, displayPath, contents);
    readSection(document["third_party"], true, displayPath, contents);
    return contents;
}

} // namespace EnvDeck
