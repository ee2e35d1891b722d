// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hcl/HclAst.h"

#include <QByteArray>
#include <QLoggingCategory>

#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcHcl)

namespace EnvDeck::Hcl {

enum class TokenType : quint8 {
    Eof,
    Newline,
    Identifier,
    Number,
    OBrace,      // {
    CBrace,      // }
    OBrack,      // [
    CBrack,      // ]
    OParen,      // (
    CParen,      // )
    Comma,       // ,
    Dot,         // .
    Ellipsis,    // ...
    Colon,       // :
    DoubleColon, // :: in a namespaced function name (provider::aws::arn_parse)
    Question,    // ?
    Assign,      // =
    FatArrow,    // =>
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    And,             // &&
    Or,              // ||
    Bang,            // !
    EqualOp,         // ==
    NotEqual,        // !=
    Less,            // <
    LessEqual,       // <=
    Greater,         // >
    GreaterEqual,    // >=
    Tilde,           // ~ outside of a template sequence end
    OQuote,          // " opening a quoted template
    CQuote,          // " closing it (zero length when the lexer repaired an unterminated string)
    OHeredoc,        // <<EOT or <<-EOT plus the newline
    CHeredoc,        // the closing marker line (zero length when repaired)
    TemplateLiteral, // literal text inside a quoted string or heredoc; decoded text in Token
    TemplateInterp,  // ${ or ${~
    TemplateControl, // %{ or %{~
    TemplateSeqEnd,  // } or ~} closing a template sequence
    Invalid,         // bytes that are no token; the lexer has reported an error for them
};

struct Token
{
    TokenType type = TokenType::Eof;
    bool flag = false;   // OHeredoc: `<<-`; TemplateInterp/Control/SeqEnd: has `~`
    qint32 decoded = -1; // TemplateLiteral: index into Lexer::decodedTexts(), -1 = raw text as is
    Range range;
};

struct LexError
{
    Position position;
    QByteArray message; // UTF-8
};

// Splits a whole file into tokens, with a mode stack for quoted strings, heredocs and the
// template sequences inside them (explicit stack, no recursion). Errors are repaired so the
// parser always sees balanced quotes and heredocs. The tokens go into a vector the caller owns,
// so one buffer serves many files (parse() keeps one per thread: no allocation per file).
class Lexer
{
public:
    Lexer(const QByteArray &source, std::vector<Token> &tokens);

    void run();

    const std::vector<Token> &tokens() const { return m_tokens; }
    const std::vector<QByteArray> &decodedTexts() const { return m_decoded; }
    const std::vector<LexError> &errors() const { return m_errors; }
    qsizetype bomLength() const { return m_bom; }

private:
    struct Frame
    {
        enum class Mode : quint8 { Normal, Quoted, Heredoc };
        Mode mode = Mode::Normal;
        bool stripIndent = false;
        bool atLineStart = false; // Heredoc frames
        int braceDepth = 0;       // Normal frames inside a template sequence
        qsizetype markerStart = 0;
        qsizetype markerLength = 0;
        Position opened;
    };

    Position positionAt(qsizetype offset);
    Position positionBefore(qsizetype offset); // offset before the cursor: from the top
    void push(TokenType type, qsizetype start, qsizetype end, bool flag = false,
              qint32 decoded = -1);
    // A token of ASCII bytes without a line break: its end is its start plus its length.
    void pushAscii(TokenType type, qsizetype start, qsizetype end, bool flag = false);
    void pushNewline(qsizetype start, qsizetype end);
    void error(qsizetype offset, const QByteArray &message);
    void error(const Position &position, const QByteArray &message);

    void lexNormal(Frame &frame);
    void lexQuoted(Frame &frame);
    void lexHeredoc(Frame &frame);
    bool lexHeredocStart();
    void lexIdentifierOrInvalid();
    void lexNumber();
    void skipBlockComment();
    bool decodeQuotedLiteral(qsizetype start, qsizetype end, QByteArray &out);
    void emitHeredocLiteral(qsizetype start, qsizetype end);
    int utf8SequenceLength(qsizetype offset) const; // 0 when invalid

    const QByteArray &m_sourceRef;
    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    qsizetype m_bom = 0;

    // Monotonic cursor turning byte offsets into line:column in linear total time.
    qsizetype m_cursorOffset = 0;
    int m_cursorLine = 1;
    int m_cursorColumn = 1;

    std::vector<Frame> m_frames;
    std::vector<Token> &m_tokens;
    std::vector<QByteArray> m_decoded;
    std::vector<LexError> m_errors;
};

// True when the code point may start / continue an identifier (Unicode ID_Start / ID_Continue,
// approximated with Qt's general categories).
bool isIdStart(char32_t codePoint);
bool isIdContinue(char32_t codePoint);

// Called for the start and the end of every token, so it is inline: the cursor only moves
// forward (an error may look back, then it starts again from the top), which keeps the total
// work linear. A column counts code points: every byte that is no UTF-8 continuation byte.
inline Position Lexer::positionAt(qsizetype offset)
{
    if (offset < m_cursorOffset)
        return positionBefore(offset);
    const char *p = m_data;
    int line = m_cursorLine;
    int column = m_cursorColumn;
    for (qsizetype i = m_cursorOffset; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            column += (c & 0xC0) != 0x80;
        }
    }
    m_cursorOffset = offset;
    m_cursorLine = line;
    m_cursorColumn = column;
    return Position{offset, line, column};
}

inline void Lexer::pushAscii(TokenType type, qsizetype start, qsizetype end, bool flag)
{
    Token &token = m_tokens.emplace_back();
    token.type = type;
    token.flag = flag;
    token.range.start = positionAt(start);
    m_cursorOffset = end;
    m_cursorColumn += int(end - start);
    token.range.end = Position{end, m_cursorLine, m_cursorColumn};
}

inline void Lexer::pushNewline(qsizetype start, qsizetype end)
{
    Token &token = m_tokens.emplace_back();
    token.type = TokenType::Newline;
    token.range.start = positionAt(start);
    m_cursorOffset = end;
    ++m_cursorLine;
    m_cursorColumn = 1;
    token.range.end = Position{end, m_cursorLine, m_cursorColumn};
}

} // namespace EnvDeck::Hcl
