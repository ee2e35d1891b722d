// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionRange.h"

#include <limits>
#include <optional>

namespace EnvDeck {
namespace {

using Comparator = VersionRange::Comparator;
using Op = Comparator::Op;

// A version in a range may leave parts out or write them as x, X or *: "1.2", "1.x", "*".
struct Partial
{
    std::optional<quint64> major;
    std::optional<quint64> minor;
    std::optional<quint64> patch;
    Semver full; // set when all three parts are numbers (then pre-release/build may follow)

    bool isFull() const { return patch.has_value(); }
};

struct Token
{
    QString text;
    qsizetype column = 0; // 0-based offset in the whole range text
};

// The smallest version with this core: a bound that keeps the core's pre-releases out.
Semver lowestOf(quint64 major, quint64 minor, quint64 patch)
{
    return Semver(major, minor, patch, {QStringLiteral("0")});
}

Comparator make(Op op, const Semver &version = {})
{
    return Comparator{op, version};
}

// Matches nothing: no version precedes 0.0.0-0.
Comparator nothing()
{
    return make(Op::Less, lowestOf(0, 0, 0));
}

class RangeParser
{
public:
    explicit RangeParser(QStringView text)
        : m_text(text)
    {}

    Result<VersionRange::ComparatorSet> parseAlternative(qsizetype begin, qsizetype end)
    {
        QList<Token> tokens;
        qsizetype i = begin;
        while (i < end) {
            if (m_text.at(i).isSpace()) {
                ++i;
                continue;
            }
            const qsizetype start = i;
            while (i < end && !m_text.at(i).isSpace())
                ++i;
            tokens.append({m_text.mid(start, i - start).toString(), start});
        }
        if (tokens.isEmpty())
            return fail(QStringLiteral("empty alternative"), begin);

        VersionRange::ComparatorSet set;
        for (qsizetype t = 0; t < tokens.size(); ++t) {
            const Token &token = tokens.at(t);
            if (token.text == u"-")
                return fail(QStringLiteral("'-' needs a version on each side"), token.column);
            if (t + 1 < tokens.size() && tokens.at(t + 1).text == u"-") {
                if (t + 2 >= tokens.size())
                    return fail(QStringLiteral("expected a version after '-'"),
                                tokens.at(t + 1).column);
                const Result<void> added = addHyphen(token, tokens.at(t + 2), set);
                if (!added)
                    return added.error();
                t += 2;
                continue;
            }
            // An operator may stand apart from its version: ">= 1.2.3".
            Token operand = token;
            const qsizetype opLength = operatorLength(token.text);
            if (opLength < 0)
                return fail(QStringLiteral("unknown operator in \"%1\"").arg(token.text),
                            token.column);
            if (opLength == token.text.size()) {
                if (t + 1 >= tokens.size() || operatorLength(tokens.at(t + 1).text) != 0)
                    return fail(QStringLiteral("expected a version after '%1'").arg(token.text),
                                token.column + opLength);
                ++t;
                operand = tokens.at(t);
                operand.text.prepend(token.text);
                operand.column -= opLength;
            }
            const Result<void> added = addPrimitive(operand, set);
            if (!added)
                return added.error();
        }
        return set;
    }

    Error fail(const QString &what, qsizetype offset) const
    {
        return Error(QStringLiteral("malformed version range \"%1\": %2 at column %3")
                         .arg(m_text.toString(), what)
                         .arg(offset + 1));
    }

private:
    // Length of the operator `text` starts with; -1 for a sequence that is no operator.
    static qsizetype operatorLength(const QString &text)
    {
        if (text.startsWith(u"~>") || text.startsWith(u"!=") || text.startsWith(u"=="))
            return -1;
        if (text.startsWith(u">=") || text.startsWith(u"<="))
            return 2;
        if (text.startsWith(u'>') || text.startsWith(u'<') || text.startsWith(u'=')
            || text.startsWith(u'^') || text.startsWith(u'~'))
            return 1;
        if (text.startsWith(u'!'))
            return -1;
        return 0;
    }

