// SPDX-License-Identifier: GPL-3.0-or-later
// VersionDocument: reading versions.yaml files written like real ones, and editing them by
// patching their bytes. Expected outputs are exact bytes in documents/expected/.
#include "tst_versiondocument.h"

#include "TestSupport.h"

#include "versions/VersionDocument.h"
#include "versions/YamlText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace EnvDeck;

namespace {

const QString DocumentsDir = QStringLiteral(ENVDECK_SOURCE_DIR "/tests/versions/documents");

QByteArray readDocument(const QString &name)
{
    QFile file(DocumentsDir + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// "set|name|version", "lock|name|reason", "unlock|name", "remove|name",
// "add|name|version|components or third_party[|chart[|repository]]"
Result<void> runEdit(VersionDocument &document, const QString &edit)
{
    const QStringList part = edit.split(QLatin1Char('|'));
    const QString &op = part.at(0);
    if (op == u"set")
        return document.setVersion(part.at(1), part.at(2));
    if (op == u"lock")
        return document.lock(part.at(1), part.at(2));
    if (op == u"unlock")
        return document.unlock(part.at(1));
    if (op == u"remove")
        return document.removeComponent(part.at(1));
    if (op == u"add")
        return document.addComponent(part.at(1), part.at(2), part.at(3) == u"third_party",
                                     part.value(4), part.value(5));
    return Error(QStringLiteral("unknown test edit ") + edit);
}

// One line per entry: what was read and where, so a table row states it exactly.
QString summary(const VersionDocument &document)
{
    QStringList lines;
    for (const VersionEntry &e : document.entries()) {
        QString line = QStringLiteral("%1%2@%3:%4=%5@%6:%7")
                           .arg(e.thirdParty ? QStringLiteral("+") : QString(), e.name)
                           .arg(e.location.line)
                           .arg(e.location.column)
                           .arg(e.version.text)
                           .arg(e.version.location.line)
                           .arg(e.version.location.column);
        if (e.isLocked())
            line += QStringLiteral(" locked(%1@%2:%3)")
                        .arg(e.lockReason.text)
                        .arg(e.lockReason.location.line)
                        .arg(e.lockReason.location.column);
        if (e.chart.isPresent())
            line += QStringLiteral(" chart=") + e.chart.text;
        if (e.repository.isPresent())
            line += QStringLiteral(" repo=") + e.repository.text;
        for (const VersionRequirement &r : e.requirements)
            line += QStringLiteral(" requires(%1 %2@%3:%4)")
                        .arg(r.component, r.range)
                        .arg(r.location.line)
                        .arg(r.location.column);
        if (e.allowsDowngrade())
            line += QStringLiteral(" allow_downgrade");
        if (e.pattern.isPresent())
            line += QStringLiteral(" pattern=") + e.pattern.text;
        if (e.versionIsAlias)
            line += QStringLiteral(" alias");
        lines << line;
    }
    for (const Error &problem : document.problems())
        lines << QStringLiteral("problem ") + problem.toString();
    return lines.join(QLatin1Char('\n'));
}

qsizetype offsetOfLine(const QByteArray &bytes, int line)
{
    qsizetype offset = 0;
    for (int l = 1; l < line && offset >= 0; ++l) {
        offset = bytes.indexOf('\n', offset);
        if (offset >= 0)
            ++offset;
    }
    return offset < 0 ? bytes.size() : offset;
}

// Bytes [begin, end) of the lines of `name` in the input: from its key's line to the next
// entry's key line.
std::pair<qsizetype, qsizetype> entryLines(const VersionDocument &document, const QString &name)
{
    const QList<VersionEntry> &entries = document.entries();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i).name != name)
            continue;
        const qsizetype begin = offsetOfLine(document.bytes(), entries.at(i).location.line);
        int nextLine = 0;
        for (const VersionEntry &other : entries) {
            if (other.location.line > entries.at(i).location.line
                && (nextLine == 0 || other.location.line < nextLine))
                nextLine = other.location.line;
        }
        return {begin,
                nextLine > 0 ? offsetOfLine(document.bytes(), nextLine) : document.bytes().size()};
    }
    return {0, document.bytes().size()};
}

} // namespace

