// SPDX-License-Identifier: GPL-3.0-or-later
// yaml-syntax, hcl-syntax, duplicate-key, envdeck-config, unknown-environment
#include "RulesPrivate.h"

namespace EnvDeck::Validation {
namespace {

bool isYamlFile(const QString &file)
{
    return file.endsWith(QLatin1String(".yaml")) || file.endsWith(QLatin1String(".yml"));
}

} // namespace

void checkFiles(const EnvironmentInput &environment, Collector &out)
{
    for (const Error &error : environment.syntaxErrors) {
        const bool yaml = isYamlFile(error.location().file);
        out.add(yaml ? Rule::YamlSyntax : Rule::HclSyntax, error.location(), error.message(),
                yaml ? QStringLiteral("fix the YAML syntax; nothing in this file was checked")
                     : QStringLiteral("fix the Terraform syntax; `terraform fmt` shows the same "
                                      "place"),
                environment.name);
    }
    for (const Finding &finding : environment.documentFindings)
        out.addFinding(finding);
}

void checkRepositoryConfig(Collector &out)
{
    if (!out.enabled(Rule::UnknownEnvironment))
        return;
    const ValidationInput &input = out.input();
    for (const EnvironmentInput &environment : input.environments) {
        if (!environment.configLocation.isValid())
            continue;
        if (!environment.folderExists) {
            out.add(Rule::UnknownEnvironment, environment.configLocation,
                    QStringLiteral("environment `%1` points to `%2`, which does not exist")
                        .arg(environment.name, environment.path),
                    QStringLiteral("correct its `path`, or remove the entry"), {});
        }
        const auto checkName = [&](const QString &key, const QString &name) {
            if (name.isEmpty() || input.findEnvironment(name))
                return;
            QStringList known;
            for (const EnvironmentInput &other : input.environments)
                known.append(other.name);
            out.add(Rule::UnknownEnvironment, environment.configLocation,
                    QStringLiteral("`%1: %2` of environment `%3` names an environment that does "
                                   "not exist")
                        .arg(key, name, environment.name),
                    QStringLiteral("known environments: ") + known.join(QStringLiteral(", ")), {});
        };
        checkName(QStringLiteral("promotes_from"), environment.promotesFrom);
        checkName(QStringLiteral("base"), environment.base);
    }
}

} // namespace EnvDeck::Validation
