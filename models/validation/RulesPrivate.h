// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The engine's rules, split by what they look at. Each adds findings through a Collector, which
// applies the configured severities and leaves out rules that are switched off.

#include "validation/Engine.h"

namespace EnvDeck::Validation {

class Collector
{
public:
    Collector(const ValidationInput &input, QList<Finding> &findings)
        : m_input(input)
        , m_findings(findings)
    {}

    bool enabled(const QString &rule) const { return m_input.config.isEnabled(rule); }

    void add(const QString &rule, const SourceLocation &location, const QString &message,
             const QString &hint, const QString &environment, const QString &component = {});
    // A rule that could not check a subject: always an info note, whatever the rule's severity.
    void notChecked(const QString &rule, const SourceLocation &location, const QString &message,
                    const QString &environment, const QString &component = {});
    void addFinding(Finding finding); // severity replaced by the configured one

    const ValidationInput &input() const { return m_input; }

private:
    const ValidationInput &m_input;
    QList<Finding> &m_findings;
};

// RulesFiles.cpp: yaml-syntax, hcl-syntax, duplicate-key, envdeck-config, unknown-environment
void checkFiles(const EnvironmentInput &environment, Collector &out);
void checkRepositoryConfig(Collector &out);

// RulesVersions.cpp: version-syntax, version-not-in-catalog, requires-violated, downgrade,
// locked-component-changed
void checkVersions(const EnvironmentInput &environment, Collector &out);

// RulesPromotion.cpp: unapproved-in-production, stale-approval, unknown-component,
// unpinned-helm-release
void checkPromotion(const EnvironmentInput &environment, Collector &out);
void checkTerraform(const EnvironmentInput &environment, Collector &out);

// Whether two version texts name the same version: equal text, or equal semantic versions
// ("v1.2.3" and "1.2.3").
bool sameVersion(const QString &a, const QString &b);

} // namespace EnvDeck::Validation
