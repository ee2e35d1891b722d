// SPDX-License-Identifier: GPL-3.0-or-later
#include "hcl/HclParser.h"

#include "hcl/HclParserPrivate.h"

#include <algorithm>
#include <cstring>

namespace EnvDeck::Hcl {

Parser::Parser(const QByteArray &source, const Lexer &lexer, NameCache &names)
    : m_source(source)
    , m_data(source.constData())
    , m_tokens(lexer.tokens())
    , m_decoded(lexer.decodedTexts())
    , m_names(names)
{
    m_lastEnd = m_tokens.front().range.start;
}

// ---- tokens ----------------------------------------------------------------------------------

bool Parser::isKeyword(const Token &token, const char *word) const
{
    const auto length = size_t(token.range.length());
    return token.type == TokenType::Identifier && std::strlen(word) == length
           && std::memcmp(m_data + token.range.start.offset, word, length) == 0;
}

QByteArray Parser::text(const Token &token) const
{
    return m_names.get(m_data + token.range.start.offset, token.range.length());
}

QByteArray Parser::literalText(const Token &token) const
{
    return token.decoded >= 0 ? m_decoded[size_t(token.decoded)] : text(token);
}

QByteArray Parser::describe(const Token &token) const
{
    switch (token.type) {
    case TokenType::Eof:
        return QByteArrayLiteral("end of file");
    case TokenType::Newline:
        return QByteArrayLiteral("newline");
    case TokenType::OQuote:
        return QByteArrayLiteral("a string");
    case TokenType::OHeredoc:
        return QByteArrayLiteral("a heredoc");
    case TokenType::TemplateLiteral:
        return QByteArrayLiteral("template text");
    default:
        break;
    }
    QByteArray t = text(token);
    if (t.size() > 24)
        t = t.left(24) + "...";
    return '\'' + t + '\'';
}

// ---- errors ----------------------------------------------------------------------------------

QByteArray Parser::positionText(const Position &position)
{
    return QByteArray::number(position.line) + ':' + QByteArray::number(position.column);
}

void Parser::error(const Position &position, const QByteArray &message)
{
    if (m_recovering)
        return;
    m_recovering = true;
    if (int(m_errors.size()) < MaxErrors)
        m_errors.push_back(LexError{position, message});
}

void Parser::errorAt(const Token &token, const QByteArray &message)
{
    if (token.type == TokenType::Invalid) { // the lexer has said what is wrong with it
        m_recovering = true;
        return;
    }
    error(token.range.start, message);
}

void Parser::errorExpected(const QByteArray &what)
{
    const Token &token = peek();
    errorAt(token, "expected " + what + ", found " + describe(token));
}

bool Parser::enterNesting(const Token &at)
{
    if (m_depth <= MaxNestingDepth)
        return true;
    error(at.range.start, QByteArrayLiteral("nesting is too deep (more than ")
                              + QByteArray::number(MaxNestingDepth) + " levels)");
    skipBalanced();
    return false;
}

static bool isOpener(TokenType type)
{
    switch (type) {
    case TokenType::OBrace:
    case TokenType::OBrack:
    case TokenType::OParen:
    case TokenType::OQuote:
    case TokenType::OHeredoc:
    case TokenType::TemplateInterp:
    case TokenType::TemplateControl:
        return true;
    default:
        return false;
    }
}

static bool isCloser(TokenType type)
{
    switch (type) {
    case TokenType::CBrace:
    case TokenType::CBrack:
    case TokenType::CParen:
    case TokenType::CQuote:
    case TokenType::CHeredoc:
    case TokenType::TemplateSeqEnd:
        return true;
    default:
        return false;
    }
}

void Parser::skipBalanced()
{
    const Token &first = peekRaw();
    if (first.type == TokenType::Eof)
        return;
    next();
    if (!isOpener(first.type))
        return;
    int level = 1;
    while (level > 0 && peekRaw().type != TokenType::Eof) {
        const TokenType type = peekRaw().type;
        if (isOpener(type))
            ++level;
        else if (isCloser(type))
            --level;
        ++m_index;
        m_lastEnd = m_tokens[m_index - 1].range.end;
    }
}

void Parser::skipToLineEnd()
{
    int level = 0;
    while (true) {
        const TokenType type = peekRaw().type;
        if (type == TokenType::Eof)
            return;
        if (level == 0 && (type == TokenType::Newline || type == TokenType::CBrace))
            return;
        if (isOpener(type))
            ++level;
        else if (isCloser(type) && level > 0)
            --level;
        ++m_index;
        m_lastEnd = m_tokens[m_index - 1].range.end;
    }
}

// ---- bodies ----------------------------------------------------------------------------------

Body Parser::parseFile()
{
    Body body;
    parseBody(body, false);
    body.range = Range{m_tokens.front().range.start, m_tokens.back().range.end};
    if (m_tokens.size() == 1) // empty file: the body starts after a byte order mark, if any
        body.range.start = body.range.end;
    return body;
}

void Parser::parseBody(Body &body, bool inBlock)
{
    NewlineScope scope(*this, true);
    while (true) {
        const Token &token = peek();
        switch (token.type) {
        case TokenType::Newline:
            next();
            continue;
        case TokenType::Eof:
            return;
        case TokenType::CBrace:
            if (inBlock)
                return;
            errorAt(token, QByteArrayLiteral("unexpected '}': there is no block to close"));
            next();
            break;
        case TokenType::Identifier:
            parseItem(body, false);
            break;
        default:
            errorAt(token, "expected an attribute or block name, found " + describe(token));
            break;
        }
        if (m_recovering) {
            skipToLineEnd();
            m_recovering = false;
        }
    }
}

void Parser::parseItem(Body &body, bool oneLine)
{
    const Token &nameToken = next();
    const TokenType after = peek().type;
    if (after == TokenType::Assign) {
        next();
        Attribute attribute;
        attribute.name = text(nameToken);
        attribute.nameRange = nameToken.range;
        {
            NewlineScope scope(*this, true);
            attribute.expr = parseExpression();
        }
        attribute.range = Range{nameToken.range.start, m_lastEnd};
        if (body.items.empty())
            body.items.reserve(4); // bodies rarely have only one item: fewer reallocations
        body.items.push_back(BodyItem{std::move(attribute)});
        const TokenType end = peek().type;
        if (m_recovering || end == TokenType::Newline || end == TokenType::Eof
            || (oneLine && end == TokenType::CBrace))
            return;
        if (oneLine)
            errorExpected(QByteArrayLiteral("'}' to close the single-line block"));
        else
            errorExpected(QByteArrayLiteral("a newline after the value of '") + text(nameToken)
                          + '\'');
        return;
    }
    Block block;
    block.type = text(nameToken);
    block.typeRange = nameToken.range;
    while (true) {
        const Token &token = peek();
        if (token.type == TokenType::Identifier) {
            next();
            if (block.labels.empty())
                block.labels.reserve(2); // resource "type" "name"
            block.labels.push_back(BlockLabel{text(token), false, token.range});
            continue;
        }
        if (token.type == TokenType::OQuote) {
            next();
            BlockLabel label;
            label.quoted = true;
            while (peek().type == TokenType::TemplateLiteral)
                label.value += literalText(next());
            if (peek().type != TokenType::CQuote) {
                errorAt(peek(), QByteArrayLiteral("a block label cannot contain template "
                                                  "sequences ('${' or '%{')"));
                return;
            }
            next();
            label.range = Range{token.range.start, m_lastEnd};
            if (block.labels.empty())
                block.labels.reserve(2);
            block.labels.push_back(std::move(label));
            continue;
        }
        if (token.type == TokenType::OBrace)
            break;
        if (block.labels.empty()) {
            errorAt(token,
                    "expected '=' or '{' after '" + block.type + "', found " + describe(token));
        } else if (token.type == TokenType::Newline || token.type == TokenType::Eof) {
            errorAt(token, "expected '{' after the labels of block '" + block.type + "', found "
                               + describe(token));
        } else {
            errorAt(token, "invalid label of block '" + block.type
                               + "': expected a quoted string or an identifier, found "
                               + describe(token));
        }
        return;
    }
    if (!parseBlockRest(block))
        return;
    block.range = Range{nameToken.range.start, m_lastEnd};
    if (body.items.empty())
        body.items.reserve(4);
    body.items.push_back(BodyItem{std::move(block)});
    const TokenType end = peek().type;
    if (!oneLine && end != TokenType::Newline && end != TokenType::Eof)
        errorExpected(QByteArrayLiteral("a newline after the closing '}' of block '")
                      + body.items.back().block()->type + '\'');
}

bool Parser::parseBlockRest(Block &block)
{
    const Token &open = peek();
    DepthGuard depth(*this);
    if (!enterNesting(open))
        return false;
    next();
    block.openBraceRange = open.range;
    block.body.range.start = open.range.end;
    if (peekRaw().type == TokenType::Newline) {
        parseBody(block.body, true);
    } else if (peekRaw().type != TokenType::CBrace) {
        // A single-line block: `a { b = 1 }`
        NewlineScope scope(*this, true);
        if (peek().type == TokenType::Identifier && peekAfter().type == TokenType::Assign) {
            parseItem(block.body, true);
        } else {
            errorExpected(QByteArrayLiteral("an attribute or '}' in single-line block '")
                          + block.type + '\'');
        }
        if (m_recovering) { // skip the rest of the line, with the block's '}' if it is there
            skipToLineEnd();
            accept(TokenType::CBrace);
            return false;
        }
    }
    const Token &close = peekRaw();
    if (close.type != TokenType::CBrace) {
        if (close.type == TokenType::Eof) {
            error(close.range.start, "unclosed block '" + block.type + "' (opened at "
                                         + positionText(open.range.start) + "): expected '}'");
        } else {
            errorExpected(QByteArrayLiteral("'}' to close single-line block '") + block.type
                          + '\'');
        }
        return false;
    }
    block.body.range.end = close.range.start;
    block.closeBraceRange = close.range;
    next();
    return true;
}

// ---- entry point -----------------------------------------------------------------------------

namespace {

// What parse() reuses from one file to the next on a thread.
struct ParseScratch
{
    std::vector<Token> tokens;
    NameCache names;
};

// A buffer that grew for a huge file is not kept.
constexpr size_t MaxKeptTokens = 1 << 16;

} // namespace

ParseResult parse(const QByteArray &source, const QString &fileName)
{
    thread_local ParseScratch scratch;
    ParseResult result;
    result.file.fileName = fileName;
    Lexer lexer(source, scratch.tokens);
    lexer.run();
    Parser parser(source, lexer, scratch.names);
    result.file.body = parser.parseFile();
    if (scratch.tokens.capacity() > MaxKeptTokens)
        std::vector<Token>().swap(scratch.tokens);

    std::vector<LexError> all = lexer.errors();
    all.insert(all.end(), parser.errors().begin(), parser.errors().end());
    std::stable_sort(all.begin(), all.end(), [](const LexError &a, const LexError &b) {
        return a.position.offset < b.position.offset;
    });
    if (int(all.size()) > MaxErrors)
        all.resize(size_t(MaxErrors));
    if (!all.empty()) // reserving nothing would still allocate
        result.errors.reserve(qsizetype(all.size()));
    for (const LexError &e : all) {
        result.errors.append(Error(QString::fromUtf8(e.message),
                                   SourceLocation{fileName, e.position.line, e.position.column}));
    }
    return result;
}

} // namespace EnvDeck::Hcl
