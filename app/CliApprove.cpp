// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck approve [REPO] --env E [--comment C] [--reject] [--checklist "item=result[:note]"...]`,
// with bump's --branch/--message/--push/--open-mr/--provider: QA's decision on the environment's
// exact version set, recorded as `approvals/<env>/<date>-<id>.yaml` and committed. Exit 0: done;
// 1: refused or failed (the file is removed when no commit was made); 2: could not run.
#include "Cli.h"
#include "CliCommands.h"
#include "CliPromotion.h"
#include "CliPublish.h"

namespace EnvDeck::Cli {

namespace {

using Promotion::Review;
using Promotion::ReviewRow;

// Parses the --checklist values against the review's checklist. Without any, every item passed.
// Every item must be answered once, so a recorded decision never has a silent gap.
bool readAnswers(const QCommandLineParser &parser, const QStringList &checklist,
                 QList<Approval::ChecklistItem> &answers, QTextStream &err)
{
    const QStringList values = parser.values(QStringLiteral("checklist"));
    if (values.isEmpty()) {
        for (const QString &item : checklist)
            answers.append({item, QStringLiteral("passed"), {}});
        return true;
    }
    QMap<QString, Approval::ChecklistItem> given;
    for (const QString &value : values) {
        const qsizetype equals = value.indexOf(u'=');
        const QString item = value.left(equals).trimmed();
        const QString rest = equals < 0 ? QString() : value.mid(equals + 1);
        const qsizetype colon = rest.indexOf(u':');
        const QString result = rest.left(colon).trimmed();
        const QString note = colon < 0 ? QString() : rest.mid(colon + 1).trimmed();
        if (equals < 0 || item.isEmpty() || result.isEmpty()) {
            err << "envdeck approve: --checklist '" << value
                << "' must be \"item=result\" or \"item=result:note\"\n";
            return false;
        }
        if (!checklist.contains(item)) {
            err << "envdeck approve: '" << item
                << "' is not on the checklist; it has: " << checklist.join(QStringLiteral(", "))
                << '\n';
            return false;
        }
        if (given.contains(item)) {
            err << "envdeck approve: '" << item << "' is answered twice\n";
            return false;
        }
        given.insert(item, {item, result, note});
    }
    QStringList missing;
    for (const QString &item : checklist) {
        if (given.contains(item))
            answers.append(given.value(item));
        else
            missing << item;
    }
    if (!missing.isEmpty()) {
        err << "envdeck approve: every checklist item needs an answer; missing: "
            << missing.join(QStringLiteral(", ")) << '\n';
        return false;
    }
    return true;
}

} // namespace

void declareApprove(QCommandLineParser &parser)
{
    declareRepositoryArgument(parser);
    const auto add
        = [&parser](const QString &name, const QString &description, const QString &value = {}) {
              addOption(parser, name, description, value);
          };
    add(QStringLiteral("env"), QStringLiteral("The environment QA reviewed, e.g. staging."),
        QStringLiteral("ENV"));
    add(QStringLiteral("comment"), QStringLiteral("A comment; the reason when rejecting."),
        QStringLiteral("TEXT"));
    add(QStringLiteral("reject"), QStringLiteral("Reject the version set (needs --comment)."));
    add(QStringLiteral("checklist"),
        QStringLiteral("One checklist answer, \"item=result[:note]\"; repeat for every item "
                       "(default: every item passed)."),
        QStringLiteral("ANSWER"));
    declarePublishOptions(parser);
}

int runApprove(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QString command = QStringLiteral("approve");
    const QString environment = parser.value(QStringLiteral("env")).trimmed();
    if (environment.isEmpty()) {
        err << "envdeck approve: --env is required\n";
        return Usage;
    }
    const bool reject = parser.isSet(QStringLiteral("reject"));
    const QString comment = parser.value(QStringLiteral("comment")).trimmed();
    if (reject && comment.isEmpty()) {
        err << "envdeck approve: --reject needs --comment with the reason\n";
        return Usage;
    }

    PromotionWorkspace workspace;
    if (!openPromotionWorkspace(parser, command, workspace, err))
        return Usage;
    auto review = Promotion::reviewEnvironment(workspace.input, environment);
    if (!review) {
        err << "envdeck approve: " << review.error().toString() << '\n';
        return Usage;
    }
    for (const Error &problem : review->problems)
        err << "warning: " << problem.toString() << '\n';
    if (review->versions.isEmpty()) {
        err << "envdeck approve: " << environment << " has no versions to decide on\n";
        return Usage;
    }
    QList<Approval::ChecklistItem> answers;
    if (!readAnswers(parser, review->checklist, answers, err))
        return Usage;

    // The decision is tied to HEAD: versions edited but not committed are not what HEAD holds.
    const Validation::EnvironmentInput *input = workspace.input.findEnvironment(environment);
    const QString versionsFile = input ? input->versionsFile : QString();
    if (auto status = workspace.repository->status()) {
        for (const Git::StatusEntry &entry : *status) {
            if (!versionsFile.isEmpty() && entry.path == versionsFile) {
                err << "envdeck approve: " << versionsFile
                    << " has uncommitted changes; commit or discard them first, so the decision "
                       "is on a committed version set. Nothing was changed.\n";
                return Failed;
            }
        }
    }
    if (!reject && !review->approvals.approvals.isEmpty()) {
        const Approval &newest = review->approvals.approvals.constLast();
        if (newest.isApproved() && !Promotion::isStale(newest, review->versions)) {
            err << "envdeck approve: " << environment << "'s versions are approved already ("
                << newest.id << "); nothing was changed\n";
            return Failed;
        }
    }

    auto identity = workspace.repository->identity();
    if (!identity) {
        err << "envdeck approve: " << identity.error().toString() << '\n';
        return Usage;
    }
    auto head = workspace.repository->headCommit();
    if (!head) {
        err << "envdeck approve: " << head.error().toString() << '\n';
        return Usage;
    }
    Promotion::Decision decision;
    decision.environment = environment;
    decision.approve = !reject;
    decision.comment = comment;
    decision.by = QStringLiteral("%1 <%2>").arg(identity->name, identity->email);
    decision.at = QDateTime::currentDateTimeUtc();
    decision.commit = *head;
    decision.versions = review->versions;
    decision.answers = answers;
    auto edit = Promotion::renderDecision(workspace.root, decision);
    if (!edit) {
        err << "envdeck approve: " << edit.error().toString() << '\n';
        return Usage;
    }

    const Approval *last = review->lastApproved();
    int changed = 0;
    for (const ReviewRow &row : review->rows)
        changed += row.changed() ? 1 : 0;
    out << environment << ": " << review->versions.size() << " components, " << changed
        << " changed since " << (last ? last->id : QStringLiteral("no approval")) << '\n';
    for (const ReviewRow &row : review->rows) {
        if (row.changed())
            out << "  " << Promotion::reviewRowText(row) << '\n';
    }
    out << (reject ? "rejected: " : "approved: ") << edit->file << " (" << review->versionSetHash
        << ")\n";
    out.flush();
    return publishEdits(
        parser, command, workspace,
        editsToPublish(Promotion::describeDecision(*review, decision, *edit), {*edit}), out, err);
}

} // namespace EnvDeck::Cli