    Result<Partial> parsePartial(const QString &text, qsizetype column) const
    {
        if (text.isEmpty())
            return fail(QStringLiteral("expected a version"), column);
        Partial partial;
        qsizetype pos = text.startsWith(u'v') ? 1 : 0;
        std::optional<quint64> *parts[3] = {&partial.major, &partial.minor, &partial.patch};
        bool wildcard = false;
        int count = 0;
        while (count < 3) {
            if (pos >= text.size())
                break;
            const QChar c = text.at(pos);
            if (c == u'x' || c == u'X' || c == u'*') {
                wildcard = true;
                ++pos;
            } else if (c.isDigit()) {
                if (wildcard)
                    return fail(
                        QStringLiteral("\"%1\": a number cannot follow a wildcard").arg(text),
                        column + pos);
                const qsizetype start = pos;
                while (pos < text.size() && text.at(pos).isDigit())
                    ++pos;
                const QStringView digits = QStringView(text).mid(start, pos - start);
                if (digits.size() > 1 && digits.front() == u'0')
                    return fail(QStringLiteral("\"%1\": %2 has a leading zero")
                                    .arg(text, digits.toString()),
                                column + start);
                bool ok = false;
                *parts[count] = digits.toULongLong(&ok);
                if (!ok || **parts[count] > quint64(std::numeric_limits<qint64>::max()))
                    return fail(
                        QStringLiteral("\"%1\": %2 is too large").arg(text, digits.toString()),
                        column + start);
            } else {
                return fail(QStringLiteral("\"%1\" is not a version").arg(text), column + pos);
            }
            ++count;
            if (pos < text.size() && text.at(pos) == u'.' && count < 3) {
                ++pos;
                if (pos >= text.size())
                    return fail(QStringLiteral("\"%1\" ends with '.'").arg(text), column + pos);
                continue;
            }
            break;
        }
        if (pos < text.size()) {
            // Only a complete version may carry a pre-release or build; let the strict parser
            // say what is wrong with it.
            if (!partial.isFull())
                return fail(QStringLiteral("\"%1\" is not a version").arg(text), column + pos);
            QString problem;
            qsizetype offset = 0;
            const std::optional<Semver> full = Semver::parse(text, &problem, &offset);
            if (!full)
                return fail(QStringLiteral("\"%1\": %2").arg(text, problem), column + offset);
            partial.full = *full;
            return partial;
        }
        if (partial.isFull())
            partial.full = Semver(*partial.major, *partial.minor, *partial.patch);
        return partial;
    }

    Result<void> addPrimitive(const Token &token, VersionRange::ComparatorSet &set) const
    {
        const qsizetype length = operatorLength(token.text);
        const QString op = token.text.left(length);
        const Result<Partial> parsed = parsePartial(token.text.mid(length), token.column + length);
        if (!parsed)
            return parsed.error();
        const Partial &p = *parsed;
        if (op == u"^")
            addCaret(p, set);
        else if (op == u"~")
            addTilde(p, set);
        else
            addComparison(op, p, set);
        return {};
    }

    static void addTilde(const Partial &p, VersionRange::ComparatorSet &set)
    {
        if (!p.major) {
            set << make(Op::Any);
        } else if (!p.minor) {
            set << make(Op::GreaterEqual, Semver(*p.major, 0, 0))
                << make(Op::Less, lowestOf(*p.major + 1, 0, 0));
        } else {
            const Semver low = p.isFull() ? p.full : Semver(*p.major, *p.minor, 0);
            set << make(Op::GreaterEqual, low)
                << make(Op::Less, lowestOf(*p.major, *p.minor + 1, 0));
        }
    }

    static void addCaret(const Partial &p, VersionRange::ComparatorSet &set)
    {
        if (!p.major) {
            set << make(Op::Any);
            return;
        }
        const quint64 major = *p.major;
        if (!p.minor) {
            set << make(Op::GreaterEqual, Semver(major, 0, 0))
                << make(Op::Less, lowestOf(major + 1, 0, 0));
            return;
        }
        const quint64 minor = *p.minor;
        const Semver low = p.isFull() ? p.full : Semver(major, minor, 0);
        Semver high;
        // The left-most non-zero part may not change.
        if (major > 0)
            high = lowestOf(major + 1, 0, 0);
        else if (minor > 0 || !p.isFull())
            high = lowestOf(0, minor + 1, 0);
        else
            high = lowestOf(0, 0, *p.patch + 1);
        set << make(Op::GreaterEqual, low) << make(Op::Less, high);
    }

    static void addComparison(const QString &op, const Partial &p, VersionRange::ComparatorSet &set)
    {
        if (p.isFull()) {
            Op kind = Op::Equal;
            if (op == u"<")
                kind = Op::Less;
            else if (op == u"<=")
                kind = Op::LessEqual;
            else if (op == u">")
                kind = Op::Greater;
            else if (op == u">=")
                kind = Op::GreaterEqual;
            set << make(kind, p.full);
            return;
        }
        // A partial version stands for every version it leaves open.
        const bool anyMajor = !p.major;
        const quint64 major = p.major.value_or(0);
        const quint64 minor = p.minor.value_or(0);
        // The first version above the open range, and the first version of it.
        const Semver above = !p.minor ? Semver(major + 1, 0, 0) : Semver(major, minor + 1, 0);
        const Semver aboveLowest
            = !p.minor ? lowestOf(major + 1, 0, 0) : lowestOf(major, minor + 1, 0);
        const Semver first(major, minor, 0);
        if (op == u">") {
            set << (anyMajor ? nothing() : make(Op::GreaterEqual, above));
        } else if (op == u">=") {
            set << (anyMajor ? make(Op::Any) : make(Op::GreaterEqual, first));
        } else if (op == u"<") {
            set << (anyMajor ? nothing() : make(Op::Less, lowestOf(major, minor, 0)));
        } else if (op == u"<=") {
            set << (anyMajor ? make(Op::Any) : make(Op::Less, aboveLowest));
        } else if (anyMajor) {
            set << make(Op::Any);
        } else {
            set << make(Op::GreaterEqual, first) << make(Op::Less, aboveLowest);
        }
    }

