// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerraformPrivate.h"

#include "core/TextFiles.h"
#include "core/YamlSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace EnvDeck::Terraform::Detail {
namespace {

// Limits how far a chain of var/local/input references is followed (cycles, deep chains).
constexpr int MaxTraceDepth = 32;
constexpr qint64 MaxTerraformFileSize = 16 * 1024 * 1024;

// The steps of a traversal as plain keys: .name and ["name"] and [0]; nullopt for anything
// computed ([var.x], splats).
std::optional<QStringList> keysOf(const std::vector<Hcl::TraversalStep> &steps)
{
    QStringList keys;
    for (const Hcl::TraversalStep &step : steps) {
        switch (step.kind) {
        case Hcl::TraversalStep::Kind::Attr:
        case Hcl::TraversalStep::Kind::LegacyIndex:
            keys << QString::fromUtf8(step.name);
            break;
        case Hcl::TraversalStep::Kind::Index: {
            const auto key = step.index ? literalValue(*step.index) : std::nullopt;
            if (!key)
                return std::nullopt;
            keys << *key;
            break;
        }
        case Hcl::TraversalStep::Kind::AttrSplat:
        case Hcl::TraversalStep::Kind::FullSplat:
            return std::nullopt;
        }
    }
    return keys;
}

// The path written in file("${path.module}/versions.yaml"), relative to the repository root.
std::optional<QString> filePathArgument(const Hcl::Expression &expr, const Scope &scope)
{
    const auto *call = expr.as<Hcl::FunctionCallExpr>();
    if (!call || call->name != "file" || call->args.size() != 1)
        return std::nullopt;
    const auto *text = call->args.front()->as<Hcl::TemplateExpr>();
    if (!text)
        return std::nullopt;
    QString path;
    for (const Hcl::TemplatePart &part : text->parts) {
        if (part.kind == Hcl::TemplatePart::Kind::Literal) {
            path += QString::fromUtf8(part.text);
            continue;
        }
        const Hcl::Expression *inner
            = part.kind == Hcl::TemplatePart::Kind::Interpolation ? part.expr.get() : nullptr;
        const auto *variable = inner ? inner->as<Hcl::VariableExpr>() : nullptr;
        const auto *function = inner ? inner->as<Hcl::FunctionCallExpr>() : nullptr;
        // ${path.module} in Terraform, ${get_terragrunt_dir()} in a terragrunt.hcl
        const bool moduleFolder = variable && variable->name == "path"
                                  && variable->steps.size() == 1
                                  && variable->steps.front().name == "module";
        const bool unitFolder
            = function && function->name == "get_terragrunt_dir" && function->args.empty();
        if (!moduleFolder && !unitFolder)
            return std::nullopt;
        path += scope.folder;
    }
    if (QDir::isAbsolutePath(path))
        return std::nullopt;
    return QDir::cleanPath(path);
}

// The YAML files read while one root module is traced: every helm_release of an environment
// reads the same versions.yaml, which is parsed once (see YamlCacheScope).
struct YamlCache
{
    int depth = 0;
    QHash<QString, std::optional<YAML::Node>> files;
};
thread_local YamlCache yamlCache;

// The unsaved contents readRootModule(..., overlay) reads instead of the files on disk; set by
// OverlayScope for the thread that reads one root module.
thread_local const QHash<QString, QByteArray> *overlayFiles = nullptr;

const QByteArray *overlaid(const QString &path)
{
    if (!overlayFiles)
        return nullptr;
    const auto it = overlayFiles->constFind(QDir::cleanPath(path));
    return it == overlayFiles->cend() ? nullptr : &it.value();
}

std::optional<YAML::Node> loadYaml(const QString &root, const QString &path)
{
    const QString absolute = QDir(root).filePath(path);
    if (yamlCache.depth > 0) {
        if (const auto it = yamlCache.files.constFind(absolute); it != yamlCache.files.cend())
            return *it;
    }
    const QByteArray *bytes = overlaid(path);
    auto loaded = bytes ? Yaml::load(*bytes, path) : Yaml::loadFile(absolute, path);
    std::optional<YAML::Node> node;
    if (loaded)
        node = loaded.value();
    if (yamlCache.depth > 0)
        yamlCache.files.insert(absolute, node);
    return node;
}

TracedValue traceYaml(const QString &root, const QString &path, const QStringList &steps)
{
    const auto loaded = loadYaml(root, path);
    if (!loaded)
        return {};
    // yaml-cpp nodes are handles: `node = child` would overwrite the cached document's data, so
    // the walk rebinds with reset() and reads through const access only.
    YAML::Node node;
    node.reset(*loaded);
    for (const QString &step : steps) {
        const YAML::Node &current = node;
        // A missing key gives an invalid node, which must be tested before anything else (even
        // assigning it throws): construct, test, then rebind.
        const YAML::Node child = [&]() -> YAML::Node {
            if (current.IsMap())
                return current[step.toStdString()];
            bool ok = false;
            const int index = step.toInt(&ok);
            if (current.IsSequence() && ok && index >= 0 && std::size_t(index) < current.size())
                return current[std::size_t(index)];
            return YAML::Node(YAML::NodeType::Undefined);
        }();
        if (!child.IsDefined())
            return {};
        node.reset(child);
    }
    if (!node.IsScalar())
        return {};
    return TracedValue{Yaml::scalar(node), Yaml::locationOf(node, path), QStringLiteral("yaml")};
}

} // namespace

