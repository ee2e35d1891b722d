// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerraformModel.h"

#include "TerraformPrivate.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace EnvDeck::Terraform {

namespace Detail {

QString decode(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

const Hcl::Attribute *findAttribute(const Hcl::Body &body, const char *name)
{
    for (const Hcl::BodyItem &item : body.items) {
        if (const Hcl::Attribute *attribute = item.attribute();
            attribute && attribute->name == name)
            return attribute;
    }
    return nullptr;
}

const Hcl::Block *findBlock(const Hcl::Body &body, const char *type)
{
    for (const Hcl::BodyItem &item : body.items) {
        if (const Hcl::Block *block = item.block(); block && block->type == type)
            return block;
    }
    return nullptr;
}

// Variables and locals of a module, from its parsed files.
void fillScope(const std::vector<std::unique_ptr<ParsedFile>> &files, Scope &scope)
{
    for (const auto &file : files) {
        for (const Hcl::BodyItem &item : file->file.body.items) {
            const Hcl::Block *block = item.block();
            if (!block)
                continue;
            if (block->type == "variable" && block->labels.size() == 1) {
                if (const Hcl::Attribute *value = findAttribute(block->body, "default"))
                    scope.variableDefaults.insert(decode(block->labels.front().value),
                                                  Located{value->expr.get(), file.get()});
            } else if (block->type == "locals") {
                for (const Hcl::BodyItem &local : block->body.items) {
                    if (const Hcl::Attribute *attribute = local.attribute())
                        scope.locals.insert(decode(attribute->name),
                                            Located{attribute->expr.get(), file.get()});
                }
            }
        }
    }
}

} // namespace Detail

using namespace Detail;

namespace {

// How deep calls of local modules are followed to find the Helm releases and secrets they create.
constexpr int MaxModuleNesting = 4;

const QSet<QByteArray> &secretTypes()
{
    static const QSet<QByteArray> types{"kubernetes_secret",        "kubernetes_secret_v1",
                                        "kubernetes_config_map",    "kubernetes_config_map_v1",
                                        "azurerm_key_vault_secret", "aws_secretsmanager_secret",
                                        "aws_ssm_parameter",        "google_secret_manager_secret",
                                        "vault_generic_secret",     "vault_kv_secret_v2"};
    return types;
}

QString attributeText(const Hcl::Body &body, const ParsedFile &file, const char *name)
{
    const Hcl::Attribute *attribute = findAttribute(body, name);
    return attribute && attribute->expr ? file.textOf(attribute->expr->range) : QString();
}

QString literalAttribute(const Hcl::Body &body, const char *name)
{
    const Hcl::Attribute *attribute = findAttribute(body, name);
    if (!attribute || !attribute->expr)
        return {};
    return literalValue(*attribute->expr).value_or(QString());
}

// "<type>.<name>" of every secret type's resource used anywhere in `body`, nested blocks
// included; which of them the module really declares is checked once all blocks are read.
QStringList secretTraversals(const Hcl::Body &body)
{
    QSet<QString> found;
    // An explicit stack, not recursion: nesting depth is whatever the file says.
    std::vector<const Hcl::Body *> pending{&body};
    while (!pending.empty()) {
        const Hcl::Body *current = pending.back();
        pending.pop_back();
        for (const Hcl::BodyItem &item : current->items) {
            if (const Hcl::Block *block = item.block()) {
                pending.push_back(&block->body);
                continue;
            }
            const Hcl::Attribute *attribute = item.attribute();
            if (!attribute || !attribute->expr)
                continue;
            forEachVariable(*attribute->expr, [&](const Hcl::VariableExpr &variable) {
                if (!secretTypes().contains(variable.name) || variable.steps.empty()
                    || variable.steps.front().kind != Hcl::TraversalStep::Kind::Attr)
                    return;
                found.insert(decode(variable.name) + QLatin1Char('.')
                             + decode(variable.steps.front().name));
            });
        }
    }
    QStringList references(found.begin(), found.end());
    references.sort();
    return references;
}

// Keeps in each release's references only the secrets its own module declares: a resource of
// another module cannot be named from inside the block, and a typo names nothing.
void keepDeclaredSecrets(RootModule &module)
{
    QSet<QString> declared;
    for (const SecretResource &secret : std::as_const(module.secrets))
        declared.insert(secret.module + QLatin1Char(' ') + secret.address);
    for (HelmRelease &release : module.helmReleases) {
        release.references.removeIf([&](const QString &address) {
            return !declared.contains(release.module + QLatin1Char(' ') + address);
        });
    }
}

struct Collector
{
    QString root;
    RootModule &module;
    std::vector<std::unique_ptr<ParsedFile>> keep; // files of called modules, alive while tracing

