// SPDX-License-Identifier: GPL-3.0-or-later
#include "TsFile.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>

namespace EnvDeck::TsFile {
namespace {

SourceLocation here(const QString &path, const QXmlStreamReader &xml)
{
    return {path, int(xml.lineNumber()), int(xml.columnNumber())};
}

// Where the element whose start tag the reader has just read begins: the reader itself stands
// after the tag's '>', and a problem is easier to find at its '<'.
SourceLocation elementStart(const QString &path, const QString &text, const QXmlStreamReader &xml)
{
    const qsizetype open = text.lastIndexOf(u'<', qsizetype(xml.characterOffset()) - 1);
    if (open < 0)
        return here(path, xml);
    const qsizetype lineStart = text.lastIndexOf(u'\n', open) + 1;
    return {path, int(text.left(open).count(u'\n')) + 1, int(open - lineStart) + 1};
}

// Reads one <translation> element (the reader is on its start tag) into `message`.
void readTranslation(QXmlStreamReader &xml, Message &message)
{
    message.type = xml.attributes().value(QLatin1String("type")).toString();
    if (!message.numerus) {
        message.translations = {xml.readElementText(QXmlStreamReader::IncludeChildElements)};
        return;
    }
    while (xml.readNextStartElement()) {
        if (xml.name() == u"numerusform")
            message.translations.append(xml.readElementText());
        else
            xml.skipCurrentElement();
    }
}

Message readMessage(QXmlStreamReader &xml, const QString &path, const QString &text,
                    const QString &context)
{
    Message message;
    message.context = context;
    // The <message> itself until a <translation> is found, for messages that lack one.
    message.location = elementStart(path, text, xml);
    message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
    while (xml.readNextStartElement()) {
        if (xml.name() == u"source") {
            message.source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            message.location = elementStart(path, text, xml);
            readTranslation(xml, message);
        } else {
            xml.skipCurrentElement();
        }
    }
    return message;
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString numbers(const QList<int> &list)
{
    QStringList parts;
    for (int number : list)
        parts.append(QLatin1Char('%') + QString::number(number));
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QLatin1Char(' '));
}

QStringList checkMessage(const Message &message)
{
    // Entries lupdate keeps only for reference are not shown, so they need no translation.
    if (message.type == u"vanished" || message.type == u"obsolete")
        return {};
    const QString where = message.location.toString() + QStringLiteral(": ");
    if (message.type == u"unfinished")
        return {where + QStringLiteral("unfinished translation of ") + quoted(message.source)};
    if (message.translations.isEmpty()
        || std::any_of(message.translations.cbegin(), message.translations.cend(),
                       [](const QString &text) { return text.trimmed().isEmpty(); }))
        return {where + QStringLiteral("empty translation of ") + quoted(message.source)};

    QStringList problems;
    const QList<int> expected = placeholders(message.source);
    const int expectedMnemonics = mnemonics(message.source);
    for (const QString &translation : message.translations) {
        const QList<int> found = placeholders(translation);
        if (found != expected)
            problems.append(where
                            + QStringLiteral("placeholders %1 in the translation %2, but %3 in ")
                                  .arg(numbers(found), quoted(translation), numbers(expected))
                            + quoted(message.source));
        if (mnemonics(translation) != expectedMnemonics)
            problems.append(where
                            + QStringLiteral("%1 & mnemonic(s) in the translation %2, but %3 in ")
                                  .arg(QString::number(mnemonics(translation)), quoted(translation),
                                       QString::number(expectedMnemonics))
                            + quoted(message.source));
    }
    return problems;
}

} // namespace

Result<Contents> read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot open the file: ") + file.errorString(), {path});

    // Decoded first, so that the reader's character offsets index into the text. lupdate writes
    // .ts files in UTF-8 only.
    const QString text = QString::fromUtf8(file.readAll());
    Contents contents;
    QXmlStreamReader xml(text);
    if (!xml.readNextStartElement() || xml.name() != u"TS") {
        if (!xml.hasError())
            return Error(QStringLiteral("not a Qt Linguist file (no <TS> element)"),
                         here(path, xml));
    } else {
        contents.language = xml.attributes().value(QLatin1String("language")).toString();
        while (xml.readNextStartElement()) {
            if (xml.name() != u"context") {
                xml.skipCurrentElement();
                continue;
            }
            QString context;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"name")
                    context = xml.readElementText();
                else if (xml.name() == u"message")
                    contents.messages.append(readMessage(xml, path, text, context));
                else
                    xml.skipCurrentElement();
            }
        }
    }
    if (xml.hasError())
        return Error(xml.errorString(), here(path, xml));
    return contents;
}

QStringList check(const QString &path)
{
    const Result<Contents> contents = read(path);
    if (!contents)
        return {contents.error().toString()};
    QStringList problems;
    for (const Message &message : contents->messages)
        problems += checkMessage(message);
    return problems;
}

QList<int> placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?(\\d{1,2})"));
    QList<int> found;
    for (const QRegularExpressionMatch &match : placeholder.globalMatch(text))
        found.append(match.captured(1).toInt());
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

int mnemonics(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (i + 1 < text.size() && text.at(i + 1) == u'&') {
            ++i; // "&&" shows one ampersand
            continue;
        }
        // A lone & before a space or at the end shows as itself and marks no key.
        if (i + 1 < text.size() && !text.at(i + 1).isSpace())
            ++count;
    }
    return count;
}

} // namespace EnvDeck::TsFile
