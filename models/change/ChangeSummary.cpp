// SPDX-License-Identifier: GPL-3.0-or-later
#include "change/ChangeSummary.h"

#include <QDate>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace EnvDeck::Change {

namespace {

QString lockChange(const Validation::ComponentEntry *before,
                   const Validation::ComponentEntry *after)
{
    const bool wasLocked = before && before->locked;
    const bool isLocked = after && after->locked;
    if (isLocked && !wasLocked)
        return after->lockReason.isEmpty() ? QStringLiteral("locked")
                                           : QStringLiteral("locked: ") + after->lockReason;
    if (wasLocked && !isLocked && after)
        return QStringLiteral("unlocked");
    return {};
}

QString slug(const QString &text)
{
    static const QRegularExpression invalid(QStringLiteral("[^a-z0-9._-]+"));
    QString s = text.toLower();
    s.replace(invalid, QStringLiteral("-"));
    while (s.contains(QStringLiteral("..")))
        s.replace(QStringLiteral(".."), QStringLiteral("."));
    while (s.startsWith(u'-') || s.startsWith(u'.'))
        s.remove(0, 1);
    while (s.endsWith(u'-') || s.endsWith(u'.'))
        s.chop(1);
    return s;
}

QString shortChange(const VersionChange &c)
{
    if (c.to.isEmpty())
        return QStringLiteral("remove %1").arg(c.component);
    if (c.from.isEmpty())
        return QStringLiteral("add %1 %2").arg(c.component, c.to);
    if (!c.versionChanged())
        return QStringLiteral("%1 %2").arg(c.lockChange.startsWith(QStringLiteral("locked"))
                                               ? QStringLiteral("lock")
                                               : QStringLiteral("unlock"),
                                           c.component);
    return QStringLiteral("%1 %2 → %3").arg(c.component, c.from, c.to);
}

QString cell(const QString &text)
{
    if (text.isEmpty())
        return QStringLiteral("—");
    QString escaped = text;
    escaped.replace(u'|', QStringLiteral("\\|"));
    return escaped;
}

} // namespace

QList<VersionChange> versionChanges(const Validation::ValidationInput &input)
{
    QList<VersionChange> changes;
    for (const Validation::EnvironmentInput &environment : input.environments) {
        if (!environment.baseComponents)
            continue;
        const QList<Validation::ComponentEntry> &before = *environment.baseComponents;
        QStringList names;
        QSet<QString> seen;
        for (const auto &list : {before, environment.components}) {
            for (const auto &entry : list) {
                if (!seen.contains(entry.name)) {
                    seen.insert(entry.name);
                    names.append(entry.name);
                }
            }
        }
        std::sort(names.begin(), names.end());
        for (const QString &name : names) {
            const Validation::ComponentEntry *old = nullptr;
            for (const auto &entry : before) {
                if (entry.name == name)
                    old = &entry;
            }
            const Validation::ComponentEntry *now = environment.findComponent(name);
            VersionChange change;
            change.environment = environment.name;
            change.component = name;
            change.from = old ? old->version : QString();
            change.to = now ? now->version : QString();
            change.lockChange = lockChange(old, now);
            change.file = environment.versionsFile;
            if (change.versionChanged() || !change.lockChange.isEmpty())
                changes.append(change);
        }
    }
    return changes;
}

void addValidation(ChangeSummary &summary, const Validation::Report &report)
{
    summary.errors = report.count(Validation::Severity::Error);
    summary.warnings = report.count(Validation::Severity::Warning);
    summary.notChecked = 0;
    summary.messages.clear();
    for (const Validation::Finding &finding : report.findings) {
        if (finding.notChecked)
            ++summary.notChecked;
        const bool error = finding.severity == Validation::Severity::Error;
        if ((error || finding.severity == Validation::Severity::Warning) && !finding.notChecked
            && summary.messages.size() < 8)
            summary.messages.append(
                finding.location.toString()
                + (error ? QStringLiteral(": error: ") : QStringLiteral(": warning: "))
                + finding.message);
    }
}

QString suggestBranchName(const QList<VersionChange> &changes, const QDate &today)
{
    const QString date = today.toString(Qt::ISODate);
    if (changes.isEmpty())
        return QStringLiteral("envdeck/change-") + date;
    QSet<QString> environments;
    for (const auto &c : changes)
        environments.insert(c.environment);
    const QString where = environments.size() == 1
                              ? slug(changes.first().environment)
                              : QStringLiteral("%1-environments").arg(environments.size());
    if (changes.size() == 1) {
        const VersionChange &c = changes.first();
        const QString what = c.to.isEmpty()        ? QStringLiteral("remove-") + slug(c.component)
                             : !c.versionChanged() ? slug(shortChange(c))
                                                   : slug(c.component) + u'-' + slug(c.to);
        return QStringLiteral("envdeck/") + where + u'-' + what;
    }
    QSet<QString> components;
    for (const auto &c : changes)
        components.insert(c.component);
    if (components.size() == 1)
        return QStringLiteral("envdeck/") + where + u'-' + slug(changes.first().component) + u'-'
               + date;
    return QStringLiteral("envdeck/%1-%2-components-%3")
        .arg(where)
        .arg(components.size())
        .arg(date);
}

