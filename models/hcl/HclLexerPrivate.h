// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers shared by HclLexer.cpp and HclLexerTemplate.cpp.

#include <QByteArray>

namespace EnvDeck::Hcl::LexerDetail {

inline constexpr int MaxLexErrors = 100;

inline bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
inline bool isAsciiIdStart(char c)
{
    return isAsciiLetter(c) || c == '_';
}
// A table: identifiers are a third of a Terraform file's bytes.
struct AsciiIdContinueTable
{
    bool values[256] = {};
    constexpr AsciiIdContinueTable()
    {
        for (int c = 0; c < 128; ++c)
            values[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '_' || c == '-';
    }
};
inline constexpr AsciiIdContinueTable asciiIdContinueTable;

inline bool isAsciiIdContinue(char c)
{
    return asciiIdContinueTable.values[static_cast<unsigned char>(c)];
}
inline int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

inline void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

inline char32_t decodeUtf8(const char *p, int length)
{
    const auto b = [p](int i) { return char32_t(static_cast<unsigned char>(p[i])); };
    switch (length) {
    case 1:
        return b(0);
    case 2:
        return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3:
        return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default:
        return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    }
}

inline QByteArray describeByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7F)
        return QByteArrayLiteral("'") + c + QByteArrayLiteral("'");
    return QByteArrayLiteral("U+") + QByteArray::number(u, 16).toUpper().rightJustified(4, '0');
}

} // namespace EnvDeck::Hcl::LexerDetail