    void collect(const std::vector<std::unique_ptr<ParsedFile>> &files, const Scope &scope,
                 const QString &modulePath, int depth)
    {
        for (const auto &file : files) {
            for (const Hcl::BodyItem &item : file->file.body.items) {
                if (const Hcl::Block *block = item.block())
                    collectBlock(*block, *file, scope, modulePath, depth);
            }
        }
    }

    void collectBlock(const Hcl::Block &block, const ParsedFile &file, const Scope &scope,
                      const QString &modulePath, int depth)
    {
        if (block.type == "resource" && block.labels.size() == 2) {
            const QByteArray &type = block.labels[0].value;
            const QString address = decode(type) + QLatin1Char('.') + decode(block.labels[1].value);
            if (type == "helm_release") {
                HelmRelease release;
                release.address = address;
                release.module = modulePath;
                release.name = literalAttribute(block.body, "name");
                release.chart = literalAttribute(block.body, "chart");
                release.repository = literalAttribute(block.body, "repository");
                release.ns = literalAttribute(block.body, "namespace");
                release.count = attributeText(block.body, file, "count");
                release.forEach = attributeText(block.body, file, "for_each");
                release.location = file.locationOf(block.range.start);
                release.references = secretTraversals(block.body);
                if (const Hcl::Attribute *version = findAttribute(block.body, "version")) {
                    release.hasVersion = true;
                    release.version = trace(Located{version->expr.get(), &file}, scope, {}, root);
                }
                // chart and repository are often read from the same place as the version
                if (release.chart.isEmpty())
                    release.chart = traced(block.body, "chart", file, scope);
                if (release.repository.isEmpty())
                    release.repository = traced(block.body, "repository", file, scope);
                module.helmReleases << release;
            } else if (secretTypes().contains(type)) {
                SecretResource secret;
                secret.type = decode(type);
                secret.address = address;
                secret.module = modulePath;
                secret.name = literalAttribute(block.body, "name");
                if (const Hcl::Block *metadata = findBlock(block.body, "metadata");
                    secret.name.isEmpty() && metadata)
                    secret.name = literalAttribute(metadata->body, "name");
                secret.count = attributeText(block.body, file, "count");
                secret.forEach = attributeText(block.body, file, "for_each");
                secret.location = file.locationOf(block.range.start);
                module.secrets << secret;
            }
            return;
        }
        if (block.type != "module" || block.labels.size() != 1)
            return;

        const QString name = decode(block.labels.front().value);
        const Hcl::Attribute *sourceAttribute = findAttribute(block.body, "source");
        const SourceInfo sourceInfo
            = sourceAttribute ? readSource(Located{sourceAttribute->expr.get(), &file}, scope, root)
                              : SourceInfo{};
        const QString &source = sourceInfo.source;
        if (depth == 0) {
            module.modules << moduleCall(block, file, scope, name, sourceInfo);
        } else {
            module.nestedModules << moduleCall(block, file, scope, name, sourceInfo);
            module.nestedModules.last().parent = modulePath;
        }

        const bool local
            = source.startsWith(QLatin1String("./")) || source.startsWith(QLatin1String("../"));
        if (!local || depth >= MaxModuleNesting)
            return;
        const QString folder = QDir::cleanPath(scope.folder + QLatin1Char('/') + source);
        if (folder.startsWith(QLatin1String(".."))
            || !QFileInfo(QDir(root).filePath(folder)).isDir())
            return;

        auto files = parseFolder(root, folder, QStringLiteral(".tf"), module.problems);
        Scope child;
        child.folder = folder;
        child.caller = &scope;
        fillScope(files, child);
        for (const Hcl::BodyItem &item : block.body.items) {
            if (const Hcl::Attribute *input = item.attribute())
                child.inputs.insert(decode(input->name), Located{input->expr.get(), &file});
        }
        collect(files, child, modulePath.isEmpty() ? name : modulePath + QLatin1Char('.') + name,
                depth + 1);
        for (auto &parsed : files)
            keep.push_back(std::move(parsed));
    }

