// SPDX-License-Identifier: GPL-3.0-or-later
#include "Semver.h"

#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace EnvDeck {
namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isIdentifierChar(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-';
}

bool isNumeric(QStringView identifier)
{
    return !identifier.isEmpty() && std::all_of(identifier.begin(), identifier.end(), isDigit);
}

// Numeric identifiers carry no leading zeros, so the longer one is larger and equal lengths
// compare as text. This also works for numbers too large for any integer type.
int compareNumeric(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    return a.compare(b);
}

// Reads `text` by SemVer's grammar, one piece at a time. The first problem ends the parse; its
// offset is kept apart so that callers can place it in their own text (VersionRange does).
class Parser
{
public:
    explicit Parser(QStringView text)
        : m_text(text)
    {}

    qsizetype errorOffset() const { return m_offset; }

    Result<Semver> run()
    {
        if (m_text.isEmpty())
            return fail(QStringLiteral("the text is empty"), 0);
        bool vPrefix = false;
        if (m_text.front() == u'v') {
            vPrefix = true;
            ++m_pos;
        }
        quint64 numbers[3] = {0, 0, 0};
        static const char *const names[3] = {"major", "minor", "patch"};
        for (int i = 0; i < 3; ++i) {
            if (i > 0) {
                if (m_pos >= m_text.size() || m_text.at(m_pos) != u'.')
                    return failHere(QStringLiteral("expected '.' and the %1 version")
                                        .arg(QLatin1String(names[i])));
                ++m_pos;
            }
            const Result<quint64> number = readNumber(QLatin1String(names[i]));
            if (!number)
                return number.error();
            numbers[i] = *number;
        }
        QStringList prerelease;
        QStringList build;
        if (m_pos < m_text.size() && m_text.at(m_pos) == u'-') {
            ++m_pos;
            const Result<QStringList> ids = readIdentifiers(QStringLiteral("pre-release"), true);
            if (!ids)
                return ids.error();
            prerelease = *ids;
        }
        if (m_pos < m_text.size() && m_text.at(m_pos) == u'+') {
            ++m_pos;
            const Result<QStringList> ids = readIdentifiers(QStringLiteral("build"), false);
            if (!ids)
                return ids.error();
            build = *ids;
        }
        if (m_pos < m_text.size())
            return failHere(QStringLiteral("unexpected character '%1'").arg(m_text.at(m_pos)));
        Semver version(numbers[0], numbers[1], numbers[2], prerelease, build);
        version.setVPrefix(vPrefix);
        return version;
    }

private:
    // The message is completed by the caller, which knows where `text` sits; the error only
    // carries the problem and its offset until then.
    Error fail(const QString &what, qsizetype position)
    {
        m_offset = position;
        return Error(what);
    }
    Error failHere(const QString &what) { return fail(what, m_pos); }

    Result<quint64> readNumber(const QString &name)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && isDigit(m_text.at(m_pos)))
            ++m_pos;
        const QStringView digits = m_text.mid(start, m_pos - start);
        if (digits.isEmpty()) {
            if (m_pos < m_text.size())
                return failHere(QStringLiteral("expected the %1 version (a number), found '%2'")
                                    .arg(name, m_text.at(m_pos)));
            return failHere(QStringLiteral("expected the %1 version (a number)").arg(name));
        }
        if (digits.size() > 1 && digits.front() == u'0')
            return fail(
                QStringLiteral("the %1 version %2 has a leading zero").arg(name, digits.toString()),
                start);
        bool ok = false;
        const quint64 value = digits.toULongLong(&ok);
        if (!ok || value > quint64(std::numeric_limits<qint64>::max()))
            return fail(
                QStringLiteral("the %1 version %2 is too large").arg(name, digits.toString()),
                start);
        return value;
    }

    // Dot-separated identifiers up to '+' (pre-release only) or the end.
    Result<QStringList> readIdentifiers(const QString &kind, bool numericRule)
    {
        QStringList identifiers;
        while (true) {
            const qsizetype start = m_pos;
            while (m_pos < m_text.size() && isIdentifierChar(m_text.at(m_pos)))
                ++m_pos;
            const QStringView id = m_text.mid(start, m_pos - start);
            if (id.isEmpty()) {
                if (m_pos < m_text.size() && m_text.at(m_pos) != u'.'
                    && !(numericRule && m_text.at(m_pos) == u'+'))
                    return failHere(QStringLiteral("invalid character '%1' in the %2")
                                        .arg(m_text.at(m_pos))
                                        .arg(kind));
                return failHere(QStringLiteral("empty %1 identifier").arg(kind));
            }
            if (numericRule && id.size() > 1 && id.front() == u'0' && isNumeric(id))
                return fail(QStringLiteral("the numeric %1 identifier %2 has a leading zero")
                                .arg(kind, id.toString()),
                            start);
            identifiers << id.toString();
            if (m_pos < m_text.size() && m_text.at(m_pos) == u'.') {
                ++m_pos;
                continue;
            }
            if (m_pos >= m_text.size() || (numericRule && m_text.at(m_pos) == u'+'))
                return identifiers;
            return failHere(
                QStringLiteral("invalid character '%1' in the %2").arg(m_text.at(m_pos)).arg(kind));
        }
    }

    QStringView m_text;
    qsizetype m_offset = 0;
    qsizetype m_pos = 0;
};

} // namespace

