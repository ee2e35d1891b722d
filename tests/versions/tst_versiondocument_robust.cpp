// SPDX-License-Identifier: GPL-3.0-or-later
// Robustness of VersionDocument: every edit on every entry of every test document either works
// and reads back, or is refused with the document untouched; truncated files never crash; the
// demo repository's versions files are read without problems and edited in place.
#include "tst_versiondocument.h"

#include "TestSupport.h"

#include "demo/DemoRepository.h"
#include "repo/VersionsFileReader.h"
#include "versions/VersionDocument.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

using namespace EnvDeck;
using namespace Qt::StringLiterals;

namespace {

const QString DocumentsDir = QStringLiteral(ENVDECK_SOURCE_DIR "/tests/versions/documents");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void addDocumentRows()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(DocumentsDir).entryList({QStringLiteral("*.yaml")}, QDir::Files);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file;
}

// Runs `edit` on a copy of `document`: a success must read back consistently, a refusal must
// leave the copy as it was.
template<typename Edit>
bool checkEdit(const VersionDocument &document, Edit edit, QString &failure)
{
    VersionDocument copy = document;
    const Result<void> result = edit(copy);
    if (!result.ok()) {
        if (copy.bytes() != document.bytes())
            failure
                = QStringLiteral("a refused edit changed the bytes: ") + result.error().toString();
        return failure.isEmpty();
    }
    auto reread = VersionDocument::parse(copy.bytes(), copy.displayPath());
    if (!reread.ok()) {
        failure = QStringLiteral("an accepted edit does not parse: ") + reread.error().toString();
        return false;
    }
    if (reread->entries().size() != copy.entries().size())
        failure = QStringLiteral("an accepted edit reads back differently");
    return failure.isEmpty();
}

} // namespace

void TestVersionDocument::everyEditIsSafe_data()
{
    addDocumentRows();
}

void TestVersionDocument::everyEditIsSafe()
{
    QFETCH(QString, file);
    auto parsed = VersionDocument::parse(readFile(DocumentsDir + u'/' + file), file);
    QVERIFY(parsed.ok());
    const VersionDocument document = *parsed;
    QString failure;
    int accepted = 0;
    for (const VersionEntry &entry : document.entries()) {
        const QString name = entry.name;
        const QList<std::function<Result<void>(VersionDocument &)>> edits{
            [&](VersionDocument &d) { return d.setVersion(name, QStringLiteral("9.9.9")); },
            [&](VersionDocument &d) { return d.setVersion(name, QStringLiteral("1.10")); },
            [&](VersionDocument &d) { return d.setVersion(name, QStringLiteral("it's: #1")); },
            [&](VersionDocument &d) { return d.lock(name, QStringLiteral("R-1: \"frozen\"")); },
            [&](VersionDocument &d) { return d.unlock(name); },
            [&](VersionDocument &d) { return d.removeComponent(name); },
            [&](VersionDocument &d) {
                auto locked = d.lock(name, QStringLiteral("QA"));
                return locked.ok() ? d.unlock(name) : locked;
            },
        };
        for (const auto &edit : edits) {
            QVERIFY2(checkEdit(document, edit, failure), qPrintable(name + u": " + failure));
            VersionDocument copy = document;
            accepted += edit(copy).ok();
        }
    }
    for (const bool thirdParty : {false, true}) {
        const auto add = [&](VersionDocument &d) {
            return d.addComponent(QStringLiteral("new-service"), QStringLiteral("0.1.0"),
                                  thirdParty, QStringLiteral("new-service"),
                                  QStringLiteral("oci://registry.example.io/helm"));
        };
        QVERIFY2(checkEdit(document, add, failure), qPrintable(failure));
        VersionDocument copy = document;
        QVERIFY2(add(copy).ok(), "every test document takes a new component");
    }
    // Aliases and block scalars are refused; everything else is editable.
    QVERIFY(accepted >= document.entries().size() * 5);
}

void TestVersionDocument::truncatedDocuments_data()
{
    addDocumentRows();
}

