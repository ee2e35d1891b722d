// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace EnvDeck::Validation {

enum class Severity { Info, Warning, Error };

QString severityName(Severity severity); // "info", "warning", "error"

// A rule of the engine. Ids are stable: they appear in `.envdeck.yaml`, CI logs, JUnit and SARIF.
struct RuleInfo
{
    QString id;
    Severity defaultSeverity = Severity::Error;
    QString summary; // one line, for --help, SARIF and the Problems panel's tooltip
};

// Every rule the engine knows, in a fixed order.
const QList<RuleInfo> &allRules();
const RuleInfo *findRule(const QString &id);

namespace Rule {
inline const QString YamlSyntax = QStringLiteral("yaml-syntax");
inline const QString HclSyntax = QStringLiteral("hcl-syntax");
inline const QString DuplicateKey = QStringLiteral("duplicate-key");
inline const QString VersionSyntax = QStringLiteral("version-syntax");
inline const QString VersionNotInCatalog = QStringLiteral("version-not-in-catalog");
inline const QString LockedComponentChanged = QStringLiteral("locked-component-changed");
inline const QString UnapprovedInProduction = QStringLiteral("unapproved-in-production");
inline const QString RequiresViolated = QStringLiteral("requires-violated");
inline const QString Downgrade = QStringLiteral("downgrade");
inline const QString UnknownComponent = QStringLiteral("unknown-component");
inline const QString UnpinnedHelmRelease = QStringLiteral("unpinned-helm-release");
inline const QString UnknownEnvironment = QStringLiteral("unknown-environment");
inline const QString StaleApproval = QStringLiteral("stale-approval");
inline const QString Config = QStringLiteral("envdeck-config");
} // namespace Rule

struct Finding
{
    QString ruleId;
    Severity severity = Severity::Error;
    SourceLocation location; // file relative to the repository root
    QString message;
    QString hint;        // what to do about it; may be empty
    QString environment; // empty for repository-wide findings
    QString component;   // empty when not about one component

    // A rule that could not run for this subject (catalog unavailable, no base revision, ...):
    // reported as an info note "not checked: <why>", never as a pass or a failure.
    bool notChecked = false;

    friend bool operator==(const Finding &, const Finding &) = default;
};

struct Report
{
    QList<Finding> findings;  // sorted by file, line, column, rule
    QStringList environments; // the environments that were validated, in promotion order
    QStringList rules;        // the rules that ran (not switched off), in allRules() order
    QMap<QString, QString> rulesNotRun; // enabled rules that could not run at all -> why
    QString base;                       // the base revision compared with, empty when none
    QString baseCommit;                 // the commit id it resolved to

    int count(Severity severity) const;
    bool hasErrors() const { return count(Severity::Error) > 0; }
};

// Sorts findings by file, line, column, rule id, message: the order of every output format.
void sortFindings(QList<Finding> &findings);

} // namespace EnvDeck::Validation
