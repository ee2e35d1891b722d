// SPDX-License-Identifier: GPL-3.0-or-later
#include "ValidationConfig.h"

#include "core/YamlSupport.h"

#include <QDir>
#include <QFileInfo>

namespace EnvDeck::Validation {

bool ValidationConfig::isEnabled(const QString &ruleId) const
{
    const auto it = severities.constFind(ruleId);
    return it == severities.cend() || it->has_value();
}

Severity ValidationConfig::severityOf(const QString &ruleId) const
{
    const auto it = severities.constFind(ruleId);
    if (it != severities.cend() && it->has_value())
        return **it;
    const RuleInfo *rule = findRule(ruleId);
    return rule ? rule->defaultSeverity : Severity::Error;
}

ValidationConfig ValidationConfig::read(const QString &root)
{
    ValidationConfig config;
    const QString displayPath = QStringLiteral(".envdeck.yaml");
    const QString path = QDir(root).filePath(displayPath);
    if (!QFileInfo::exists(path))
        return config;
    auto loaded = Yaml::loadFile(path, displayPath);
    if (!loaded || !loaded->IsMap())
        return config;

    auto problem = [&config, &displayPath](const QString &message, const YAML::Node &node,
                                           const QString &hint) {
        config.problems.append(Finding{Rule::Config,
                                       Severity::Error,
                                       Yaml::locationOf(node, displayPath),
                                       message,
                                       hint,
                                       {},
                                       {},
                                       false});
    };

    const YAML::Node validation = (*loaded)["validation"];
    if (!validation)
        return config;
    if (!validation.IsMap()) {
        problem(QStringLiteral("`validation` must be a mapping with `rules:`"), validation, {});
        return config;
    }
    const YAML::Node rules = validation["rules"];
    if (!rules)
        return config;
    if (!rules.IsMap()) {
        problem(QStringLiteral("`validation.rules` must map rule ids to a severity"), rules,
                QStringLiteral("for example `unknown-component: warning`"));
        return config;
    }
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        const YAML::Node key = it->first;
        const YAML::Node value = it->second;
        const QString id = Yaml::scalar(key);
        if (!findRule(id)) {
            QStringList known;
            for (const RuleInfo &rule : allRules())
                known.append(rule.id);
            problem(QStringLiteral("unknown rule `%1`").arg(id), key,
                    QStringLiteral("known rules: ") + known.join(QStringLiteral(", ")));
            continue;
        }
        const QString level = Yaml::scalar(value).trimmed().toLower();
        if (level == u"off" || level == u"false") {
            config.severities.insert(id, std::nullopt);
        } else if (level == u"error") {
            config.severities.insert(id, Severity::Error);
        } else if (level == u"warning") {
            config.severities.insert(id, Severity::Warning);
        } else if (level == u"info") {
            config.severities.insert(id, Severity::Info);
        } else {
            problem(
                QStringLiteral("unknown severity `%1` for rule `%2`").arg(Yaml::scalar(value), id),
                value, QStringLiteral("use error, warning, info or off"));
        }
    }
    return config;
}

} // namespace EnvDeck::Validation
