// SPDX-License-Identifier: GPL-3.0-or-later
#include "HclHighlighter.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextBlockUserData>

namespace EnvDeck {

namespace {

enum BlockState { Normal = -1, InBlockComment = 1, InHeredoc = 2 };

// The terminator of the heredoc a block is inside ("EOT" for `<<-EOT`).
class HeredocData : public QTextBlockUserData
{
public:
    explicit HeredocData(QString terminator)
        : terminator(std::move(terminator))
    {}
    QString terminator;
};

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-');
}

} // namespace

HclHighlighter::HclHighlighter(QTextDocument *document, bool dark)
    : QSyntaxHighlighter(document)
    , m_dark(dark)
{}

void HclHighlighter::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    rehighlight();
}

QTextCharFormat HclHighlighter::format(Token token, bool dark)
{
    QTextCharFormat format;
    switch (token) {
    case Token::Comment:
        format.setForeground(dark ? QColor(0x8a, 0x99, 0x8a) : QColor(0x6a, 0x73, 0x6a));
        format.setFontItalic(true);
        break;
    case Token::String:
        format.setForeground(dark ? QColor(0xe6, 0xa4, 0x72) : QColor(0xa3, 0x4a, 0x0c));
        break;
    case Token::Interpolation:
        format.setForeground(dark ? QColor(0x8c, 0xc8, 0xff) : QColor(0x1a, 0x5f, 0xb4));
        break;
    case Token::Number:
        format.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
        break;
    case Token::Keyword:
        format.setForeground(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x33, 0xb3));
        format.setFontWeight(QFont::Bold);
        break;
    case Token::BlockType:
        format.setForeground(dark ? QColor(0xc5, 0x86, 0xc0) : QColor(0x87, 0x10, 0x94));
        format.setFontWeight(QFont::Bold);
        break;
    case Token::Attribute:
        format.setForeground(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x00, 0x5c, 0x78));
        break;
    }
    return format;
}

bool HclHighlighter::handles(const QString &fileName)
{
    return fileName.endsWith(QLatin1String(".tf")) || fileName.endsWith(QLatin1String(".tfvars"))
           || fileName.endsWith(QLatin1String(".hcl"));
}

void HclHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression blockType(QStringLiteral(
        "^\\s*([A-Za-z_][A-Za-z0-9_-]*)(?=\\s*(\"|\\{|[A-Za-z_][A-Za-z0-9_-]*\\s*\\{))"));
    static const QRegularExpression attribute(
        QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*=(?!=)"));
    static const QRegularExpression number(QStringLiteral("\\b\\d+(\\.\\d+)?([eE][+-]?\\d+)?\\b"));
    static const QRegularExpression keyword(QStringLiteral("\\b(true|false|null)\\b"));

    static const QRegularExpression heredocStart(
        QStringLiteral("<<-?([A-Za-z_][A-Za-z0-9_]*)\\s*$"));
    static const QRegularExpression interpolation(QStringLiteral("[$%]\\{[^}]*\\}"));

    setCurrentBlockState(Normal);
    if (previousBlockState() == InHeredoc) {
        const auto *data = dynamic_cast<HeredocData *>(currentBlock().previous().userData());
        const QString terminator = data ? data->terminator : QString();
        setFormat(0, int(text.size()), format(Token::String, m_dark));
        if (text.trimmed() == terminator)
            return;
        auto it = interpolation.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()),
                      format(Token::Interpolation, m_dark));
        }
        setCurrentBlockUserData(new HeredocData(terminator));
        setCurrentBlockState(InHeredoc);
        return;
    }
    qsizetype i = 0;
    if (previousBlockState() == InBlockComment) {
        const qsizetype end = text.indexOf(QLatin1String("*/"));
        if (end < 0) {
            setFormat(0, int(text.size()), format(Token::Comment, m_dark));
            setCurrentBlockState(InBlockComment);
            return;
        }
        setFormat(0, int(end + 2), format(Token::Comment, m_dark));
        i = end + 2;
    }

    // Line-start tokens, unless the line continues a comment.
    if (i == 0) {
        if (const auto match = attribute.match(text); match.hasMatch())
            setFormat(int(match.capturedStart(1)), int(match.capturedLength(1)),
                      format(Token::Attribute, m_dark));
        else if (const auto block = blockType.match(text); block.hasMatch())
            setFormat(int(block.capturedStart(1)), int(block.capturedLength(1)),
                      format(Token::BlockType, m_dark));
    }

    // Code between strings and comments: numbers and keywords.
    const auto code = [this, &text](qsizetype from, qsizetype to) {
        const QString part = text.mid(from, to - from);
        for (const QRegularExpression *expression : {&number, &keyword}) {
            auto it = expression->globalMatch(part);
            while (it.hasNext()) {
                const auto match = it.next();
                const qsizetype start = from + match.capturedStart();
                // A digit inside an identifier (subnet_2) is not a number.
                if (expression == &number && start > 0 && isIdentifierChar(text.at(start - 1)))
                    continue;
                setFormat(int(start), int(match.capturedLength()),
                          format(expression == &number ? Token::Number : Token::Keyword, m_dark));
            }
        }
    };

    qsizetype codeStart = i;
    while (i < text.size()) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (c == QLatin1Char('#') || (c == QLatin1Char('/') && next == QLatin1Char('/'))) {
            code(codeStart, i);
            setFormat(int(i), int(text.size() - i), format(Token::Comment, m_dark));
            return;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            code(codeStart, i);
            const qsizetype end = text.indexOf(QLatin1String("*/"), i + 2);
            if (end < 0) {
                setFormat(int(i), int(text.size() - i), format(Token::Comment, m_dark));
                setCurrentBlockState(InBlockComment);
                return;
            }
            setFormat(int(i), int(end + 2 - i), format(Token::Comment, m_dark));
            i = end + 2;
            codeStart = i;
            continue;
        }
        if (c == QLatin1Char('"')) {
            code(codeStart, i);
            i = highlightString(text, i);
            codeStart = i;
            continue;
        }
        ++i;
    }
    code(codeStart, text.size());
    // `<<EOT` at the end of the line: the following lines up to EOT are one string.
    const QRegularExpressionMatch heredoc = heredocStart.match(text, codeStart);
    if (heredoc.hasMatch()) {
        setCurrentBlockUserData(new HeredocData(heredoc.captured(1)));
        setCurrentBlockState(InHeredoc);
    }
}

qsizetype HclHighlighter::highlightString(const QString &text, qsizetype start)
{
    const QTextCharFormat string = format(Token::String, m_dark);
    const QTextCharFormat interpolation = format(Token::Interpolation, m_dark);
    qsizetype i = start + 1;
    setFormat(int(start), 1, string);
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            setFormat(int(i), 2, string);
            i += 2;
            continue;
        }
        if (c == QLatin1Char('"')) {
            setFormat(int(i), 1, string);
            return i + 1;
        }
        if ((c == QLatin1Char('$') || c == QLatin1Char('%')) && i + 1 < text.size()
            && text.at(i + 1) == QLatin1Char('{')) {
            // ${ ... } up to the matching brace; nested braces (maps, for) are counted.
            qsizetype end = i + 2;
            int depth = 1;
            while (end < text.size() && depth > 0) {
                if (text.at(end) == QLatin1Char('{'))
                    ++depth;
                else if (text.at(end) == QLatin1Char('}'))
                    --depth;
                ++end;
            }
            setFormat(int(i), int(end - i), interpolation);
            i = end;
            continue;
        }
        setFormat(int(i), 1, string);
        ++i;
    }
    return i;
}

} // namespace EnvDeck
