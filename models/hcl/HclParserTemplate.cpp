// SPDX-License-Identifier: GPL-3.0-or-later
// Quoted strings and heredocs: literal parts, interpolations and %{if}/%{for} directives, nested
// with an explicit stack.
#include "hcl/HclParserPrivate.h"

#include <limits>

namespace EnvDeck::Hcl {

// ---- templates -------------------------------------------------------------------------------

ExpressionPtr Parser::parseTemplate(TokenType closing)
{
    const Token &open = next();
    TemplateExpr tmpl;
    if (open.type == TokenType::OHeredoc) {
        tmpl.heredoc = true;
        tmpl.heredocStripIndent = open.flag;
        qsizetype i = open.range.start.offset + (open.flag ? 3 : 2);
        const qsizetype markerStart = i;
        while (i < open.range.end.offset && m_data[i] != '\n' && m_data[i] != '\r')
            ++i;
        tmpl.heredocMarker = QByteArray(m_data + markerStart, i - markerStart);
    }
    NewlineScope scope(*this, true);
    // Open directives, innermost last; their parts are moved into the parent when they close.
    std::vector<TemplatePart> stack;
    while (true) {
        std::vector<TemplatePart> &parts = stack.empty()          ? tmpl.parts
                                           : stack.back().hasElse ? stack.back().elseBody
                                                                  : stack.back().body;
        const Token &token = peekRaw();
        if (token.type == TokenType::TemplateLiteral) {
            next();
            if (!parts.empty() && parts.back().kind == TemplatePart::Kind::Literal) {
                // A heredoc gives one token per line: one part per run of text is simpler.
                parts.back().text += literalText(token);
                parts.back().range.end = token.range.end;
                continue;
            }
            TemplatePart part;
            part.range = token.range;
            part.text = literalText(token);
            parts.push_back(std::move(part));
        } else if (token.type == TokenType::TemplateInterp) {
            next();
            TemplatePart part;
            part.kind = TemplatePart::Kind::Interpolation;
            part.strip.left = token.flag;
            {
                NewlineScope inner(*this, false);
                part.expr = parseExpression();
                if (peek().type != TokenType::TemplateSeqEnd) {
                    errorExpected(QByteArrayLiteral("'}' to end the interpolation"));
                    while (peekRaw().type != TokenType::TemplateSeqEnd
                           && peekRaw().type != TokenType::Eof && peekRaw().type != closing)
                        skipBalanced();
                }
                if (peekRaw().type == TokenType::TemplateSeqEnd)
                    part.strip.right = next().flag;
            }
            part.range = Range{token.range.start, m_lastEnd};
            parts.push_back(std::move(part));
        } else if (token.type == TokenType::TemplateControl) {
            if (int(stack.size()) + m_depth >= MaxNestingDepth) {
                error(token.range.start, QByteArrayLiteral("nesting is too deep (more than ")
                                             + QByteArray::number(MaxNestingDepth) + " levels)");
                skipBalanced();
                continue;
            }
            if (!parseTemplateDirective(stack, tmpl.parts)) {
                while (peekRaw().type != TokenType::TemplateSeqEnd
                       && peekRaw().type != TokenType::Eof && peekRaw().type != closing)
                    skipBalanced();
                accept(TokenType::TemplateSeqEnd);
            }
        } else {
            break;
        }
    }
    while (!stack.empty()) {
        const TemplatePart &open = stack.back();
        error(peekRaw().range.start,
              QByteArrayLiteral("unclosed '%{")
                  + (open.kind == TemplatePart::Kind::If ? "if" : "for")
                  + "}' directive (opened at " + positionText(open.range.start) + "): expected '%{"
                  + (open.kind == TemplatePart::Kind::If ? "endif" : "endfor") + "}'");
        TemplatePart part = std::move(stack.back());
        part.range.end = m_lastEnd;
        stack.pop_back();
        (stack.empty()          ? tmpl.parts
         : stack.back().hasElse ? stack.back().elseBody
                                : stack.back().body)
            .push_back(std::move(part));
    }
    if (peekRaw().type == closing) {
        next();
    } else {
        errorAt(peekRaw(), "unexpected " + describe(peekRaw()) + " in a template");
    }
    if (tmpl.heredoc)
        finishHeredoc(tmpl);
    else
        applyStripMarkers(tmpl.parts);
    return make(open.range.start, std::move(tmpl));
}

// At `%{`: handles one directive tag. Returns false after an error.
bool Parser::parseTemplateDirective(std::vector<TemplatePart> &stack,
                                    std::vector<TemplatePart> &root)
{
    const Token &open = next();
    NewlineScope inner(*this, false);
    const Token &word = peek();
    StripMarkers strip;
    strip.left = open.flag;
    auto finishTag = [&]() {
        if (peek().type != TokenType::TemplateSeqEnd) {
            errorExpected(QByteArrayLiteral("'}' to end the template directive"));
            return false;
        }
        strip.right = next().flag;
        return true;
    };
    if (isKeyword(word, "if")) {
        next();
        TemplatePart part;
        part.kind = TemplatePart::Kind::If;
        part.range.start = open.range.start;
        part.expr = parseExpression();
        if (!finishTag())
            return false;
        part.strip = strip;
        stack.push_back(std::move(part));
        return true;
    }
    if (isKeyword(word, "for")) {
        next();
        TemplatePart part;
        part.kind = TemplatePart::Kind::For;
        part.range.start = open.range.start;
        if (peek().type != TokenType::Identifier) {
            errorExpected(QByteArrayLiteral("a variable name after 'for'"));
            return false;
        }
        part.valueVar = text(next());
        if (accept(TokenType::Comma)) {
            if (peek().type != TokenType::Identifier) {
                errorExpected(QByteArrayLiteral("a value variable name after ','"));
                return false;
            }
            part.keyVar = part.valueVar;
            part.valueVar = text(next());
        }
        if (!isKeyword(peek(), "in")) {
            errorExpected(QByteArrayLiteral("'in'"));
            return false;
        }
        next();
        part.expr = parseExpression();
        if (!finishTag())
            return false;
        part.strip = strip;
        stack.push_back(std::move(part));
        return true;
    }
    const bool isElse = isKeyword(word, "else");
    const bool isEndif = isKeyword(word, "endif");
    const bool isEndfor = isKeyword(word, "endfor");
    if (!isElse && !isEndif && !isEndfor) {
        errorAt(word, "unknown template directive " + describe(word)
                          + ": expected 'if', 'for', 'else', 'endif' or 'endfor'");
        return false;
    }
    next();
    const QByteArray name = text(word);
    const TemplatePart::Kind wanted = isEndfor ? TemplatePart::Kind::For : TemplatePart::Kind::If;
    if (stack.empty() || stack.back().kind != wanted || (isElse && stack.back().hasElse)) {
        error(open.range.start,
              "'%{" + name + "}' without a matching '%{" + (isEndfor ? "for" : "if") + "}'");
        return false;
    }
    if (!finishTag())
        return false;
    if (isElse) {
        stack.back().hasElse = true;
        stack.back().elseStrip = strip;
        return true;
    }
    TemplatePart part = std::move(stack.back());
    stack.pop_back();
    part.endStrip = strip;
    part.range.end = m_lastEnd;
    std::vector<TemplatePart> &parent = stack.empty()          ? root
                                        : stack.back().hasElse ? stack.back().elseBody
                                                               : stack.back().body;
    parent.push_back(std::move(part));
    return true;
}

namespace {

// Length of the white-space character at p[i] as HCL's strip markers and `<<-` see it (Go's
// unicode.IsSpace: ASCII \t \n \v \f \r and space, U+0085, U+00A0, U+1680, U+2000-U+200A,
// U+2028, U+2029, U+202F, U+205F, U+3000), or 0.
int spaceLength(const char *p, qsizetype i, qsizetype end)
{
    const auto b = [p](qsizetype k) { return static_cast<unsigned char>(p[k]); };
    const unsigned char c = b(i);
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (c == 0xC2 && i + 1 < end)
        return b(i + 1) == 0x85 || b(i + 1) == 0xA0 ? 2 : 0;
    if (c < 0xE1 || c > 0xE3 || i + 2 >= end)
        return 0;
    const unsigned char b1 = b(i + 1);
    const unsigned char b2 = b(i + 2);
    if (c == 0xE1)
        return b1 == 0x9A && b2 == 0x80 ? 3 : 0;
    if (c == 0xE3)
        return b1 == 0x80 && b2 == 0x80 ? 3 : 0;
    if (b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF))
        return 3;
    return b1 == 0x81 && b2 == 0x9F ? 3 : 0;
}

// First byte after the white space that starts [start, end).
qsizetype skipSpace(const char *p, qsizetype start, qsizetype end)
{
    while (start < end) {
        const int length = spaceLength(p, start, end);
        if (length == 0)
            break;
        start += length;
    }
    return start;
}

// Where the white space that ends [start, end) begins.
qsizetype trailingSpace(const char *p, qsizetype start, qsizetype end)
{
    qsizetype content = start;
    for (qsizetype i = start; i < end;) {
        const int length = spaceLength(p, i, end);
        if (length > 0) {
            i += length;
            continue;
        }
        ++i;
        while (i < end && (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80)
            ++i;
        content = i;
    }
    return content;
}

void trimEnd(std::vector<TemplatePart> &parts, size_t index)
{
    if (index >= parts.size() || parts[index].kind != TemplatePart::Kind::Literal)
        return;
    QByteArray &text = parts[index].text;
    text.truncate(trailingSpace(text.constData(), 0, text.size()));
}

void trimStart(std::vector<TemplatePart> &parts, size_t index)
{
    if (index >= parts.size() || parts[index].kind != TemplatePart::Kind::Literal)
        return;
    QByteArray &text = parts[index].text;
    text.remove(0, skipSpace(text.constData(), 0, text.size()));
}

// A heredoc as HCL's parser sees it: one token per line of literal text (a line ends after its
// newline, or where a `${`/`%{` starts), one per interpolation and per directive tag.
struct HeredocToken
{
    TemplatePart *literal = nullptr; // null: an interpolation or a directive tag
    qsizetype start = 0;             // literal: the line's bytes in literal->text
    qsizetype end = 0;
    StripMarkers strip; // a tag's markers
};

void collectTokens(std::vector<TemplatePart> &parts, std::vector<HeredocToken> &tokens)
{
    for (TemplatePart &part : parts) {
        switch (part.kind) {
        case TemplatePart::Kind::Literal: {
            const QByteArray &text = part.text;
            qsizetype start = 0;
            do {
                qsizetype end = text.indexOf('\n', start);
                end = end < 0 ? text.size() : end + 1;
                tokens.push_back({&part, start, end, {}});
                start = end;
            } while (start < text.size());
            break;
        }
        case TemplatePart::Kind::Interpolation:
            tokens.push_back({nullptr, 0, 0, part.strip});
            break;
        case TemplatePart::Kind::If:
        case TemplatePart::Kind::For: // bounded by the directive nesting limit
            tokens.push_back({nullptr, 0, 0, part.strip});
            collectTokens(part.body, tokens);
            if (part.hasElse) {
                tokens.push_back({nullptr, 0, 0, part.elseStrip});
                collectTokens(part.elseBody, tokens);
            }
            tokens.push_back({nullptr, 0, 0, part.endStrip});
            break;
        }
    }
}

} // namespace

// `${~`, `~}`, `%{~` and `~}` remove the whitespace of the literal text next to them (the
// markers stay recorded in the parts). Recursion is bounded by the directive nesting limit.
void Parser::applyStripMarkers(std::vector<TemplatePart> &parts)
{
    for (size_t i = 0; i < parts.size(); ++i) {
        TemplatePart &part = parts[i];
        if (part.kind == TemplatePart::Kind::Literal)
            continue;
        if (part.strip.left && i > 0)
            trimEnd(parts, i - 1);
        const bool closedByEnd = part.kind != TemplatePart::Kind::Interpolation;
        const bool stripAfter = closedByEnd ? part.endStrip.right : part.strip.right;
        if (stripAfter)
            trimStart(parts, i + 1);
        if (!closedByEnd)
            continue;
        if (part.strip.right)
            trimStart(part.body, 0);
        std::vector<TemplatePart> &last = part.hasElse ? part.elseBody : part.body;
        if (part.hasElse) {
            if (part.elseStrip.left && !part.body.empty())
                trimEnd(part.body, part.body.size() - 1);
            if (part.elseStrip.right)
                trimStart(part.elseBody, 0);
        }
        if (part.endStrip.left && !last.empty())
            trimEnd(last, last.size() - 1);
        applyStripMarkers(part.body);
        applyStripMarkers(part.elseBody);
    }
}

// Strip markers and `<<-` on a heredoc, as HCL applies them to its tokens: a `~` removes the
// white space of the neighbouring line token only (never across a line break it does not
// own); then `<<-` removes the smallest indentation of the lines. A line that starts with
// literal text counts its leading white space, a line of only white space and a newline does
// not count, a line that starts with `${`/`%{` (or whose text a `~` removed) counts 0.
void Parser::finishHeredoc(TemplateExpr &tmpl)
{
    std::vector<HeredocToken> tokens;
    collectTokens(tmpl.parts, tokens);
    bool changed = false;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const HeredocToken &tag = tokens[i];
        if (tag.literal)
            continue;
        if (tag.strip.right && i + 1 < tokens.size() && tokens[i + 1].literal) {
            HeredocToken &after = tokens[i + 1];
            after.start = skipSpace(after.literal->text.constData(), after.start, after.end);
            changed = true;
        }
        if (tag.strip.left && i > 0 && tokens[i - 1].literal) {
            HeredocToken &before = tokens[i - 1];
            before.end = trailingSpace(before.literal->text.constData(), before.start, before.end);
            changed = true;
        }
    }
    if (tmpl.heredocStripIndent) {
        constexpr qsizetype Blank = std::numeric_limits<qsizetype>::max();
        qsizetype minSpaces = Blank;
        std::vector<size_t> lineStarts;
        bool newline = true;
        for (size_t i = 0; i < tokens.size(); ++i) {
            const HeredocToken &token = tokens[i];
            const char *p = token.literal ? token.literal->text.constData() : nullptr;
            const bool endsLine
                = token.literal && token.end > token.start && p[token.end - 1] == '\n';
            if (newline) {
                newline = false;
                qsizetype spaces = 0;
                if (token.literal) {
                    qsizetype count = 0;
                    qsizetype at = token.start;
                    while (at < token.end) {
                        const int length = spaceLength(p, at, token.end);
                        if (length == 0)
                            break;
                        // "\r\n" is one character to HCL (one grapheme cluster)
                        at += p[at] == '\r' && at + 1 < token.end && p[at + 1] == '\n' ? 2 : length;
                        ++count;
                    }
                    if (at == token.end && endsLine) {
                        spaces = Blank;
                    } else {
                        spaces = count;
                        lineStarts.push_back(i);
                    }
                }
                minSpaces = qMin(minSpaces, spaces);
            }
            if (endsLine)
                newline = true;
        }
        if (minSpaces != Blank && minSpaces > 0) {
            for (size_t i : lineStarts) {
                HeredocToken &token = tokens[i];
                const char *p = token.literal->text.constData();
                for (qsizetype n = 0; n < minSpaces && token.start < token.end; ++n)
                    token.start += spaceLength(p, token.start, token.end);
            }
            changed = true;
        }
    }
    if (!changed)
        return;
    // Each literal part becomes the concatenation of what is left of its line tokens.
    for (size_t i = 0; i < tokens.size();) {
        TemplatePart *part = tokens[i].literal;
        if (!part) {
            ++i;
            continue;
        }
        QByteArray text;
        text.reserve(part->text.size());
        for (; i < tokens.size() && tokens[i].literal == part; ++i)
            text.append(part->text.constData() + tokens[i].start, tokens[i].end - tokens[i].start);
        part->text = std::move(text);
    }
}

} // namespace EnvDeck::Hcl
