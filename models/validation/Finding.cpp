// SPDX-License-Identifier: GPL-3.0-or-later
#include "Finding.h"

#include <algorithm>

namespace EnvDeck::Validation {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

const QList<RuleInfo> &allRules()
{
    static const QList<RuleInfo> rules{
        {Rule::YamlSyntax, Severity::Error, QStringLiteral("A YAML file cannot be read")},
        {Rule::HclSyntax, Severity::Error, QStringLiteral("A Terraform (HCL) file cannot be read")},
        {Rule::DuplicateKey, Severity::Error,
         QStringLiteral("A key appears twice in the same YAML mapping")},
        {Rule::VersionSyntax, Severity::Error,
         QStringLiteral("A version is not a semantic version (or does not match the component's "
                        "pattern)")},
        {Rule::VersionNotInCatalog, Severity::Error,
         QStringLiteral("A version is not among the versions its catalog offers")},
        {Rule::LockedComponentChanged, Severity::Error,
         QStringLiteral("A locked component's version changed since the base revision")},
        {Rule::UnapprovedInProduction, Severity::Error,
         QStringLiteral("A production environment runs a version QA never approved in staging")},
        {Rule::RequiresViolated, Severity::Error,
         QStringLiteral("A component's `requires` range is not met in its environment")},
        {Rule::Downgrade, Severity::Error,
         QStringLiteral("A version went down without `allow_downgrade: true`")},
        {Rule::UnknownComponent, Severity::Warning,
         QStringLiteral("A component is used by no module or Helm release of its environment")},
        {Rule::UnpinnedHelmRelease, Severity::Warning,
         QStringLiteral("A Helm release installs whatever chart version is newest")},
        {Rule::UnknownEnvironment, Severity::Error,
         QStringLiteral("`.envdeck.yaml` names an environment that does not exist")},
        {Rule::StaleApproval, Severity::Warning,
         QStringLiteral("Staging changed since QA's latest approval")},
        {Rule::Config, Severity::Error,
         QStringLiteral("An entry of `.envdeck.yaml` cannot be used")},
    };
    return rules;
}

const RuleInfo *findRule(const QString &id)
{
    for (const RuleInfo &rule : allRules()) {
        if (rule.id == id)
            return &rule;
    }
    return nullptr;
}

int Report::count(Severity severity) const
{
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [severity](const Finding &f) { return f.severity == severity; }));
}

void sortFindings(QList<Finding> &findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        if (a.location.file != b.location.file) {
            // Repository-wide findings without a file come first.
            return a.location.file < b.location.file;
        }
        if (a.location.line != b.location.line)
            return a.location.line < b.location.line;
        if (a.location.column != b.location.column)
            return a.location.column < b.location.column;
        if (a.ruleId != b.ruleId)
            return a.ruleId < b.ruleId;
        return a.message < b.message;
    });
}

} // namespace EnvDeck::Validation
