// SPDX-License-Identifier: GPL-3.0-or-later
// The lexer inside quoted strings and heredocs: literal text, escapes, template sequences.
#include "hcl/HclLexer.h"

#include "hcl/HclLexerPrivate.h"

#include <cstring>

namespace EnvDeck::Hcl {

using namespace LexerDetail;

// Decodes the literal text [start, end) of a quoted string. Returns false when it is the raw
// text unchanged (nothing to decode), so no copy is made.
bool Lexer::decodeQuotedLiteral(qsizetype start, qsizetype end, QByteArray &out)
{
    const char *p = m_data;
    bool changed = false;
    qsizetype copied = start;
    for (qsizetype i = start; i < end;) {
        const char c = p[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            const int length = utf8SequenceLength(i);
            if (length == 0) {
                error(i, QByteArrayLiteral("invalid UTF-8 encoding"));
                i += 1;
            } else {
                i += length;
            }
            continue;
        }
        if ((c == '$' || c == '%') && i + 2 < end && p[i + 1] == c && p[i + 2] == '{') {
            out.append(p + copied, i - copied);
            out.append(c);
            out.append('{');
            i += 3;
            copied = i;
            changed = true;
            continue;
        }
        if (c != '\\') {
            ++i;
            continue;
        }
        out.append(p + copied, i - copied);
        changed = true;
        const char e = i + 1 < end ? p[i + 1] : '\0';
        qsizetype consumed = 2;
        switch (e) {
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case '"':
            out.append('"');
            break;
        case '\\':
            out.append('\\');
            break;
        case 'u':
        case 'U': {
            const int digits = e == 'u' ? 4 : 8;
            char32_t cp = 0;
            bool valid = i + 2 + digits <= end;
            for (int d = 0; valid && d < digits; ++d) {
                const int v = hexValue(p[i + 2 + d]);
                valid = v >= 0;
                cp = (cp << 4) | char32_t(v < 0 ? 0 : v);
            }
            if (valid && (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) {
                error(i, QByteArrayLiteral("invalid unicode escape: U+")
                             + QByteArray::number(uint(cp), 16).toUpper()
                             + QByteArrayLiteral(" is not a character"));
            } else if (!valid) {
                error(i, QByteArrayLiteral("invalid unicode escape: \\") + e
                             + QByteArrayLiteral(" needs ") + QByteArray::number(digits)
                             + QByteArrayLiteral(" hexadecimal digits"));
                consumed = 2;
                break;
            } else {
                appendUtf8(out, cp);
            }
            consumed = 2 + digits;
            break;
        }
        default:
            error(i, QByteArrayLiteral("invalid escape sequence '\\")
                         + (e >= 0x21 && e < 0x7F ? QByteArray(1, e) : describeByte(e))
                         + QByteArrayLiteral("'"));
            consumed = e == '\0' ? 1 : 2;
            break;
        }
        i += consumed;
        copied = i;
    }
    if (changed)
        out.append(p + copied, end - copied);
    return changed;
}

void Lexer::lexQuoted(Frame &frame)
{
    const char *p = m_data;
    const qsizetype start = m_pos;
    const char c = p[start];
    const char next = start + 1 < m_size ? p[start + 1] : '\0';
    if (c == '"') {
        pushAscii(TokenType::CQuote, start, start + 1);
        m_pos = start + 1;
        m_frames.pop_back();
        return;
    }
    if (c == '\n' || (c == '\r' && next == '\n')) {
        error(frame.opened,
              QByteArrayLiteral("unterminated string: expected '\"' before the end of "
                                "the line"));
        push(TokenType::CQuote, start, start);
        m_frames.pop_back();
        return;
    }
    if ((c == '$' || c == '%') && next == '{') {
        const bool strip = start + 2 < m_size && p[start + 2] == '~';
        const qsizetype end = start + (strip ? 3 : 2);
        Frame sequence;
        sequence.opened = positionAt(start);
        pushAscii(c == '$' ? TokenType::TemplateInterp : TokenType::TemplateControl, start, end,
                  strip);
        m_pos = end;
        m_frames.push_back(sequence);
        return;
    }
    qsizetype i = start;
    while (i < m_size) {
        const char d = p[i];
        if (d == '"' || d == '\n' || (d == '\r' && i + 1 < m_size && p[i + 1] == '\n'))
            break;
        if (d == '\\') {
            i += (i + 1 < m_size && p[i + 1] != '\n' && p[i + 1] != '\r') ? 2 : 1;
            continue;
        }
        if ((d == '$' || d == '%') && i + 1 < m_size && p[i + 1] == '{')
            break;
        if ((d == '$' || d == '%') && i + 2 < m_size && p[i + 1] == d && p[i + 2] == '{') {
            i += 3;
            continue;
        }
        ++i;
    }
    QByteArray decoded;
    qint32 index = -1;
    if (decodeQuotedLiteral(start, i, decoded)) {
        index = qint32(m_decoded.size());
        m_decoded.push_back(std::move(decoded));
    }
    push(TokenType::TemplateLiteral, start, i, false, index);
    m_pos = i;
}

// A heredoc line as HCL reads it: `$${` and `%%{` decoded, nothing else (no escapes), and the
// line ending kept as written (`\r\n` stays in a CRLF file, as in HashiCorp's parser).
void Lexer::emitHeredocLiteral(qsizetype start, qsizetype end)
{
    const char *p = m_data;
    QByteArray out;
    qsizetype copied = start;
    bool changed = false;
    for (qsizetype i = start; i < end;) {
        const char c = p[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            const int length = utf8SequenceLength(i);
            if (length == 0)
                error(i, QByteArrayLiteral("invalid UTF-8 encoding"));
            i += length == 0 ? 1 : length;
            continue;
        }
        if ((c == '$' || c == '%') && i + 2 < end && p[i + 1] == c && p[i + 2] == '{') {
            out.append(p + copied, i + 1 - copied); // keep one '$' / '%'
            i += 2;
            copied = i;
            changed = true;
            continue;
        }
        ++i;
    }
    qint32 index = -1;
    if (changed) {
        out.append(p + copied, end - copied);
        index = qint32(m_decoded.size());
        m_decoded.push_back(std::move(out));
    }
    push(TokenType::TemplateLiteral, start, end, false, index);
    m_pos = end;
}

void Lexer::lexHeredoc(Frame &frame)
{
    const char *p = m_data;
    const qsizetype start = m_pos;
    if (frame.atLineStart) {
        qsizetype i = start;
        while (i < m_size && (p[i] == ' ' || p[i] == '\t'))
            ++i;
        const qsizetype length = frame.markerLength;
        if (i + length <= m_size && memcmp(p + i, p + frame.markerStart, size_t(length)) == 0) {
            const qsizetype after = i + length;
            if (after == m_size || p[after] == '\n'
                || (p[after] == '\r' && after + 1 < m_size && p[after + 1] == '\n')) {
                push(TokenType::CHeredoc, start, after);
                m_pos = after;
                m_frames.pop_back();
                return;
            }
        }
    }
    const char c = p[start];
    const char next = start + 1 < m_size ? p[start + 1] : '\0';
    if ((c == '$' || c == '%') && next == '{') {
        const bool strip = start + 2 < m_size && p[start + 2] == '~';
        const qsizetype end = start + (strip ? 3 : 2);
        frame.atLineStart = false;
        Frame sequence;
        sequence.opened = positionAt(start);
        pushAscii(c == '$' ? TokenType::TemplateInterp : TokenType::TemplateControl, start, end,
                  strip);
        m_pos = end;
        m_frames.push_back(sequence);
        return;
    }
    qsizetype i = start;
    frame.atLineStart = false;
    while (i < m_size) {
        const char d = p[i];
        if (d == '\n') {
            ++i;
            frame.atLineStart = true;
            break;
        }
        if ((d == '$' || d == '%') && i + 1 < m_size && p[i + 1] == '{')
            break;
        if ((d == '$' || d == '%') && i + 2 < m_size && p[i + 1] == d && p[i + 2] == '{') {
            i += 3;
            continue;
        }
        ++i;
    }
    emitHeredocLiteral(start, i);
}

} // namespace EnvDeck::Hcl
