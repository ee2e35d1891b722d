// SPDX-License-Identifier: GPL-3.0-or-later
#include "hcl/HclLexer.h"

#include "hcl/HclLexerPrivate.h"

#include <QChar>

#include <cstring>

Q_LOGGING_CATEGORY(lcHcl, "envdeck.hcl", QtInfoMsg)

namespace EnvDeck::Hcl {

using namespace LexerDetail;

bool isIdStart(char32_t cp)
{
    switch (QChar::category(cp)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_Letter:
        return true;
    default:
        return false;
    }
}

bool isIdContinue(char32_t cp)
{
    if (isIdStart(cp))
        return true;
    switch (QChar::category(cp)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Number_DecimalDigit:
    case QChar::Punctuation_Connector:
        return true;
    default:
        return false;
    }
}

Lexer::Lexer(const QByteArray &source, std::vector<Token> &tokens)
    : m_sourceRef(source)
    , m_data(source.constData())
    , m_size(source.size())
    , m_tokens(tokens)
{}

Position Lexer::positionBefore(qsizetype offset)
{
    m_cursorOffset = m_bom;
    m_cursorLine = 1;
    m_cursorColumn = 1;
    if (offset <= m_bom)
        return Position{offset, 1, 1};
    return positionAt(offset);
}

void Lexer::push(TokenType type, qsizetype start, qsizetype end, bool flag, qint32 decoded)
{
    Token token;
    token.type = type;
    token.flag = flag;
    token.decoded = decoded;
    token.range.start = positionAt(start);
    token.range.end = positionAt(end);
    m_tokens.push_back(token);
}

void Lexer::error(qsizetype offset, const QByteArray &message)
{
    if (int(m_errors.size()) < MaxLexErrors)
        error(positionAt(offset), message);
}

void Lexer::error(const Position &position, const QByteArray &message)
{
    if (int(m_errors.size()) < MaxLexErrors)
        m_errors.push_back(LexError{position, message});
}

int Lexer::utf8SequenceLength(qsizetype offset) const
{
    const auto b0 = static_cast<unsigned char>(m_data[offset]);
    int length = 0;
    char32_t min = 0;
    if (b0 < 0x80)
        return 1;
    if ((b0 & 0xE0) == 0xC0) {
        length = 2;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (offset + length > m_size)
        return 0;
    for (int i = 1; i < length; ++i) {
        if ((static_cast<unsigned char>(m_data[offset + i]) & 0xC0) != 0x80)
            return 0;
    }
    const char32_t cp = decodeUtf8(m_data + offset, length);
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return length;
}

void Lexer::run()
{
    if (m_size >= 3 && m_data[0] == '\xEF' && m_data[1] == '\xBB' && m_data[2] == '\xBF') {
        m_bom = 3;
        m_pos = 3;
        m_cursorOffset = 3;
    }
    m_tokens.clear();
    // A token per 4 bytes covers real files, so a big file does not copy its tokens while the
    // buffer grows; capacity that is never touched costs no memory.
    m_tokens.reserve(size_t(m_size / 4 + 16));
    m_frames.reserve(8);
    m_frames.push_back(Frame{});
    while (m_pos < m_size) {
        switch (m_frames.back().mode) {
        case Frame::Mode::Normal:
            lexNormal(m_frames.back());
            break;
        case Frame::Mode::Quoted:
            lexQuoted(m_frames.back());
            break;
        case Frame::Mode::Heredoc:
            lexHeredoc(m_frames.back());
            break;
        }
    }
    // Close whatever is still open, reporting the innermost one.
    bool reported = false;
    while (m_frames.size() > 1) {
        const Frame frame = m_frames.back();
        m_frames.pop_back();
        const Position opened = frame.opened;
        const QByteArray at
            = QByteArray::number(opened.line) + ':' + QByteArray::number(opened.column);
        switch (frame.mode) {
        case Frame::Mode::Normal:
            if (!reported)
                error(opened, QByteArrayLiteral("unterminated template sequence (opened at ") + at
                                  + QByteArrayLiteral("): expected '}'"));
            push(TokenType::TemplateSeqEnd, m_size, m_size);
            break;
        case Frame::Mode::Quoted:
            if (!reported)
                error(opened, QByteArrayLiteral("unterminated string"));
            push(TokenType::CQuote, m_size, m_size);
            break;
        case Frame::Mode::Heredoc:
            if (!reported)
                error(m_size, QByteArrayLiteral("unclosed heredoc '")
                                  + QByteArray(m_data + frame.markerStart, frame.markerLength)
                                  + QByteArrayLiteral("' (opened at ") + at + ')');
            push(TokenType::CHeredoc, m_size, m_size);
            break;
        }
        reported = true;
    }
    push(TokenType::Eof, m_size, m_size);
}

void Lexer::lexNormal(Frame &frame)
{
    const char *p = m_data;
    qsizetype i = m_pos;
    while (true) { // indentation: eight spaces at a time
        quint64 word = 0;
        if (i + 8 > m_size)
            break;
        std::memcpy(&word, p + i, 8);
        if (word != 0x2020202020202020ull)
            break;
        i += 8;
    }
    while (i < m_size
           && (p[i] == ' ' || p[i] == '\t' || (p[i] == '\r' && i + 1 < m_size && p[i + 1] != '\n')))
        ++i;
    if (m_cursorOffset == m_pos) { // spaces, tabs and lone '\r' are ASCII, one column each
        m_cursorColumn += int(i - m_pos);
        m_cursorOffset = i;
    }
    m_pos = i;
    if (i >= m_size)
        return;
    const char c = p[i];
    const char next = i + 1 < m_size ? p[i + 1] : '\0';
    const bool inSequence = m_frames.size() > 1;
    auto single = [&](TokenType type, int length = 1) {
        pushAscii(type, i, i + length);
        m_pos = i + length;
    };
    switch (c) {
    case '\n':
        pushNewline(i, i + 1);
        m_pos = i + 1;
        return;
    case '\r': // only reached for "\r\n"
        pushNewline(i, i + 2);
        m_pos = i + 2;
        return;
    case '#':
        while (i < m_size && p[i] != '\n' && !(p[i] == '\r' && i + 1 < m_size && p[i + 1] == '\n'))
            ++i;
        m_pos = i;
        return;
    case '/':
        if (next == '/') {
            while (i < m_size && p[i] != '\n'
                   && !(p[i] == '\r' && i + 1 < m_size && p[i + 1] == '\n'))
                ++i;
            m_pos = i;
            return;
        }
        if (next == '*')
            return skipBlockComment();
        return single(TokenType::Slash);
    case '"': {
        Frame quoted;
        quoted.mode = Frame::Mode::Quoted;
        quoted.opened = positionAt(i);
        single(TokenType::OQuote);
        m_frames.push_back(quoted); // frame is invalid from here on
        return;
    }
    case '<':
        if (next == '<' && lexHeredocStart())
            return;
        return next == '=' ? single(TokenType::LessEqual, 2) : single(TokenType::Less);
    case '>':
        return next == '=' ? single(TokenType::GreaterEqual, 2) : single(TokenType::Greater);
    case '=':
        if (next == '=')
            return single(TokenType::EqualOp, 2);
        return next == '>' ? single(TokenType::FatArrow, 2) : single(TokenType::Assign);
    case '!':
        return next == '=' ? single(TokenType::NotEqual, 2) : single(TokenType::Bang);
    case '&':
        if (next == '&')
            return single(TokenType::And, 2);
        break;
    case '|':
        if (next == '|')
            return single(TokenType::Or, 2);
        break;
    case '{':
        if (inSequence)
            ++frame.braceDepth;
        return single(TokenType::OBrace);
    case '}':
        if (inSequence && frame.braceDepth == 0) {
            single(TokenType::TemplateSeqEnd);
            m_frames.pop_back();
            return;
        }
        if (frame.braceDepth > 0)
            --frame.braceDepth;
        return single(TokenType::CBrace);
    case '~':
        if (inSequence && frame.braceDepth == 0 && next == '}') {
            pushAscii(TokenType::TemplateSeqEnd, i, i + 2, true);
            m_pos = i + 2;
            m_frames.pop_back();
            return;
        }
        return single(TokenType::Tilde);
    case '[':
        return single(TokenType::OBrack);
    case ']':
        return single(TokenType::CBrack);
    case '(':
        return single(TokenType::OParen);
    case ')':
        return single(TokenType::CParen);
    case ',':
        return single(TokenType::Comma);
    case '.':
        if (next == '.' && i + 2 < m_size && p[i + 2] == '.')
            return single(TokenType::Ellipsis, 3);
        return single(TokenType::Dot);
    case ':':
        return next == ':' ? single(TokenType::DoubleColon, 2) : single(TokenType::Colon);
    case '?':
        return single(TokenType::Question);
    case '+':
        return single(TokenType::Plus);
    case '-':
        return single(TokenType::Minus);
    case '*':
        return single(TokenType::Star);
    case '%':
        return single(TokenType::Percent);
    default:
        break;
    }
    if (isDigit(c))
        return lexNumber();
    if (isAsciiIdStart(c) || static_cast<unsigned char>(c) >= 0x80)
        return lexIdentifierOrInvalid();
    error(i, QByteArrayLiteral("invalid character ") + describeByte(c));
    single(TokenType::Invalid);
}

void Lexer::skipBlockComment()
{
    const qsizetype start = m_pos;
    const qsizetype close = m_sourceRef.indexOf("*/", start + 2);
    if (close < 0) {
        error(start, QByteArrayLiteral("unterminated comment: expected '*/'"));
        m_pos = m_size;
        return;
    }
    m_pos = close + 2;
}

bool Lexer::lexHeredocStart()
{
    const char *p = m_data;
    const qsizetype start = m_pos;
    qsizetype i = start + 2;
    bool strip = false;
    if (i < m_size && p[i] == '-') {
        strip = true;
        ++i;
    }
    if (i >= m_size || !isAsciiIdStart(p[i]))
        return false;
    const qsizetype markerStart = i;
    while (i < m_size && isAsciiIdContinue(p[i]))
        ++i;
    const qsizetype markerLength = i - markerStart;
    if (i < m_size && p[i] == '\r' && i + 1 < m_size && p[i + 1] == '\n')
        ++i;
    if (i >= m_size || p[i] != '\n') {
        error(start, QByteArrayLiteral("a heredoc marker must be followed by a newline"));
        return false;
    }
    ++i;
    Frame heredoc;
    heredoc.mode = Frame::Mode::Heredoc;
    heredoc.stripIndent = strip;
    heredoc.atLineStart = true;
    heredoc.markerStart = markerStart;
    heredoc.markerLength = markerLength;
    heredoc.opened = positionAt(start);
    push(TokenType::OHeredoc, start, i, strip);
    m_pos = i;
    m_frames.push_back(heredoc);
    return true;
}

void Lexer::lexNumber()
{
    const char *p = m_data;
    qsizetype i = m_pos;
    while (i < m_size && isDigit(p[i]))
        ++i;
    if (i + 1 < m_size && p[i] == '.' && isDigit(p[i + 1])) {
        i += 2;
        while (i < m_size && isDigit(p[i]))
            ++i;
    }
    if (i < m_size && (p[i] == 'e' || p[i] == 'E')) {
        qsizetype j = i + 1;
        if (j < m_size && (p[j] == '+' || p[j] == '-'))
            ++j;
        if (j < m_size && isDigit(p[j])) {
            i = j;
            while (i < m_size && isDigit(p[i]))
                ++i;
        }
    }
    pushAscii(TokenType::Number, m_pos, i);
    m_pos = i;
}

void Lexer::lexIdentifierOrInvalid()
{
    const char *p = m_data;
    const qsizetype start = m_pos;
    qsizetype i = start;
    bool first = true;
    bool ascii = true;
    if (isAsciiIdStart(p[i])) { // the common case: plain ASCII names
        ++i;
        while (i < m_size && isAsciiIdContinue(p[i]))
            ++i;
        first = false;
        if (i >= m_size || static_cast<unsigned char>(p[i]) < 0x80) {
            pushAscii(TokenType::Identifier, start, i);
            m_pos = i;
            return;
        }
    }
    while (i < m_size) {
        const char c = p[i];
        if (static_cast<unsigned char>(c) < 0x80) {
            if (first ? isAsciiIdStart(c) : isAsciiIdContinue(c)) {
                ++i;
                first = false;
                continue;
            }
            break;
        }
        const int length = utf8SequenceLength(i);
        if (length == 0) {
            if (first) {
                error(i, QByteArrayLiteral("invalid UTF-8 encoding"));
                push(TokenType::Invalid, i, i + 1);
                m_pos = i + 1;
                return;
            }
            break;
        }
        const char32_t cp = decodeUtf8(p + i, length);
        if (!(first ? isIdStart(cp) : isIdContinue(cp))) {
            if (first) {
                error(i, QByteArrayLiteral("invalid character U+")
                             + QByteArray::number(uint(cp), 16).toUpper().rightJustified(4, '0'));
                push(TokenType::Invalid, i, i + length);
                m_pos = i + length;
                return;
            }
            break;
        }
        i += length;
        first = false;
        ascii = false;
    }
    if (ascii)
        pushAscii(TokenType::Identifier, start, i);
    else
        push(TokenType::Identifier, start, i);
    m_pos = i;
}

} // namespace EnvDeck::Hcl