OverlayScope::OverlayScope(const QHash<QString, QByteArray> &overlay)
    : m_previous(overlayFiles)
{
    overlayFiles = &overlay;
}

OverlayScope::~OverlayScope()
{
    overlayFiles = m_previous;
}

std::unique_ptr<ParsedFile> parseFile(const QString &root, const QString &path,
                                      QList<Error> &problems)
{
    auto parsed = std::make_unique<ParsedFile>();
    parsed->path = path;
    if (const QByteArray *bytes = overlaid(path)) {
        parsed->source = *bytes;
    } else {
        QFile file(QDir(root).filePath(path));
        if (!file.open(QIODevice::ReadOnly)) {
            problems << Error(QStringLiteral("cannot read the file: %1").arg(file.errorString()),
                              SourceLocation{path});
            return nullptr;
        }
        if (file.size() > MaxTerraformFileSize) {
            problems << Error(QStringLiteral("skipped: the file is larger than 16 MiB"),
                              SourceLocation{path});
            return nullptr;
        }
        parsed->source = file.readAll();
    }
    if (parsed->source.size() > MaxTerraformFileSize) {
        problems << Error(QStringLiteral("skipped: the file is larger than 16 MiB"),
                          SourceLocation{path});
        return nullptr;
    }
    if (looksBinaryOrEncrypted(parsed->source)) {
        problems << Error(QStringLiteral("skipped: the file is binary or encrypted"),
                          SourceLocation{path});
        return nullptr;
    }
    Hcl::ParseResult result = Hcl::parse(parsed->source, path);
    problems << result.errors;
    parsed->file = std::move(result.file);
    return parsed;
}

std::vector<std::unique_ptr<ParsedFile>> parseFolder(const QString &root, const QString &folder,
                                                     const QString &suffix, QList<Error> &problems)
{
    std::vector<std::unique_ptr<ParsedFile>> files;
    const QDir dir(QDir(root).filePath(folder));
    QStringList names = dir.entryList({QStringLiteral("*") + suffix}, QDir::Files, QDir::Name);
    if (overlayFiles) {
        // Unsaved new files of this folder are read along with those on disk.
        const QString clean = QDir::cleanPath(folder);
        bool added = false;
        for (auto it = overlayFiles->cbegin(); it != overlayFiles->cend(); ++it) {
            const QFileInfo info(it.key());
            if (info.path() == clean && it.key().endsWith(suffix)
                && !names.contains(info.fileName())) {
                names << info.fileName();
                added = true;
            }
        }
        if (added)
            names.sort();
    }
    for (const QString &name : std::as_const(names)) {
        const QString path = folder == u"." ? name : folder + QLatin1Char('/') + name;
        if (auto parsed = parseFile(root, path, problems))
            files.push_back(std::move(parsed));
    }
    return files;
}

