// SPDX-License-Identifier: GPL-3.0-or-later
// Edits of bodies: attributes and blocks added, removed and renamed, laid out like their
// neighbours (indentation, `=` alignment, blank lines, the file's line endings).
#include "hcl/HclParser.h"
#include "hcl/HclWriter.h"
#include "hcl/HclWriterPrivate.h"

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

Result<QList<Document::Splice>> Document::insertAttribute(const BodyRef &ref,
                                                          const QByteArray &name,
                                                          const QByteArray &expression) const
{
    const QByteArray eol = lineEnding();
    const QByteArray line = bodyIndent(ref) + name + " = " + expression;
    if (ref.block && isOneLine(*ref.block))
        return QList<Splice>{expandOneLine(*ref.block, line, false)};

    const Attribute *last = nullptr;
    const Block *firstBlock = nullptr;
    for (const BodyItem &item : ref.body->items) {
        if (const Attribute *attribute = item.attribute())
            last = attribute;
        else if (!firstBlock)
            firstBlock = item.block();
    }
    if (last) {
        const qsizetype at = endOfLineAfter(m_text, last->range.end.offset);
        if (at < 0) {
            return Error(QStringLiteral("cannot add a line after %1: more code follows it on "
                                        "its line")
                             .arg(fromUtf8(last->name)),
                         locationOf(m_file, last->range.start));
        }
        return alignedInsert(ref, *last, at, name, expression);
    }
    if (firstBlock) {
        // before the first block and the comment lines directly above it, which belong to it
        const qsizetype floor
            = ref.block ? ref.block->openBraceRange.end.offset : bomLength(m_text);
        qsizetype at = lineStart(m_text, firstBlock->range.start.offset);
        while (at > floor) {
            const qsizetype previous = lineStart(m_text, at - 1);
            const QByteArray content = m_text.mid(previous, at - previous).trimmed();
            if (previous < floor || !(content.startsWith('#') || content.startsWith("//")))
                break;
            at = previous;
        }
        return QList<Splice>{Splice{at, at, line + eol + eol}};
    }
    if (ref.block) {
        const qsizetype close = ref.block->closeBraceRange.start.offset;
        const qsizetype at = lineStart(m_text, close);
        return QList<Splice>{Splice{at, at, line + eol}};
    }
    const qsizetype end = m_text.size();
    if (end == bomLength(m_text) || m_text.endsWith('\n'))
        return QList<Splice>{Splice{end, end, line + eol}};
    return QList<Splice>{Splice{end, end, eol + line}};
}

Result<void> Document::setAttribute(const BlockPath &path, const QByteArray &name,
                                    const QByteArray &expression)
{
    Result<BodyRef> ref = findBody(m_file, path);
    if (!ref)
        return ref.error();
    if (!isIdentifier(name))
        return Error(QStringLiteral("`%1` is not a valid attribute name").arg(fromUtf8(name)),
                     locationOf(m_file, *ref));
    if (Result<void> valid = checkExpression(expression); !valid)
        return valid.error();
    const QByteArray bytes = toFileLineEndings(expression.trimmed());
    const QString what = QStringLiteral("setting %1").arg(fromUtf8(name));

    std::vector<const Attribute *> existing;
    for (const BodyItem &item : ref->body->items) {
        if (const Attribute *attribute = item.attribute(); attribute && attribute->name == name)
            existing.push_back(attribute);
    }
    if (existing.size() > 1)
        return Error(QStringLiteral("%1 is set %2 times in %3")
                         .arg(fromUtf8(name))
                         .arg(existing.size())
                         .arg(describeBody(m_file, *ref)),
                     locationOf(m_file, existing[1]->range.start));
    if (existing.size() == 1) {
        const Range range = existing.front()->expr->range;
        return apply({Splice{range.start.offset, range.end.offset, bytes}}, what,
                     expressionCheck(range.start.offset, bytes.size()));
    }
    Result<QList<Splice>> splices = insertAttribute(*ref, name, bytes);
    if (!splices)
        return splices.error();
    // the new attribute must be there, in that body, with exactly this expression
    const Check check
        = [path, name, bytes](const File &file, const QByteArray &edited) -> Result<void> {
        Result<BodyRef> body = findBody(file, path);
        if (!body)
            return body.error();
        for (const BodyItem &item : body->body->items) {
            const Attribute *attribute = item.attribute();
            if (attribute && attribute->name == name
                && edited.mid(attribute->expr->range.start.offset, attribute->expr->range.length())
                       == bytes)
                return {};
        }
        return Error(QStringLiteral("the new attribute does not read back"),
                     SourceLocation{file.fileName});
    };
    return apply(*splices, what, check);
}

