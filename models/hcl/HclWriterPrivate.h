// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Line and layout helpers of the HCL writer (HclWriter*.cpp), on raw source bytes.

#include "hcl/HclAst.h"
#include "hcl/HclWriter.h"

#include <QByteArray>
#include <QLoggingCategory>

#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcHcl) // defined with the lexer: one category for the hcl module

namespace EnvDeck::Hcl::WriterText {

// 3 when source starts with a UTF-8 byte order mark, else 0.
qsizetype bomLength(const QByteArray &source);

// The offset where the line holding offset starts (after a byte order mark on line 1).
qsizetype lineStart(const QByteArray &source, qsizetype offset);

// The offset after the next '\n' at or after offset; source.size() when there is none.
qsizetype nextLineStart(const QByteArray &source, qsizetype offset);

// From offset, skips blanks and comments up to the end of the line. Returns the offset after
// the '\n' that ends the line, source.size() at the end of a file without a final newline, or
// -1 when something else follows on the line.
qsizetype endOfLineAfter(const QByteArray &source, qsizetype offset);

// The line starting at start exists and holds only blanks.
bool isBlankLine(const QByteArray &source, qsizetype start);

// Only spaces, tabs, '\r' and '\n' in [from, to).
bool isWhitespace(const QByteArray &source, qsizetype from, qsizetype to);

// Only blanks and /* */ comments in [from, to) (what may precede an item on its line).
bool onlyBlanksAndComments(const QByteArray &source, qsizetype from, qsizetype to);

// The blanks between the start of offset's line and offset; null when anything else is there.
QByteArray indentBefore(const QByteArray &source, qsizetype offset);

// The blanks at the start of offset's line.
QByteArray lineIndent(const QByteArray &source, qsizetype offset);

// The number of code points in utf8 (for column arithmetic).
int codePoints(const QByteArray &utf8);

// "\r\n" -> "\n", then "\n" -> lineEnding.
QByteArray withLineEndings(QByteArray text, const QByteArray &lineEnding);

// Every expression of the file, parents before children, without recursion (operator chains
// can be very deep).
void forEachExpression(const Body &body, const std::function<void(const Expression &)> &visit);

// Every block of the file (depth bounded by the parser's nesting limit), parents first.
void forEachBlock(const Body &body, const std::function<void(const Block &)> &visit);

// The escaped text of a quoted string without its quotes.
QByteArray escapeStringText(const QByteArray &utf8);

// The selector that matches block.
BlockSelector selectorOf(const Block &block);

// utf8 parses as an identifier (a block type or an unquoted label).
bool isIdentifier(const QByteArray &utf8);

} // namespace EnvDeck::Hcl::WriterText
