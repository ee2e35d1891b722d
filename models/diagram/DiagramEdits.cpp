// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiagramEdits.h"

#include "diagram/DiagramEditSupport.h"
#include "diagram/DiagramHcl.h"
#include "hcl/HclParser.h"

#include <QRegularExpression>

#include <algorithm>

namespace EnvDeck::Diagram {
namespace {

QByteArray describeModule(const QString &name)
{
    return "module \"" + name.toUtf8() + '"';
}

bool isLocalSource(const QString &source)
{
    return source.startsWith(QLatin1String("./")) || source.startsWith(QLatin1String("../"));
}

bool isGitSource(const QString &source)
{
    return source.startsWith(QLatin1String("git::")) || source.startsWith(QLatin1String("git@"))
           || source.startsWith(QLatin1String("github.com/"))
           || source.startsWith(QLatin1String("bitbucket.org/"))
           || source.contains(QLatin1String("?ref=")) || source.contains(QLatin1String("&ref="));
}

bool isRegistrySource(const QString &source)
{
    // <namespace>/<name>/<provider>, optionally behind a registry host.
    static const QRegularExpression registry(
        QStringLiteral("^([A-Za-z0-9.-]+/)?[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+$"));
    return registry.match(source).hasMatch();
}

Result<void> checkName(const QString &name, const QString &what)
{
    if (!isValidIdentifier(name))
        return Error(QStringLiteral("\"%1\" is not a valid %2: use a letter or _ followed by "
                                    "letters, digits, _ and -")
                         .arg(name, what));
    return {};
}

// The source with its `ref` query parameter set to ref (removed when ref is empty).
QString withRef(const QString &source, const QString &ref)
{
    const qsizetype query = source.indexOf(QLatin1Char('?'));
    QString base = query < 0 ? source : source.left(query);
    QStringList parameters;
    if (query >= 0)
        parameters = source.mid(query + 1).split(QLatin1Char('&'), Qt::SkipEmptyParts);
    bool replaced = false;
    for (qsizetype i = 0; i < parameters.size(); ++i) {
        if (parameters.at(i).startsWith(QLatin1String("ref="))) {
            if (ref.isEmpty())
                parameters.removeAt(i--);
            else
                parameters[i] = QStringLiteral("ref=") + ref;
            replaced = true;
        }
    }
    if (!replaced && !ref.isEmpty())
        parameters.append(QStringLiteral("ref=") + ref);
    return parameters.isEmpty() ? base
                                : base + QLatin1Char('?') + parameters.join(QLatin1Char('&'));
}

// `name = value` lines with the `=` aligned, as `terraform fmt` writes a group of attributes.
QByteArray alignedAttributes(const QList<QPair<QByteArray, QByteArray>> &attributes)
{
    qsizetype width = 0;
    for (const auto &[name, value] : attributes)
        width = std::max(width, name.size());
    QByteArray text;
    for (const auto &[name, value] : attributes)
        text += name.leftJustified(width, ' ') + " = " + value + '\n';
    return text;
}

// The file the module calls are written in: main.tf when it has one, else the first that has
// one, else main.tf.
Result<QString> moduleFile(EditSession &session, const QString &folder)
{
    if (auto parsed = session.parseAll(); !parsed)
        return parsed.error();
    const QString main = folder + QStringLiteral("/main.tf");
    QStringList withModules;
    for (const QString &file : session.files()) {
        const Hcl::Document *document = *session.document(file);
        for (const Hcl::BodyItem &item : document->file().body.items) {
            if (item.block() && item.block()->type == "module") {
                withModules.append(file);
                break;
            }
        }
    }
    if (withModules.isEmpty() || withModules.contains(main))
        return main;
    return withModules.constFirst();
}

} // namespace

bool isValidIdentifier(const QString &name)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    return identifier.match(name).hasMatch();
}

