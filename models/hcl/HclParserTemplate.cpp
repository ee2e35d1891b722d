// SPDX-License-Identifier: GPL-3.0-or-later
// Quoted strings and heredocs: literal parts, interpolations and %{if}/%{for} directives, nested
// with an explicit stack.
#include "hcl/HclParserPrivate.h"

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
    if (tmpl.heredocStripIndent)
        stripHeredocIndent(tmpl);
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

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void trimEnd(std::vector<TemplatePart> &parts, size_t index)
{
    if (index >= parts.size() || parts[index].kind != TemplatePart::Kind::Literal)
        return;
    QByteArray &text = parts[index].text;
    qsizetype n = text.size();
    while (n > 0 && isSpace(text[n - 1]))
        --n;
    text.truncate(n);
}

void trimStart(std::vector<TemplatePart> &parts, size_t index)
{
    if (index >= parts.size() || parts[index].kind != TemplatePart::Kind::Literal)
        return;
    QByteArray &text = parts[index].text;
    qsizetype n = 0;
    while (n < text.size() && isSpace(text[n]))
        ++n;
    text.remove(0, n);
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

// `<<-EOT`: removes the indentation common to all lines from the literal text.
void Parser::stripHeredocIndent(TemplateExpr &tmpl)
{
    // Only literals at the start of a line count; the template's first part starts a line.
    qsizetype common = -1;
    bool lineStart = true;
    for (const TemplatePart &part : tmpl.parts) {
        if (part.kind != TemplatePart::Kind::Literal) {
            lineStart = false;
            continue;
        }
        const QByteArray &t = part.text;
        for (qsizetype i = 0; i < t.size(); ++i) {
            if (lineStart) {
                qsizetype n = 0;
                while (i + n < t.size() && (t[i + n] == ' ' || t[i + n] == '\t'))
                    ++n;
                if (i + n < t.size() && t[i + n] != '\n' && (common < 0 || n < common))
                    common = n;
            }
            lineStart = t[i] == '\n';
        }
    }
    if (common <= 0)
        return;
    lineStart = true;
    for (TemplatePart &part : tmpl.parts) {
        if (part.kind != TemplatePart::Kind::Literal) {
            lineStart = false;
            continue;
        }
        QByteArray out;
        const QByteArray &t = part.text;
        out.reserve(t.size());
        for (qsizetype i = 0; i < t.size();) {
            if (lineStart) {
                qsizetype n = 0;
                while (n < common && i + n < t.size() && (t[i + n] == ' ' || t[i + n] == '\t'))
                    ++n;
                i += n;
                lineStart = false;
                continue;
            }
            out.append(t[i]);
            lineStart = t[i] == '\n';
            ++i;
        }
        part.text = std::move(out);
    }
}

} // namespace EnvDeck::Hcl