Result<Document::Splice> Document::removeItem(const BodyRef &ref, const Range &item) const
{
    const qsizetype start = item.start.offset;
    const qsizetype lineBegin = lineStart(m_text, start);
    const qsizetype lineEnd = endOfLineAfter(m_text, item.end.offset);
    if (indentBefore(m_text, start).isNull() || lineEnd < 0) {
        if (ref.block && isOneLine(*ref.block)) // `{ a = 1 }` -> `{}`
            return Splice{
                ref.block->openBraceRange.end.offset, ref.block->closeBraceRange.start.offset, {}};
        return Error(QStringLiteral("cannot remove it: other code shares its lines"),
                     locationOf(m_file, item.start));
    }
    const qsizetype bodyFrom = ref.block ? ref.block->openBraceRange.end.offset : bomLength(m_text);
    const qsizetype bodyTo = ref.block ? ref.block->closeBraceRange.start.offset : m_text.size();
    const bool first = isWhitespace(m_text, bodyFrom, lineBegin);
    const bool last = isWhitespace(m_text, lineEnd, bodyTo);
    const qsizetype previous = lineBegin > bodyFrom ? lineStart(m_text, lineBegin - 1) : -1;
    const bool previousBlank = previous >= bodyFrom && isBlankLine(m_text, previous);
    const bool nextBlank = lineEnd < bodyTo && isBlankLine(m_text, lineEnd);

    qsizetype from = lineBegin;
    qsizetype to = lineEnd;
    // no blank line doubled, none left at the start or the end of the body
    if (nextBlank && (previousBlank || first))
        to = nextLineStart(m_text, lineEnd);
    else if (previousBlank && last)
        from = previous;
    // a file without a final newline keeps none: the newline before the removed lines goes
    if (to == m_text.size() && !m_text.endsWith('\n') && from > bomLength(m_text)
        && m_text[from - 1] == '\n')
        from -= from >= 2 && m_text[from - 2] == '\r' ? 2 : 1;
    return Splice{from, to, {}};
}

Result<void> Document::removeAttribute(const BlockPath &path, const QByteArray &name)
{
    Result<BodyRef> ref = findBody(m_file, path);
    if (!ref)
        return ref.error();
    std::vector<const Attribute *> found;
    for (const BodyItem &item : ref->body->items) {
        if (const Attribute *attribute = item.attribute(); attribute && attribute->name == name)
            found.push_back(attribute);
    }
    if (found.size() != 1) {
        return Error(found.empty() ? QStringLiteral("no attribute %1 in %2")
                                         .arg(fromUtf8(name), describeBody(m_file, *ref))
                                   : QStringLiteral("%1 is set %2 times in %3")
                                         .arg(fromUtf8(name))
                                         .arg(found.size())
                                         .arg(describeBody(m_file, *ref)),
                     locationOf(m_file, *ref));
    }
    Result<Splice> splice = removeItem(*ref, found.front()->range);
    if (!splice)
        return splice.error();
    return apply({*splice}, QStringLiteral("removing %1").arg(fromUtf8(name)));
}

