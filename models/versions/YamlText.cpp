// SPDX-License-Identifier: GPL-3.0-or-later
#include "YamlText.h"

#include <QRegularExpression>

namespace EnvDeck::Versions::YamlText {

bool readsAsNonString(const QString &text)
{
    // The YAML 1.2 core schema plus what YAML 1.1 readers still resolve (yes/no/on/off, octal
    // with a leading 0, sexagesimal numbers, underscores in numbers, timestamps).
    static const QRegularExpression nonString(QStringLiteral(
        "^(?:"
        "~|null|Null|NULL"
        "|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
        "|[-+]?[0-9][0-9_]*"
        "|0o[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+"
        "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?"
        "|[-+]?(?:\\.[0-9][0-9_]*|[0-9][0-9_]*\\.[0-9_]*|[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?"
        "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
        "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?"
        "|<<|="
        ")$"));
    return nonString.match(text).hasMatch();
}

bool needsQuotes(const QString &text, bool inFlow, bool tagged)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return true;
    const QChar first = text.front();
    const QChar second = text.size() > 1 ? text.at(1) : QChar(u' ');
    if (QStringView(u",[]{}#&*!|>'\"%@`").contains(first))
        return true;
    if ((first == u'-' || first == u'?' || first == u':') && second.isSpace())
        return true;
    if (text.contains(u": ") || text.contains(u" #") || text.endsWith(u':') || text.contains(u'\t'))
        return true;
    if (inFlow) {
        for (const QChar c : text) {
            if (QStringView(u",[]{}").contains(c))
                return true;
        }
    }
    return !tagged && readsAsNonString(text);
}

QByteArray singleQuoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\'', QStringLiteral("''"));
    return '\'' + escaped.toUtf8() + '\'';
}

QByteArray doubleQuoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'"', QStringLiteral("\\\""));
    return '"' + escaped.toUtf8() + '"';
}

Result<QByteArray> render(const QString &text, YamlNode::Style style, bool inFlow, char quote,
                          bool tagged)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return Error(QStringLiteral("the value must be one line of text without control "
                                        "characters"));
    }
    switch (style) {
    case YamlNode::Style::SingleQuoted:
        return singleQuoted(text);
    case YamlNode::Style::DoubleQuoted:
        return doubleQuoted(text);
    case YamlNode::Style::Plain:
        if (!needsQuotes(text, inFlow, tagged))
            return text.toUtf8();
        return quote == '\'' ? singleQuoted(text) : doubleQuoted(text);
    case YamlNode::Style::Literal:
    case YamlNode::Style::Folded:
        break;
    }
    return Error(QStringLiteral("the value is written as a block scalar (`|` or `>`); EnvDeck "
                                "only replaces one-line values"));
}

} // namespace EnvDeck::Versions::YamlText
