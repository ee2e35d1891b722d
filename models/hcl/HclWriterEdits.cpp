// SPDX-License-Identifier: GPL-3.0-or-later
// Edits of bodies: attributes and blocks added, removed and renamed (their layout is in
// HclWriterLayout.cpp).
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

} // namespace

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
    const QString what = QStringLiteral("setting %1").arg(fromUtf8(name));

    // a new attribute is indented like the last one, else like the body's items
    QByteArray indent = bodyIndent(*ref);
    std::vector<const Attribute *> existing;
    for (const BodyItem &item : ref->body->items) {
        const Attribute *attribute = item.attribute();
        if (attribute && !indentBefore(m_text, attribute->range.start.offset).isNull())
            indent = indentBefore(m_text, attribute->range.start.offset);
        if (attribute && attribute->name == name)
            existing.push_back(attribute);
        // Terraform reads a name as either an argument or a block, never both
        if (const Block *block = item.block(); block && block->type == name)
            return Error(QStringLiteral("%1 is a block in %2, not an attribute")
                             .arg(fromUtf8(name), describeBody(m_file, *ref)),
                         locationOf(m_file, block->range.start));
    }
    if (existing.size() > 1)
        return Error(QStringLiteral("%1 is set %2 times in %3")
                         .arg(fromUtf8(name))
                         .arg(existing.size())
                         .arg(describeBody(m_file, *ref)),
                     locationOf(m_file, existing[1]->range.start));
    if (existing.size() == 1)
        indent = lineIndent(m_text, existing.front()->range.start.offset);
    const Result<QByteArray> prepared = expressionBytes(expression, indent);
    if (!prepared)
        return prepared.error();
    const QByteArray &bytes = *prepared;
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
    if (!onlyBlanksAndComments(m_text, lineBegin, start) || lineEnd < 0) {
        if (ref.block && isOneLine(*ref.block)) // `{ a = 1 }` -> `{}`
            return Splice{
                ref.block->openBraceRange.end.offset, ref.block->closeBraceRange.start.offset, {}};
        return Error(QStringLiteral("cannot remove it: other code shares its lines"),
                     locationOf(m_file, item.start));
    }
    const qsizetype bodyFrom = ref.block ? ref.block->openBraceRange.end.offset : bomLength(m_text);
    const qsizetype bodyTo = ref.block ? ref.block->closeBraceRange.start.offset : m_text.size();
    const qsizetype previous = lineBegin > bodyFrom ? lineStart(m_text, lineBegin - 1) : -1;
    // first in the body also when a comment follows the `{` on its line
    const bool first = isWhitespace(m_text, bodyFrom, lineBegin) || previous < bodyFrom;
    const bool last = isWhitespace(m_text, lineEnd, bodyTo);
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
        if (!last || selectorOf(*last).describe() != added.describe())
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
