// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace EnvDeck {

// HCL (Terraform .tf, .tfvars, .hcl) colouring for the file viewer: comments (#, //, /* */),
// strings with ${...} interpolations, heredocs (<<EOT, <<-EOT), numbers, true/false/null, block
// types at the start of a line and attribute names before `=`. Colours for a light or a dark base.
class HclHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Token { Comment, String, Interpolation, Number, Keyword, BlockType, Attribute };

    HclHighlighter(QTextDocument *document, bool dark);

    bool isDark() const { return m_dark; }
    void setDark(bool dark);

    static QTextCharFormat format(Token token, bool dark);
    // True for the files this highlighter understands (by suffix).
    static bool handles(const QString &fileName);

protected:
    void highlightBlock(const QString &text) override;

private:
    // Colours a string starting at the quote at `start`; returns the index after its end.
    qsizetype highlightString(const QString &text, qsizetype start);

    bool m_dark = false;
};

} // namespace EnvDeck
