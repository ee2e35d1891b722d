// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <compare>
#include <optional>

namespace EnvDeck {

// A semantic version as SemVer 2.0.0 defines it: MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]. A leading
// `v` ("v1.2.3", as in git tags) is accepted and remembered so that toString() gives back what was
// written; it plays no part in comparisons.
class Semver
{
public:
    Semver() = default;
    Semver(quint64 major, quint64 minor, quint64 patch, QStringList prerelease = {},
           QStringList build = {});

    // Strict: no leading zeros, no empty identifiers, only [0-9A-Za-z-] in identifiers, no
    // surrounding blanks. The error says what is wrong and at which column of `text`.
    static Result<Semver> parse(QStringView text);
    static bool isValid(QStringView text) { return parse(text).ok(); }
    // The same for parsers that embed versions in a longer text: on failure, `problem` says what
    // is wrong and `offset` where (0-based, in `text`).
    static std::optional<Semver> parse(QStringView text, QString *problem, qsizetype *offset);

    quint64 majorVersion() const { return m_major; }
    quint64 minorVersion() const { return m_minor; }
    quint64 patchVersion() const { return m_patch; }
    const QStringList &prerelease() const { return m_prerelease; }
    const QStringList &build() const { return m_build; }
    bool isPrerelease() const { return !m_prerelease.isEmpty(); }
    bool hasVPrefix() const { return m_vPrefix; }
    void setVPrefix(bool on) { m_vPrefix = on; }

    // "v1.2.3-rc.1+build.5" as it was written (with the `v` when there was one).
    QString toString() const;
    // Without the `v`: "1.2.3-rc.1+build.5".
    QString canonical() const;

    // The same major.minor.patch, ignoring pre-release and build.
    bool sameCore(const Semver &other) const
    {
        return m_major == other.m_major && m_minor == other.m_minor && m_patch == other.m_patch;
    }

    // Precedence per SemVer §11: <0 when a < b, 0 when equal, >0 when a > b. Build metadata is
    // ignored, so 1.0.0+a and 1.0.0+b have the same precedence.
    static int compare(const Semver &a, const Semver &b);

    // The operators compare precedence (build metadata ignored), like compare().
    friend bool operator==(const Semver &a, const Semver &b) { return compare(a, b) == 0; }
    friend std::strong_ordering operator<=>(const Semver &a, const Semver &b)
    {
        return compare(a, b) <=> 0;
    }

private:
    quint64 m_major = 0;
    quint64 m_minor = 0;
    quint64 m_patch = 0;
    QStringList m_prerelease;
    QStringList m_build;
    bool m_vPrefix = false;
};

// Sorts version texts newest first: valid versions by precedence (ties: as text), then the texts
// that are not semantic versions, in reverse text order. Duplicates are removed.
QStringList sortVersionsNewestFirst(QStringList versions);

// Whether `version` matches a component's own version pattern, a regular expression that must
// match the whole text ("[0-9]{4}\\.[0-9]{2}\\.[0-9]+" for calendar versions). An invalid
// expression is an Error naming the offset of the problem.
Result<bool> matchesPattern(const QString &version, const QString &pattern);

} // namespace EnvDeck
