// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace EnvDeck {

// Colours a unified diff line by line: added and removed lines get a green and red background,
// hunk headers ("@@ -1,4 +1,5 @@") blue text, file headers ("diff --git", "---", "+++") bold.
// A line's meaning depends on where it stands: "--- a" is a file header before the first hunk
// and a removed "-- a" inside one, so the block state remembers whether a hunk is open.
class DiffHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Line { Context, Added, Removed, Hunk, FileHeader, Note };
    Q_ENUM(Line)

    explicit DiffHighlighter(QTextDocument *document, bool dark = false);

    // Colours for a dark palette (light text on a dark base) or a light one; rehighlights.
    void setDark(bool dark);
    bool isDark() const { return m_dark; }

    // What `text` is, given whether a hunk is open before it.
    static Line classify(QStringView text, bool inHunk);
    // The format of a kind of line; Context is the default format (nothing set).
    static QTextCharFormat format(Line line, bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    bool m_dark = false;
};

// A read-only, monospace view of one file's unified diff, highlighted with colours that follow
// the palette (light or dark).
class DiffView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit DiffView(QWidget *parent = nullptr);

    // Shows `patch`; an empty patch shows `emptyText` greyed instead ("No textual changes").
    void setPatch(const QString &patch, const QString &emptyText = {});
    DiffHighlighter *highlighter() const { return m_highlighter; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColours();
    void updateLineBackgrounds();

    DiffHighlighter *m_highlighter = nullptr;
};

} // namespace EnvDeck
