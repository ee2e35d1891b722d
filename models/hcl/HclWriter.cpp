// SPDX-License-Identifier: GPL-3.0-or-later
// The Document: loading, lookup of bodies and expressions, the edit transaction (splice, parse
// again, check, commit) and the edits at a location. Edits of bodies are in HclWriterEdits.cpp.
#include "hcl/HclWriter.h"

#include "hcl/HclParser.h"
#include "hcl/HclWriterPrivate.h"

#include <QFile>
#include <QSaveFile>

#include <algorithm>

namespace EnvDeck::Hcl {

using namespace WriterText;

namespace {

QString fromUtf8(const QByteArray &utf8)
{
    return QString::fromUtf8(utf8);
}

bool sameLabels(const Block &block, const QList<QByteArray> &labels)
{
    if (qsizetype(block.labels.size()) != labels.size())
        return false;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (block.labels[size_t(i)].value != labels[i])
            return false;
    }
    return true;
}

// Literal parts of a template, directives' bodies included.
void literalRanges(const std::vector<TemplatePart> &parts, QList<Range> &out)
{
    for (const TemplatePart &part : parts) {
        if (part.kind == TemplatePart::Kind::Literal)
            out.append(part.range);
        literalRanges(part.body, out);
        literalRanges(part.elseBody, out);
    }
}

// The decoded value of a template made of literal text only; null otherwise.
QByteArray literalValue(const TemplateExpr &expr)
{
    QByteArray value("");
    for (const TemplatePart &part : expr.parts) {
        if (part.kind != TemplatePart::Kind::Literal)
            return {};
        value += part.text;
    }
    return value;
}

const Expression *expressionStartingAt(const File &file, qsizetype offset, qsizetype length)
{
    const Expression *found = nullptr;
    forEachExpression(file.body, [&](const Expression &expr) {
        if (expr.range.start.offset == offset && expr.range.length() == length)
            found = &expr;
    });
    return found;
}

} // namespace

Document::Document(QByteArray text, File file)
    : m_text(std::move(text))
    , m_savedText(m_text)
    , m_file(std::move(file))
{}

Result<Document> Document::parse(QByteArray source, QString fileName)
{
    ParseResult parsed = Hcl::parse(source, fileName);
    if (!parsed.ok()) {
        const Error &first = parsed.errors.first();
        QString message
            = QStringLiteral("cannot edit a file that does not parse: ") + first.message();
        if (parsed.errors.size() > 1)
            message += QStringLiteral(" (and %1 more errors)").arg(parsed.errors.size() - 1);
        return Error(message, first.location());
    }
    return Document(std::move(source), std::move(parsed.file));
}

Result<Document> Document::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read: ") + file.errorString(), SourceLocation{path});
    return parse(file.readAll(), path);
}

QByteArray Document::lineEnding() const
{
    const qsizetype newline = m_text.indexOf('\n');
    return newline > 0 && m_text[newline - 1] == '\r' ? QByteArray("\r\n") : QByteArray("\n");
}

QByteArray Document::toFileLineEndings(const QByteArray &text) const
{
    return withLineEndings(text, lineEnding());
}

SourceLocation Document::locationOf(const File &file, const Position &position)
{
    return SourceLocation{file.fileName, position.line, position.column};
}

SourceLocation Document::locationOf(const File &file, const BodyRef &ref)
{
    return ref.block ? locationOf(file, ref.block->range.start) : SourceLocation{file.fileName};
}

QString Document::describeBody(const File &file, const BodyRef &ref)
{
    return ref.block ? fromUtf8(selectorOf(*ref.block).describe()) : file.fileName;
}