void TestVersionDocument::reads()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    auto document = VersionDocument::parse(readDocument(file), file);
    QVERIFY2(document.ok(), qPrintable(document.ok() ? QString() : document.error().toString()));
    if (summary(*document) != expected) {
        QFile actual(QDir::temp().filePath(QStringLiteral("actual-reads-") + file));
        if (actual.open(QIODevice::WriteOnly))
            actual.write(summary(*document).toUtf8());
    }
    QCOMPARE(summary(*document), expected);
}

void TestVersionDocument::unchangedIsIdentical_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(DocumentsDir).entryList({QStringLiteral("*.yaml")}, QDir::Files);
    QVERIFY(files.size() >= 20);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file;
}

void TestVersionDocument::unchangedIsIdentical()
{
    QFETCH(QString, file);
    const QByteArray input = readDocument(file);
    auto document = VersionDocument::parse(input, file);
    QVERIFY2(document.ok(), qPrintable(document.ok() ? QString() : document.error().toString()));
    QCOMPARE(document->bytes(), input);
    QVERIFY(!document->isModified());
    // Setting every version to what it already is changes nothing either.
    const QList<VersionEntry> entries = document->entries();
    for (const VersionEntry &entry : entries) {
        if (entry.versionIsAlias || entry.version.text.isEmpty())
            continue;
        auto set = document->setVersion(entry.name, entry.version.text);
        QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().toString()));
    }
    QCOMPARE(document->bytes(), input);
}

void TestVersionDocument::edits()
{
    QFETCH(QString, file);
    QFETCH(QStringList, edits);
    QFETCH(QString, expectedFile);

    const QByteArray input = readDocument(file);
    auto parsed = VersionDocument::parse(input, file);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    VersionDocument document = *parsed;
    for (const QString &edit : edits) {
        const VersionDocument before = document;
        auto result = runEdit(document, edit);
        QVERIFY2(result.ok(), qPrintable(edit + QStringLiteral(": ")
                                         + (result.ok() ? QString() : result.error().toString())));
        const QByteArray &old = before.bytes();
        const QByteArray &now = document.bytes();
        // Every byte outside the edit is kept: the output is the input's bytes before the edited
        // entry, something, and the input's bytes after it (for an addition: anything inserted
        // anywhere, the whole input kept around it).
        qsizetype prefix = 0;
        while (prefix < old.size() && prefix < now.size() && old.at(prefix) == now.at(prefix))
            ++prefix;
        qsizetype suffix = 0;
        while (suffix < old.size() && suffix < now.size()
               && old.at(old.size() - 1 - suffix) == now.at(now.size() - 1 - suffix))
            ++suffix;
        const QString op = edit.section(QLatin1Char('|'), 0, 0);
        const QString name = edit.section(QLatin1Char('|'), 1, 1);
        if (op == u"add") {
            QVERIFY2(now.size() > old.size() && prefix + suffix >= old.size(),
                     "adding only inserts");
        } else {
            const auto [begin, end] = entryLines(before, name);
            QVERIFY2(
                now.startsWith(old.left(begin)) && now.endsWith(old.mid(end))
                    && begin + (old.size() - end) <= now.size(),
                qPrintable(
                    QStringLiteral("%1 changed bytes outside the lines of `%2`").arg(edit, name)));
            if (op == u"remove") {
                // Only a deletion: some run of the entry's lines is gone, nothing else.
                const qsizetype removed = old.size() - now.size();
                QVERIFY(removed > 0);
                QVERIFY2(qMax(begin, old.size() - removed - suffix) <= qMin(prefix, end - removed),
                         "removing only deletes");
            }
        }
        // What the document says after the edit is what a fresh read of its bytes says.
        auto reread = VersionDocument::parse(now, file);
        QVERIFY(reread.ok());
        QCOMPARE(summary(*reread), summary(document));
    }
    QVERIFY(document.isModified());

    const QByteArray expected = readDocument(QStringLiteral("expected/") + expectedFile);
    if (expected != document.bytes()) {
        QFile actual(QDir::temp().filePath(QStringLiteral("actual-") + expectedFile));
        if (actual.open(QIODevice::WriteOnly))
            actual.write(document.bytes());
        qWarning("actual output written to %s", qPrintable(actual.fileName()));
    }
    QCOMPARE(document.bytes(), expected);
}