Result<FileEdits> addModule(const EnvironmentFiles &environment, const AddModuleRequest &request)
{
    if (auto checked = checkName(request.name, QStringLiteral("module name")); !checked)
        return checked.error();
    if (request.source.trimmed().isEmpty())
        return Error(QStringLiteral("The module \"%1\" needs a source").arg(request.name));
    if (!request.version.isEmpty() && !isRegistrySource(request.source))
        return Error(QStringLiteral("Only modules from a registry take a version; \"%1\" is not "
                                    "a registry source")
                         .arg(request.source));
    EditSession session(environment);
    auto file = moduleFile(session, environment.folder);
    if (!file)
        return file.error();
    if (auto existing = session.findModule(request.name); existing)
        return Error(QStringLiteral("There is already a module \"%1\"").arg(request.name),
                     SourceLocation{existing->file, existing->block->range.start.line,
                                    existing->block->range.start.column});
    QList<QPair<QByteArray, QByteArray>> attributes{
        {"source", Hcl::quoteString(request.source.toUtf8())}};
    if (!request.version.isEmpty())
        attributes.append({"version", Hcl::quoteString(request.version.toUtf8())});
    QStringList seen{QStringLiteral("source"), QStringLiteral("version")};
    for (const auto &[name, expression] : request.inputs) {
        if (auto checked = checkName(name, QStringLiteral("input name")); !checked)
            return checked.error();
        if (seen.contains(name))
            return Error(QStringLiteral("The input \"%1\" is given twice").arg(name));
        seen.append(name);
        if (expression.trimmed().isEmpty())
            return Error(QStringLiteral("The input \"%1\" has no value").arg(name));
        // Checked alone first, so the message names the input rather than a line of a body
        // the user never saw.
        const Hcl::ParseResult alone = Hcl::parse("x = " + expression.trimmed().toUtf8(), name);
        if (!alone.ok())
            return Error(QStringLiteral("The value of input \"%1\" is not an expression: %2")
                             .arg(name, alone.errors.constFirst().message()));
        attributes.append({name.toUtf8(), expression.trimmed().toUtf8()});
    }
    auto document = session.document(*file);
    if (!document)
        return document.error();
    if (auto added = (*document)->addBlock({}, "module", {request.name.toUtf8()},
                                           alignedAttributes(attributes));
        !added)
        return added.error().withContext(
            QStringLiteral("Cannot add module \"%1\"").arg(request.name));
    return session.edits();
}

Result<QList<ModuleCallText>> moduleCalls(const EnvironmentFiles &environment)
{
    EditSession session(environment);
    if (auto parsed = session.parseAll(); !parsed)
        return parsed.error();
    QList<ModuleCallText> calls;
    for (const QString &file : environment.files) {
        const Hcl::Document *document = *session.document(file);
        for (const Hcl::BodyItem &item : document->file().body.items) {
            const Hcl::Block *block = item.block();
            if (!block || block->type != "module" || block->labels.empty())
                continue;
            ModuleCallText call;
            call.name = QString::fromUtf8(block->labels.front().value);
            call.location
                = SourceLocation{file, block->range.start.line, block->range.start.column};
            for (const Hcl::BodyItem &inner : block->body.items) {
                const Hcl::Attribute *attribute = inner.attribute();
                if (!attribute || !attribute->expr)
                    continue;
                const QByteArray literal = HclWalk::literalString(*attribute->expr);
                const QString value = QString::fromUtf8(
                    literal.isNull() ? HclWalk::textOf(document->text(), attribute->expr->range)
                                     : literal);
                if (attribute->name == "source")
                    call.source = value;
                else if (attribute->name == "version")
                    call.version = value;
                call.inputs.append(QString::fromUtf8(attribute->name));
            }
            calls.append(call);
        }
    }
    return calls;
}