Result<Document::BodyRef> Document::findBody(const File &file, const BlockPath &path)
{
    BodyRef ref{&file.body, nullptr};
    for (const BlockSelector &step : path) {
        std::vector<const Block *> matches;
        for (const BodyItem &item : ref.body->items) {
            const Block *block = item.block();
            if (block && block->type == step.type && sameLabels(*block, step.labels))
                matches.push_back(block);
        }
        if (matches.empty()) {
            return Error(QStringLiteral("no block %1 in %2")
                             .arg(fromUtf8(step.describe()), describeBody(file, ref)),
                         locationOf(file, ref));
        }
        if (matches.size() > 1) {
            QStringList lines;
            for (const Block *block : matches)
                lines.append(QString::number(block->range.start.line));
            return Error(QStringLiteral("%1 blocks %2 in %3 (lines %4): the path is ambiguous")
                             .arg(matches.size())
                             .arg(fromUtf8(step.describe()), describeBody(file, ref),
                                  lines.join(QStringLiteral(", "))),
                         locationOf(file, ref));
        }
        ref = BodyRef{&matches.front()->body, matches.front()};
    }
    return ref;
}

Result<const Block *> Document::findBlock(const BlockPath &path) const
{
    Result<BodyRef> ref = findBody(m_file, path);
    if (!ref)
        return ref.error();
    return ref->block;
}

Result<void> Document::apply(QList<Splice> splices, const QString &what, const Check &check)
{
    std::sort(splices.begin(), splices.end(),
              [](const Splice &a, const Splice &b) { return a.start > b.start; });
    QByteArray edited = m_text;
    qsizetype limit = edited.size();
    for (const Splice &splice : std::as_const(splices)) {
        if (splice.start < 0 || splice.start > splice.end || splice.end > limit) {
            return Error(QStringLiteral("%1: the range %2..%3 is not inside the file")
                             .arg(what)
                             .arg(splice.start)
                             .arg(splice.end),
                         SourceLocation{m_file.fileName});
        }
        edited.replace(splice.start, splice.end - splice.start, splice.bytes);
        limit = splice.start; // splices must not overlap
    }
    ParseResult parsed = Hcl::parse(edited, m_file.fileName);
    if (!parsed.ok()) {
        const Error &first = parsed.errors.first();
        return Error(QStringLiteral("%1 refused: the result would not parse (%2:%3: %4)")
                         .arg(what)
                         .arg(first.location().line)
                         .arg(first.location().column)
                         .arg(first.message()),
                     SourceLocation{m_file.fileName});
    }
    if (check) {
        Result<void> checked = check(parsed.file, edited);
        if (!checked)
            return checked.error().withContext(what + QStringLiteral(" refused"));
    }
    qCDebug(lcHcl) << m_file.fileName << what << "changed" << m_text.size() << "->" << edited.size()
                   << "bytes";
    m_text = std::move(edited);
    m_file = std::move(parsed.file);
    return {};
}