void TestVersionDocument::refusedEdits()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, edit);
    QFETCH(QString, expectedError);
    auto parsed = VersionDocument::parse(input, QStringLiteral("versions.yaml"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    VersionDocument document = *parsed;
    const QString before = summary(document);
    auto result = runEdit(document, edit);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().toString(), expectedError);
    QCOMPARE(document.bytes(), input);
    QCOMPARE(summary(document), before);
    QVERIFY(!document.isModified());
}

void TestVersionDocument::parseErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    auto document = VersionDocument::parse(input, QStringLiteral("environments/qa/versions.yaml"));
    QVERIFY(!document.ok());
    QCOMPARE(document.error().toString(), expected);
}

void TestVersionDocument::problems()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    auto document = VersionDocument::parse(input, QStringLiteral("versions.yaml"));
    QVERIFY2(document.ok(), qPrintable(document.ok() ? QString() : document.error().toString()));
    QStringList problems;
    for (const Error &problem : document->problems())
        problems << problem.toString();
    QCOMPARE(problems.join(QLatin1Char('\n')), expected);
}

void TestVersionDocument::quoting()
{
    QFETCH(QString, value);
    QFETCH(bool, inFlow);
    QFETCH(QByteArray, expected);
    auto rendered
        = Versions::YamlText::render(value, Versions::YamlNode::Style::Plain, inFlow, '"');
    QVERIFY(rendered.ok());
    QCOMPARE(*rendered, expected);
    // Whatever is written reads back as the same string.
    const QByteArray text = inFlow
                                ? QByteArray("components:\n  a: { version: " + *rendered + " }\n")
                                : QByteArray("components:\n  a:\n    version: " + *rendered + "\n");
    auto document = VersionDocument::parse(text, QStringLiteral("q.yaml"));
    QVERIFY(document.ok());
    QCOMPARE(document->entries().value(0).version.text, value);
}

void TestVersionDocument::saves()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("versions.yaml"));
    const QByteArray input = readDocument(QStringLiteral("03-crlf.yaml"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(input);
    }
    auto loaded = VersionDocument::load(path, QStringLiteral("environments/dev/versions.yaml"));
    QVERIFY(loaded.ok());
    VersionDocument document = *loaded;

    // Unchanged: nothing is written, even when the file changed on disk meanwhile.
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("changed: elsewhere\n");
    }
    QVERIFY(document.save(path).ok());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("changed: elsewhere\n"));
    }

    QVERIFY(document.setVersion(QStringLiteral("search"), QStringLiteral("0.9.5")).ok());
    QVERIFY(document.isModified());
    QVERIFY(document.save(path).ok());
    QVERIFY(!document.isModified());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QCOMPARE(saved, document.bytes());
    QVERIFY(saved.contains("    version: 0.9.5\r\n"));
    QCOMPARE(saved.size(), input.size());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("versions.yaml")});

    // A file that cannot be written is an Error, not a crash.
    QVERIFY(document.setVersion(QStringLiteral("search"), QStringLiteral("0.9.6")).ok());
    auto failed = document.save(dir.filePath(QStringLiteral("missing/versions.yaml")));
    QVERIFY(!failed.ok());
    QVERIFY(failed.error().toString().startsWith(u"environments/dev/versions.yaml: cannot write"));
    QVERIFY(document.isModified());
}

ENVDECK_TEST_MAIN_CORE(TestVersionDocument)
