// SPDX-License-Identifier: GPL-3.0-or-later
// The surgical HCL writer (models/hcl/HclWriter.h): exact bytes of every edit kind
// (tst_hclwriter_rows.cpp), each result checked again through the parser and hcl2json (only the
// edited value differs), refused edits leave the document alone, print() round trips the corpus
// and generated files byte for byte, quoting, and saving.
#include "tst_hclwriter.h"
#include "HclGenerator.h"
#include "TestSupport.h"
#include "hcl/HclJson.h"
#include "hcl/HclParser.h"
#include "hcl/HclWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <functional>

using namespace EnvDeck;
using namespace EnvDeck::Hcl;
using EnvDeck::HclTest::labelsOf;
using EnvDeck::HclTest::onlyEditedPartChanged;
using EnvDeck::HclTest::parsePath;
using EnvDeck::HclTest::WriterEdit;

namespace {

const QString FileName = QStringLiteral("main.tf");

Result<void> applyEdit(Document &document, const WriterEdit &edit)
{
    const BlockPath path = parsePath(edit.path);
    switch (edit.op) {
    case WriterEdit::Op::Set:
        return document.setAttribute(path, edit.name, edit.arg);
    case WriterEdit::Op::Remove:
        return document.removeAttribute(path, edit.name);
    case WriterEdit::Op::AddBlock:
        return document.addBlock(path, edit.name, labelsOf(edit.arg), edit.arg2);
    case WriterEdit::Op::RemoveBlock:
        return document.removeBlock(path);
    case WriterEdit::Op::Rename:
        return document.renameLabel(path, edit.a, edit.arg);
    case WriterEdit::Op::ReplaceAt:
        return document.replaceExpressionAt(edit.a, edit.b, edit.arg);
    case WriterEdit::Op::SetStringAt:
        return document.setStringAt(edit.a, edit.b, edit.arg);
    case WriterEdit::Op::ReplaceInString:
        return document.replaceInStringAt(edit.a, edit.b, edit.arg, edit.arg2);
    case WriterEdit::Op::ReplaceRange:
        return document.replaceRange(edit.a, edit.b, edit.arg);
    }
    return Error(QStringLiteral("unknown edit"));
}

Result<QJsonObject> jsonOf(const QByteArray &source)
{
    const ParseResult parsed = Hcl::parse(source, FileName);
    if (!parsed.ok())
        return parsed.errors.first();
    return toJsonObject(parsed.file, source);
}

QString firstDifference(const QByteArray &expected, const QByteArray &actual)
{
    qsizetype at = 0;
    while (at < qMin(expected.size(), actual.size()) && expected[at] == actual[at])
        ++at;
    return QStringLiteral("first difference at offset %1 (sizes %2 and %3): expected \"%4\", "
                          "got \"%5\"")
        .arg(at)
        .arg(expected.size())
        .arg(actual.size())
        .arg(QString::fromUtf8(expected.mid(at, 40).toPercentEncoding(" =\"{}[]#")),
             QString::fromUtf8(actual.mid(at, 40).toPercentEncoding(" =\"{}[]#")));
}

QStringList corpusFiles()
{
    const QDir corpus(QStringLiteral(ENVDECK_SOURCE_DIR) + QStringLiteral("/tests/hcl/corpus"));
    QStringList files;
    const QStringList patterns
        = {QStringLiteral("*.tf"), QStringLiteral("*.tfvars"), QStringLiteral("*.hcl")};
    for (const QString &name : corpus.entryList(patterns, QDir::Files, QDir::Name))
        files.append(corpus.filePath(name));
    return files;
}

} // namespace

