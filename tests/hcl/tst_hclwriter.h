// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared between tst_hclwriter.cpp (the test) and tst_hclwriter_rows.cpp (its data tables).

#include "hcl/HclWriter.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace EnvDeck::HclTest {

// One edit of a Document, as a table row describes it.
struct WriterEdit
{
    enum class Op {
        Set,             // setAttribute(path, name, arg)
        Remove,          // removeAttribute(path, name)
        AddBlock,        // addBlock(path, name = type, arg = labels joined by ',', arg2 = body)
        RemoveBlock,     // removeBlock(path)
        Rename,          // renameLabel(path, a = index, arg = new label)
        ReplaceAt,       // replaceExpressionAt(a = line, b = column, arg)
        SetStringAt,     // setStringAt(a, b, arg)
        ReplaceInString, // replaceInStringAt(a, b, arg = before, arg2 = after)
        ReplaceRange,    // replaceRange(a = start, b = end, arg)
    };
    Op op = Op::Set;
    // A block path: steps separated by '/', each `type "label" ...` (labels without spaces).
    // For the edits at a location, path and name name the attribute whose value changes.
    QString path;
    QByteArray name;
    QByteArray arg;
    QByteArray arg2;
    int a = 0;
    int b = 0;
};

// Rows for the columns source (QByteArray), edit (WriterEdit), expected (QByteArray) of
// tst_hclwriter's edit_data(): each edit with the exact bytes it must produce.
void addEditRows();
// Rows for source, edit, error (QString, a part of Error::toString()) of refused_data().
void addRefusedRows();

// "module \"vpc\"/lifecycle" -> the BlockPath (tst_hclwriter_json.cpp).
Hcl::BlockPath parsePath(const QString &text);
// "a,b" -> {"a", "b"}; "" -> no labels.
QList<QByteArray> labelsOf(const QByteArray &joined);
// "" when after (hcl2json of the edited file) is before with only the part edit touches
// changed, and that part did change; otherwise what differs.
QString onlyEditedPartChanged(const QJsonObject &before, const QJsonObject &after,
                              const WriterEdit &edit);
// The same with the path given as a BlockPath (edit.path is not read).
QString onlyEditedPartChanged(const QJsonObject &before, const QJsonObject &after,
                              const WriterEdit &edit, const Hcl::BlockPath &path);

// Runs every kind of body edit on every body (top level and two levels of blocks) of source,
// each on a fresh document; returns what went wrong, and adds the number of edits to edits.
QStringList editFailures(const QByteArray &source, int &edits);
// The same on the generated file of seed.
QStringList randomEditFailures(quint64 seed, int &edits);

} // namespace EnvDeck::HclTest

Q_DECLARE_METATYPE(EnvDeck::HclTest::WriterEdit)
