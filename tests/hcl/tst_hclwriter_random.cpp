// SPDX-License-Identifier: GPL-3.0-or-later
// Edits on whole files (the corpus, and generated ones from tests/hcl/HclGenerator): every edit
// kind on every body must be accepted, give a file that prints back byte for byte, and change only
// its part in hcl2json.
#include "HclGenerator.h"
#include "hcl/HclJson.h"
#include "hcl/HclParser.h"
#include "tst_hclwriter.h"

#include <QHash>

#include <functional>

namespace EnvDeck::HclTest {

using namespace EnvDeck::Hcl;

namespace {

const QString GeneratedName = QStringLiteral("edited.tf");

QString describe(const BlockPath &path)
{
    QStringList steps;
    for (const BlockSelector &step : path)
        steps.append(QString::fromUtf8(step.describe()));
    return steps.isEmpty() ? QStringLiteral("<top>") : steps.join(QStringLiteral(" / "));
}

BlockSelector selectorOf(const Block &block)
{
    BlockSelector selector{block.type, {}};
    for (const BlockLabel &label : block.labels)
        selector.labels.append(label.value);
    return selector;
}

// How often two blank lines follow each other (blank: only spaces, tabs and '\r').
int doubleBlankLines(const QByteArray &text)
{
    int count = 0;
    bool previousBlank = false;
    for (const QByteArray &line : text.split('\n')) {
        const bool blank = line.trimmed().isEmpty();
        if (blank && previousBlank)
            ++count;
        previousBlank = blank;
    }
    return count;
}

struct Run
{
    QByteArray source;
    QJsonObject before;
    QStringList failures;
    int edits = 0;

    void attempt(const QString &what, const WriterEdit &edit, const BlockPath &path,
                 const std::function<Result<void>(Document &)> &run)
    {
        ++edits;
        Result<Document> document = Document::parse(source, GeneratedName);
        if (!document) {
            failures.append(what + QStringLiteral(": the file does not parse"));
            return;
        }
        const Result<void> result = run(*document);
        const QString where = what + QStringLiteral(" in ") + describe(path);
        if (!result) {
            failures.append(where + QStringLiteral(": refused: ") + result.error().toString());
            return;
        }
        if (print(document->file(), document->text()) != document->text()) {
            failures.append(where + QStringLiteral(": the new tree does not print back"));
            return;
        }
        if (doubleBlankLines(document->text()) > doubleBlankLines(source)) {
            failures.append(where + QStringLiteral(": leaves a double blank line\n")
                            + QString::fromUtf8(document->text()));
            return;
        }
        const Result<QJsonObject> after = toJsonObject(document->file(), document->text());
        const QString difference
            = after ? onlyEditedPartChanged(before, *after, edit, path)
                    : QStringLiteral("hcl2json fails: ") + after.error().toString();
        if (!difference.isEmpty())
            failures.append(where + QStringLiteral(": ") + difference + QStringLiteral("\n")
                            + QString::fromUtf8(document->text()));
    }

    void body(const Body &body, const BlockPath &path, int depth)
    {
        using Op = WriterEdit::Op;
        QHash<QByteArray, int> names;
        QHash<QByteArray, int> blocks;
        for (const BodyItem &item : body.items) {
            if (const Attribute *attribute = item.attribute())
                ++names[attribute->name];
            else
                ++blocks[selectorOf(*item.block()).describe()];
        }
        for (const BodyItem &item : body.items) {
            const Attribute *attribute = item.attribute();
            if (!attribute || names.value(attribute->name) != 1)
                continue;
            const QByteArray name = attribute->name;
            attempt(QStringLiteral("removing ") + QString::fromUtf8(name),
                    WriterEdit{Op::Remove, {}, name, {}, {}, 0, 0}, path,
                    [&](Document &d) { return d.removeAttribute(path, name); });
            const Position start = attribute->expr->range.start;
            attempt(QStringLiteral("replacing the expression at the start of ")
                        + QString::fromUtf8(name),
                    WriterEdit{Op::ReplaceAt, {}, name, {}, {}, 0, 0}, path, [&](Document &d) {
                        return d.replaceExpressionAt(start, "(envdeck.replaced)");
                    });
            const TemplateExpr *string = attribute->expr->as<TemplateExpr>();
            if (string && !string->heredoc) {
                attempt(QStringLiteral("setting the string of ") + QString::fromUtf8(name),
                        WriterEdit{Op::SetStringAt, {}, name, {}, {}, 0, 0}, path,
                        [&](Document &d) {
                            return d.setStringAt(start.line, start.column, "${envdeck} \"v2\"");
                        });
            }
            const QByteArray value = "\"changed by envdeck\"";
            attempt(QStringLiteral("setting ") + QString::fromUtf8(name),
                    WriterEdit{Op::Set, {}, name, value, {}, 0, 0}, path,
                    [&](Document &d) { return d.setAttribute(path, name, value); });
        }
        attempt(QStringLiteral("adding an attribute"),
                WriterEdit{Op::Set, {}, "envdeck_added", "[1, 2]", {}, 0, 0}, path,
                [&](Document &d) { return d.setAttribute(path, "envdeck_added", "[1, 2]"); });
        attempt(QStringLiteral("adding a block"),
                WriterEdit{Op::AddBlock, {}, "envdeck_block", "x", "a = 1\nb {\n  c = 2\n}", 0, 0},
                path, [&](Document &d) {
                    return d.addBlock(path, "envdeck_block", {"x"}, "a = 1\nb {\n  c = 2\n}");
                });
        for (const BodyItem &item : body.items) {
            const Block *block = item.block();
            if (!block)
                continue;
            const BlockSelector selector = selectorOf(*block);
            if (blocks.value(selector.describe()) != 1)
                continue;
            BlockPath inner = path;
            inner.append(selector);
            attempt(QStringLiteral("removing a block"),
                    WriterEdit{Op::RemoveBlock, {}, {}, {}, {}, 0, 0}, inner,
                    [&](Document &d) { return d.removeBlock(inner); });
            BlockSelector renamed = selector;
            if (!renamed.labels.isEmpty()) {
                renamed.labels.last() = "envdeck_renamed";
                const int index = int(renamed.labels.size()) - 1;
                if (blocks.value(renamed.describe()) == 0) {
                    attempt(QStringLiteral("renaming a label"),
                            WriterEdit{Op::Rename, {}, {}, "envdeck_renamed", {}, index, 0}, inner,
                            [&](Document &d) {
                                return d.renameLabel(inner, index, "envdeck_renamed");
                            });
                }
            }
            if (depth < 2)
                this->body(block->body, inner, depth + 1);
        }
    }
};

} // namespace

QStringList editFailures(const QByteArray &source, int &edits)
{
    Run run;
    run.source = source;
    const ParseResult parsed = Hcl::parse(run.source, GeneratedName);
    if (!parsed.ok())
        return {QStringLiteral("does not parse: ") + parsed.errors.first().toString()};
    const Result<QJsonObject> before = toJsonObject(parsed.file, run.source);
    if (!before)
        return {QStringLiteral("hcl2json fails: ") + before.error().toString()};
    run.before = *before;
    run.body(parsed.file.body, {}, 0);
    edits += run.edits;
    return run.failures;
}

QStringList randomEditFailures(quint64 seed, int &edits)
{
    return editFailures(generate(seed).text(), edits);
}

} // namespace EnvDeck::HclTest
