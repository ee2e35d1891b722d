// SPDX-License-Identifier: GPL-3.0-or-later
// The words of a plan: the merge request's description and the commit message. Both carry the
// same table, so a reviewer reading either sees exactly what changes.

#include "promotion/Promotion.h"

#include <QObject>

#include <algorithm>

namespace EnvDeck::Promotion {
namespace {

// A table cell must not end the row early or start a new one.
QString cell(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'|', QStringLiteral("\\|"));
    text.replace(u'\n', u' ');
    return text;
}

QString toColumn(const VersionChange &change)
{
    return change.approved ? change.to : change.to + QObject::tr(" (never approved)");
}

QStringList neverApproved(const QList<VersionChange> &changes)
{
    QStringList names;
    for (const VersionChange &change : changes) {
        const QString name = change.component + u' ' + change.to;
        if (!change.approved && !names.contains(name))
            names.append(name);
    }
    return names;
}

QString findingLine(const Validation::Finding &finding)
{
    QString line = Validation::severityName(finding.severity) + QStringLiteral(" [")
                   + finding.ruleId + QStringLiteral("] ");
    if (finding.location.isValid())
        line += finding.location.toString() + QStringLiteral(": ");
    return line + finding.message;
}

// Rows of the plain-text table, each column padded to its widest cell.
QString plainTable(const QList<VersionChange> &changes)
{
    QList<QStringList> rows{{QObject::tr("environment"), QObject::tr("component"),
                             QObject::tr("from"), QObject::tr("to")}};
    for (const VersionChange &change : changes)
        rows.append({change.environment, change.component, change.from, toColumn(change)});
    QList<qsizetype> widths(4, 0);
    for (const QStringList &row : rows) {
        for (int column = 0; column < 4; ++column)
            widths[column] = std::max(widths[column], row[column].size());
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (int column = 0; column < 4; ++column)
            line += column < 3 ? row[column].leftJustified(widths[column] + 2) : row[column];
        text += line + u'\n';
    }
    return text;
}

} // namespace

QString Plan::description() const
{
    QString text = QStringLiteral("| %1 | %2 | %3 | %4 |\n| --- | --- | --- | --- |\n")
                       .arg(QObject::tr("environment"), QObject::tr("component"),
                            QObject::tr("from"), QObject::tr("to"));
    for (const VersionChange &change : changes) {
        QString to = cell(change.to);
        if (!change.approved)
            to = QStringLiteral("**%1** %2").arg(to, QObject::tr("(never approved)"));
        text += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                    .arg(cell(change.environment), cell(change.component), cell(change.from), to);
    }
    text += u'\n';
    if (!basis.isEmpty())
        text += QObject::tr("Based on %1.").arg(basis) + u'\n';
    if (!unchanged.isEmpty()) {
        QStringList environments;
        for (const VersionChange &change : unchanged) {
            if (!environments.contains(change.environment))
                environments.append(change.environment);
        }
        for (const QString &environment : std::as_const(environments)) {
            QStringList names;
            for (const VersionChange &change : unchanged) {
                if (change.environment == environment)
                    names.append(change.component);
            }
            text += QObject::tr("Already at these versions in %1: %2.")
                        .arg(environment, names.join(QStringLiteral(", ")))
                    + u'\n';
        }
    }
    if (!overrideReason.isEmpty()) {
        text += u'\n' + QObject::tr("**Override:** %1").arg(overrideReason.trimmed()) + u'\n';
        const QStringList names = neverApproved(changes);
        if (!names.isEmpty())
            text
                += QObject::tr("Never approved: %1.").arg(names.join(QStringLiteral(", "))) + u'\n';
    }
    text += u'\n';
    if (findings.isEmpty()) {
        text += QObject::tr("**Validation:** no new findings.") + u'\n';
    } else {
        text += QObject::tr("**Validation:** new findings with this change:") + u'\n';
        for (const Validation::Finding &finding : findings)
            text += QStringLiteral("- ") + findingLine(finding) + u'\n';
    }
    return text;
}

QString Plan::commitMessage() const
{
    QString text = title + QStringLiteral("\n\n") + plainTable(changes);
    if (!basis.isEmpty())
        text += u'\n' + QObject::tr("Based on %1.").arg(basis) + u'\n';
    if (!overrideReason.isEmpty()) {
        text += QObject::tr("Override: %1").arg(overrideReason.trimmed()) + u'\n';
        const QStringList names = neverApproved(changes);
        if (!names.isEmpty())
            text
                += QObject::tr("Never approved: %1.").arg(names.join(QStringLiteral(", "))) + u'\n';
    }
    return text;
}

} // namespace EnvDeck::Promotion