    QString traced(const Hcl::Body &body, const char *attributeName, const ParsedFile &file,
                   const Scope &scope)
    {
        const Hcl::Attribute *attribute = findAttribute(body, attributeName);
        if (!attribute)
            return {};
        return trace(Located{attribute->expr.get(), &file}, scope, {}, root).value;
    }

    ModuleCall moduleCall(const Hcl::Block &block, const ParsedFile &file, const Scope &scope,
                          const QString &name, const SourceInfo &source)
    {
        ModuleCall call;
        call.name = name;
        call.source = source.source;
        call.sourceKind = source.kind;
        call.ref = source.ref;
        call.subdir = source.subdir;
        call.tracedRef = source.tracedRef;
        call.location = file.locationOf(block.range.start);
        if (call.sourceKind == SourceKind::Local)
            call.localPath = QDir::cleanPath(scope.folder + QLatin1Char('/') + source.source);
        QSet<QString> references;
        QSet<QString> dependsOn;
        QHash<QString, QSet<QString>> outputs;
        for (const Hcl::BodyItem &item : block.body.items) {
            const Hcl::Attribute *attribute = item.attribute();
            if (!attribute || !attribute->expr)
                continue;
            const QString key = decode(attribute->name);
            forEachVariable(*attribute->expr, [&](const Hcl::VariableExpr &variable) {
                if (variable.name != "module" || variable.steps.empty()
                    || variable.steps.front().kind != Hcl::TraversalStep::Kind::Attr)
                    return;
                const QString target
                    = QStringLiteral("module.") + decode(variable.steps.front().name);
                references.insert(target);
                if (key == u"depends_on") {
                    dependsOn.insert(target);
                    return;
                }
                QSet<QString> &used = outputs[target];
                if (variable.steps.size() > 1
                    && variable.steps[1].kind == Hcl::TraversalStep::Kind::Attr)
                    used.insert(decode(variable.steps[1].name));
            });
            if (key == u"source") {
                continue;
            } else if (key == u"version") {
                call.tracedVersion = trace(Located{attribute->expr.get(), &file}, scope, {}, root);
                call.version = call.tracedVersion.found() ? call.tracedVersion.value
                                                          : file.textOf(attribute->expr->range);
            } else if (key == u"count") {
                call.count = file.textOf(attribute->expr->range);
            } else if (key == u"for_each") {
                call.forEach = file.textOf(attribute->expr->range);
            } else if (key != u"depends_on" && key != u"providers") {
                call.inputs.insert(key, file.textOf(attribute->expr->range));
            }
        }
        for (auto it = outputs.cbegin(); it != outputs.cend(); ++it) {
            QStringList used(it.value().begin(), it.value().end());
            used.sort();
            call.usedOutputs.insert(it.key(), used);
        }
        call.dependsOn = QStringList(dependsOn.begin(), dependsOn.end());
        call.dependsOn.sort();
        call.references = QStringList(references.begin(), references.end());
        call.references.sort();
        return call;
    }
};

} // namespace

QString sourceKindName(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Local:
        return QStringLiteral("local");
    case SourceKind::Registry:
        return QStringLiteral("registry");
    case SourceKind::Git:
        return QStringLiteral("git");
    case SourceKind::Http:
        return QStringLiteral("http");
    case SourceKind::Other:
        break;
    }
    return QStringLiteral("other");
}

