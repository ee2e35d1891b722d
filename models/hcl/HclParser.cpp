// SPDX-License-Identifier: GPL-3.0-or-later
#include "hcl/HclParser.h"

#include "hcl/HclParserPrivate.h"

#include <QMutex>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace EnvDeck::Hcl {

namespace {

// The process-wide store behind NameCache: append-only chunks, never freed (the object is
// never destroyed, so names stay valid even in static destructors), deduplicated.
class NamePool
{
public:
    // The stored copy of a name, or null when the pool is full.
    const char *store(const char *data, qsizetype size)
    {
        const std::string_view name(data, size_t(size));
        QMutexLocker lock(&m_mutex);
        if (const auto it = m_index.find(name); it != m_index.end())
            return it->second;
        const size_t needed = size_t(size) + 1;
        if (m_chunkUsed + needed > ChunkSize) {
            if (m_chunks >= MaxChunks)
                return nullptr;
            m_chunk = new char[ChunkSize]; // owned by the pool for the life of the process
            ++m_chunks;
            m_chunkUsed = 0;
        }
        char *copy = m_chunk + m_chunkUsed;
        std::memcpy(copy, data, size_t(size));
        copy[size] = '\0';
        m_chunkUsed += needed;
        m_index.emplace(std::string_view(copy, size_t(size)), copy);
        return copy;
    }

private:
    static constexpr size_t ChunkSize = 64 * 1024;
    static constexpr int MaxChunks = 64; // 4 MB of names at most
    QMutex m_mutex;
    std::unordered_map<std::string_view, const char *> m_index;
    char *m_chunk = nullptr;
    size_t m_chunkUsed = ChunkSize;
    int m_chunks = 0;
};

// memcmp for the short names of NameCache, without a library call.
bool sameBytes(const char *a, const char *b, qsizetype size)
{
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 x;
        quint64 y;
        std::memcpy(&x, a + i, 8);
        std::memcpy(&y, b + i, 8);
        if (x != y)
            return false;
    }
    for (; i < size; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

NamePool &namePool()
{
    static NamePool *const pool = new NamePool; // never destroyed, see NamePool
    return *pool;
}

} // namespace

QByteArray NameCache::get(const char *data, qsizetype size)
{
    if (size <= 0)
        return QByteArray();
    if (size > MaxLength)
        return QByteArray(data, size);
    // eight bytes at a time: most names are short
    quint64 h = quint64(size) * 0x9E3779B97F4A7C15ull;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, 8);
        h = (h ^ word) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    if (i < size) {
        quint64 word = 0;
        for (int shift = 0; i < size; ++i, shift += 8)
            word |= quint64(static_cast<unsigned char>(data[i])) << shift;
        h = (h ^ word) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    const auto hash = quint32(h ^ (h >> 32));
    size_t index = hash & (SlotCount - 1);
    for (int probe = 0; probe < MaxProbes; ++probe, index = (index + 1) & (SlotCount - 1)) {
        Slot &slot = m_slots[index];
        if (!slot.bytes) {
            const char *bytes = namePool().store(data, size);
            if (!bytes)
                return QByteArray(data, size);
            bool cleared = false;
            if (m_used >= MaxUsed) { // full: start over, the common names come back first
                std::fill(m_slots.begin(), m_slots.end(), Slot{});
                m_used = 0;
                cleared = true;
            }
            Slot &fresh = cleared ? m_slots[hash & (SlotCount - 1)] : slot;
            fresh = Slot{hash, quint32(size), bytes};
            ++m_used;
            return QByteArray::fromRawData(bytes, size);
        }
        if (slot.hash == hash && slot.size == quint32(size) && sameBytes(slot.bytes, data, size))
            return QByteArray::fromRawData(slot.bytes, size);
    }
    return QByteArray(data, size);
}

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
