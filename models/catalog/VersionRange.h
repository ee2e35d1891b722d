// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Semver.h"

#include <QList>
#include <QString>

namespace EnvDeck {

// A version range as written in `requires:` (npm's range grammar):
//   ">=2.4.0 <3.0.0"     comparators separated by blanks, all must hold
//   "=1.2.3", ">1.2.3", "<1.2.3", "<=1.2.3", "1.2.3"
//   "^1.2.3", "~1.2.3"   compatible with / close to
//   "1.2.x", "1.x", "*"  x-ranges (also "X" and partial versions such as "1.2")
//   "1.2.3 - 2.3.4"      hyphen range, both ends included
//   "a || b"             alternatives
// Pre-releases follow npm: a version with a pre-release tag matches only when a comparator of its
// alternative names a pre-release of the same major.minor.patch ("1.3.0-rc.1" is in ">=1.3.0-rc.0"
// but not in ">=1.2.0").
//
// Everything is reduced to plain comparators when parsed; toString() shows them, which is what a
// person needs to see when a range surprises them: "^1.2.3" is ">=1.2.3 <2.0.0-0".
class VersionRange
{
public:
    struct Comparator
    {
        enum class Op { Any, Equal, Less, LessEqual, Greater, GreaterEqual };
        Op op = Op::Any;
        Semver version;

        bool test(const Semver &candidate) const;
        QString toString() const;
    };
    using ComparatorSet = QList<Comparator>; // all must hold

    // The error says what is wrong and at which column of `text`. Terraform's "~>" is refused
    // rather than guessed at: it means something else than npm's "~" for two-part versions.
    static Result<VersionRange> parse(QStringView text);

    bool matches(const Semver &version) const;
    // A text that is not a semantic version matches nothing.
    bool matches(QStringView version) const;

    const QString &text() const { return m_text; }
    const QList<ComparatorSet> &alternatives() const { return m_alternatives; }
    // The comparators: ">=1.2.3 <2.0.0-0 || >=3.0.0".
    QString toString() const;

private:
    QString m_text;
    QList<ComparatorSet> m_alternatives; // any may hold
};

} // namespace EnvDeck