QString mergeRequestTitle(const QList<VersionChange> &changes)
{
    if (changes.isEmpty())
        return QStringLiteral("Update versions");
    QSet<QString> environments;
    for (const auto &c : changes)
        environments.insert(c.environment);
    const QString where = environments.size() == 1
                              ? changes.first().environment
                              : QStringLiteral("%1 environments").arg(environments.size());
    QString title = changes.size() == 1
                        ? QStringLiteral("%1: %2").arg(where, shortChange(changes.first()))
                        : QStringLiteral("%1: update %2 components").arg(where).arg(changes.size());
    if (title.size() > 72)
        title = title.left(71) + QStringLiteral("…");
    return title;
}

QString commitMessage(const QList<VersionChange> &changes)
{
    QString message = mergeRequestTitle(changes) + QStringLiteral("\n");
    if (changes.size() > 1 || (changes.size() == 1 && !changes.first().lockChange.isEmpty())) {
        message += u'\n';
        for (const VersionChange &c : changes) {
            message += QStringLiteral("- %1: %2").arg(c.environment, shortChange(c));
            if (!c.lockChange.isEmpty() && c.versionChanged())
                message += QStringLiteral(" (%1)").arg(c.lockChange);
            else if (const qsizetype colon = c.lockChange.indexOf(QStringLiteral(": ")); colon > 0)
                message += QStringLiteral(" (%1)").arg(c.lockChange.mid(colon + 2));
            message += u'\n';
        }
    }
    return message;
}

QString mergeRequestDescription(const ChangeSummary &summary)
{
    QString text = QStringLiteral("Opened with EnvDeck.\n\n");
    if (!summary.changes.isEmpty()) {
        text += QStringLiteral("| Component | Environment | From | To | Lock change |\n"
                               "|---|---|---|---|---|\n");
        for (const VersionChange &c : summary.changes)
            text += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                        .arg(cell(c.component), cell(c.environment), cell(c.from), cell(c.to),
                             cell(c.lockChange));
        text += u'\n';
    }
    text += QStringLiteral("**Validation:** ");
    if (summary.errors == 0 && summary.warnings == 0)
        text += QStringLiteral("passed, no errors or warnings");
    else
        text += QStringLiteral("%1 error(s), %2 warning(s)")
                    .arg(summary.errors)
                    .arg(summary.warnings);
    if (summary.notChecked > 0)
        text += QStringLiteral(" (%1 check(s) could not run)").arg(summary.notChecked);
    text += QStringLiteral("\n");
    for (const QString &message : summary.messages)
        text += QStringLiteral("- `%1`\n").arg(message);
    if (!summary.files.isEmpty()) {
        int insertions = 0, deletions = 0;
        text += QStringLiteral("\n```\n");
        for (const FileStat &f : summary.files) {
            text
                += QStringLiteral(" %1 | +%2 -%3\n").arg(f.path).arg(f.insertions).arg(f.deletions);
            insertions += f.insertions;
            deletions += f.deletions;
        }
        text += QStringLiteral(" %1 file(s) changed, %2 insertion(s), %3 deletion(s)\n```\n")
                    .arg(summary.files.size())
                    .arg(insertions)
                    .arg(deletions);
    }
    return text;
}

QList<FileStat> fileStats(const QString &patch)
{
    QList<FileStat> files;
    bool inHunk = false;
    for (const QStringView line : QStringView(patch).split(u'\n')) {
        if (line.startsWith(u"diff --git ")) {
            // "diff --git a/path b/path": the b side is the file as it is now.
            const qsizetype b = line.lastIndexOf(u" b/");
            files.append({b > 0 ? line.mid(b + 3).toString() : line.mid(11).toString(), 0, 0});
            inHunk = false;
        } else if (line.startsWith(u"@@")) {
            inHunk = true;
        } else if (inHunk && !files.isEmpty()) {
            if (line.startsWith(u'+'))
                ++files.last().insertions;
            else if (line.startsWith(u'-'))
                ++files.last().deletions;
        }
    }
    return files;
}

} // namespace EnvDeck::Change