    Result<void> addHyphen(const Token &from, const Token &to,
                           VersionRange::ComparatorSet &set) const
    {
        if (operatorLength(from.text) != 0)
            return fail(
                QStringLiteral("a hyphen range takes plain versions, not \"%1\"").arg(from.text),
                from.column);
        if (operatorLength(to.text) != 0)
            return fail(
                QStringLiteral("a hyphen range takes plain versions, not \"%1\"").arg(to.text),
                to.column);
        const Result<Partial> low = parsePartial(from.text, from.column);
        if (!low)
            return low.error();
        const Result<Partial> high = parsePartial(to.text, to.column);
        if (!high)
            return high.error();
        const qsizetype before = set.size();
        if (low->isFull())
            set << make(Op::GreaterEqual, low->full);
        else if (low->major)
            set << make(Op::GreaterEqual, Semver(*low->major, low->minor.value_or(0), 0));
        if (high->isFull())
            set << make(Op::LessEqual, high->full);
        else if (high->minor)
            set << make(Op::Less, lowestOf(*high->major, *high->minor + 1, 0));
        else if (high->major)
            set << make(Op::Less, lowestOf(*high->major + 1, 0, 0));
        if (set.size() == before)
            set << make(Op::Any);
        return {};
    }

    QStringView m_text;
};

} // namespace

bool VersionRange::Comparator::test(const Semver &candidate) const
{
    const int order = Semver::compare(candidate, version);
    switch (op) {
    case Op::Any:
        return true;
    case Op::Equal:
        return order == 0;
    case Op::Less:
        return order < 0;
    case Op::LessEqual:
        return order <= 0;
    case Op::Greater:
        return order > 0;
    case Op::GreaterEqual:
        return order >= 0;
    }
    return false;
}

QString VersionRange::Comparator::toString() const
{
    switch (op) {
    case Op::Any:
        return QStringLiteral("*");
    case Op::Equal:
        return QLatin1Char('=') + version.canonical();
    case Op::Less:
        return QLatin1Char('<') + version.canonical();
    case Op::LessEqual:
        return QStringLiteral("<=") + version.canonical();
    case Op::Greater:
        return QLatin1Char('>') + version.canonical();
    case Op::GreaterEqual:
        return QStringLiteral(">=") + version.canonical();
    }
    return {};
}

Result<VersionRange> VersionRange::parse(QStringView text)
{
    RangeParser parser(text);
    if (text.trimmed().isEmpty())
        return parser.fail(QStringLiteral("the range is empty"), 0);
    VersionRange range;
    range.m_text = text.toString();
    qsizetype begin = 0;
    while (true) {
        const qsizetype bar = text.indexOf(u"||", begin);
        const qsizetype end = bar < 0 ? text.size() : bar;
        const Result<ComparatorSet> set = parser.parseAlternative(begin, end);
        if (!set)
            return set.error();
        range.m_alternatives.append(*set);
        if (bar < 0)
            break;
        begin = bar + 2;
    }
    return range;
}

bool VersionRange::matches(const Semver &version) const
{
    for (const ComparatorSet &set : m_alternatives) {
        bool all = true;
        for (const Comparator &comparator : set)
            all = all && comparator.test(version);
        if (!all)
            continue;
        if (!version.isPrerelease())
            return true;
        // A pre-release only gets in where the range itself names one of the same release:
        // asking for ">=1.2.0" is not asking for 1.3.0-rc.1.
        for (const Comparator &comparator : set) {
            if (comparator.op != Comparator::Op::Any && comparator.version.isPrerelease()
                && comparator.version.sameCore(version))
                return true;
        }
    }
    return false;
}

bool VersionRange::matches(QStringView version) const
{
    const Result<Semver> parsed = Semver::parse(version);
    return parsed.ok() && matches(*parsed);
}

QString VersionRange::toString() const
{
    QStringList alternatives;
    for (const ComparatorSet &set : m_alternatives) {
        QStringList parts;
        for (const Comparator &comparator : set)
            parts << comparator.toString();
        alternatives << parts.join(QLatin1Char(' '));
    }
    return alternatives.join(QStringLiteral(" || "));
}

} // namespace EnvDeck