class TestHclWriter : public QObject
{
    Q_OBJECT

private slots:
    void edit_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<WriterEdit>("edit");
        QTest::addColumn<QByteArray>("expected");
        HclTest::addEditRows();
    }

    void edit()
    {
        QFETCH(QByteArray, source);
        QFETCH(WriterEdit, edit);
        QFETCH(QByteArray, expected);

        Result<Document> document = Document::parse(source, FileName);
        QVERIFY2(document, qPrintable(document ? QString() : document.error().toString()));
        QVERIFY(!document->isModified());
        const Result<void> result = applyEdit(*document, edit);
        QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
        QVERIFY2(document->text() == expected,
                 qPrintable(firstDifference(expected, document->text())));
        QVERIFY(document->isModified());

        // the document's tree is the tree of its new text
        const ParseResult reparsed = Hcl::parse(expected, FileName);
        QVERIFY(reparsed.ok());
        QCOMPARE(print(document->file(), document->text()), expected);
        QCOMPARE(toJson(document->file(), document->text()).value(),
                 toJson(reparsed.file, expected).value());

        const Result<QJsonObject> before = jsonOf(source);
        const Result<QJsonObject> after = jsonOf(expected);
        QVERIFY2(before && after, "hcl2json fails on the row's source or result");
        const QString difference = onlyEditedPartChanged(*before, *after, edit);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<WriterEdit>("edit");
        QTest::addColumn<QString>("error");
        HclTest::addRefusedRows();
    }

    void refused()
    {
        QFETCH(QByteArray, source);
        QFETCH(WriterEdit, edit);
        QFETCH(QString, error);

        Result<Document> document = Document::parse(source, FileName);
        QVERIFY(document);
        const Result<void> result = applyEdit(*document, edit);
        QVERIFY2(!result, qPrintable(QStringLiteral("accepted, giving:\n")
                                     + QString::fromUtf8(document->text())));
        QVERIFY2(result.error().toString().contains(error), qPrintable(result.error().toString()));
        QCOMPARE(document->text(), source);
        QVERIFY(!document->isModified());
        QCOMPARE(print(document->file(), document->text()), source);
    }

    void refusesFilesThatDoNotParse_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("error");
        QTest::newRow("unclosed block")
            << QByteArray("locals {\n  a = 1\n") << QStringLiteral("main.tf:3:1: cannot edit");
        QTest::newRow("bad value")
            << QByteArray("a = 1\nb = ]\n") << QStringLiteral("main.tf:2:5: cannot edit");
    }

    void refusesFilesThatDoNotParse()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, error);
        const Result<Document> document = Document::parse(source, FileName);
        QVERIFY(!document);
        QVERIFY2(document.error().toString().startsWith(error),
                 qPrintable(document.error().toString()));
    }

    void quoteString_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("quoted");
        QTest::newRow("plain") << QByteArray("eu-west-1") << QByteArray("\"eu-west-1\"");
        QTest::newRow("empty") << QByteArray("") << QByteArray("\"\"");
        QTest::newRow("quote and backslash")
            << QByteArray("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
        QTest::newRow("interpolation") << QByteArray("${x}") << QByteArray("\"$${x}\"");
        QTest::newRow("directive") << QByteArray("%{if}") << QByteArray("\"%%{if}\"");
        QTest::newRow("escaped interpolation") << QByteArray("$${x}") << QByteArray("\"$$${x}\"");
        QTest::newRow("lone dollar") << QByteArray("$5 and 50%") << QByteArray("\"$5 and 50%\"");
        QTest::newRow("controls") << QByteArray("a\nb\rc\td\x01")
                                  << QByteArray("\"a\\nb\\rc\\td\\u0001\"");
        QTest::newRow("utf-8") << QByteArray("caf\xC3\xA9") << QByteArray("\"caf\xC3\xA9\"");
    }

    void quoteString()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, quoted);
        QCOMPARE(Hcl::quoteString(value), quoted);
        QCOMPARE(decoded(quoted), value);
    }

    // Any text survives quoting: decoded by the parser it is the same text again.
    void quoteStringRandom()
    {
        QRandomGenerator random(20261126);
        const QByteArray alphabet = QByteArrayLiteral("ab$%{}\\\"\n\r\t~ \x01\x7f");
        for (int i = 0; i < 2000; ++i) {
            QByteArray value;
            const int length = int(random.bounded(12));
            for (int j = 0; j < length; ++j)
                value += alphabet[random.bounded(int(alphabet.size()))];
            const QByteArray quoted = Hcl::quoteString(value);
            QVERIFY2(decoded(quoted) == value, quoted.constData());
        }
    }

    void roundTripCorpus()
    {
        const QStringList files = corpusFiles();
        QVERIFY2(files.size() >= 20, "the corpus tests/hcl/corpus is missing");
        for (const QString &path : files) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray source = file.readAll();
            const Result<Document> document = Document::parse(source, path);
            QVERIFY2(document, qPrintable(document ? QString() : document.error().toString()));
            const QByteArray printed = print(document->file(), source);
            QVERIFY2(printed == source,
                     qPrintable(path + QStringLiteral(": ") + firstDifference(source, printed)));
        }
    }

    void roundTripGenerated()
    {
        for (quint64 seed = 1; seed <= 2000; ++seed) {
            const QByteArray source = HclTest::generate(seed).text();
            const ParseResult parsed = Hcl::parse(source, QStringLiteral("generated.tf"));
            QVERIFY2(parsed.ok(), qPrintable(QStringLiteral("seed %1 does not parse").arg(seed)));
            const QByteArray printed = print(parsed.file, source);
            QVERIFY2(
                printed == source,
                qPrintable(
                    QStringLiteral("seed %1: %2").arg(seed).arg(firstDifference(source, printed))));
        }
    }

    // Every kind of body edit on every body of generated files: nothing valid is refused, the
    // result prints back and only the edited part changes in hcl2json.
    void editsOnGeneratedFiles()
    {
        int edits = 0;
        int failed = 0;
        for (quint64 seed = 1; seed <= 1000; ++seed) {
            const QStringList failures = HclTest::randomEditFailures(seed, edits);
            for (const QString &failure : failures) {
                if (++failed <= 5)
                    qWarning().noquote() << QStringLiteral("seed %1: %2").arg(seed).arg(failure);
            }
        }
        qInfo("%d edits on 1000 generated files, %d failed", edits, failed);
        QVERIFY(edits > 10000);
        QCOMPARE(failed, 0);
    }

    // The same on the hand-written corpus: comments, CRLF, a byte order mark, no final newline.
    void editsOnCorpusFiles()
    {
        int edits = 0;
        int failed = 0;
        for (const QString &path : corpusFiles()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            for (const QString &failure : HclTest::editFailures(file.readAll(), edits)) {
                if (++failed <= 5)
                    qWarning().noquote() << path << failure;
            }
        }
        qInfo("%d edits on the corpus, %d failed", edits, failed);
        QVERIFY(edits > 500);
        QCOMPARE(failed, 0);
    }

    // Every expression of every corpus file is found at its place and can be written back
    // unchanged (the tree is parsed again after each edit); the text stays the same.
    void everyExpressionIsAddressable()
    {
        for (const QString &path : corpusFiles()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray source = file.readAll();
            Result<Document> document = Document::parse(source, path);
            QVERIFY(document);
            std::vector<const Expression *> all;
            collectExpressions(document->file().body, all);
            QVERIFY(!all.empty());
            // the innermost expression at each place, as replaceExpressionAt picks it
            QMap<qsizetype, std::pair<Position, QByteArray>> innermost;
            for (const Expression *expr : all) {
                const QByteArray text = source.mid(expr->range.start.offset, expr->range.length());
                auto it = innermost.find(expr->range.start.offset);
                if (it == innermost.end() || text.size() < it->second.size())
                    innermost.insert(expr->range.start.offset, {expr->range.start, text});
            }
            for (const auto &[position, text] : std::as_const(innermost)) {
                const Result<void> result = document->replaceExpressionAt(position, text);
                QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
            }
            QVERIFY2(document->text() == source, qPrintable(path));
            QVERIFY(!document->isModified());
        }
    }

    void saveWritesOnlyChanges()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("main.tf"));
        const QByteArray source = "locals {\r\n  a = 1\r\n}\r\n";
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(source);
        file.close();
        const QDateTime old = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(old, QFileDevice::FileModificationTime));
        file.close();

        Result<Document> document = Document::load(path);
        QVERIFY(document);
        QVERIFY(document->save(path));
        QCOMPARE(QFileInfo(path).lastModified().toUTC(), old); // not written

        QVERIFY(document->setAttribute(parsePath(QStringLiteral("locals")), "b", "2"));
        QVERIFY(document->isModified());
        QVERIFY(document->save(path));
        QVERIFY(!document->isModified());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("locals {\r\n  a = 1\r\n  b = 2\r\n}\r\n"));
        QVERIFY(QFileInfo(path).lastModified().toUTC() != old);

        const Result<void> failed = document->save(dir.filePath(QStringLiteral("no/such/dir.tf")));
        QVERIFY(!failed);
        QVERIFY(failed.error().toString().contains(QStringLiteral("cannot write")));
        QVERIFY(!Document::load(dir.filePath(QStringLiteral("missing.tf"))));
    }

    // The edits of a version bump, one after another on the same document.
    void editsInSequence()
    {
        const QByteArray source = "# Network\n"
                                  "module \"vpc\" {\n"
                                  "  source = \"git::https://example.com/vpc.git?ref=v1.2.0\"\n"
                                  "  cidr   = \"10.0.0.0/16\"\n"
                                  "}\n";
        Result<Document> document = Document::parse(source, FileName);
        QVERIFY(document);
        const BlockPath vpc = parsePath(QStringLiteral("module \"vpc\""));
        QVERIFY(document->replaceInStringAt(3, 12, "v1.2.0", "v1.3.0"));
        QVERIFY(document->setAttribute(vpc, "azs", "[\"a\", \"b\"]"));
        QVERIFY(document->removeAttribute(vpc, "cidr"));
        QVERIFY(document->renameLabel(vpc, 0, "network"));
        QCOMPARE(document->text(),
                 QByteArray("# Network\n"
                            "module \"network\" {\n"
                            "  source = \"git::https://example.com/vpc.git?ref=v1.3.0\"\n"
                            "  azs    = [\"a\", \"b\"]\n"
                            "}\n"));
        QVERIFY(!document->findBlock(vpc));
        QVERIFY(document->findBlock(parsePath(QStringLiteral("module \"network\""))));
    }

