// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Checks the plan tests share: changes as one line each, and the bytes an edit writes.

#include "PromotionFixture.h"

namespace PlanChecks {

using EnvDeck::Promotion::FileEdit;
using EnvDeck::Promotion::VersionChange;

inline QString line(const VersionChange &change)
{
    return QStringLiteral("%1 %2 %3->%4%5%6")
        .arg(change.environment, change.component, change.from, change.to,
             change.approved ? QString() : QStringLiteral(" unapproved"),
             change.followsBase ? QStringLiteral(" follows-base") : QString());
}
inline QStringList lines(const QList<VersionChange> &changes)
{
    QStringList out;
    for (const VersionChange &change : changes)
        out.append(line(change));
    return out;
}

// The edit sets exactly the planned versions and touches no other line.
inline void checkEdit(const PromotionFixture &demo, const FileEdit &edit,
                      const QList<VersionChange> &changes)
{
    QCOMPARE(edit.before, demo.bytesOf(edit.file));
    QMap<QString, QString> expected = versionsOfBytes(edit.before);
    int count = 0;
    for (const VersionChange &change : changes) {
        if (demoVersionsFile(change.environment) != edit.file)
            continue;
        QCOMPARE(expected[change.component], change.from);
        expected[change.component] = change.to;
        ++count;
    }
    QCOMPARE(versionsOfBytes(edit.after), expected);
    const QList<QByteArray> before = edit.before.split('\n'), after = edit.after.split('\n');
    QCOMPARE(after.size(), before.size());
    int differing = 0;
    for (qsizetype i = 0; i < before.size(); ++i)
        differing += before[i] != after[i] ? 1 : 0;
    QCOMPARE(differing, count);
}

} // namespace PlanChecks
