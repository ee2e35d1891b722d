// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotion/Promotion.h"

#include "git/RevisionReader.h"
#include "promotion/PlanSupport.h"
#include "versions/VersionDocument.h"

#include <QObject>
#include <QRegularExpression>

namespace EnvDeck::Promotion {
namespace {

using Outcome = Plan::Outcome;

// The approval `name` names: its id ("2026-11-11-r22") first, then its release ("r22"), in the
// environment's own approvals, then in those of the one it promotes from.
const Approval *findApproval(const QList<const ApprovalList *> &lists, const QString &name)
{
    for (const ApprovalList *list : lists) {
        for (const Approval &approval : list->approvals) {
            if (approval.id == name)
                return &approval;
        }
    }
    for (const ApprovalList *list : lists) {
        for (const Approval &approval : list->approvals) {
            if (!approval.release.isEmpty() && approval.release == name)
                return &approval;
        }
    }
    return nullptr;
}

// A full commit id is shortened in the title; anything a person typed is kept as typed.
QString revisionLabel(const QString &revision)
{
    static const QRegularExpression fullId(QStringLiteral("^[0-9a-f]{40}$"));
    return fullId.match(revision).hasMatch() ? revision.left(8) : revision;
}

} // namespace

Plan planRollback(const Validation::ValidationInput &input, const Request &request)
{
    if (request.targets.isEmpty() || request.targets.first().trimmed().isEmpty())
        return Detail::failed(Outcome::Invalid, QObject::tr("Name the environment to roll back"));
    const QString name = request.targets.first().trimmed();
    const Validation::EnvironmentInput *environment = input.findEnvironment(name);
    if (!environment)
        return Detail::failed(Outcome::Invalid, Detail::unknownEnvironment(input, name).message());
    if (environment->versionsFile.isEmpty())
        return Detail::failed(
            Outcome::Invalid,
            QObject::tr("Environment \"%1\" has no versions file").arg(environment->name));
    const QString rollbackTo = request.rollbackTo.trimmed();
    if (rollbackTo.isEmpty())
        return Detail::failed(Outcome::Invalid,
                              QObject::tr("Name the approval or the git revision to roll %1 "
                                          "back to")
                                  .arg(environment->name));

    const ApprovalList own = input.approvals.value(environment->name);
    const ApprovalList upstream = environment->promotesFrom.isEmpty()
                                      ? ApprovalList()
                                      : input.approvals.value(environment->promotesFrom);
    const QList<const ApprovalList *> lists{&own, &upstream};

    Plan plan;
    plan.overrideReason = request.overrideReason.trimmed();
    QMap<QString, QString> wanted;
    if (const Approval *approval = findApproval(lists, rollbackTo)) {
        if (!approval->isApproved())
            return Detail::failed(Outcome::Invalid,
                                  QObject::tr("%1 is a rejection, not an approval: %2 cannot be "
                                              "rolled back to it")
                                      .arg(approval->file, environment->name));
        wanted = approval->versions;
        plan.approvalId = approval->id;
        plan.basis
            = QObject::tr("the QA approval %1 of %2").arg(approval->id, approval->environment);
        plan.title = QObject::tr("Roll %1 back to %2").arg(environment->name, approval->id);
    } else {
        auto reader = Git::RevisionReader::open(input.root, rollbackTo);
        if (!reader) {
            QStringList where{environment->name};
            if (!environment->promotesFrom.isEmpty())
                where.append(environment->promotesFrom);
            return Detail::failed(
                Outcome::Invalid,
                QObject::tr("\"%1\" is neither an approval of %2 nor a git "
                            "revision (%3)")
                    .arg(rollbackTo, where.join(QObject::tr(" or ")), reader.error().message()));
        }
        auto bytes = reader->read(environment->versionsFile);
        if (!bytes)
            return Detail::failed(Outcome::Invalid, bytes.error().message());
        if (!bytes->has_value())
            return Detail::failed(
                Outcome::Invalid,
                QObject::tr("%1 did not exist at %2").arg(environment->versionsFile, rollbackTo));
        const QString label = revisionLabel(rollbackTo);
        auto document = VersionDocument::parse(**bytes, label + u':' + environment->versionsFile);
        if (!document)
            return Detail::failed(Outcome::Invalid, document.error().message(),
                                  document.error().location());
        for (const VersionEntry &entry : document->entries())
            wanted.insert(entry.name, entry.version.text);
        plan.basis = QObject::tr("the versions of %1 at %2 (commit %3)")
                         .arg(environment->name, label, reader->commitId().left(8));
        plan.title = QObject::tr("Roll %1 back to %2").arg(environment->name, label);
    }

    const auto wasApproved = [&](const QString &component, const QString &version) {
        return own.wasApproved(component, version) || upstream.wasApproved(component, version);
    };
    auto applied = Detail::applyVersions(input, *environment, wanted, wasApproved, false);
    if (!applied)
        return Detail::failed(Outcome::Invalid, applied.error().message(),
                              applied.error().location());
    if (!applied->locks.isEmpty())
        return Detail::failed(Outcome::Refused,
                              Detail::describeLocks(applied->locks)
                                  + QObject::tr(". Nothing was changed; unlock it first."),
                              applied->locks.first().location);
    if (applied->changes.isEmpty())
        return Detail::failed(Outcome::Refused, QObject::tr("Nothing to roll back: %1 already "
                                                            "runs the versions of %2")
                                                    .arg(environment->name, rollbackTo));

    plan.changes = applied->changes;
    plan.unchanged = applied->unchanged;
    plan.edits.append(applied->edit);
    plan.findings = Detail::newFindings(input, plan.edits, {environment->name});
    plan.outcome = Outcome::Ready;
    qCInfo(lcPromotion).noquote() << plan.title << "-" << plan.changes.size() << "changes";
    return plan;
}

} // namespace EnvDeck::Promotion
