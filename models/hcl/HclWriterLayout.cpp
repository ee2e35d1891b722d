// SPDX-License-Identifier: GPL-3.0-or-later
// Where new text goes and how it is laid out: indentation, `terraform fmt` alignment of `=`,
// one-line blocks expanded, block bodies re-indented.
#include "hcl/HclParser.h"
#include "hcl/HclWriter.h"
#include "hcl/HclWriterPrivate.h"

#include <algorithm>

namespace EnvDeck::Hcl {

using namespace WriterText;

namespace {

QString fromUtf8(const QByteArray &utf8)
{
    return QString::fromUtf8(utf8);
}

// The offset of the `=` of an attribute when only blanks separate it from the name, else -1.
qsizetype assignOffset(const QByteArray &source, const Attribute &attribute)
{
    qsizetype i = attribute.nameRange.end.offset;
    while (i < source.size() && (source[i] == ' ' || source[i] == '\t'))
        ++i;
    return i < source.size() && source[i] == '=' ? i : -1;
}

bool isSingleLine(const Attribute &attribute)
{
    return attribute.range.start.line == attribute.range.end.line;
}

} // namespace

bool Document::isOneLine(const Block &block) const
{
    // `a { b = 1 }`, also when b's value spans lines, and `a {}`
    if (!block.body.items.empty())
        return block.body.items.front().range().start.line == block.openBraceRange.start.line;
    const qsizetype from = block.openBraceRange.end.offset;
    return !m_text.mid(from, block.closeBraceRange.start.offset - from).contains('\n');
}

QByteArray Document::indentUnit() const
{
    // The step between a block and its first item, where the file shows one.
    QByteArray unit;
    forEachBlock(m_file.body, [&](const Block &block) {
        if (!unit.isEmpty() || block.body.items.empty())
            return;
        const QByteArray outer = indentBefore(m_text, block.typeRange.start.offset);
        const QByteArray inner
            = indentBefore(m_text, block.body.items.front().range().start.offset);
        if (!outer.isNull() && inner.size() > outer.size() && inner.startsWith(outer))
            unit = inner.mid(outer.size());
    });
    return unit.isEmpty() ? QByteArray("  ") : unit;
}

QByteArray Document::bodyIndent(const BodyRef &ref) const
{
    if (!ref.body->items.empty()) {
        const QByteArray indent
            = indentBefore(m_text, ref.body->items.front().range().start.offset);
        if (!indent.isNull())
            return indent;
    }
    if (!ref.block)
        return "";
    const QByteArray outer = indentBefore(m_text, ref.block->typeRange.start.offset);
    return (outer.isNull() ? QByteArray("") : outer) + indentUnit();
}

Document::Splice Document::expandOneLine(const Block &block, const QByteArray &newItem,
                                         bool blankLine) const
{
    const QByteArray eol = lineEnding();
    QByteArray outer = indentBefore(m_text, block.typeRange.start.offset);
    if (outer.isNull())
        outer = "";
    const qsizetype from = block.openBraceRange.end.offset;
    const qsizetype to = block.closeBraceRange.start.offset;
    const QByteArray existing = m_text.mid(from, to - from).trimmed();
    QByteArray bytes = eol;
    if (!existing.isEmpty()) {
        bytes += outer + indentUnit() + existing + eol;
        if (blankLine)
            bytes += eol;
    }
    bytes += newItem + eol + outer;
    return Splice{from, to, bytes};
}

QList<Document::Splice> Document::alignedInsert(const BodyRef &ref, const Attribute &last,
                                                qsizetype at, const QByteArray &name,
                                                const QByteArray &expression) const
{
    // The group `terraform fmt` aligns: single-line attributes on consecutive lines with the
    // same indentation, ending with last.
    QByteArray indent = indentBefore(m_text, last.range.start.offset);
    if (indent.isNull())
        indent = bodyIndent(ref);
    std::vector<const Attribute *> group;
    const auto &items = ref.body->items;
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
        const Attribute *attribute = it->attribute();
        if (group.empty() && attribute != &last)
            continue;
        if (!attribute || !isSingleLine(*attribute)
            || indentBefore(m_text, attribute->range.start.offset) != indent
            || (!group.empty() && attribute->range.end.line + 1 != group.back()->range.start.line))
            break;
        group.push_back(attribute);
    }
    bool aligned = !group.empty();
    int column = 0;
    for (const Attribute *attribute : group) {
        const qsizetype assign = assignOffset(m_text, *attribute);
        const int assignColumn
            = attribute->nameRange.end.column + int(assign - attribute->nameRange.end.offset);
        if (assign < 0 || (column != 0 && assignColumn != column))
            aligned = false;
        column = assignColumn;
    }
    // one attribute is aligned when it is written the canonical way, `name = value`
    if (group.size() == 1 && assignOffset(m_text, last) != last.nameRange.end.offset + 1)
        aligned = false;

