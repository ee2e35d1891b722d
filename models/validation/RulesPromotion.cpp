// SPDX-License-Identifier: GPL-3.0-or-later
// unapproved-in-production, stale-approval, unknown-component, unpinned-helm-release
#include "RulesPrivate.h"

#include "demo/VersionSet.h"

namespace EnvDeck::Validation {
namespace {

// The environment whose QA approvals a production environment relies on: its `promotes_from`,
// else the first staging environment.
const EnvironmentInput *approvalSource(const ValidationInput &input,
                                       const EnvironmentInput &environment)
{
    if (!environment.promotesFrom.isEmpty())
        return input.findEnvironment(environment.promotesFrom);
    for (const EnvironmentInput &candidate : input.environments) {
        if (candidate.tier == Tier::Staging)
            return &candidate;
    }
    return nullptr;
}

void checkApprovedInProduction(const EnvironmentInput &environment, Collector &out)
{
    if (environment.tier != Tier::Production || !out.enabled(Rule::UnapprovedInProduction))
        return;
    const ValidationInput &input = out.input();
    const SourceLocation file{environment.versionsFile, 0, 0};
    const EnvironmentInput *source = approvalSource(input, environment);
    if (!source) {
        out.notChecked(Rule::UnapprovedInProduction, file,
                       environment.promotesFrom.isEmpty()
                           ? QStringLiteral("%1 has no staging environment to take approvals from")
                                 .arg(environment.name)
                           : QStringLiteral("%1 promotes from `%2`, which does not exist")
                                 .arg(environment.name, environment.promotesFrom),
                       environment.name);
        return;
    }
    const ApprovalList approvals = input.approvals.value(source->name);
    const Approval *latest = approvals.latestApproved();
    if (!latest) {
        out.notChecked(Rule::UnapprovedInProduction, file,
                       QStringLiteral("QA has not approved %1 yet (no files in approvals/%1/)")
                           .arg(source->name),
                       environment.name);
        return;
    }
    for (const ComponentEntry &component : environment.components) {
        if (component.version.isEmpty())
            continue;
        // A customer cluster's own services never pass through staging: only components that
        // staging runs or QA ever approved are held to QA's approvals.
        bool known = source->findComponent(component.name) != nullptr;
        for (const Approval &approval : approvals.approvals)
            known = known || approval.versions.contains(component.name);
        if (!known)
            continue;
        bool approved = false;
        for (const Approval &approval : approvals.approvals) {
            if (approval.isApproved()
                && sameVersion(approval.versions.value(component.name), component.version)) {
                approved = true;
                break;
            }
        }
        if (approved)
            continue;
        const QString latestVersion = latest->versions.value(component.name);
        out.add(Rule::UnapprovedInProduction, component.versionLocation,
                QStringLiteral("%1 runs `%2` %3, which QA never approved in %4")
                    .arg(environment.name, component.name, component.version, source->name),
                latestVersion.isEmpty()
                    ? QStringLiteral("have QA approve %1 with this version first").arg(source->name)
                    : QStringLiteral("promote an approved version (the latest approval, %1, has "
                                     "%2), or have QA approve %3 with %4 first")
                          .arg(latest->id, latestVersion, source->name, component.version),
                environment.name, component.name);
    }
}

void checkStaleApproval(const EnvironmentInput &environment, Collector &out)
{
    if (!out.enabled(Rule::StaleApproval))
        return;
    const ApprovalList approvals = out.input().approvals.value(environment.name);
    const Approval *latest = approvals.latestApproved();
    if (!latest)
        return;
    const SourceLocation location = latest->hashLocation.isValid()
                                        ? latest->hashLocation
                                        : SourceLocation{latest->file, 0, 0};
    if (!latest->isConsistent()) {
        out.add(Rule::StaleApproval, location,
                QStringLiteral("approval %1 records a version-set hash that does not match the "
                               "versions it lists")
                    .arg(latest->id),
                QStringLiteral("an approval file must not be edited by hand; have QA approve "
                               "again"),
                environment.name);
        return;
    }
    QMap<QString, QString> current;
    for (const ComponentEntry &component : environment.components)
        current.insert(component.name, component.version);
    if (versionSetHash(current) == latest->versionSetHash)
        return;

    QStringList changes;
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        const QString approved = latest->versions.value(it.key());
        if (approved.isEmpty())
            changes.append(QStringLiteral("%1 added at %2").arg(it.key(), it.value()));
        else if (approved != it.value())
            changes.append(QStringLiteral("%1 %2 → %3").arg(it.key(), approved, it.value()));
    }
    for (auto it = latest->versions.cbegin(); it != latest->versions.cend(); ++it) {
        if (!current.contains(it.key()))
            changes.append(QStringLiteral("%1 removed").arg(it.key()));
    }
    const qsizetype total = changes.size();
    QString summary = changes.mid(0, 3).join(QStringLiteral(", "));
    if (total > 3)
        summary += QStringLiteral(" and %1 more").arg(total - 3);
    out.add(Rule::StaleApproval, location,
            QStringLiteral("approval %1 is stale: %2 changed since (%3)")
                .arg(latest->id, environment.name, summary),
            QStringLiteral("have QA review and approve %1 again before promoting it")
                .arg(environment.name),
            environment.name);
}

QString normalized(QString name)
{
    return name.replace(u'_', u'-').toLower();
}

} // namespace

void checkPromotion(const EnvironmentInput &environment, Collector &out)
{
    checkApprovedInProduction(environment, out);
    checkStaleApproval(environment, out);
}

void checkTerraform(const EnvironmentInput &environment, Collector &out)
{
    const Terraform::RootModule &root = environment.terraform;
    if (out.enabled(Rule::UnpinnedHelmRelease)) {
        for (const Terraform::HelmRelease &release : root.helmReleases) {
            if (release.hasVersion)
                continue;
            out.add(Rule::UnpinnedHelmRelease, release.location,
                    QStringLiteral("%1%2 has no `version`: every apply may install a newer chart")
                        .arg(release.module.isEmpty()
                                 ? QString()
                                 : QStringLiteral("module.%1.").arg(release.module),
                             release.address),
                    QStringLiteral("pin the chart version, for example from versions.yaml"),
                    environment.name);
        }
    }
    if (environment.terraformFiles == 0 || !out.enabled(Rule::UnknownComponent))
        return;
    for (const ComponentEntry &component : environment.components) {
        const QString name = normalized(component.name);
        bool used = false;
        for (const Terraform::HelmRelease &release : root.helmReleases) {
            used = used || release.version.location == component.versionLocation
                   || normalized(release.name) == name
                   || normalized(release.address.section(u'.', 1)) == name
                   || (!component.chart.isEmpty() && release.chart == component.chart);
        }
        for (const Terraform::ModuleCall &call : root.modules)
            used = used || normalized(call.name) == name;
        if (used)
            continue;
        out.add(Rule::UnknownComponent, component.location,
                QStringLiteral("`%1` is listed for %2, but no module or Helm release of %2 uses "
                               "it")
                    .arg(component.name, environment.name),
                QStringLiteral("remove it from %1, or deploy it from a module")
                    .arg(environment.versionsFile),
                environment.name, component.name);
    }
}

} // namespace EnvDeck::Validation