RootModule readRootModule(const QString &repositoryRoot, const QString &path,
                          const QString &varsFile, const QHash<QString, QByteArray> &overlay)
{
    const Detail::OverlayScope scope(overlay);
    return readRootModule(repositoryRoot, path, varsFile);
}

RootModule readRootModule(const QString &repositoryRoot, const QString &path,
                          const QString &varsFile)
{
    const Detail::YamlCacheScope yamlCache;
    RootModule module;
    module.path = path;
    const auto files = parseFolder(repositoryRoot, path, QStringLiteral(".tf"), module.problems);

    Scope scope;
    scope.folder = path;
    fillScope(files, scope);

    // terraform.tfvars and *.auto.tfvars load first; the environment's own file wins.
    std::vector<std::unique_ptr<ParsedFile>> varFiles;
    const QDir folder(QDir(repositoryRoot).filePath(path));
    QStringList varPaths;
    const QString prefix = path == u"." ? QString() : path + QLatin1Char('/');
    if (folder.exists(QStringLiteral("terraform.tfvars")))
        varPaths << prefix + QStringLiteral("terraform.tfvars");
    for (const QString &name :
         folder.entryList({QStringLiteral("*.auto.tfvars")}, QDir::Files, QDir::Name))
        varPaths << prefix + name;
    if (!varsFile.isEmpty())
        varPaths << varsFile;
    for (const QString &varPath : varPaths) {
        auto parsed = parseFile(repositoryRoot, varPath, module.problems);
        if (!parsed)
            continue;
        for (const Hcl::BodyItem &item : parsed->file.body.items) {
            if (const Hcl::Attribute *attribute = item.attribute())
                scope.tfvars.insert(decode(attribute->name),
                                    Located{attribute->expr.get(), parsed.get()});
        }
        varFiles.push_back(std::move(parsed));
    }
    for (auto it = scope.tfvars.cbegin(); it != scope.tfvars.cend(); ++it) {
        TracedValue value = trace(it.value(), scope, {}, repositoryRoot);
        if (value.found())
            value.via = QStringLiteral("tfvars");
        module.tfvars.insert(it.key(), value);
    }

    for (const auto &file : files) {
        for (const Hcl::BodyItem &item : file->file.body.items) {
            const Hcl::Block *block = item.block();
            if (!block)
                continue;
            if (block->type == "variable" && block->labels.size() == 1) {
                Variable variable;
                variable.name = decode(block->labels.front().value);
                variable.location = file->locationOf(block->range.start);
                if (const Hcl::Attribute *type = findAttribute(block->body, "type"))
                    variable.type = file->textOf(type->expr->range);
                if (const Hcl::Attribute *value = findAttribute(block->body, "default")) {
                    variable.defaultValue
                        = trace(Located{value->expr.get(), file.get()}, scope, {}, repositoryRoot);
                    if (variable.defaultValue.found())
                        variable.defaultValue.via = QStringLiteral("variable default");
                }
                module.variables << variable;
            } else if (block->type == "output" && block->labels.size() == 1) {
                module.outputs << decode(block->labels.front().value);
            } else if (block->type == "locals") {
                for (const Hcl::BodyItem &local : block->body.items) {
                    if (const Hcl::Attribute *attribute = local.attribute())
                        module.locals.insert(decode(attribute->name),
                                             file->textOf(attribute->expr->range));
                }
            }
        }
    }

    Collector collector{repositoryRoot, module, {}};
    collector.collect(files, scope, QString(), 0);
    keepDeclaredSecrets(module);
    if (isTerragruntFolder(repositoryRoot, path))
        readTerragruntUnits(repositoryRoot, path, module);
    return module;
}

} // namespace EnvDeck::Terraform
