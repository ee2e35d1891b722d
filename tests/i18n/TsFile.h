// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

// Reading and checking Qt Linguist .ts files, for the translation tests. The checker reports what
// would show English (unfinished or empty entries) or break at run time (a translation that
// loses a %1 placeholder or an & mnemonic).
namespace EnvDeck::TsFile {

struct Message
{
    QString context;
    QString source;
    // One text, or one per plural form when numerus is set.
    QStringList translations;
    // The <translation> element's type attribute: empty, "unfinished", "vanished" or "obsolete".
    QString type;
    bool numerus = false;
    // Where the <translation> element starts.
    SourceLocation location;
};

struct Contents
{
    QString language;
    QList<Message> messages;
};

// The messages of a .ts file, or the XML error with its file:line:column.
Result<Contents> read(const QString &path);

// Each problem as "file:line:column: what is wrong: "source"". A file that cannot be read is one
// problem.
QStringList check(const QString &path);

// The numbered placeholders (%1, %L2 …) a text uses, sorted and without repeats.
QList<int> placeholders(const QString &text);

// How many & mnemonics a text has; "&&" is a literal ampersand and no mnemonic.
int mnemonics(const QString &text);

} // namespace EnvDeck::TsFile
