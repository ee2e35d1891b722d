// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The recursive-descent parser behind Hcl::parse(). Bodies and templates live in HclParser.cpp,
// expressions in HclParserExpr.cpp.

#include "hcl/HclLexer.h"
#include "hcl/HclParser.h"

#include <vector>

namespace EnvDeck::Hcl {

// Names and short texts repeat across files (var, resource, tags, description, "string"). Their
// bytes are kept once, NUL-terminated, in a process-wide pool that is never freed, and handed
// out as QByteArray::fromRawData: like QByteArrayLiteral, copying and destroying such a name
// costs nothing (no allocation, no reference count), and it outlives every tree. The pool is
// bounded (then names are allocated one by one again); this per-thread table finds names in it
// without a lock, and starts over when it is full.
class NameCache
{
public:
    QByteArray get(const char *data, qsizetype size);

private:
    static constexpr qsizetype MaxLength = 48;
    static constexpr size_t SlotCount = 16384; // a power of two; 256 KB
    static constexpr size_t MaxUsed = SlotCount * 3 / 4;
    static constexpr int MaxProbes = 16;

    struct Slot
    {
        quint32 hash = 0;
        quint32 size = 0;
        const char *bytes = nullptr; // in the pool; null: free
    };
    std::vector<Slot> m_slots{SlotCount};
    size_t m_used = 0;
};

class Parser
{
public:
    Parser(const QByteArray &source, const Lexer &lexer, NameCache &names);

    Body parseFile();
    const std::vector<LexError> &errors() const { return m_errors; }

    // Expressions (HclParserExpr.cpp)
    ExpressionPtr parseExpression();

private:
    friend class NewlineScope;
    friend class DepthGuard;

    // Tokens
    const Token &peek();
    const Token &peekRaw() const { return m_tokens[m_index]; }
    const Token &peekAfter(); // the token after peek(), newlines skipped when peek() skips them
    const Token &next();
    bool accept(TokenType type);
    bool isKeyword(const Token &token, const char *word) const;
    QByteArray text(const Token &token) const;
    QByteArray literalText(const Token &token) const;
    QByteArray describe(const Token &token) const;

    // Errors and recovery
    void error(const Position &position, const QByteArray &message);
    void errorAt(const Token &token, const QByteArray &message); // quiet on Invalid tokens
    void errorExpected(const QByteArray &what);                  // "expected X, found Y"
    void skipBalanced();  // one token, or a whole bracketed group
    void skipToLineEnd(); // to the next newline at this level, or before the closing brace
    bool enterNesting(const Token &at);
    static QByteArray positionText(const Position &position);

    // Bodies and templates (HclParser.cpp)
    void parseBody(Body &body, bool inBlock);
    void parseItem(Body &body, bool oneLine);
    bool parseBlockRest(Block &block);
    ExpressionPtr parseTemplate(TokenType closing);
    bool parseTemplateDirective(std::vector<TemplatePart> &stack, std::vector<TemplatePart> &root);
    static void applyStripMarkers(std::vector<TemplatePart> &parts); // quoted templates
    static void finishHeredoc(TemplateExpr &tmpl);

    // Expressions (HclParserExpr.cpp)
    ExpressionPtr parseBinary(int minLevel);
    ExpressionPtr parseUnary();
    ExpressionPtr parsePrimary();
    ExpressionPtr parsePostfix(ExpressionPtr expr);
    ExpressionPtr parseFunctionCall(); // at a name followed by `(` or `::`
    ExpressionPtr parseTuple();
    ExpressionPtr parseObject();
    ExpressionPtr parseFor(const Token &open, bool object);
    bool parseTraversalStep(std::vector<TraversalStep> &steps);
    ExpressionPtr makeInvalid(const Position &start);
    template<typename T>
    ExpressionPtr make(const Position &start, T &&node);

    const QByteArray &m_source;
    const char *m_data;
    const std::vector<Token> &m_tokens;
    const std::vector<QByteArray> &m_decoded;
    NameCache &m_names;
    size_t m_index = 0;
    Position m_lastEnd;     // end of the last consumed token
    bool m_newlines = true; // see NewlineScope
    int m_depth = 0;
    bool m_recovering = false;
    std::vector<LexError> m_errors;
};

// Newlines are significant (true) in bodies and object constructors, ignored (false) inside
// (), [] and template sequences.
class NewlineScope
{
public:
    NewlineScope(Parser &parser, bool include)
        : m_parser(parser)
        , m_outer(parser.m_newlines)
    {
        m_parser.m_newlines = include;
    }
    ~NewlineScope() { m_parser.m_newlines = m_outer; }
    NewlineScope(const NewlineScope &) = delete;
    NewlineScope &operator=(const NewlineScope &) = delete;

private:
    Parser &m_parser;
    bool m_outer;
};

class DepthGuard
{
public:
    explicit DepthGuard(Parser &parser)
        : m_parser(parser)
    {
        ++m_parser.m_depth;
    }
    ~DepthGuard() { --m_parser.m_depth; }
    DepthGuard(const DepthGuard &) = delete;
    DepthGuard &operator=(const DepthGuard &) = delete;
    bool tooDeep() const { return m_parser.m_depth > MaxNestingDepth; }

private:
    Parser &m_parser;
};

// Called for every token: inline.
inline const Token &Parser::peek()
{
    if (!m_newlines) {
        while (m_tokens[m_index].type == TokenType::Newline)
            ++m_index;
    }
    return m_tokens[m_index];
}

inline const Token &Parser::peekAfter()
{
    peek();
    size_t i = m_index;
    if (m_tokens[i].type == TokenType::Eof)
        return m_tokens[i];
    ++i;
    if (!m_newlines) {
        while (m_tokens[i].type == TokenType::Newline)
            ++i;
    }
    return m_tokens[i];
}

inline const Token &Parser::next()
{
    const Token &token = peek();
    if (token.type != TokenType::Eof) {
        ++m_index;
        m_lastEnd = token.range.end;
    }
    return token;
}

inline bool Parser::accept(TokenType type)
{
    if (peek().type != type)
        return false;
    next();
    return true;
}

template<typename T>
ExpressionPtr Parser::make(const Position &start, T &&node)
{
    auto expr = std::make_unique<Expression>();
    expr->range = Range{start, m_lastEnd};
    expr->node = std::forward<T>(node);
    return expr;
}

} // namespace EnvDeck::Hcl
