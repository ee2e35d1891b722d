// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotion/ChangeText.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace EnvDeck::Promotion {

namespace {

// A Markdown table cell: a '|' or a line break in a note would end the cell or the row.
QString cell(QString text)
{
    text.replace(u'|', QStringLiteral("\\|"));
    text.replace(u'\n', u' ');
    return text;
}

QString answerText(const Approval::ChecklistItem &answer)
{
    return answer.item + QStringLiteral(": ") + answer.result
           + (answer.note.isEmpty() ? QString() : QStringLiteral(" (") + answer.note + u')');
}

} // namespace

QString reviewRowText(const ReviewRow &row)
{
    const QString from
        = row.approvedVersion.isEmpty() ? QStringLiteral("(new)") : row.approvedVersion;
    const QString to
        = row.currentVersion.isEmpty() ? QStringLiteral("(removed)") : row.currentVersion;
    QString text = row.component + u' ' + from + QStringLiteral(" → ") + to;
    if (!row.mergeRequests.isEmpty())
        text += QStringLiteral(" (") + row.mergeRequests.join(QStringLiteral(", ")) + u')';
    return text;
}

ChangeText describeDecision(const Review &review, const Decision &decision, const FileEdit &edit)
{
    const QString id = QFileInfo(edit.file).completeBaseName();
    const Approval *last = review.lastApproved();
    const QString since = last ? QStringLiteral("Changed since ") + last->id
                               : QStringLiteral("No earlier approval");
    QList<ReviewRow> changed;
    for (const ReviewRow &row : review.rows) {
        if (row.changed())
            changed << row;
    }
    const QString verb = decision.approve ? QStringLiteral("approved") : QStringLiteral("rejected");
    const QString when = decision.at.toUTC().toString(Qt::ISODate);

    ChangeText change;
    change.title
        = QStringLiteral("%1: QA %2 %3")
              .arg(review.environment,
                   decision.approve ? QStringLiteral("approval") : QStringLiteral("rejection"), id);
    change.branch
        = branchNameFor((decision.approve ? QStringLiteral("approve-") : QStringLiteral("reject-"))
                        + review.environment + u'-' + id);

    QString message = change.title + QStringLiteral("\n\n");
    message
        += QStringLiteral("%1 by %2 at %3, version set %4\n")
               .arg(verb.left(1).toUpper() + verb.mid(1), decision.by, when, review.versionSetHash);
    if (!decision.comment.isEmpty())
        message += QStringLiteral("Comment: ") + decision.comment + u'\n';
    message += u'\n' + since + QStringLiteral(":\n");
    for (const ReviewRow &row : changed)
        message += QStringLiteral("  ") + reviewRowText(row) + u'\n';
    if (changed.isEmpty())
        message += QStringLiteral("  nothing\n");
    message += QStringLiteral("\nChecklist:\n");
    for (const Approval::ChecklistItem &answer : decision.answers)
        message += QStringLiteral("  ") + answerText(answer) + u'\n';
    change.message = message.trimmed();

    QString md = QStringLiteral("QA **%1** %2's version set `%3` (%4, %5).\n\n")
                     .arg(verb, review.environment, review.versionSetHash, decision.by, when);
    if (!decision.comment.isEmpty())
        md += QStringLiteral("> ")
              + QString(decision.comment).replace(u'\n', QStringLiteral("\n> "))
              + QStringLiteral("\n\n");
    md += QStringLiteral("**%1:**\n\n| component | approved | now | merge requests |\n"
                         "|---|---|---|---|\n")
              .arg(since);
    for (const ReviewRow &row : changed)
        md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                  .arg(cell(row.component),
                       row.approvedVersion.isEmpty() ? QStringLiteral("—") : row.approvedVersion,
                       row.currentVersion.isEmpty() ? QStringLiteral("—") : row.currentVersion,
                       row.mergeRequests.join(QStringLiteral(", ")));
    md += QStringLiteral("\n**Checklist:**\n\n| item | result | note |\n|---|---|---|\n");
    for (const Approval::ChecklistItem &answer : decision.answers)
        md += QStringLiteral("| %1 | %2 | %3 |\n")
                  .arg(cell(answer.item), cell(answer.result), cell(answer.note));
    md += QStringLiteral("\nRecorded in `%1`.\n").arg(edit.file);
    change.description = md;
    return change;
}

ChangeText describePlan(const Plan &plan)
{
    ChangeText text;
    text.title = plan.title;
    text.message = plan.commitMessage();
    text.description = plan.description();
    text.branch = branchNameFor(plan.title);
    return text;
}

QString branchNameFor(const QString &text)
{
    static const QRegularExpression unsafe(QStringLiteral("[^a-z0-9._]+"));
    static const QRegularExpression dots(QStringLiteral("\\.{2,}"));
    QString slug = text.toLower();
    slug.replace(unsafe, QStringLiteral("-"));
    slug.replace(dots, QStringLiteral("."));
    slug = slug.left(60);
    // Git refuses a name component that starts with '.' or ends with '.' or ".lock".
    while (slug.startsWith(u'-') || slug.startsWith(u'.'))
        slug.remove(0, 1);
    if (slug.endsWith(QLatin1String(".lock")))
        slug.chop(5);
    while (slug.endsWith(u'-') || slug.endsWith(u'.'))
        slug.chop(1);
    return QStringLiteral("envdeck/") + (slug.isEmpty() ? QStringLiteral("change") : slug);
}

} // namespace EnvDeck::Promotion