Result<void> Document::removeBlock(const BlockPath &path)
{
    if (path.isEmpty())
        return Error(QStringLiteral("no block to remove: the path is empty"),
                     SourceLocation{m_file.fileName});
    Result<BodyRef> parent = findBody(m_file, path.first(path.size() - 1));
    if (!parent)
        return parent.error();
    Result<BodyRef> ref = findBody(m_file, path);
    if (!ref)
        return ref.error();
    Result<Splice> splice = removeItem(*parent, ref->block->range);
    if (!splice)
        return splice.error();
    return apply({*splice}, QStringLiteral("removing %1").arg(fromUtf8(path.last().describe())));
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

Result<void> Document::addBlock(const BlockPath &parent, const QByteArray &type,
                                const QList<QByteArray> &labels, const QByteArray &bodyText)
{
    Result<BodyRef> ref = findBody(m_file, parent);
    if (!ref)
        return ref.error();
    if (!isIdentifier(type))
        return Error(QStringLiteral("`%1` is not a valid block type").arg(fromUtf8(type)),
                     locationOf(m_file, *ref));
    Result<QByteArray> block = blockText(bodyIndent(*ref), type, labels, bodyText);
    if (!block)
        return block.error();
    const QByteArray eol = lineEnding();
    Splice splice;
    if (ref->block && isOneLine(*ref->block)) {
        splice = expandOneLine(*ref->block, *block, true);
    } else if (ref->block) {
        const qsizetype at = lineStart(m_text, ref->block->closeBraceRange.start.offset);
        const qsizetype open = ref->block->openBraceRange.end.offset;
        const bool content = !isWhitespace(m_text, open, at);
        const bool blankBefore = at > open && isBlankLine(m_text, lineStart(m_text, at - 1));
        splice = Splice{at, at, (content && !blankBefore ? eol : QByteArray()) + *block + eol};
    } else {
        const qsizetype end = m_text.size();
        const qsizetype bom = bomLength(m_text);
        if (isWhitespace(m_text, bom, end))
            splice = Splice{end, end, *block + eol};
        else if (!m_text.endsWith('\n'))
            splice = Splice{end, end, eol + eol + *block};
        else if (isBlankLine(m_text, lineStart(m_text, end - 1)))
            splice = Splice{end, end, *block + eol};
        else
            splice = Splice{end, end, eol + *block + eol};
    }
    BlockSelector added{type, labels};
    const Check check = [parent, added](const File &file, const QByteArray &) -> Result<void> {
        Result<BodyRef> body = findBody(file, parent);
        if (!body)
            return body.error();
        const Block *last = body->body->items.empty() ? nullptr : body->body->items.back().block();
        if (!last || last->type != added.type
            || qsizetype(last->labels.size()) != added.labels.size())
            return Error(QStringLiteral("the new block does not read back"),
                         SourceLocation{file.fileName});
        return {};
    };
    return apply({splice}, QStringLiteral("adding %1").arg(fromUtf8(added.describe())), check);
}

Result<void> Document::renameLabel(const BlockPath &path, int labelIndex,
                                   const QByteArray &newLabel)
{
    if (path.isEmpty())
        return Error(QStringLiteral("no block to rename: the path is empty"),
                     SourceLocation{m_file.fileName});
    Result<BodyRef> ref = findBody(m_file, path);
    if (!ref)
        return ref.error();
    const Block &block = *ref->block;
    const QString name = fromUtf8(path.last().describe());
    if (labelIndex < 0 || size_t(labelIndex) >= block.labels.size())
        return Error(QStringLiteral("block %1 has %2 labels: there is no label %3")
                         .arg(name)
                         .arg(block.labels.size())
                         .arg(labelIndex),
                     locationOf(m_file, block.range.start));
    const BlockLabel &label = block.labels[size_t(labelIndex)];
    if (!label.quoted && !isIdentifier(newLabel))
        return Error(QStringLiteral("label %1 of %2 is not quoted, and `%3` is not an identifier")
                         .arg(labelIndex)
                         .arg(name, fromUtf8(newLabel)),
                     locationOf(m_file, label.range.start));
    BlockPath renamed = path;
    renamed.last().labels[labelIndex] = newLabel;
    if (newLabel != label.value && findBody(m_file, renamed))
        return Error(
            QStringLiteral("there is already a block %1").arg(fromUtf8(renamed.last().describe())),
            locationOf(m_file, label.range.start));
    const Check check = [renamed](const File &file, const QByteArray &) -> Result<void> {
        Result<BodyRef> body = findBody(file, renamed);
        return body ? Result<void>() : Result<void>(body.error());
    };
    return apply({Splice{label.range.start.offset, label.range.end.offset,
                         label.quoted ? quoteString(newLabel) : newLabel}},
                 QStringLiteral("renaming %1").arg(name), check);
}

} // namespace EnvDeck::Hcl