Result<QByteArray> Document::expressionBytes(const QByteArray &expression,
                                             const QByteArray &indent) const
{
    const QByteArray trimmed = withLineEndings(expression, "\n").trimmed();
    if (trimmed.isEmpty())
        return Error(QStringLiteral("the expression is empty"));
    // `base`: where the expression starts in the probe that parsed it.
    const QByteArray prefix = "x = ";
    qsizetype base = prefix.size();
    ParseResult parsed = Hcl::parse(prefix + trimmed + '\n', QStringLiteral("expression"));
    const auto valueOf = [](const ParseResult &result) -> const Expression * {
        const auto &items = result.file.body.items;
        const Attribute *attribute = items.size() == 1 ? items.front().attribute() : nullptr;
        return attribute ? attribute->expr.get() : nullptr;
    };
    const Expression *value = parsed.ok() ? valueOf(parsed) : nullptr;
    if (!parsed.ok() && trimmed.contains('\n')) {
        // Inside brackets newlines do not end an expression, so text taken from a tuple or a
        // call may span lines where an attribute's value may not. Whether it fits its new place
        // is checked when the whole edited file is parsed again.
        const QByteArray open = "x = (\n";
        ParseResult wrapped = Hcl::parse(open + trimmed + "\n)\n", QStringLiteral("expression"));
        const Expression *outer = wrapped.ok() ? valueOf(wrapped) : nullptr;
        const ParenthesesExpr *parens = outer ? outer->as<ParenthesesExpr>() : nullptr;
        if (parens && parens->inner && parens->inner->range.start.offset == open.size()) {
            parsed = std::move(wrapped);
            value = parsed.ok() ? valueOf(parsed)->as<ParenthesesExpr>()->inner.get() : nullptr;
            base = open.size();
        }
    }
    if (!parsed.ok()) {
        const Error &first = parsed.errors.first();
        const int line = first.location().line;
        const int column = first.location().column - (line == 1 ? int(prefix.size()) : 0);
        return Error(QStringLiteral("invalid expression `%1`: %2:%3: %4")
                         .arg(fromUtf8(trimmed))
                         .arg(line)
                         .arg(column)
                         .arg(first.message()));
    }
    if (!value || value->range.end.offset != base + trimmed.size()) {
        return Error(QStringLiteral("invalid expression `%1`: it must be exactly one expression, "
                                    "without comments")
                         .arg(fromUtf8(trimmed)));
    }
    // Continuation lines given relative to column 0 are indented like the line the expression
    // starts on; text already indented at least that deep (e.g. copied from the file) is kept.
    // Heredoc contents are text and always keep their bytes.
    QList<Range> heredocs;
    forEachExpression(parsed.file.body, [&](const Expression &expr) {
        if (const TemplateExpr *string = expr.as<TemplateExpr>(); string && string->heredoc)
            heredocs.append(expr.range);
    });
    QList<std::pair<QByteArray, bool>> lines; // bytes, to be indented
    bool indented = true;
    for (qsizetype start = 0; start < trimmed.size();) {
        const qsizetype end = nextLineStart(trimmed, start);
        const qsizetype at = base + start;
        const bool content = std::any_of(heredocs.begin(), heredocs.end(), [&](const Range &r) {
            return r.start.offset < at && at <= r.end.offset;
        });
        const QByteArray line = trimmed.mid(start, end - start);
        const bool code = start > 0 && !content && !line.trimmed().isEmpty();
        if (code && !line.startsWith(indent))
            indented = false;
        lines.append({line, code});
        start = end;
    }
    QByteArray out;
    for (const auto &[line, code] : std::as_const(lines))
        out += (code && !indented ? indent : QByteArray()) + line;
    return toFileLineEndings(out);
}

Document::Check Document::expressionCheck(qsizetype start, qsizetype length)
{
    return [start, length](const File &file, const QByteArray &) -> Result<void> {
        if (expressionStartingAt(file, start, length))
            return {};
        return Error(QStringLiteral("the new text does not stand as one expression there "
                                    "(put it in parentheses)"),
                     SourceLocation{file.fileName});
    };
}

Result<const Expression *> Document::expressionAt(int line, int column) const
{
    const Expression *found = nullptr;
    forEachExpression(m_file.body, [&](const Expression &expr) {
        // parents come before their children: the last match that is not longer is innermost
        if (expr.range.start.line == line && expr.range.start.column == column
            && (!found || expr.range.length() <= found->range.length()))
            found = &expr;
    });
    if (!found)
        return Error(QStringLiteral("no expression starts here"),
                     SourceLocation{m_file.fileName, line, column});
    return found;
}

Result<const Expression *> Document::quotedStringAt(int line, int column) const
{
    Result<const Expression *> expr = expressionAt(line, column);
    if (!expr)
        return expr;
    const TemplateExpr *string = (*expr)->as<TemplateExpr>();
    if (!string || string->heredoc) {
        const QByteArray source = m_text.mid((*expr)->range.start.offset, 40);
        return Error(QStringLiteral("expected a quoted string, found `%1`")
                         .arg(fromUtf8(source.left(source.indexOf('\n')))),
                     SourceLocation{m_file.fileName, line, column});
    }
    return expr;
}

Result<void> Document::replaceExpressionAt(int line, int column, const QByteArray &expression)
{
    Result<const Expression *> expr = expressionAt(line, column);
    if (!expr)
        return expr.error();
    const Range range = (*expr)->range;
    const Result<QByteArray> prepared
        = expressionBytes(expression, lineIndent(m_text, range.start.offset));
    if (!prepared)
        return prepared.error();
    const QByteArray &bytes = *prepared;
    return apply({Splice{range.start.offset, range.end.offset, bytes}},
                 QStringLiteral("replacing the expression at %1:%2").arg(line).arg(column),
                 expressionCheck(range.start.offset, bytes.size()));
}

