// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotion/Promotion.h"

#include "promotion/PlanSupport.h"
#include "versions/VersionDocument.h"

#include <QObject>
#include <QSet>

namespace EnvDeck::Promotion {
namespace {

using Outcome = Plan::Outcome;

// The newest approved approval that still matches the environment's versions.
const Approval *latestValid(const ApprovalList &approvals, const QMap<QString, QString> &current)
{
    for (auto it = approvals.approvals.crbegin(); it != approvals.approvals.crend(); ++it) {
        if (it->isApproved() && !isStale(*it, current))
            return &*it;
    }
    return nullptr;
}

QString approvalName(const Approval &approval)
{
    return approval.release.isEmpty() ? approval.id : approval.release;
}

// Why `target` may take versions from `from`: it promotes from it, or it is a customer cluster
// whose base does. An empty string when it may.
QString promotionPathProblem(const Validation::ValidationInput &input,
                             const Validation::EnvironmentInput &target, const QString &from)
{
    if (target.promotesFrom == from)
        return {};
    if (!target.base.isEmpty()) {
        const Validation::EnvironmentInput *base = input.findEnvironment(target.base);
        if (base && base->promotesFrom == from)
            return {};
    }
    if (target.promotesFrom.isEmpty())
        return QObject::tr("%1 does not take promotions from %2: .envdeck.yaml gives it no "
                           "`promotes_from`")
            .arg(target.name, from);
    return QObject::tr("%1 does not take promotions from %2; it promotes from %3")
        .arg(target.name, from, target.promotesFrom);
}

} // namespace

Plan planPromotion(const Validation::ValidationInput &input, const Request &request)
{
    const Validation::EnvironmentInput *from = input.findEnvironment(request.from);
    if (!from)
        return Detail::failed(Outcome::Invalid,
                              Detail::unknownEnvironment(input, request.from).message());
    if (from->versionsFile.isEmpty())
        return Detail::failed(
            Outcome::Invalid,
            QObject::tr("Environment \"%1\" has no versions file").arg(from->name));
    for (const Error &problem : from->syntaxErrors) {
        if (problem.location().file == from->versionsFile)
            return Detail::failed(Outcome::Invalid, problem.message(), problem.location());
    }
    QStringList targets;
    for (const QString &target : request.targets) {
        if (!target.trimmed().isEmpty() && !targets.contains(target.trimmed()))
            targets.append(target.trimmed());
    }
    if (targets.isEmpty())
        return Detail::failed(Outcome::Invalid,
                              QObject::tr("Name at least one environment to promote to"));

    const QMap<QString, QString> current = Detail::versionsOf(*from);
    const ApprovalList approvals = input.approvals.value(from->name);
    const Approval *valid = latestValid(approvals, current);
    const Approval *latest = approvals.latestApproved();
    const QString overrideReason = request.overrideReason.trimmed();
    if (!latest && overrideReason.isEmpty())
        return Detail::failed(Outcome::Invalid,
                              QObject::tr("%1 has no QA approval: approve it first, or give an "
                                          "override reason to promote versions nobody approved")
                                  .arg(from->name));

    // A valid approval holds exactly what `from` runs now; without one, what it runs now is
    // what an override would promote.
    QMap<QString, QString> wanted;
    if (request.components.isEmpty()) {
        wanted = valid ? valid->versions : current;
    } else {
        for (const QString &component : request.components) {
            const QString name = component.trimmed();
            if (name.isEmpty())
                continue;
            const auto version = current.constFind(name);
            if (version == current.cend())
                return Detail::failed(
                    Outcome::Invalid,
                    QObject::tr("%1 has no component \"%2\"; it has: %3")
                        .arg(from->name, name, current.keys().join(QStringLiteral(", "))));
            wanted.insert(name, *version);
        }
    }

    Plan plan;
    plan.overrideReason = overrideReason;
    QList<Detail::LockConflict> locks;
    const auto wasApproved = [&](const QString &component, const QString &version) {
        return approvals.wasApproved(component, version);
    };
    for (const QString &name : std::as_const(targets)) {
        const Validation::EnvironmentInput *target = input.findEnvironment(name);
        if (!target)
            return Detail::failed(Outcome::Invalid,
                                  Detail::unknownEnvironment(input, name).message());
        if (target->name == from->name)
            return Detail::failed(Outcome::Invalid,
                                  QObject::tr("%1 cannot be promoted to itself").arg(name));
        if (const QString problem = promotionPathProblem(input, *target, from->name);
            !problem.isEmpty())
            return Detail::failed(Outcome::Invalid, problem);

        // A customer cluster follows only what it shares with its base; its own extra services
        // keep their versions.
        QMap<QString, QString> forTarget = wanted;
        if (!target->base.isEmpty()) {
            const Validation::EnvironmentInput *base = input.findEnvironment(target->base);
            if (!base)
                return Detail::failed(Outcome::Invalid,
                                      QObject::tr("The base \"%1\" of %2 is not an environment")
                                          .arg(target->base, target->name),
                                      target->configLocation);
            auto baseFile = Detail::readVersionsFile(input, *base);
            if (!baseFile)
                return Detail::failed(Outcome::Invalid, baseFile.error().message());
            auto baseDocument = VersionDocument::parse(baseFile->before, baseFile->file);
            if (!baseDocument)
                return Detail::failed(Outcome::Invalid, baseDocument.error().message(),
                                      baseDocument.error().location());
            for (auto it = forTarget.begin(); it != forTarget.end();) {
                if (baseDocument->find(it.key()))
                    ++it;
                else
                    it = forTarget.erase(it);
            }
        }
        auto applied = Detail::applyVersions(input, *target, forTarget, wasApproved,
                                             !target->base.isEmpty());
        if (!applied)
            return Detail::failed(Outcome::Invalid, applied.error().message(),
                                  applied.error().location());
        plan.changes.append(applied->changes);
        plan.unchanged.append(applied->unchanged);
        locks.append(applied->locks);
        if (applied->edit.after != applied->edit.before)
            plan.edits.append(applied->edit);
    }

    const QString targetNames = targets.join(QStringLiteral(", "));
    if (valid) {
        plan.approvalId = valid->id;
        plan.basis = QObject::tr("the QA approval %1 of %2").arg(valid->id, from->name);
        plan.title = QObject::tr("Promote %1 from %2 to %3")
                         .arg(approvalName(*valid), from->name, targetNames);
    } else {
        plan.basis
            = latest ? QObject::tr("the versions %1 runs now (its last approval, %2, is "
                                   "stale)")
                           .arg(from->name, latest->id)
                     : QObject::tr("the versions %1 runs now (it has no approval)").arg(from->name);
        plan.title = QObject::tr("Promote %1 to %2").arg(from->name, targetNames);
    }

    // A refusal keeps the table, so the wizard can show what was refused; it writes nothing.
    const auto refuse = [&plan](const QString &message, SourceLocation location = {}) {
        Plan refused = Detail::failed(Outcome::Refused, message, std::move(location));
        refused.approvalId = plan.approvalId;
        refused.overrideReason = plan.overrideReason;
        refused.changes = plan.changes;
        refused.unchanged = plan.unchanged;
        refused.title = plan.title;
        refused.basis = plan.basis;
        return refused;
    };
    if (plan.changes.isEmpty() && locks.isEmpty()) {
        return refuse(valid
                          ? QObject::tr("Nothing to promote: the versions of %1 are already in %2")
                                .arg(valid->id, Detail::joinNames(targets))
                          : QObject::tr("Nothing to promote: what %1 runs now is already in %2")
                                .arg(from->name, Detail::joinNames(targets)));
    }
    if (overrideReason.isEmpty()) {
        QStringList unapproved;
        for (const VersionChange &change : std::as_const(plan.changes)) {
            const QString text = change.component + u' ' + change.to;
            if (!change.approved && !unapproved.contains(text))
                unapproved.append(text);
        }
        if (!unapproved.isEmpty())
            return refuse(QObject::tr("Never approved in %1: %2. Nothing was changed; "
                                      "approve %1 first, or give an override reason.")
                              .arg(from->name, unapproved.join(QStringLiteral(", "))));
        if (!valid)
            return refuse(QObject::tr("%1 changed since its last approval %2: that set "
                                      "was never approved as a whole. Nothing was "
                                      "changed; approve %1 again, or give an override "
                                      "reason.")
                              .arg(from->name, latest->id));
    }
    if (!locks.isEmpty())
        return refuse(Detail::describeLocks(locks)
                          + QObject::tr(". Nothing was changed; unlock it first or leave "
                                        "it out of the promotion."),
                      locks.first().location);

    plan.findings = Detail::newFindings(input, plan.edits, targets);
    plan.outcome = Outcome::Ready;
    qCInfo(lcPromotion).noquote() << plan.title << "-" << plan.changes.size() << "changes,"
                                  << plan.findings.size() << "new findings";
    return plan;
}

} // namespace EnvDeck::Promotion
