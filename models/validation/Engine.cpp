// SPDX-License-Identifier: GPL-3.0-or-later
#include "Engine.h"
#include "RulesPrivate.h"

#include "catalog/Semver.h"

namespace EnvDeck::Validation {

const ComponentEntry *EnvironmentInput::findComponent(const QString &componentName) const
{
    for (const ComponentEntry &component : components) {
        if (component.name == componentName)
            return &component;
    }
    return nullptr;
}

const EnvironmentInput *ValidationInput::findEnvironment(const QString &environmentName) const
{
    for (const EnvironmentInput &environment : environments) {
        if (environment.name == environmentName)
            return &environment;
    }
    return nullptr;
}

void Collector::add(const QString &rule, const SourceLocation &location, const QString &message,
                    const QString &hint, const QString &environment, const QString &component)
{
    addFinding(
        Finding{rule, Severity::Error, location, message, hint, environment, component, false});
}

void Collector::notChecked(const QString &rule, const SourceLocation &location,
                           const QString &message, const QString &environment,
                           const QString &component)
{
    if (!enabled(rule))
        return;
    m_findings.append(
        Finding{rule, Severity::Info, location, message, {}, environment, component, true});
}

void Collector::addFinding(Finding finding)
{
    if (!enabled(finding.ruleId))
        return;
    finding.severity
        = finding.notChecked ? Severity::Info : m_input.config.severityOf(finding.ruleId);
    m_findings.append(std::move(finding));
}

bool sameVersion(const QString &a, const QString &b)
{
    if (a == b)
        return true;
    const auto left = Semver::parse(a);
    const auto right = Semver::parse(b);
    return left && right && *left == *right && left->build() == right->build();
}

Report validate(const ValidationInput &input, const ValidateOptions &options)
{
    Report report;
    report.base = input.base;
    report.baseCommit = input.baseCommit;
    for (const RuleInfo &rule : allRules()) {
        if (input.config.isEnabled(rule.id))
            report.rules.append(rule.id);
    }

    QList<Finding> findings;
    Collector out(input, findings);
    for (const Finding &finding : input.config.problems)
        out.addFinding(finding);
    for (const Finding &finding : input.repositoryFindings)
        out.addFinding(finding);
    checkRepositoryConfig(out);
    if (input.base.isEmpty()) {
        const QString why = QStringLiteral("no base revision to compare with (--base REV)");
        for (const QString &rule : {Rule::LockedComponentChanged, Rule::Downgrade}) {
            if (!input.config.isEnabled(rule))
                continue;
            report.rulesNotRun.insert(rule, why);
            out.notChecked(rule, {}, why, {});
        }
    }

    for (const EnvironmentInput &environment : input.environments) {
        if (!options.environment.isEmpty() && environment.name != options.environment)
            continue;
        report.environments.append(environment.name);
        checkFiles(environment, out);
        checkVersions(environment, out);
        checkPromotion(environment, out);
        checkTerraform(environment, out);
    }

    if (!options.environment.isEmpty()) {
        findings.removeIf([&](const Finding &finding) {
            return !finding.environment.isEmpty() && finding.environment != options.environment;
        });
    }
    sortFindings(findings);
    report.findings = std::move(findings);
    return report;
}

} // namespace EnvDeck::Validation