private:
    static QByteArray decoded(const QByteArray &quoted)
    {
        const QByteArray source = "x = " + quoted + "\n";
        const ParseResult parsed = Hcl::parse(source, FileName);
        if (!parsed.ok() || parsed.file.body.items.size() != 1)
            return "<does not parse>";
        const TemplateExpr *string
            = parsed.file.body.items.front().attribute()->expr->as<TemplateExpr>();
        if (!string)
            return "<not a string>";
        QByteArray text("");
        for (const TemplatePart &part : string->parts) {
            if (part.kind != TemplatePart::Kind::Literal)
                return "<not literal>";
            text += part.text;
        }
        return text;
    }

    // Every expression of the body (recursion is fine for the corpus' shallow files).
    static void collectExpressions(const Body &body, std::vector<const Expression *> &out)
    {
        for (const BodyItem &item : body.items) {
            if (const Attribute *attribute = item.attribute())
                collect(attribute->expr.get(), out);
            else
                collectExpressions(item.block()->body, out);
        }
    }

    static void collect(const Expression *expr, std::vector<const Expression *> &out)
    {
        if (!expr)
            return;
        out.push_back(expr);
        const auto steps = [&](const std::vector<TraversalStep> &list) {
            for (const TraversalStep &step : list)
                collect(step.index.get(), out);
        };
        std::function<void(const std::vector<TemplatePart> &)> parts;
        parts = [&](const std::vector<TemplatePart> &list) {
            for (const TemplatePart &part : list) {
                collect(part.expr.get(), out);
                parts(part.body);
                parts(part.elseBody);
            }
        };
        if (const auto *e = expr->as<TemplateExpr>()) {
            parts(e->parts);
        } else if (const auto *e = expr->as<TupleExpr>()) {
            for (const ExpressionPtr &item : e->items)
                collect(item.get(), out);
        } else if (const auto *e = expr->as<ObjectExpr>()) {
            for (const ObjectItem &item : e->items) {
                collect(item.key.get(), out);
                collect(item.value.get(), out);
            }
        } else if (const auto *e = expr->as<VariableExpr>()) {
            steps(e->steps);
        } else if (const auto *e = expr->as<TraversalExpr>()) {
            collect(e->source.get(), out);
            steps(e->steps);
        } else if (const auto *e = expr->as<FunctionCallExpr>()) {
            for (const ExpressionPtr &arg : e->args)
                collect(arg.get(), out);
        } else if (const auto *e = expr->as<ForExpr>()) {
            for (const ExpressionPtr *child :
                 {&e->collection, &e->keyExpr, &e->valueExpr, &e->condition})
                collect(child->get(), out);
        } else if (const auto *e = expr->as<ConditionalExpr>()) {
            for (const ExpressionPtr *child : {&e->condition, &e->trueResult, &e->falseResult})
                collect(child->get(), out);
        } else if (const auto *e = expr->as<BinaryExpr>()) {
            collect(e->lhs.get(), out);
            collect(e->rhs.get(), out);
        } else if (const auto *e = expr->as<UnaryExpr>()) {
            collect(e->operand.get(), out);
        } else if (const auto *e = expr->as<ParenthesesExpr>()) {
            collect(e->inner.get(), out);
        }
    }
};

ENVDECK_TEST_MAIN_CORE(TestHclWriter)
#include "tst_hclwriter.moc"