std::optional<QString> literalValue(const Hcl::Expression &expr)
{
    if (const auto *literal = expr.as<Hcl::LiteralExpr>()) {
        if (literal->type == Hcl::LiteralExpr::Type::Null)
            return std::nullopt;
        return QString::fromUtf8(literal->text);
    }
    if (const auto *text = expr.as<Hcl::TemplateExpr>()) {
        QString value;
        for (const Hcl::TemplatePart &part : text->parts) {
            if (part.kind != Hcl::TemplatePart::Kind::Literal)
                return std::nullopt;
            value += QString::fromUtf8(part.text);
        }
        return value;
    }
    if (const auto *inner = expr.as<Hcl::ParenthesesExpr>())
        return inner->inner ? literalValue(*inner->inner) : std::nullopt;
    return std::nullopt;
}

TracedValue trace(const Located &located, const Scope &scope, const QStringList &steps,
                  const QString &root, int depth)
{
    if (!located.expr || !located.file || depth > MaxTraceDepth)
        return {};
    const Hcl::Expression &expr = *located.expr;
    const auto next = [&](const Hcl::Expression *e, const Scope &s, const QStringList &rest,
                          const ParsedFile *file = nullptr) {
        return trace(Located{e, file ? file : located.file}, s, rest, root, depth + 1);
    };

    switch (expr.kind()) {
    case Hcl::Expression::Kind::Literal:
    case Hcl::Expression::Kind::Template: {
        const auto value = literalValue(expr);
        if (!value || !steps.isEmpty())
            return {};
        return TracedValue{*value, located.file->locationOf(expr.range.start),
                           QStringLiteral("literal")};
    }
    case Hcl::Expression::Kind::Parentheses:
        return next(expr.as<Hcl::ParenthesesExpr>()->inner.get(), scope, steps);
    case Hcl::Expression::Kind::Object: {
        if (steps.isEmpty())
            return {};
        for (const Hcl::ObjectItem &item : expr.as<Hcl::ObjectExpr>()->items) {
            std::optional<QString> key;
            if (item.bareKey && item.key)
                key = QString::fromUtf8(item.key->as<Hcl::VariableExpr>()->name);
            else if (item.key)
                key = literalValue(*item.key);
            if (key && *key == steps.first())
                return next(item.value.get(), scope, steps.mid(1));
        }
        return {};
    }
    case Hcl::Expression::Kind::Tuple: {
        bool ok = false;
        const int index = steps.isEmpty() ? -1 : steps.first().toInt(&ok);
        const auto &items = expr.as<Hcl::TupleExpr>()->items;
        if (!ok || index < 0 || std::size_t(index) >= items.size())
            return {};
        return next(items[std::size_t(index)].get(), scope, steps.mid(1));
    }
    case Hcl::Expression::Kind::Variable: {
        const auto &variable = *expr.as<Hcl::VariableExpr>();
        const auto keys = keysOf(variable.steps);
        if (!keys || keys->isEmpty())
            return {};
        const QString name = keys->first();
        const QStringList rest = keys->mid(1) + steps;
        if (variable.name == "var") {
            if (auto input = scope.inputs.find(name); input != scope.inputs.end() && scope.caller)
                return next(input->expr, *scope.caller, rest, input->file);
            if (auto value = scope.tfvars.find(name); value != scope.tfvars.end()) {
                TracedValue traced = next(value->expr, scope, rest, value->file);
                if (traced.found() && traced.via == u"literal")
                    traced.via = QStringLiteral("tfvars");
                return traced;
            }
            if (auto value = scope.variableDefaults.find(name);
                value != scope.variableDefaults.end()) {
                TracedValue traced = next(value->expr, scope, rest, value->file);
                if (traced.found() && traced.via == u"literal")
                    traced.via = QStringLiteral("variable default");
                return traced;
            }
            return {};
        }
        // Terragrunt: local.env.locals.x (a read_terragrunt_config(...) file), and
        // include.root.locals.x (an exposed include).
        const auto inLocalsOf = [&](const Scope *other) -> TracedValue {
            if (!other || rest.size() < 2 || rest.first() != u"locals")
                return {};
            const auto value = other->locals.find(rest.at(1));
            if (value == other->locals.end())
                return {};
            return next(value->expr, *other, rest.mid(2), value->file);
        };
        if (variable.name == "local") {
            if (auto config = scope.configs.find(name); config != scope.configs.end())
                return inLocalsOf(*config);
            if (auto value = scope.locals.find(name); value != scope.locals.end())
                return next(value->expr, scope, rest, value->file);
        }
        if (variable.name == "include")
            return inLocalsOf(scope.includes.value(name));
        return {};
    }
    case Hcl::Expression::Kind::FunctionCall: {
        const auto &call = *expr.as<Hcl::FunctionCallExpr>();
        if (call.name != "yamldecode" || call.args.size() != 1)
            return {};
        const auto path = filePathArgument(*call.args.front(), scope);
        return path ? traceYaml(root, *path, steps) : TracedValue{};
    }
    default:
        return {};
    }
}