void TestVersionDocument::truncatedDocuments()
{
    QFETCH(QString, file);
    const QByteArray bytes = readFile(DocumentsDir + u'/' + file);
    for (qsizetype size = 0; size <= bytes.size(); ++size) {
        auto parsed = VersionDocument::parse(bytes.left(size), file);
        if (!parsed.ok()) {
            QVERIFY(parsed.error().location().line > 0);
            continue;
        }
        QCOMPARE(parsed->bytes(), bytes.left(size));
        for (const VersionEntry &entry : parsed->entries()) {
            QString failure;
            const QString name = entry.name;
            QVERIFY2(checkEdit(
                         *parsed,
                         [&](VersionDocument &d) { return d.setVersion(name, u"2.0.0"_s); },
                         failure),
                     qPrintable(QString::number(size) + u": " + failure));
            QVERIFY2(
                checkEdit(
                    *parsed, [&](VersionDocument &d) { return d.removeComponent(name); }, failure),
                qPrintable(QString::number(size) + u": " + failure));
        }
    }
}

void TestVersionDocument::demoRepository()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    Demo::Options options;
    options.commits = 40;
    auto demo = Demo::generate(tmp.filePath(QStringLiteral("infra")), options);
    QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error().toString()));
    const QDir environments(demo->workTree + QStringLiteral("/environments"));
    const QStringList names = environments.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(names.size() >= 5);
    for (const QString &name : names) {
        const QString path = environments.filePath(name + QStringLiteral("/versions.yaml"));
        const QString display
            = QStringLiteral("environments/") + name + QStringLiteral("/versions.yaml");
        const QByteArray original = readFile(path);
        auto loaded = VersionDocument::load(path, display);
        QVERIFY2(loaded.ok(), qPrintable(display));
        VersionDocument document = *loaded;
        QVERIFY2(document.problems().isEmpty(),
                 qPrintable(document.problems().value(0).toString()));
        QVERIFY(document.entries().size() >= 10);
        QVERIFY(document.save(path).ok());
        QCOMPARE(readFile(path), original);

        // Bump every component, lock the first, unlock every other locked one, add one.
        const QList<VersionEntry> entries = document.entries();
        for (const VersionEntry &entry : entries) {
            auto set = document.setVersion(entry.name, entry.version.text + u"-next"_s);
            QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().toString()));
        }
        QVERIFY(document.lock(entries.first().name, u"demo check"_s).ok());
        for (const VersionEntry &entry : entries.mid(1)) {
            if (entry.isLocked())
                QVERIFY(document.unlock(entry.name).ok());
        }
        QVERIFY(document.addComponent(u"new-service"_s, u"0.1.0"_s, false).ok());
        QVERIFY(document.save(path).ok());

        // The one reader sees exactly that.
        auto read = readVersionsFile(path, display);
        QVERIFY(read.ok());
        QVERIFY(read->problems.isEmpty());
        QCOMPARE(read->components.size(), entries.size() + 1);
        QHash<QString, ComponentVersion> byName;
        for (const ComponentVersion &component : read->components)
            byName.insert(component.name, component);
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const ComponentVersion component = byName.value(entries.at(i).name);
            QCOMPARE(component.version, entries.at(i).version.text + u"-next"_s);
            QCOMPARE(component.locked, i == 0);
            QCOMPARE(component.thirdParty, entries.at(i).thirdParty);
        }
        QCOMPARE(byName.value(u"new-service"_s).version, u"0.1.0"_s);
        QVERIFY(!byName.value(u"new-service"_s).thirdParty);
    }
}

void TestVersionDocument::largeDocument()
{
    // 5,000 components (about 600 KB): reading and editing stay linear.
    QByteArray text = "# generated\ncomponents:\n";
    for (int i = 0; i < 5000; ++i)
        text += "  service-" + QByteArray::number(i) + ":  # team " + QByteArray::number(i % 7)
                + "\n    version: 1." + QByteArray::number(i) + ".0\n    chart: service-"
                + QByteArray::number(i) + "\n    repository: oci://registry.example.io/helm\n";
    QElapsedTimer timer;
    timer.start();
    auto parsed = VersionDocument::parse(text, u"big.yaml"_s);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->entries().size(), 5000);
    QCOMPARE(parsed->entries().last().version.location.line, 4 * 4999 + 4);
    VersionDocument document = *parsed;
    QVERIFY(document.setVersion(u"service-4999"_s, u"2.0.0"_s).ok());
    QVERIFY(document.lock(u"service-0"_s, u"QA"_s).ok());
    QVERIFY(document.removeComponent(u"service-2500"_s).ok());
    QCOMPARE(document.entries().size(), 4999);
    qInfo("parse and three edits of %lld bytes: %lld ms", qint64(text.size()),
          qint64(timer.elapsed()));
    QVERIFY(timer.elapsed() < 20000);
}