Result<QList<ModuleReference>> moduleReferences(const EnvironmentFiles &environment,
                                                const QString &name)
{
    EditSession session(environment);
    if (auto parsed = session.parseAll(); !parsed)
        return parsed.error();
    QList<ModuleReference> references;
    const QByteArray wanted = name.toUtf8();
    for (const QString &file : environment.files) {
        const Hcl::Document *document = *session.document(file);
        HclWalk::walk(document->file(), [&](const Hcl::Expression &expression,
                                            const HclWalk::Context &context) {
            if (HclWalk::referencedModule(expression) != wanted)
                return;
            const Hcl::Block *block = context.block;
            if (block && block->type == "module" && !block->labels.empty()
                && block->labels.front().value == wanted)
                return; // its own block goes with it
            QString where;
            if (!block) {
                where = QString::fromUtf8(context.attribute);
            } else {
                where = QString::fromUtf8(block->type);
                if (block->type == "module" && !block->labels.empty())
                    where = QStringLiteral("module.")
                            + QString::fromUtf8(block->labels.front().value);
                else
                    for (const Hcl::BlockLabel &label : block->labels)
                        where += QStringLiteral(" \"%1\"").arg(QString::fromUtf8(label.value));
                if (!context.attribute.isEmpty())
                    where += QLatin1Char(' ') + QString::fromUtf8(context.attribute);
            }
            references.append(ModuleReference{
                where, QString::fromUtf8(HclWalk::textOf(document->text(), expression.range)),
                SourceLocation{file, expression.range.start.line, expression.range.start.column}});
        });
    }
    return references;
}

namespace {

// Removes the first depends_on entry naming module.<name> from a top-level block of the
// document; false when there is none left.
Result<bool> removeOneDependsOn(Hcl::Document &document, const QByteArray &name)
{
    for (const Hcl::BodyItem &item : document.file().body.items) {
        const Hcl::Block *block = item.block();
        if (!block
            || (block->type == "module" && !block->labels.empty()
                && block->labels.front().value == name))
            continue;
        const Hcl::Attribute *dependsOn = HclWalk::findAttribute(block->body, "depends_on");
        const auto *tuple
            = dependsOn && dependsOn->expr ? dependsOn->expr->as<Hcl::TupleExpr>() : nullptr;
        if (!tuple)
            continue;
        QList<QByteArray> kept;
        for (const Hcl::ExpressionPtr &entry : tuple->items) {
            if (HclWalk::referencedModule(*entry) != name)
                kept.append(HclWalk::textOf(document.text(), entry->range));
        }
        if (kept.size() == qsizetype(tuple->items.size()))
            continue;
        Hcl::BlockPath path{Hcl::BlockSelector{block->type, {}}};
        for (const Hcl::BlockLabel &label : block->labels)
            path.front().labels.append(label.value);
        const Result<void> edited = kept.isEmpty()
                                        ? document.removeAttribute(path, "depends_on")
                                        : document.replaceExpressionAt(dependsOn->expr->range.start,
                                                                       '[' + kept.join(", ") + ']');
        if (!edited)
            return edited.error();
        return true;
    }
    return false;
}

} // namespace

Result<RemoveModuleResult> removeModule(const EnvironmentFiles &environment, const QString &name)
{
    EditSession session(environment);
    auto found = session.findModule(name);
    if (!found)
        return found.error();
    if (auto removed = found->document->removeBlock(modulePath(name)); !removed)
        return removed.error();
    for (const QString &file : environment.files) {
        Hcl::Document *document = *session.document(file);
        for (;;) {
            auto removedEntry = removeOneDependsOn(*document, name.toUtf8());
            if (!removedEntry)
                return removedEntry.error();
            if (!*removedEntry)
                break;
        }
    }
    RemoveModuleResult result;
    result.edits = session.edits();
    // What is left refers to the module in the edited text, where the user will find it.
    EnvironmentFiles edited = environment;
    edited.read = [&result, read = environment.read](const QString &file) {
        for (const FileEdit &edit : std::as_const(result.edits)) {
            if (edit.file == file)
                return edit.after;
        }
        return read(file);
    };
    auto references = moduleReferences(edited, name);
    if (!references)
        return references.error();
    result.references = *references;
    return result;
}

Result<FileEdits> setModuleSource(const EnvironmentFiles &environment, const QString &name,
                                  const QString &source)
{
    if (source.trimmed().isEmpty())
        return Error(QStringLiteral("A module source cannot be empty"));
    EditSession session(environment);
    auto found = session.findModule(name);
    if (!found)
        return found.error();
    Hcl::Document *document = found->document;
    const bool hadVersion = HclWalk::findAttribute(found->block->body, "version") != nullptr;
    if (auto set = document->setAttribute(modulePath(name), "source",
                                          Hcl::quoteString(source.trimmed().toUtf8()));
        !set)
        return set.error();
    // Terraform refuses a version on anything but a registry source.
    if (hadVersion && !isRegistrySource(source.trimmed())) {
        if (auto removed = document->removeAttribute(modulePath(name), "version"); !removed)
            return removed.error();
    }
    return session.edits();
}

