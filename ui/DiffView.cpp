// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiffView.h"

#include <QEvent>
#include <QFontDatabase>
#include <QTextBlock>

namespace EnvDeck {

namespace {

// Block states: -1 (Qt's "unset") and OutsideHunk both mean file headers may follow.
constexpr int OutsideHunk = 0;
constexpr int InsideHunk = 1;

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

DiffHighlighter::DiffHighlighter(QTextDocument *document, bool dark)
    : QSyntaxHighlighter(document)
    , m_dark(dark)
{}

void DiffHighlighter::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    rehighlight();
}

DiffHighlighter::Line DiffHighlighter::classify(QStringView text, bool inHunk)
{
    if (text.startsWith(u"@@"))
        return Line::Hunk;
    if (text.startsWith(u"diff "))
        return Line::FileHeader;
    if (!inHunk)
        return Line::FileHeader; // "index …", "--- a/…", "+++ b/…", "new file mode …"
    if (text.startsWith(u'+'))
        return Line::Added;
    if (text.startsWith(u'-'))
        return Line::Removed;
    if (text.startsWith(u'\\'))
        return Line::Note; // "\ No newline at end of file"
    return Line::Context;
}

QTextCharFormat DiffHighlighter::format(Line line, bool dark)
{
    QTextCharFormat format;
    switch (line) {
    case Line::Context:
        break;
    case Line::Added:
        format.setBackground(dark ? QColor(0x1f, 0x4a, 0x2c) : QColor(0xd8, 0xf5, 0xdd));
        break;
    case Line::Removed:
        format.setBackground(dark ? QColor(0x5c, 0x21, 0x26) : QColor(0xfd, 0xdd, 0xdf));
        break;
    case Line::Hunk:
        format.setForeground(dark ? QColor(0x79, 0xb8, 0xff) : QColor(0x05, 0x50, 0xae));
        format.setBackground(dark ? QColor(0x1a, 0x2a, 0x40) : QColor(0xe8, 0xf1, 0xfb));
        break;
    case Line::FileHeader:
        format.setFontWeight(QFont::Bold);
        break;
    case Line::Note:
        format.setFontItalic(true);
        format.setForeground(dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x6a, 0x6a, 0x6a));
        break;
    }
    return format;
}

void DiffHighlighter::highlightBlock(const QString &text)
{
    const bool inHunk = previousBlockState() == InsideHunk;
    const Line line = classify(text, inHunk);
    if (line == Line::Hunk)
        setCurrentBlockState(InsideHunk);
    else if (line == Line::FileHeader)
        setCurrentBlockState(OutsideHunk);
    else
        setCurrentBlockState(inHunk ? InsideHunk : OutsideHunk);
    if (line != Line::Context)
        setFormat(0, int(text.size()), format(line, m_dark));
}

DiffView::DiffView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("diffView"));
    setAccessibleName(tr("Changes of the selected file"));
    setReadOnly(true);
    // Diffs are about columns: wrapping would make indentation changes unreadable.
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_highlighter = new DiffHighlighter(document(), isDarkPalette(palette()));
}

void DiffView::setPatch(const QString &patch, const QString &emptyText)
{
    setPlaceholderText(emptyText);
    setPlainText(patch);
    updateLineBackgrounds();
}

void DiffView::updateLineBackgrounds()
{
    // The highlighter colours the characters only; these selections carry the same background to
    // the right edge, so added and removed lines read as lines, as in every diff tool.
    QList<QTextEdit::ExtraSelection> selections;
    const bool dark = m_highlighter->isDark();
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const bool inHunk
            = block.previous().isValid() && block.previous().userState() == InsideHunk;
        const DiffHighlighter::Line line = DiffHighlighter::classify(block.text(), inHunk);
        if (line != DiffHighlighter::Line::Added && line != DiffHighlighter::Line::Removed
            && line != DiffHighlighter::Line::Hunk)
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(block);
        selection.format.setBackground(DiffHighlighter::format(line, dark).background());
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(selection);
    }
    setExtraSelections(selections);
}

void DiffView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

void DiffView::updateColours()
{
    m_highlighter->setDark(isDarkPalette(palette()));
    updateLineBackgrounds();
}

} // namespace EnvDeck
