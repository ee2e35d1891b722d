// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Surgical edits of an HCL2 file: a Document keeps the source bytes and their parsed tree in
// step, and every edit splices only the bytes it has to change (comments, blank lines,
// alignment and line endings elsewhere stay exactly as written). After each edit the new text
// is parsed again; an edit whose result does not parse, or does not mean what was asked, is
// refused with an Error and the document stays as it was.

#include "core/Result.h"
#include "hcl/HclAst.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace EnvDeck::Hcl {

// One step of a path from the top of a file to a body: a block of this type with exactly these
// labels (decoded UTF-8, as in BlockLabel::value). `{"module", {"vpc"}}` is `module "vpc" {`.
struct BlockSelector
{
    QByteArray type;
    QList<QByteArray> labels;

    // `module "vpc"`, for messages.
    QByteArray describe() const;
};

// Blocks from the top of the file down; empty means the file's top-level body.
using BlockPath = QList<BlockSelector>;

// A quoted HCL string literal whose value is utf8: `"` and `\` are escaped, `${` and `%{` are
// doubled so they stay text, control characters become \n, \r, \t or \uXXXX.
QByteArray quoteString(const QByteArray &utf8);

// Rebuilds the text of a parsed file by walking its tree: for every node the bytes between the
// previous node and it, then its own bytes (a block as type, labels, braces and inner items).
// Equal to source byte for byte exactly when the tree's ranges are ordered and contiguous.
QByteArray print(const File &file, const QByteArray &source);

class Document
{
public:
    // Fails (with file:line:column of the first syntax error) when source does not parse:
    // a file that does not parse is never edited.
    static Result<Document> parse(QByteArray source, QString fileName);
    static Result<Document> load(const QString &path);

    const QByteArray &text() const { return m_text; }
    const File &file() const { return m_file; }
    const QString &fileName() const { return m_file.fileName; }
    // "\r\n" when the file's first line ends so, otherwise "\n"; new lines are written with it.
    QByteArray lineEnding() const;
    // The text differs from what was parsed, loaded or last saved.
    bool isModified() const { return m_text != m_savedText; }

    // The block at path (nullptr for the empty path, the top level). Errors name the step that
    // was not found or matched more than one block.
    Result<const Block *> findBlock(const BlockPath &path) const;

    // Replaces only the expression's bytes when the attribute exists. Otherwise adds
    // `name = expression` on a new line after the body's last attribute (before its nested
    // blocks), indented like its siblings, with `=` aligned when the neighbours are aligned
    // (re-aligning them when the new name is longer, as `terraform fmt` would). A one-line
    // block (`variable "x" { default = 1 }`) is expanded to one item per line.
    // expression is HCL source text, e.g. `"eu-west-1"` (see quoteString) or `var.region`:
    // exactly one expression, no comments. Its continuation lines, when written from column 0,
    // are indented like the attribute's line (heredoc contents are never touched). An attribute
    // cannot take the name of a nested block.
    Result<void> setAttribute(const BlockPath &path, const QByteArray &name,
                              const QByteArray &expression);
    // Removes the attribute's whole lines with its trailing comment; a blank line that would
    // be left doubled (or at the start or end of the body) goes with it.
    Result<void> removeAttribute(const BlockPath &path, const QByteArray &name);
    // Appends `type "label" { bodyText }` at the end of the body at parent, after a blank line,
    // indented to the body's level. bodyText's lines are re-indented (heredoc contents are kept
    // as they are); it must parse as a body.
    Result<void> addBlock(const BlockPath &parent, const QByteArray &type,
                          const QList<QByteArray> &labels, const QByteArray &bodyText = {});
    // Removes the block's lines, and the blank line that separated it from its neighbours.
    Result<void> removeBlock(const BlockPath &path);
    // Quoted labels stay quoted (newLabel is escaped); unquoted ones must stay identifiers.
    Result<void> renameLabel(const BlockPath &path, int labelIndex, const QByteArray &newLabel);

    // Replace the expression that starts at line:column (1-based, columns in code points as in
    // Position). When several start there (`a + b` at `a`), the innermost one is replaced.
    // Refused when the new text would not stay one expression there (`x * 2` -> `x * 1 + 1`:
    // write `(1 + 1)`). Positions are those of file() now, not of an older tree.
    Result<void> replaceExpressionAt(int line, int column, const QByteArray &expression);
    Result<void> replaceExpressionAt(const Position &position, const QByteArray &expression);
    // Replaces the quoted string that starts at line:column with quoteString(value).
    Result<void> setStringAt(int line, int column, const QByteArray &value);
    // Inside the quoted string that starts at line:column, replaces the one occurrence of the
    // text before (decoded, outside interpolations) with after: `?ref=v1` -> `?ref=v2`.
    Result<void> replaceInStringAt(int line, int column, const QByteArray &before,
                                   const QByteArray &after);
    // Replaces the bytes [start, end) of text(); refused when the result does not parse.
    Result<void> replaceRange(qsizetype start, qsizetype end, const QByteArray &bytes);

    // Writes text() atomically (QSaveFile); does not touch the file when it already holds
    // exactly these bytes.
    Result<void> save(const QString &path);

private:
    struct Splice
    {
        qsizetype start = 0;
        qsizetype end = 0;
        QByteArray bytes;
    };
    // Checks the result of an edit; returns an error to refuse it.
    using Check = std::function<Result<void>(const File &, const QByteArray &)>;

    struct BodyRef
    {
        const Body *body = nullptr;
        const Block *block = nullptr; // nullptr: the top level
    };

    Document(QByteArray text, File file);

    static Result<BodyRef> findBody(const File &file, const BlockPath &path);
    static QString describeBody(const File &file, const BodyRef &ref);
    static SourceLocation locationOf(const File &file, const Position &position);
    static SourceLocation locationOf(const File &file, const BodyRef &ref);
    QByteArray toFileLineEndings(const QByteArray &text) const;
    QByteArray bodyIndent(const BodyRef &ref) const;
    QByteArray indentUnit() const;
    bool isOneLine(const Block &block) const;

    Result<void> apply(QList<Splice> splices, const QString &what, const Check &check = {});
    Result<QByteArray> expressionBytes(const QByteArray &expression,
                                       const QByteArray &indent) const;
    static Check expressionCheck(qsizetype start, qsizetype length);
    Result<QList<Splice>> insertAttribute(const BodyRef &ref, const QByteArray &name,
                                          const QByteArray &expression) const;
    QList<Splice> alignedInsert(const BodyRef &ref, const Attribute &last, qsizetype at,
                                const QByteArray &name, const QByteArray &expression) const;
    Result<Splice> removeItem(const BodyRef &ref, const Range &item) const;
    Splice expandOneLine(const Block &block, const QByteArray &newItem, bool blankLine) const;
    Result<QByteArray> blockText(const QByteArray &indent, const QByteArray &type,
                                 const QList<QByteArray> &labels, const QByteArray &bodyText) const;
    Result<const Expression *> expressionAt(int line, int column) const;
    Result<const Expression *> quotedStringAt(int line, int column) const;

    QByteArray m_text;
    QByteArray m_savedText;
    File m_file;
};

} // namespace EnvDeck::Hcl
