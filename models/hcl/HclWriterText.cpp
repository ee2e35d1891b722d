// SPDX-License-Identifier: GPL-3.0-or-later
#include "hcl/HclParser.h"
#include "hcl/HclWriter.h"
#include "hcl/HclWriterPrivate.h"

#include <algorithm>
#include <vector>

namespace EnvDeck::Hcl {

namespace WriterText {

qsizetype bomLength(const QByteArray &source)
{
    return source.startsWith("\xEF\xBB\xBF") ? 3 : 0;
}

qsizetype lineStart(const QByteArray &source, qsizetype offset)
{
    const qsizetype newline = offset > 0 ? source.lastIndexOf('\n', offset - 1) : -1;
    return newline >= 0 ? newline + 1 : bomLength(source);
}

qsizetype nextLineStart(const QByteArray &source, qsizetype offset)
{
    const qsizetype newline = source.indexOf('\n', offset);
    return newline >= 0 ? newline + 1 : source.size();
}

qsizetype endOfLineAfter(const QByteArray &source, qsizetype offset)
{
    const qsizetype size = source.size();
    qsizetype i = offset;
    while (i < size) {
        const char c = source[i];
        if (c == '\n')
            return i + 1;
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
        } else if (c == '#' || (c == '/' && i + 1 < size && source[i + 1] == '/')) {
            return nextLineStart(source, i);
        } else if (c == '/' && i + 1 < size && source[i + 1] == '*') {
            const qsizetype close = source.indexOf("*/", i + 2);
            if (close < 0)
                return -1;
            i = close + 2;
        } else {
            return -1;
        }
    }
    return size;
}

bool isBlankLine(const QByteArray &source, qsizetype start)
{
    if (start >= source.size())
        return false;
    for (qsizetype i = start; i < source.size(); ++i) {
        const char c = source[i];
        if (c == '\n')
            return true;
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

bool isWhitespace(const QByteArray &source, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i) {
        const char c = source[i];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

bool onlyBlanksAndComments(const QByteArray &source, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to;) {
        const char c = source[i];
        if (c == ' ' || c == '\t') {
            ++i;
        } else if (c == '/' && i + 1 < to && source[i + 1] == '*') {
            const qsizetype close = source.indexOf("*/", i + 2);
            if (close < 0 || close + 2 > to)
                return false;
            i = close + 2;
        } else {
            return false;
        }
    }
    return true;
}

QByteArray indentBefore(const QByteArray &source, qsizetype offset)
{
    const qsizetype start = lineStart(source, offset);
    for (qsizetype i = start; i < offset; ++i) {
        if (source[i] != ' ' && source[i] != '\t')
            return {};
    }
    return start == offset ? QByteArray("") : source.mid(start, offset - start);
}

QByteArray lineIndent(const QByteArray &source, qsizetype offset)
{
    const qsizetype start = lineStart(source, offset);
    qsizetype end = start;
    while (end < offset && (source[end] == ' ' || source[end] == '\t'))
        ++end;
    return source.mid(start, end - start);
}

int codePoints(const QByteArray &utf8)
{
    int count = 0;
    for (const char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

QByteArray withLineEndings(QByteArray text, const QByteArray &lineEnding)
{
    text.replace("\r\n", "\n");
    if (lineEnding != "\n")
        text.replace("\n", lineEnding);
    return text;
}

namespace {

void addSteps(const std::vector<TraversalStep> &steps, std::vector<const Expression *> &out)
{
    for (const TraversalStep &step : steps) {
        if (step.index)
            out.push_back(step.index.get());
    }
}

void addParts(const std::vector<TemplatePart> &parts, std::vector<const Expression *> &out)
{
    for (const TemplatePart &part : parts) {
        if (part.expr)
            out.push_back(part.expr.get());
        addParts(part.body, out); // bounded by the parser's nesting limit
        addParts(part.elseBody, out);
    }
}

void add(const ExpressionPtr &expr, std::vector<const Expression *> &out)
{
    if (expr)
        out.push_back(expr.get());
}

// The direct children of expr, in source order.
void addChildren(const Expression &expr, std::vector<const Expression *> &out)
{
    std::visit(
        [&out](const auto &node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, TemplateExpr>) {
                addParts(node.parts, out);
            } else if constexpr (std::is_same_v<T, TupleExpr>) {
                for (const ExpressionPtr &item : node.items)
                    add(item, out);
            } else if constexpr (std::is_same_v<T, ObjectExpr>) {
                for (const ObjectItem &item : node.items) {
                    add(item.key, out);
                    add(item.value, out);
                }
            } else if constexpr (std::is_same_v<T, VariableExpr>) {
                addSteps(node.steps, out);
            } else if constexpr (std::is_same_v<T, TraversalExpr>) {
                add(node.source, out);
                addSteps(node.steps, out);
            } else if constexpr (std::is_same_v<T, FunctionCallExpr>) {
                for (const ExpressionPtr &arg : node.args)
                    add(arg, out);
            } else if constexpr (std::is_same_v<T, ForExpr>) {
                add(node.collection, out);
                add(node.keyExpr, out);
                add(node.valueExpr, out);
                add(node.condition, out);
            } else if constexpr (std::is_same_v<T, ConditionalExpr>) {
                add(node.condition, out);
                add(node.trueResult, out);
                add(node.falseResult, out);
            } else if constexpr (std::is_same_v<T, BinaryExpr>) {
                add(node.lhs, out);
                add(node.rhs, out);
            } else if constexpr (std::is_same_v<T, UnaryExpr>) {
                add(node.operand, out);
            } else if constexpr (std::is_same_v<T, ParenthesesExpr>) {
                add(node.inner, out);
            }
        },
        expr.node);
}

} // namespace

void forEachBlock(const Body &body, const std::function<void(const Block &)> &visit)
{
    for (const BodyItem &item : body.items) {
        if (const Block *block = item.block()) {
            visit(*block);
            forEachBlock(block->body, visit);
        }
    }
}

void forEachExpression(const Body &body, const std::function<void(const Expression &)> &visit)
{
    std::vector<const Expression *> pending;
    const auto walk = [&](const Body &inner) {
        for (const BodyItem &item : inner.items) {
            const Attribute *attribute = item.attribute();
            if (!attribute || !attribute->expr)
                continue;
            pending.push_back(attribute->expr.get());
            while (!pending.empty()) {
                const Expression *expr = pending.back();
                pending.pop_back();
                visit(*expr);
                const size_t first = pending.size();
                addChildren(*expr, pending);
                // reversed so the children are visited in source order
                std::reverse(pending.begin() + qsizetype(first), pending.end());
            }
        }
    };
    walk(body);
    forEachBlock(body, [&](const Block &block) { walk(block.body); });
}

QByteArray escapeStringText(const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(utf8.size() + 8);
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        const char next = i + 1 < utf8.size() ? utf8[i + 1] : '\0';
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '$':
        case '%':
            out += c;
            if (next == '{') // `${` would start an interpolation, `%{` a directive
                out += c;
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                out += "\\u00";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    return out;
}

bool isIdentifier(const QByteArray &utf8)
{
    if (utf8.isEmpty())
        return false;
    const QByteArray probe = utf8 + " = 1\n";
    const ParseResult parsed = Hcl::parse(probe, QStringLiteral("identifier"));
    if (!parsed.ok() || parsed.file.body.items.size() != 1)
        return false;
    const Attribute *attribute = parsed.file.body.items.front().attribute();
    return attribute && attribute->name == utf8;
}

BlockSelector selectorOf(const Block &block)
{
    BlockSelector selector{block.type, {}};
    for (const BlockLabel &label : block.labels)
        selector.labels.append(label.value);
    return selector;
}

} // namespace WriterText

QByteArray BlockSelector::describe() const
{
    QByteArray text = type;
    for (const QByteArray &label : labels)
        text += ' ' + quoteString(label);
    return text;
}

QByteArray quoteString(const QByteArray &utf8)
{
    return '"' + WriterText::escapeStringText(utf8) + '"';
}

namespace {

// Appends the gap before range and the bytes of range; a range that starts before the end of
// the previous one appends nothing of the gap, so the output shows the disorder.
void appendRange(QByteArray &out, const QByteArray &source, qsizetype &position, const Range &range)
{
    if (range.start.offset > position)
        out.append(source.constData() + position, range.start.offset - position);
    const qsizetype from = qMax(position, range.start.offset);
    if (range.end.offset > from)
        out.append(source.constData() + from, range.end.offset - from);
    position = qMax(position, range.end.offset);
}

void printBody(QByteArray &out, const QByteArray &source, qsizetype &position, const Body &body)
{
    for (const BodyItem &item : body.items) {
        if (const Attribute *attribute = item.attribute()) {
            appendRange(out, source, position, attribute->nameRange);
            if (attribute->expr)
                appendRange(out, source, position, attribute->expr->range);
            continue;
        }
        const Block &block = *item.block();
        appendRange(out, source, position, block.typeRange);
        for (const BlockLabel &label : block.labels)
            appendRange(out, source, position, label.range);
        appendRange(out, source, position, block.openBraceRange);
        printBody(out, source, position, block.body); // depth bounded by the parser
        appendRange(out, source, position, block.closeBraceRange);
    }
}

} // namespace

QByteArray print(const File &file, const QByteArray &source)
{
    QByteArray out;
    out.reserve(source.size());
    qsizetype position = 0;
    printBody(out, source, position, file.body);
    if (source.size() > position)
        out.append(source.constData() + position, source.size() - position);
    return out;
}

} // namespace EnvDeck::Hcl