    QList<Splice> splices;
    int padding = 1;
    if (aligned) {
        const int nameColumn = last.nameRange.start.column;
        const int target = qMax(column, nameColumn + codePoints(name) + 1);
        if (target > column) {
            for (const Attribute *attribute : group) {
                const qsizetype from = attribute->nameRange.end.offset;
                splices.append(Splice{from, assignOffset(m_text, *attribute),
                                      QByteArray(target - attribute->nameRange.end.column, ' ')});
            }
        }
        padding = target - nameColumn - codePoints(name);
    }
    const QByteArray line = indent + name + QByteArray(padding, ' ') + "= " + expression;
    if (at == m_text.size() && !m_text.endsWith('\n'))
        splices.append(Splice{at, at, lineEnding() + line});
    else
        splices.append(Splice{at, at, line + lineEnding()});
    return splices;
}

Result<QByteArray> Document::blockText(const QByteArray &indent, const QByteArray &type,
                                       const QList<QByteArray> &labels,
                                       const QByteArray &bodyText) const
{
    QByteArray header = indent + type;
    for (const QByteArray &label : labels)
        header += ' ' + quoteString(label);
    const QByteArray body = withLineEndings(bodyText, "\n");
    const ParseResult parsed = Hcl::parse(body, QStringLiteral("body"));
    if (!parsed.ok()) {
        const Error &first = parsed.errors.first();
        return Error(QStringLiteral("invalid body for block %1: %2:%3: %4")
                         .arg(fromUtf8(header.trimmed()))
                         .arg(first.location().line)
                         .arg(first.location().column)
                         .arg(first.message()),
                     SourceLocation{m_file.fileName});
    }
    // Lines inside heredocs are content: they keep their bytes.
    QList<Range> heredocs;
    forEachExpression(parsed.file.body, [&](const Expression &expr) {
        if (const TemplateExpr *string = expr.as<TemplateExpr>(); string && string->heredoc)
            heredocs.append(expr.range);
    });
    struct Line
    {
        QByteArray bytes;
        bool content = false;
    };
    QList<Line> lines;
    QByteArray common;
    bool first = true;
    for (qsizetype start = 0; start < body.size();) {
        const qsizetype end = nextLineStart(body, start);
        Line line{body.mid(start, end - start), false};
        if (line.bytes.endsWith('\n'))
            line.bytes.chop(1);
        line.content = std::any_of(heredocs.begin(), heredocs.end(), [&](const Range &r) {
            return r.start.offset < start && start <= r.end.offset;
        });
        if (!line.content && !line.bytes.trimmed().isEmpty()) {
            qsizetype blanks = 0;
            while (blanks < line.bytes.size()
                   && (line.bytes[blanks] == ' ' || line.bytes[blanks] == '\t'))
                ++blanks;
            const QByteArray lead = line.bytes.left(blanks);
            if (first) {
                common = lead;
                first = false;
            } else {
                qsizetype shared = 0;
                while (shared < qMin(common.size(), lead.size()) && common[shared] == lead[shared])
                    ++shared;
                common.truncate(shared);
            }
        }
        lines.append(line);
        start = end;
    }
    const QByteArray inner = indent + indentUnit();
    QByteArray out = header + " {" + '\n';
    while (!lines.isEmpty() && !lines.first().content && lines.first().bytes.trimmed().isEmpty())
        lines.removeFirst();
    while (!lines.isEmpty() && !lines.last().content && lines.last().bytes.trimmed().isEmpty())
        lines.removeLast();
    for (const Line &line : std::as_const(lines)) {
        if (line.content)
            out += line.bytes;
        else if (!line.bytes.trimmed().isEmpty())
            out += inner + line.bytes.mid(common.size());
        out += '\n';
    }
    out += indent + '}';
    return toFileLineEndings(out);
}

} // namespace EnvDeck::Hcl