Result<void> Document::replaceExpressionAt(const Position &position, const QByteArray &expression)
{
    return replaceExpressionAt(position.line, position.column, expression);
}

Result<void> Document::setStringAt(int line, int column, const QByteArray &value)
{
    Result<const Expression *> expr = quotedStringAt(line, column);
    if (!expr)
        return expr.error();
    const QByteArray bytes = quoteString(value);
    const Range range = (*expr)->range;
    return apply({Splice{range.start.offset, range.end.offset, bytes}},
                 QStringLiteral("setting the string at %1:%2").arg(line).arg(column),
                 expressionCheck(range.start.offset, bytes.size()));
}

Result<void> Document::replaceInStringAt(int line, int column, const QByteArray &before,
                                         const QByteArray &after)
{
    Result<const Expression *> expr = quotedStringAt(line, column);
    if (!expr)
        return expr.error();
    const SourceLocation where{m_file.fileName, line, column};
    if (before.isEmpty())
        return Error(QStringLiteral("the text to replace is empty"), where);
    const TemplateExpr &string = *(*expr)->as<TemplateExpr>();
    QList<Range> literals;
    literalRanges(string.parts, literals);
    const QByteArray needle = escapeStringText(before);
    const QByteArray replacement = escapeStringText(after);
    const Range range = (*expr)->range;
    QList<qsizetype> found;
    for (qsizetype at = m_text.indexOf(needle, range.start.offset);
         at >= 0 && at + needle.size() <= range.end.offset; at = m_text.indexOf(needle, at + 1)) {
        const bool inLiteral = std::any_of(literals.begin(), literals.end(), [&](const Range &r) {
            return r.start.offset <= at && at + needle.size() <= r.end.offset;
        });
        if (inLiteral)
            found.append(at);
    }
    if (found.size() != 1) {
        return Error(found.isEmpty()
                         ? QStringLiteral("`%1` does not occur in the string").arg(fromUtf8(before))
                         : QStringLiteral("`%1` occurs %2 times in the string: "
                                          "cannot tell which one to replace")
                               .arg(fromUtf8(before))
                               .arg(found.size()),
                     where);
    }
    const qsizetype newLength = range.length() - needle.size() + replacement.size();
    QByteArray expected = literalValue(string);
    if (expected.count(before) == 1)
        expected.replace(before, after);
    else
        expected = QByteArray(); // escapes make the decoded text ambiguous: no value check
    const Check lengthCheck = expressionCheck(range.start.offset, newLength);
    const qsizetype start = range.start.offset;
    // For a string of plain text, the decoded value must be exactly the old one with the
    // replacement (an escape must not have been cut in two).
    const Check check = [=](const File &file, const QByteArray &edited) -> Result<void> {
        if (Result<void> ok = lengthCheck(file, edited); !ok)
            return ok;
        const TemplateExpr *updated
            = expressionStartingAt(file, start, newLength)->as<TemplateExpr>();
        if (!expected.isNull() && (!updated || literalValue(*updated) != expected))
            return Error(QStringLiteral("the string's value would not be what was asked"),
                         SourceLocation{file.fileName});
        return {};
    };
    return apply({Splice{found.front(), found.front() + needle.size(), replacement}},
                 QStringLiteral("replacing `%1` in the string at %2:%3")
                     .arg(fromUtf8(before))
                     .arg(line)
                     .arg(column),
                 check);
}

Result<void> Document::replaceRange(qsizetype start, qsizetype end, const QByteArray &bytes)
{
    return apply({Splice{start, end, bytes}},
                 QStringLiteral("replacing bytes %1..%2").arg(start).arg(end));
}

Result<void> Document::save(const QString &path)
{
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly) && existing.readAll() == m_text) {
        m_savedText = m_text;
        return {};
    }
    existing.close();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("cannot write: ") + out.errorString(), SourceLocation{path});
    if (out.write(m_text) != m_text.size() || !out.commit())
        return Error(QStringLiteral("cannot write: ") + out.errorString(), SourceLocation{path});
    m_savedText = m_text;
    qCDebug(lcHcl) << "saved" << path << m_text.size() << "bytes";
    return {};
}

} // namespace EnvDeck::Hcl
