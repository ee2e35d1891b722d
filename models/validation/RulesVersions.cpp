// SPDX-License-Identifier: GPL-3.0-or-later
// version-syntax, version-not-in-catalog, requires-violated, downgrade, locked-component-changed
#include "RulesPrivate.h"

#include "catalog/Semver.h"
#include "catalog/VersionRange.h"

namespace EnvDeck::Validation {
namespace {

// False when the version's shape is wrong (and says so).
bool checkSyntax(const EnvironmentInput &environment, const ComponentEntry &component,
                 Collector &out)
{
    if (!component.pattern.isEmpty()) {
        const auto matches = matchesPattern(component.version, component.pattern);
        if (!matches) {
            out.add(Rule::Config, component.patternLocation,
                    QStringLiteral("the version pattern of `%1` is not a valid regular "
                                   "expression: %2")
                        .arg(component.name, matches.error().message()),
                    {}, environment.name, component.name);
            return false;
        }
        if (!*matches) {
            out.add(Rule::VersionSyntax, component.versionLocation,
                    QStringLiteral("`%1` version `%2` does not match its pattern `%3`")
                        .arg(component.name, component.version, component.pattern),
                    QStringLiteral("write the version the way the component's pattern expects"),
                    environment.name, component.name);
            return false;
        }
        return true;
    }
    const auto parsed = Semver::parse(component.version);
    if (!parsed) {
        out.add(Rule::VersionSyntax, component.versionLocation,
                QStringLiteral("`%1` version `%2` is not a semantic version: %3")
                    .arg(component.name, component.version, parsed.error().message()),
                QStringLiteral("write MAJOR.MINOR.PATCH (for example 2.7.0), or give the "
                               "component a `pattern:` for its own scheme"),
                environment.name, component.name);
        return false;
    }
    return true;
}

void checkCatalog(const EnvironmentInput &environment, const ComponentEntry &component,
                  Collector &out)
{
    const ValidationInput &input = out.input();
    const CatalogAnswer answer = input.catalog(component.name, component.chart);
    if (!answer.checked) {
        out.notChecked(
            Rule::VersionNotInCatalog, component.versionLocation,
            QStringLiteral("`%1` %2: %3").arg(component.name, component.version, answer.reason),
            environment.name, component.name);
        return;
    }
    for (const QString &offered : answer.versions) {
        if (sameVersion(offered, component.version))
            return;
    }
    const QStringList newest = sortVersionsNewestFirst(answer.versions).mid(0, 5);
    out.add(Rule::VersionNotInCatalog, component.versionLocation,
            QStringLiteral("`%1` %2 is not in %3")
                .arg(component.name, component.version, answer.source),
            newest.isEmpty()
                ? QStringLiteral("the catalog offers no versions of `%1`").arg(component.name)
                : QStringLiteral("newest available: ") + newest.join(QStringLiteral(", ")),
            environment.name, component.name);
}

void checkRequirements(const EnvironmentInput &environment, const ComponentEntry &component,
                       Collector &out)
{
    for (const ComponentEntry::Requirement &requirement : component.requirements) {
        const auto range = VersionRange::parse(requirement.range);
        if (!range) {
            out.add(Rule::RequiresViolated, requirement.location,
                    QStringLiteral("`%1` requires `%2` in a range that cannot be read: %3")
                        .arg(component.name, requirement.component, range.error().message()),
                    QStringLiteral("write a range like \">=2.4.0 <3.0.0\""), environment.name,
                    component.name);
            continue;
        }
        const ComponentEntry *required = environment.findComponent(requirement.component);
        if (!required) {
            out.add(Rule::RequiresViolated, requirement.location,
                    QStringLiteral("`%1` requires `%2` %3, but %4 has no `%2`")
                        .arg(component.name, requirement.component, requirement.range,
                             environment.name),
                    QStringLiteral("add `%1` to this environment, or drop the requirement")
                        .arg(requirement.component),
                    environment.name, component.name);
            continue;
        }
        const auto version = Semver::parse(required->version);
        if (!version)
            continue; // version-syntax reports it
        if (!range->matches(*version)) {
            out.add(Rule::RequiresViolated, requirement.location,
                    QStringLiteral("`%1` requires `%2` %3, but %4 runs `%2` %5")
                        .arg(component.name, requirement.component, requirement.range,
                             environment.name, required->version),
                    QStringLiteral("change `%1` to a version in the range, or widen the range "
                                   "once `%2` is known to work with it")
                        .arg(requirement.component, component.name),
                    environment.name, component.name);
        }
    }
}

void checkAgainstBase(const EnvironmentInput &environment, Collector &out)
{
    if (!environment.baseComponents)
        return;
    const ValidationInput &input = out.input();
    for (const ComponentEntry &before : *environment.baseComponents) {
        const ComponentEntry *now = environment.findComponent(before.name);
        if (before.locked) {
            const QString reason = before.lockReason.isEmpty()
                                       ? QString()
                                       : QStringLiteral(" (%1)").arg(before.lockReason);
            if (!now) {
                out.add(Rule::LockedComponentChanged,
                        SourceLocation{environment.versionsFile, 0, 0},
                        QStringLiteral("`%1` is locked in %2%3 but was removed")
                            .arg(before.name, input.base, reason),
                        QStringLiteral("unlock it in its own reviewed change first"),
                        environment.name, before.name);
            } else if (!sameVersion(now->version, before.version)) {
                out.add(Rule::LockedComponentChanged, now->versionLocation,
                        QStringLiteral("`%1` is locked at %2 in %3%4 but is now %5")
                            .arg(before.name, before.version, input.base, reason, now->version),
                        QStringLiteral("unlock it in its own reviewed change (with a reason) "
                                       "before changing its version"),
                        environment.name, before.name);
            }
        }
        if (!now || now->allowDowngrade)
            continue;
        const auto from = Semver::parse(before.version);
        const auto to = Semver::parse(now->version);
        if (from && to && *to < *from) {
            out.add(Rule::Downgrade, now->versionLocation,
                    QStringLiteral("`%1` goes down from %2 to %3 (compared with %4)")
                        .arg(now->name, before.version, now->version, input.base),
                    QStringLiteral("if this is a deliberate rollback, add `allow_downgrade: "
                                   "true` to `%1`")
                        .arg(now->name),
                    environment.name, now->name);
        }
    }
}

} // namespace

void checkVersions(const EnvironmentInput &environment, Collector &out)
{
    const bool haveCatalogs = bool(out.input().catalog);
    if (!haveCatalogs && !environment.components.isEmpty()) {
        out.notChecked(Rule::VersionNotInCatalog, SourceLocation{environment.versionsFile, 0, 0},
                       QStringLiteral("no catalogs are configured (`catalogs:` in .envdeck.yaml)"),
                       environment.name);
    }
    for (const ComponentEntry &component : environment.components) {
        if (component.version.isEmpty())
            continue; // the versions file reader reports entries without a version
        if (checkSyntax(environment, component, out) && haveCatalogs)
            checkCatalog(environment, component, out);
        checkRequirements(environment, component, out);
    }
    checkAgainstBase(environment, out);
}

} // namespace EnvDeck::Validation