Result<FileEdits> setModuleVersion(const EnvironmentFiles &environment, const QString &name,
                                   const QString &version)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9._/+~<>=!, -]*$"));
    if (!plain.match(version).hasMatch())
        return Error(QStringLiteral("\"%1\" is not a version").arg(version));
    EditSession session(environment);
    auto found = session.findModule(name);
    if (!found)
        return found.error();
    Hcl::Document *document = found->document;
    const Hcl::Attribute *sourceAttribute = HclWalk::findAttribute(found->block->body, "source");
    if (!sourceAttribute || !sourceAttribute->expr)
        return Error(
            QStringLiteral("%1 has no source").arg(QString::fromUtf8(describeModule(name))),
            SourceLocation{found->file, found->block->range.start.line,
                           found->block->range.start.column});
    const SourceLocation sourceLocation{found->file, sourceAttribute->expr->range.start.line,
                                        sourceAttribute->expr->range.start.column};
    const QByteArray literal = HclWalk::literalString(*sourceAttribute->expr);
    if (literal.isNull())
        return Error(QStringLiteral("The source of module \"%1\" is computed; change the value "
                                    "it is built from")
                         .arg(name),
                     sourceLocation);
    const QString source = QString::fromUtf8(literal);
    if (isLocalSource(source))
        return Error(QStringLiteral("Module \"%1\" is a local module: it has no version").arg(name),
                     sourceLocation);
    if (isRegistrySource(source)) {
        const Hcl::Attribute *current = HclWalk::findAttribute(found->block->body, "version");
        Result<void> edited;
        if (version.isEmpty()) {
            if (current)
                edited = document->removeAttribute(modulePath(name), "version");
        } else if (current) {
            edited = document->setAttribute(modulePath(name), "version",
                                            Hcl::quoteString(version.toUtf8()));
        } else {
            // Right below `source`, where a reader looks for it (setAttribute would append it
            // after the inputs).
            const QByteArray text = document->text();
            qsizetype lineStart
                = text.lastIndexOf('\n', sourceAttribute->range.start.offset - 1) + 1;
            const QByteArray indent
                = text.mid(lineStart, sourceAttribute->range.start.offset - lineStart);
            edited = document->replaceRange(sourceAttribute->range.end.offset,
                                            sourceAttribute->range.end.offset,
                                            document->lineEnding() + indent + "version = "
                                                + Hcl::quoteString(version.toUtf8()));
        }
        if (!edited)
            return edited.error();
        return session.edits();
    }
    if (isGitSource(source)) {
        if (auto set = document->setAttribute(modulePath(name), "source",
                                              Hcl::quoteString(withRef(source, version).toUtf8()));
            !set)
            return set.error();
        return session.edits();
    }
    return Error(QStringLiteral("The source of module \"%1\" takes no version").arg(name),
                 sourceLocation);
}

Result<FileEdits> connectInput(const EnvironmentFiles &environment, const QString &module,
                               const QString &input, const QString &fromModule,
                               const QString &output)
{
    if (auto checked = checkName(input, QStringLiteral("input name")); !checked)
        return checked.error();
    if (auto checked = checkName(output, QStringLiteral("output name")); !checked)
        return checked.error();
    if (module == fromModule)
        return Error(QStringLiteral("Module \"%1\" cannot take its own output").arg(module));
    if (input == QLatin1String("source") || input == QLatin1String("version"))
        return Error(QStringLiteral("\"%1\" is not an input").arg(input));
    EditSession session(environment);
    auto from = session.findModule(fromModule);
    if (!from)
        return from.error();
    auto found = session.findModule(module);
    if (!found)
        return found.error();
    const QByteArray expression = "module." + fromModule.toUtf8() + '.' + output.toUtf8();
    if (auto set = found->document->setAttribute(modulePath(module), input.toUtf8(), expression);
        !set)
        return set.error();
    return session.edits();
}

} // namespace EnvDeck::Diagram