void forEachVariable(const Hcl::Expression &expr,
                     const std::function<void(const Hcl::VariableExpr &)> &visit)
{
    // An explicit stack, not recursion: a long operator chain (`1 + 1 + ...` on a 10 MB line)
    // is a tree a million levels deep.
    std::vector<const Hcl::Expression *> pending{&expr};
    std::vector<const std::vector<Hcl::TemplatePart> *> pendingParts;
    const auto push = [&](const Hcl::ExpressionPtr &child) {
        if (child)
            pending.push_back(child.get());
    };
    const auto pushSteps = [&](const std::vector<Hcl::TraversalStep> &list) {
        for (const Hcl::TraversalStep &step : list)
            push(step.index);
    };
    while (!pending.empty() || !pendingParts.empty()) {
        if (!pendingParts.empty()) {
            const auto *parts = pendingParts.back();
            pendingParts.pop_back();
            for (const Hcl::TemplatePart &part : *parts) {
                push(part.expr);
                pendingParts.push_back(&part.body);
                pendingParts.push_back(&part.elseBody);
            }
            continue;
        }
        const Hcl::Expression *current = pending.back();
        pending.pop_back();
        std::visit(
            [&](const auto &node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, Hcl::VariableExpr>) {
                    visit(node);
                    pushSteps(node.steps);
                } else if constexpr (std::is_same_v<T, Hcl::TemplateExpr>) {
                    pendingParts.push_back(&node.parts);
                } else if constexpr (std::is_same_v<T, Hcl::TupleExpr>) {
                    for (const auto &item : node.items)
                        push(item);
                } else if constexpr (std::is_same_v<T, Hcl::ObjectExpr>) {
                    for (const auto &item : node.items) {
                        if (!item.bareKey)
                            push(item.key);
                        push(item.value);
                    }
                } else if constexpr (std::is_same_v<T, Hcl::TraversalExpr>) {
                    push(node.source);
                    pushSteps(node.steps);
                } else if constexpr (std::is_same_v<T, Hcl::FunctionCallExpr>) {
                    for (const auto &arg : node.args)
                        push(arg);
                } else if constexpr (std::is_same_v<T, Hcl::ForExpr>) {
                    push(node.collection);
                    push(node.keyExpr);
                    push(node.valueExpr);
                    push(node.condition);
                } else if constexpr (std::is_same_v<T, Hcl::ConditionalExpr>) {
                    push(node.condition);
                    push(node.trueResult);
                    push(node.falseResult);
                } else if constexpr (std::is_same_v<T, Hcl::BinaryExpr>) {
                    push(node.lhs);
                    push(node.rhs);
                } else if constexpr (std::is_same_v<T, Hcl::UnaryExpr>) {
                    push(node.operand);
                } else if constexpr (std::is_same_v<T, Hcl::ParenthesesExpr>) {
                    push(node.inner);
                }
            },
            current->node);
    }
}

YamlCacheScope::YamlCacheScope()
{
    ++yamlCache.depth;
}

YamlCacheScope::~YamlCacheScope()
{
    if (--yamlCache.depth == 0)
        yamlCache.files.clear();
}

} // namespace EnvDeck::Terraform::Detail
