// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The recursive-descent parser behind Hcl::parse(). Bodies and templates live in HclParser.cpp,
// expressions in HclParserExpr.cpp.

#include "hcl/HclLexer.h"
#include "hcl/HclParser.h"

#include <vector>

namespace EnvDeck::Hcl {

class Parser
{
public:
    Parser(const QByteArray &source, const Lexer &lexer);

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
    void stripHeredocIndent(TemplateExpr &tmpl);
    void applyStripMarkers(std::vector<TemplatePart> &parts);

    // Expressions (HclParserExpr.cpp)
    ExpressionPtr parseBinary(int minLevel);
    ExpressionPtr parseUnary();
    ExpressionPtr parsePrimary();
    ExpressionPtr parsePostfix(ExpressionPtr expr);
    ExpressionPtr parseFunctionCall();
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
    size_t m_index = 0;
    Position m_lastEnd; // end of the last consumed token
    std::vector<bool> m_newlines{true};
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
    {
        m_parser.m_newlines.push_back(include);
    }
    ~NewlineScope() { m_parser.m_newlines.pop_back(); }
    NewlineScope(const NewlineScope &) = delete;
    NewlineScope &operator=(const NewlineScope &) = delete;

private:
    Parser &m_parser;
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

template<typename T>
ExpressionPtr Parser::make(const Position &start, T &&node)
{
    auto expr = std::make_unique<Expression>();
    expr->range = Range{start, m_lastEnd};
    expr->node = std::forward<T>(node);
    return expr;
}

} // namespace EnvDeck::Hcl
