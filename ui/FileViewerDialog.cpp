// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileViewerDialog.h"

#include "HclHighlighter.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace EnvDeck {

FileViewerDialog::FileViewerDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("fileViewer"));
    m_editor = new QPlainTextEdit(this);
    m_editor->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto layout = new QVBoxLayout(this);
    layout->addWidget(m_editor);
    layout->addWidget(buttons);
    resize(820, 560);
}

bool FileViewerDialog::showFile(const QString &absolutePath, const QString &displayPath, int line,
                                int column, QString *error)
{
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    // The highlighter goes before the text so the document is coloured once.
    delete m_highlighter;
    m_highlighter = nullptr;
    if (HclHighlighter::handles(absolutePath))
        m_highlighter = new HclHighlighter(
            m_editor->document(), m_editor->palette().color(QPalette::Base).lightness() < 128);
    m_editor->setPlainText(QString::fromUtf8(file.readAll()));
    setWindowTitle(line > 0 ? tr("%1 — line %2").arg(displayPath).arg(line) : displayPath);
    if (line > 0) {
        const QTextBlock block = m_editor->document()->findBlockByNumber(line - 1);
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qMax(0, column - 1));
        m_editor->setTextCursor(cursor);
        QTextEdit::ExtraSelection highlight;
        highlight.format.setBackground(palette().color(QPalette::Highlight).lighter(170));
        highlight.format.setProperty(QTextFormat::FullWidthSelection, true);
        highlight.cursor = QTextCursor(block);
        m_editor->setExtraSelections({highlight});
        m_editor->centerCursor();
    }
    return true;
}

} // namespace EnvDeck
