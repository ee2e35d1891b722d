// SPDX-License-Identifier: GPL-3.0-or-later
// Every translations/*.ts file is complete: no unfinished or empty entry, and every translation
// keeps the %1 placeholders and the & mnemonic of its source. The checker itself is proven on
// small broken files, so that a bad .ts file really fails this test.

#include "TestSupport.h"
#include "TsFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace EnvDeck;

namespace {

// A .ts file with one context and the given <message> elements.
QByteArray tsWith(const QByteArray &messages)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n"
           "<TS version=\"2.1\" language=\"de_DE\">\n<context>\n    <name>Ctx</name>\n"
           + messages + "</context>\n</TS>\n";
}

QByteArray message(const QByteArray &source, const QByteArray &translation,
                   const QByteArray &attributes = {})
{
    return "    <message>\n        <source>" + source + "</source>\n        <translation"
           + attributes + ">" + translation + "</translation>\n    </message>\n";
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // An empty table would make the file test pass without checking anything.
        const QStringList files = QDir(QStringLiteral(ENVDECK_TRANSLATIONS_DIR))
                                      .entryList({QStringLiteral("*.ts")}, QDir::Files);
        QVERIFY2(!files.isEmpty(), "no .ts file in " ENVDECK_TRANSLATIONS_DIR);
    }

    void tsFileIsComplete_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(ENVDECK_TRANSLATIONS_DIR));
        for (const QString &name : dir.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

    void tsFileIsComplete()
    {
        QFETCH(QString, path);
        const Result<TsFile::Contents> contents = TsFile::read(path);
        QVERIFY2(contents, qPrintable(contents ? QString() : contents.error().toString()));
        QVERIFY2(!contents->messages.isEmpty(), qPrintable(path + QStringLiteral(": no message")));
        QVERIFY2(!contents->language.isEmpty(),
                 qPrintable(path + QStringLiteral(": no language attribute on <TS>")));

        const QStringList problems = TsFile::check(path);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problem(s):\n").arg(problems.size())
                            + problems.join(QLatin1Char('\n'))));
    }

    // The checker on files written for the purpose: each bad entry is found at its line.
    void checkerFindsProblems_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QStringList>("expected"); // a fragment of each problem, in order

        QTest::newRow("complete") << tsWith(
            message("&amp;Open %1", "Ö&amp;ffnen %1")
            + message("Review &amp;&amp; &amp;Commit", "Prüfen &amp;&amp; &amp;Committen"))
                                  << QStringList();
        QTest::newRow("unfinished")
            << tsWith(message("&amp;Quit", "&amp;Beenden")
                      + message("Open Repository", "", " type=\"unfinished\""))
            << QStringList{QStringLiteral(":12:9: unfinished translation of \"Open Repository\"")};
        QTest::newRow("unfinished with a text")
            << tsWith(message("Reload", "Neu laden", " type=\"unfinished\""))
            << QStringList{QStringLiteral(":8:9: unfinished translation of \"Reload\"")};
        QTest::newRow("empty") << tsWith(message("Reload", "  "))
                               << QStringList{QStringLiteral(":8:9: empty translation of")};
        QTest::newRow("no translation element")
            << tsWith("    <message>\n        <source>Lonely</source>\n    </message>\n")
            << QStringList{QStringLiteral(":6:5: empty translation of \"Lonely\"")};
        QTest::newRow("vanished needs nothing")
            << tsWith(message("Gone", "", " type=\"vanished\"")) << QStringList();
        QTest::newRow("placeholder lost")
            << tsWith(message("%1 of %2 environments", "%1 Umgebungen"))
            << QStringList{QStringLiteral("placeholders %1 in the translation \"%1 Umgebungen\", "
                                          "but %1 %2 in \"%1 of %2 environments\"")};
        QTest::newRow("placeholder renumbered")
            << tsWith(message("Open %1", "%2 öffnen"))
            << QStringList{QStringLiteral("placeholders %2 in the translation")};
        QTest::newRow("placeholders reordered")
            << tsWith(message("%1 to %2", "nach %2: %1")) << QStringList();
        QTest::newRow("localized placeholder")
            << tsWith(message("%L1 files", "%1 Dateien")) << QStringList();
        QTest::newRow("mnemonic lost")
            << tsWith(message("&amp;Reload", "Neu laden"))
            << QStringList{QStringLiteral("0 & mnemonic(s) in the translation \"Neu laden\", but "
                                          "1 in \"&Reload\"")};
        QTest::newRow("mnemonic added")
            << tsWith(message("Review &amp;&amp; Commit", "Prüfen &amp;&amp; &amp;Committen"))
            << QStringList{QStringLiteral("1 & mnemonic(s) in the translation")};
        QTest::newRow("numerus form empty")
            << tsWith("    <message numerus=\"yes\">\n        <source>%n file(s)</source>\n"
                      "        <translation>\n            <numerusform>%n Datei</numerusform>\n"
                      "            <numerusform></numerusform>\n        </translation>\n"
                      "    </message>\n")
            << QStringList{QStringLiteral(":8:9: empty translation of \"%n file(s)\"")};
        QTest::newRow("two problems")
            << tsWith(message("A", "", " type=\"unfinished\"")
                      + message("B", "", " type=\"unfinished\""))
            << QStringList{QStringLiteral(":8:9: unfinished translation of \"A\""),
                           QStringLiteral(":12:9: unfinished translation of \"B\"")};
        QTest::newRow("broken XML") << QByteArray(
            "<?xml version=\"1.0\"?>\n<TS version=\"2.1\">\n<context>\n<name>X</nam>\n")
                                    << QStringList{QStringLiteral(".ts:4:")};
        QTest::newRow("not a ts file")
            << QByteArray("<html/>\n") << QStringList{QStringLiteral("no <TS> element")};
    }

    void checkerFindsProblems()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QStringList, expected);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("bad_de.ts"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(contents), contents.size());
        file.close();

        const QStringList problems = TsFile::check(path);
        QVERIFY2(problems.size() == expected.size(),
                 qPrintable(QStringLiteral("expected %1 problem(s), got:\n%2")
                                .arg(expected.size())
                                .arg(problems.join(QLatin1Char('\n')))));
        for (qsizetype i = 0; i < problems.size(); ++i) {
            QVERIFY2(problems.at(i).startsWith(path), qPrintable(problems.at(i)));
            QVERIFY2(problems.at(i).contains(expected.at(i)),
                     qPrintable(problems.at(i) + QStringLiteral("\nlacks: ") + expected.at(i)));
        }
    }

    void placeholdersAndMnemonics_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("placeholders");
        QTest::addColumn<int>("mnemonics");

        QTest::newRow("plain") << QStringLiteral("Reload") << QList<int>() << 0;
        QTest::newRow("mnemonic") << QStringLiteral("&Reload") << QList<int>() << 1;
        QTest::newRow("literal ampersand")
            << QStringLiteral("Review && Commit") << QList<int>() << 0;
        QTest::newRow("both") << QStringLiteral("Review && &Commit") << QList<int>() << 1;
        QTest::newRow("lone ampersand") << QStringLiteral("A & B") << QList<int>() << 0;
        QTest::newRow("repeated") << QStringLiteral("%2 and %1, again %2") << QList<int>{1, 2} << 0;
        QTest::newRow("localized") << QStringLiteral("%L1 of %L3") << QList<int>{1, 3} << 0;
        QTest::newRow("two digits") << QStringLiteral("%10") << QList<int>{10} << 0;
        QTest::newRow("plural is no placeholder")
            << QStringLiteral("%n files") << QList<int>() << 0;
    }

    void placeholdersAndMnemonics()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, placeholders);
        QFETCH(int, mnemonics);
        QCOMPARE(TsFile::placeholders(text), placeholders);
        QCOMPARE(TsFile::mnemonics(text), mnemonics);
    }
};

ENVDECK_TEST_MAIN_CORE(tst_Translations)
#include "tst_translations.moc"
