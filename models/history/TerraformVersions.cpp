// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/TerraformVersions.h"

#include "hcl/HclParser.h"

#include <QMap>

#include <algorithm>
#include <optional>

namespace EnvDeck::History {

namespace {

QString fileNameOf(const QString &path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

bool isVariablesFileName(const QString &name)
{
    return name == u"terraform.tfvars" || name.endsWith(u".auto.tfvars");
}

// The value of an expression that is written out in full: a string without interpolations or
// directives, or a number. Anything else needs evaluation and gives nothing.
std::optional<QString> literalText(const Hcl::Expression *expression)
{
    while (expression) {
        if (const auto *inner = expression->as<Hcl::ParenthesesExpr>()) {
            expression = inner->inner.get();
            continue;
        }
        if (const auto *literal = expression->as<Hcl::LiteralExpr>()) {
            if (literal->type != Hcl::LiteralExpr::Type::Number)
                return std::nullopt;
            return QString::fromUtf8(literal->text);
        }
        const auto *text = expression->as<Hcl::TemplateExpr>();
        if (!text)
            return std::nullopt;
        QByteArray value;
        for (const Hcl::TemplatePart &part : text->parts) {
            if (part.kind != Hcl::TemplatePart::Kind::Literal)
                return std::nullopt;
            value += part.text;
        }
        return QString::fromUtf8(value);
    }
    return std::nullopt;
}

// `var.name` (exactly: no index, no further attribute) -> "name".
std::optional<QString> variableName(const Hcl::Expression *expression)
{
    const auto *variable = expression ? expression->as<Hcl::VariableExpr>() : nullptr;
    if (!variable || variable->name != "var" || variable->steps.size() != 1
        || variable->steps.front().kind != Hcl::TraversalStep::Kind::Attr)
        return std::nullopt;
    return QString::fromUtf8(variable->steps.front().name);
}

const Hcl::Attribute *attribute(const Hcl::Body &body, const char *name)
{
    for (const Hcl::BodyItem &item : body.items) {
        const Hcl::Attribute *found = item.attribute();
        if (found && found->name == name)
            return found;
    }
    return nullptr;
}

std::optional<QString> literalAttribute(const Hcl::Body &body, const char *name)
{
    const Hcl::Attribute *found = attribute(body, name);
    return found ? literalText(found->expr.get()) : std::nullopt;
}

// The `ref` query parameter of a module source ("git::https://host/repo.git//dir?ref=v1.2.0").
std::optional<QString> sourceRef(const QString &source)
{
    const qsizetype query = source.indexOf(QLatin1Char('?'));
    if (query < 0)
        return std::nullopt;
    const QStringList parameters = source.mid(query + 1).split(QLatin1Char('&'));
    for (const QString &parameter : parameters) {
        if (parameter.startsWith(u"ref=") && parameter.size() > 4)
            return parameter.mid(4);
    }
    return std::nullopt;
}

void addComponent(TerraformFileVersions &out, const QString &name)
{
    if (!out.order.contains(name))
        out.order.append(name);
}

void readModule(const Hcl::Block &block, TerraformFileVersions &out)
{
    const QString name = QString::fromUtf8(block.labels.front().value);
    std::optional<QString> version = literalAttribute(block.body, "version");
    if (!version) {
        if (const auto source = literalAttribute(block.body, "source"))
            version = sourceRef(*source);
    }
    if (!version || out.literals.contains(name))
        return;
    out.literals.insert(name, *version);
    addComponent(out, name);
}

void readRelease(const Hcl::Block &block, TerraformFileVersions &out)
{
    const QString name
        = literalAttribute(block.body, "name").value_or(QString::fromUtf8(block.labels[1].value));
    const Hcl::Attribute *version = attribute(block.body, "version");
    if (!version || out.literals.contains(name) || out.releaseVariables.contains(name))
        return;
    if (const auto literal = literalText(version->expr.get())) {
        out.literals.insert(name, *literal);
        addComponent(out, name);
    } else if (const auto variable = variableName(version->expr.get())) {
        out.releaseVariables.insert(name, *variable);
        addComponent(out, name);
    }
}

} // namespace

bool isTerraformVersionFile(const QString &fileName)
{
    return fileName.endsWith(u".tf") || isVariablesFileName(fileName);
}

TerraformFileVersions readTerraformFile(const QByteArray &bytes, const QString &path)
{
    TerraformFileVersions out;
    out.path = path;
    out.variablesFile = isVariablesFileName(fileNameOf(path));
    Hcl::ParseResult parsed = Hcl::parse(bytes, path);
    if (!parsed.ok()) {
        out.errors = parsed.errors;
        return out;
    }
    for (const Hcl::BodyItem &item : parsed.file.body.items) {
        if (out.variablesFile) {
            // A .tfvars file holds only `name = value`; non-literal values are not evaluated.
            if (const Hcl::Attribute *value = item.attribute()) {
                if (const auto text = literalText(value->expr.get()))
                    out.values.insert(QString::fromUtf8(value->name), *text);
            }
            continue;
        }
        const Hcl::Block *block = item.block();
        if (!block)
            continue;
        if (block->type == "module" && block->labels.size() == 1) {
            readModule(*block, out);
        } else if (block->type == "resource" && block->labels.size() == 2
                   && block->labels[0].value == "helm_release") {
            readRelease(*block, out);
        } else if (block->type == "variable" && block->labels.size() == 1) {
            if (const auto value = literalAttribute(block->body, "default"))
                out.defaults.insert(QString::fromUtf8(block->labels.front().value), *value);
        }
    }
    return out;
}

Result<QHash<QString, TerraformVersion>>
combineTerraformVersions(const QList<TerraformFileVersions> &files)
{
    QList<const TerraformFileVersions *> sorted;
    for (const TerraformFileVersions &file : files) {
        if (!file.ok())
            return file.errors.front();
        sorted.append(&file);
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const auto *a, const auto *b) { return a->path < b->path; });

    // Where each variable gets its value: its default, then terraform.tfvars, then the
    // *.auto.tfvars files in name order (Terraform's own precedence among files it loads itself).
    QHash<QString, TerraformVersion> variables;
    for (const TerraformFileVersions *file : std::as_const(sorted)) {
        for (auto it = file->defaults.cbegin(); it != file->defaults.cend(); ++it) {
            if (!variables.contains(it.key()))
                variables.insert(it.key(), {it.value(), file->path});
        }
    }
    QList<const TerraformFileVersions *> tfvars;
    std::copy_if(sorted.cbegin(), sorted.cend(), std::back_inserter(tfvars),
                 [](const auto *file) { return file->variablesFile; });
    std::stable_sort(tfvars.begin(), tfvars.end(), [](const auto *a, const auto *b) {
        return fileNameOf(a->path) == u"terraform.tfvars"
               && fileNameOf(b->path) != u"terraform.tfvars";
    });
    for (const TerraformFileVersions *file : std::as_const(tfvars)) {
        for (auto it = file->values.cbegin(); it != file->values.cend(); ++it)
            variables.insert(it.key(), {it.value(), file->path});
    }

    QHash<QString, TerraformVersion> versions;
    for (const TerraformFileVersions *file : std::as_const(sorted)) {
        for (const QString &component : file->order) {
            if (versions.contains(component))
                continue;
            if (const auto literal = file->literals.constFind(component);
                literal != file->literals.cend()) {
                versions.insert(component, {*literal, file->path});
                continue;
            }
            const auto value = variables.constFind(file->releaseVariables.value(component));
            if (value != variables.cend())
                versions.insert(component, *value);
        }
    }
    return versions;
}

} // namespace EnvDeck::History
