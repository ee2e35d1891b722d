// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck promote [REPO] --from E --to E1[,E2...] [--components a,b] [--override-reason R]` and
// `envdeck rollback [REPO] --env E --to APPROVAL-ID|REV`, with bump's --branch/--message/--push/
// --open-mr/--provider: the plan of models/promotion, shown as a table, written and committed as
// one change. Exit 0: done; 1: refused (nothing written, nothing committed) or failed (the files
// are put back when no commit was made); 2: could not run.
#include "Cli.h"
#include "CliCommands.h"
#include "CliPromotion.h"
#include "CliPublish.h"

#include <algorithm>

namespace EnvDeck::Cli {

namespace {

using Promotion::Plan;
using Promotion::VersionChange;

QString noteOf(const VersionChange &change, const QString &overrideReason)
{
    QStringList notes;
    if (change.followsBase)
        notes << QStringLiteral("follows its base");
    if (!change.approved)
        notes << (overrideReason.isEmpty() ? QStringLiteral("never approved")
                                           : QStringLiteral("never approved, overridden"));
    if (change.from.isEmpty())
        notes << QStringLiteral("new here");
    return notes.join(QStringLiteral(", "));
}

// The changes as an aligned plain-text table, the same columns as the merge request's.
void printTable(const QList<VersionChange> &changes, const QString &overrideReason,
                QTextStream &out)
{
    qsizetype widths[4] = {11, 9, 4, 2};
    for (const VersionChange &c : changes) {
        widths[0] = std::max(widths[0], c.environment.size());
        widths[1] = std::max(widths[1], c.component.size());
        widths[2] = std::max(widths[2], c.from.size());
        widths[3] = std::max(widths[3], c.to.size());
    }
    const auto row = [&](const QString &environment, const QString &component, const QString &from,
                         const QString &to, const QString &note) {
        QString line = environment.leftJustified(widths[0] + 2)
                       + component.leftJustified(widths[1] + 2) + from.leftJustified(widths[2] + 2)
                       + to.leftJustified(widths[3] + 2) + note;
        out << line.trimmed() << '\n';
    };
    row(QStringLiteral("ENVIRONMENT"), QStringLiteral("COMPONENT"), QStringLiteral("FROM"),
        QStringLiteral("TO"), QStringLiteral("NOTE"));
    for (const VersionChange &c : changes)
        row(c.environment, c.component, c.from.isEmpty() ? QStringLiteral("-") : c.from, c.to,
            noteOf(c, overrideReason));
}

// A plan that is not Ready: why, and for a refusal the versions that caused it.
int reportNotReady(const Plan &plan, const QString &command, const QString &note, QTextStream &err)
{
    err << "envdeck " << command << ": " << plan.error.toString() << '\n';
    if (plan.outcome == Plan::Outcome::Invalid)
        return Usage;
    if (!note.isEmpty())
        err << "envdeck " << command << ": " << note << '\n';
    for (const VersionChange &c : plan.changes) {
        if (!c.approved)
            err << "  " << c.environment << ": " << c.component << ' '
                << (c.from.isEmpty() ? QStringLiteral("(none)") : c.from) << " → " << c.to
                << " was never approved in an approval that is still valid\n";
    }
    err << "envdeck " << command << ": nothing was written or committed\n";
    return Failed;
}

// New validation errors of the plan's edits refuse it, as bump does. Two are what the command
// is for: versions never approved when an override reason accepts them (it is recorded in the
// commit), and the downgrade a rollback is.
int refuseNewErrors(const Plan &plan, const QString &command, QTextStream &err)
{
    int errors = 0;
    for (const Validation::Finding &finding : plan.findings) {
        if (finding.notChecked)
            continue;
        const bool accepted
            = (!plan.overrideReason.isEmpty()
               && finding.ruleId == Validation::Rule::UnapprovedInProduction)
              || (command == u"rollback" && finding.ruleId == Validation::Rule::Downgrade);
        const bool isError = finding.severity == Validation::Severity::Error;
        const bool error = isError && !accepted;
        // An accepted error is still shown, as what it is and why it does not stop the change.
        const QString label = isError && accepted ? QStringLiteral("error, accepted")
                                                  : Validation::severityName(finding.severity);
        err << finding.location.toString() << ": " << label << ": " << finding.message << " ["
            << finding.ruleId << "]\n";
        if (error)
            ++errors;
    }
    if (errors == 0)
        return Success;
    err << "envdeck " << command << ": the change would add " << errors
        << " validation error(s); nothing was written or committed\n";
    return Failed;
}

int runPlan(const QCommandLineParser &parser, const QString &command, PromotionWorkspace &workspace,
            const Plan &plan, const QString &refusalNote, QTextStream &out, QTextStream &err)
{
    if (plan.outcome != Plan::Outcome::Ready)
        return reportNotReady(plan, command, refusalNote, err);
    if (plan.edits.isEmpty()) {
        err << "envdeck " << command << ": nothing to change; every version is already there\n";
        return Failed;
    }
    if (const int refused = refuseNewErrors(plan, command, err); refused != Success)
        return refused;

    out << plan.title << '\n';
    if (!plan.basis.isEmpty())
        out << "from " << plan.basis << '\n';
    if (!plan.overrideReason.isEmpty())
        out << "override: " << plan.overrideReason << '\n';
    printTable(plan.changes, plan.overrideReason, out);
    // What was asked for but is there already: one line per environment, names only.
    QMap<QString, QStringList> unchanged;
    for (const VersionChange &c : plan.unchanged)
        unchanged[c.environment] << c.component;
    for (auto it = unchanged.cbegin(); it != unchanged.cend(); ++it)
        out << "already in " << it.key() << ": " << it->join(QStringLiteral(", ")) << '\n';
    out.flush();

    EditsToPublish change = editsToPublish(Promotion::describePlan(plan), plan.edits);
    if (!plan.overrideReason.isEmpty())
        change.record = QStringLiteral("Override: ") + plan.overrideReason;
    return publishEdits(parser, command, workspace, change, out, err);
}

// "the last approval of staging, 2026-11-20-r41, is stale: ..." when it is; else empty. A
// refusal of unapproved versions then says why the approval did not cover them.
QString staleApprovalNote(const Validation::ValidationInput &input, const QString &from)
{
    const Validation::EnvironmentInput *environment = input.findEnvironment(from);
    const ApprovalList approvals = input.approvals.value(from);
    const Approval *latest = approvals.latestApproved();
    if (!environment || !latest)
        return {};
    QMap<QString, QString> current;
    for (const Validation::ComponentEntry &component : environment->components)
        current.insert(component.name, component.version);
    if (!Promotion::isStale(*latest, current))
        return {};
    return QStringLiteral("the last approval of %1, %2, is stale: %1 changed since it was "
                          "approved; have QA approve it again")
        .arg(from, latest->id);
}

// --override-reason given but blank would record an override without a reason.
bool readOverride(const QCommandLineParser &parser, const QString &command, QString &reason,
                  QTextStream &err)
{
    if (!parser.isSet(QStringLiteral("override-reason")))
        return true;
    reason = parser.value(QStringLiteral("override-reason")).trimmed();
    if (reason.isEmpty()) {
        err << "envdeck " << command << ": --override-reason needs the reason, for the record\n";
        return false;
    }
    return true;
}

} // namespace

void declarePromote(QCommandLineParser &parser)
{
    declareRepositoryArgument(parser);
    addOption(parser, QStringLiteral("from"),
              QStringLiteral("The approved environment to promote from, e.g. staging."),
              QStringLiteral("ENV"));
    addOption(parser, QStringLiteral("to"),
              QStringLiteral("The environments to promote to, comma-separated; all of them "
                             "change in one commit and one merge request."),
              QStringLiteral("ENV[,ENV...]"));
    addOption(parser, QStringLiteral("components"),
              QStringLiteral("Promote only these components, comma-separated (default: every "
                             "component of the latest valid approval)."),
              QStringLiteral("NAMES"));
    addOption(parser, QStringLiteral("override-reason"),
              QStringLiteral("Promote versions that were never approved; the reason is written "
                             "into the commit and the merge request."),
              QStringLiteral("TEXT"));
    declarePublishOptions(parser);
}

int runPromote(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QString command = QStringLiteral("promote");
    Promotion::Request request;
    request.from = parser.value(QStringLiteral("from")).trimmed();
    request.targets = listOption(parser, QStringLiteral("to"));
    request.components = listOption(parser, QStringLiteral("components"));
    if (request.from.isEmpty() || request.targets.isEmpty()) {
        err << "envdeck promote: --from and --to are required\n";
        return Usage;
    }
    if (request.targets.contains(request.from)) {
        err << "envdeck promote: cannot promote " << request.from << " to itself\n";
        return Usage;
    }
    if (!readOverride(parser, command, request.overrideReason, err))
        return Usage;

    PromotionWorkspace workspace;
    if (!openPromotionWorkspace(parser, command, workspace, err))
        return Usage;
    const Plan plan = Promotion::planPromotion(workspace.input, request);
    return runPlan(parser, command, workspace, plan,
                   staleApprovalNote(workspace.input, request.from), out, err);
}

void declareRollback(QCommandLineParser &parser)
{
    declareRepositoryArgument(parser);
    addOption(parser, QStringLiteral("env"), QStringLiteral("The environment to roll back."),
              QStringLiteral("ENV"));
    addOption(parser, QStringLiteral("to"),
              QStringLiteral("An approval id (e.g. 2026-11-11-r22) or a git revision; the "
                             "environment gets the versions it had there."),
              QStringLiteral("APPROVAL|REV"));
    addOption(parser, QStringLiteral("override-reason"),
              QStringLiteral("Allow versions that were never approved; the reason is recorded."),
              QStringLiteral("TEXT"));
    declarePublishOptions(parser);
}

int runRollback(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QString command = QStringLiteral("rollback");
    Promotion::Request request;
    const QString environment = parser.value(QStringLiteral("env")).trimmed();
    request.rollbackTo = parser.value(QStringLiteral("to")).trimmed();
    if (environment.isEmpty() || request.rollbackTo.isEmpty()) {
        err << "envdeck rollback: --env and --to are required\n";
        return Usage;
    }
    request.targets = {environment};
    if (!readOverride(parser, command, request.overrideReason, err))
        return Usage;

    PromotionWorkspace workspace;
    if (!openPromotionWorkspace(parser, command, workspace, err))
        return Usage;
    const Plan plan = Promotion::planRollback(workspace.input, request);
    return runPlan(parser, command, workspace, plan, {}, out, err);
}

} // namespace EnvDeck::Cli