Semver::Semver(quint64 major, quint64 minor, quint64 patch, QStringList prerelease,
               QStringList build)
    : m_major(major)
    , m_minor(minor)
    , m_patch(patch)
    , m_prerelease(std::move(prerelease))
    , m_build(std::move(build))
{}

std::optional<Semver> Semver::parse(QStringView text, QString *problem, qsizetype *offset)
{
    Parser parser(text);
    Result<Semver> result = parser.run();
    if (result)
        return std::move(result).value();
    if (problem)
        *problem = result.error().message();
    if (offset)
        *offset = parser.errorOffset();
    return std::nullopt;
}

Result<Semver> Semver::parse(QStringView text)
{
    QString problem;
    qsizetype offset = 0;
    std::optional<Semver> version = parse(text, &problem, &offset);
    if (version)
        return *version;
    QString message
        = QStringLiteral("\"%1\" is not a semantic version: %2").arg(text.toString(), problem);
    if (!text.isEmpty())
        message += QStringLiteral(" at column %1").arg(offset + 1);
    return Error(message);
}

QString Semver::canonical() const
{
    QString text = QString::number(m_major) + QLatin1Char('.') + QString::number(m_minor)
                   + QLatin1Char('.') + QString::number(m_patch);
    if (!m_prerelease.isEmpty())
        text += QLatin1Char('-') + m_prerelease.join(QLatin1Char('.'));
    if (!m_build.isEmpty())
        text += QLatin1Char('+') + m_build.join(QLatin1Char('.'));
    return text;
}

QString Semver::toString() const
{
    return m_vPrefix ? QLatin1Char('v') + canonical() : canonical();
}

int Semver::compare(const Semver &a, const Semver &b)
{
    if (a.m_major != b.m_major)
        return a.m_major < b.m_major ? -1 : 1;
    if (a.m_minor != b.m_minor)
        return a.m_minor < b.m_minor ? -1 : 1;
    if (a.m_patch != b.m_patch)
        return a.m_patch < b.m_patch ? -1 : 1;
    // A pre-release has lower precedence than the release itself (§11.3).
    if (a.m_prerelease.isEmpty() || b.m_prerelease.isEmpty()) {
        if (a.m_prerelease.isEmpty() == b.m_prerelease.isEmpty())
            return 0;
        return a.m_prerelease.isEmpty() ? 1 : -1;
    }
    const qsizetype common = std::min(a.m_prerelease.size(), b.m_prerelease.size());
    for (qsizetype i = 0; i < common; ++i) {
        const QString &x = a.m_prerelease.at(i);
        const QString &y = b.m_prerelease.at(i);
        const bool xNumeric = isNumeric(x);
        const bool yNumeric = isNumeric(y);
        int order = 0;
        if (xNumeric && yNumeric)
            order = compareNumeric(x, y);
        else if (xNumeric != yNumeric)
            order = xNumeric ? -1 : 1; // numeric identifiers rank below alphanumeric ones
        else
            order = QStringView(x).compare(QStringView(y)); // ASCII order, case-sensitive
        if (order != 0)
            return order < 0 ? -1 : 1;
    }
    if (a.m_prerelease.size() == b.m_prerelease.size())
        return 0;
    return a.m_prerelease.size() < b.m_prerelease.size() ? -1 : 1;
}

QStringList sortVersionsNewestFirst(QStringList versions)
{
    versions.removeDuplicates();
    std::stable_sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        const Result<Semver> x = Semver::parse(a);
        const Result<Semver> y = Semver::parse(b);
        if (x.ok() != y.ok())
            return x.ok(); // semantic versions first
        if (x.ok()) {
            const int order = Semver::compare(*x, *y);
            if (order != 0)
                return order > 0;
        }
        return a > b;
    });
    return versions;
}

Result<bool> matchesPattern(const QString &version, const QString &pattern)
{
    const QRegularExpression expression(QRegularExpression::anchoredPattern(pattern));
    if (!expression.isValid()) {
        // anchoredPattern() puts "\A(?:" (5 characters) in front of the pattern.
        const qsizetype offset = std::max<qsizetype>(0, expression.patternErrorOffset() - 5);
        return Error(QStringLiteral("the version pattern \"%1\" is not a valid regular "
                                    "expression: %2 at offset %3")
                         .arg(pattern, expression.errorString())
                         .arg(offset));
    }
    return expression.match(version).hasMatch();
}

} // namespace EnvDeck
