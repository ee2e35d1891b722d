// SPDX-License-Identifier: GPL-3.0-or-later
// Terragrunt units: terragrunt.hcl files, their sources, dependencies and includes.
#include "TerraformPrivate.h"

#include "repo/EnvironmentDiscovery.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace EnvDeck::Terraform::Detail {
namespace {

const QString UnitFile = QStringLiteral("terragrunt.hcl");

// How deep units are looked for below the environment folder; the same depth as discovery.
constexpr int MaxUnitDepth = 6;
// How far chains of includes and read_terragrunt_config(...) are followed.
constexpr int MaxConfigNesting = 3;
// How deeply nested a path expression (dirname(find_in_parent_folders(...))) may be.
constexpr int MaxPathDepth = 8;

QString join(const QString &folder, const QString &name)
{
    return folder == u"." || folder.isEmpty() ? name : folder + QLatin1Char('/') + name;
}

void findUnitFolders(const QString &root, const QString &folder, int depth, QStringList &found)
{
    const QDir dir(QDir(root).filePath(folder));
    if (dir.exists(UnitFile))
        found << folder;
    if (depth >= MaxUnitDepth)
        return;
    // Symlinked folders are not followed, as in discovery: they can loop.
    for (const QString &child :
         dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDir::Name)) {
        if (!isIgnoredFolder(child))
            findUnitFolders(root, join(folder, child), depth + 1, found);
    }
}

// Parsed files and the scopes built on them; both stay alive while values are traced.
struct Reader
{
    QString root;
    RootModule &module;
    std::vector<std::unique_ptr<ParsedFile>> files;
    std::vector<std::unique_ptr<Scope>> scopes;
    QHash<QString, const ParsedFile *> parsed; // by path: each file parsed and reported once

    const ParsedFile *parse(const QString &path)
    {
        if (auto it = parsed.constFind(path); it != parsed.constEnd())
            return *it;
        auto file = parseFile(root, path, module.problems);
        const ParsedFile *result = file.get();
        parsed.insert(path, result);
        if (file)
            files.push_back(std::move(file));
        return result;
    }

    // The folder holding `fileName`, looking upwards from the parent of `unitFolder` the way
    // find_in_parent_folders() does; relative to the repository root.
    std::optional<QString> findInParentFolders(const QString &unitFolder, const QString &fileName)
    {
        QString dir = unitFolder;
        while (!dir.isEmpty() && dir != u".") {
            dir = QFileInfo(dir).path();
            const QString candidate = QDir::cleanPath(join(dir, fileName));
            if (QFileInfo(QDir(root).filePath(candidate)).isFile())
                return candidate;
        }
        return std::nullopt;
    }

    // A path expression of a terragrunt.hcl: string literals, templates, get_terragrunt_dir(),
    // get_repo_root(), dirname(...) and find_in_parent_folders(...). Function results are
    // absolute paths; literals stay as written (relative to the unit folder).
    std::optional<QString> pathText(const Hcl::Expression &expr, const QString &unitFolder,
                                    int depth)
    {
        if (depth > MaxPathDepth)
            return std::nullopt;
        if (auto literal = literalValue(expr))
            return literal;
        const QString repo = QDir(root).absolutePath();
        if (const auto *text = expr.as<Hcl::TemplateExpr>()) {
            QString result;
            for (const Hcl::TemplatePart &part : text->parts) {
                if (part.kind == Hcl::TemplatePart::Kind::Literal) {
                    result += decode(part.text);
                    continue;
                }
                if (part.kind != Hcl::TemplatePart::Kind::Interpolation || !part.expr)
                    return std::nullopt;
                const auto value = pathText(*part.expr, unitFolder, depth + 1);
                if (!value)
                    return std::nullopt;
                result += *value;
            }
            return result;
        }
        const auto *call = expr.as<Hcl::FunctionCallExpr>();
        if (!call)
            return std::nullopt;
        if (call->name == "get_terragrunt_dir" && call->args.empty())
            return QDir::cleanPath(repo + QLatin1Char('/') + unitFolder);
        if (call->name == "get_repo_root" && call->args.empty())
            return repo;
        if (call->name == "dirname" && call->args.size() == 1) {
            const auto value = pathText(*call->args.front(), unitFolder, depth + 1);
            return value ? std::optional<QString>(QFileInfo(*value).path()) : std::nullopt;
        }
        if (call->name == "find_in_parent_folders" && call->args.size() <= 2) {
            QString fileName = UnitFile;
            if (!call->args.empty()) {
                const auto name = literalValue(*call->args.front());
                if (!name)
                    return std::nullopt;
                fileName = *name;
            }
            if (const auto found = findInParentFolders(unitFolder, fileName))
                return repo + QLatin1Char('/') + *found;
            if (call->args.size() == 2) // the fallback value
                return pathText(*call->args.back(), unitFolder, depth + 1);
        }
        return std::nullopt;
    }

    bool isFile(const QString &path) const { return QFileInfo(QDir(root).filePath(path)).isFile(); }

    // The path relative to the repository root; nullopt when it cannot be worked out or leaves
    // the repository.
    std::optional<QString> resolvePath(const Hcl::Expression &expr, const QString &unitFolder)
    {
        const auto text = pathText(expr, unitFolder, 0);
        if (!text)
            return std::nullopt;
        const QDir repo(root);
        const QString absolute
            = QDir::isAbsolutePath(*text) ? *text : repo.absoluteFilePath(join(unitFolder, *text));
        const QString relative = repo.relativeFilePath(QDir::cleanPath(absolute));
        if (relative == u".." || relative.startsWith(QLatin1String("../"))
            || QDir::isAbsolutePath(relative))
            return std::nullopt;
        return relative.isEmpty() ? QStringLiteral(".") : relative;
    }

    // What names mean in `file`, evaluated for the unit in `unitFolder`: its locals, the files
    // its locals read with read_terragrunt_config(...), and its exposed includes.
    const Scope *scopeOf(const ParsedFile &file, const QString &unitFolder, int depth)
    {
        auto owned = std::make_unique<Scope>();
        Scope &scope = *owned;
        scopes.push_back(std::move(owned));
        // Terragrunt evaluates included files in the including unit's folder.
        scope.folder = unitFolder;
        for (const Hcl::BodyItem &item : file.file.body.items) {
            const Hcl::Block *block = item.block();
            if (!block)
                continue;
            if (block->type == "locals") {
                for (const Hcl::BodyItem &local : block->body.items) {
                    const Hcl::Attribute *attribute = local.attribute();
                    if (!attribute || !attribute->expr)
                        continue;
                    const QString name = decode(attribute->name);
                    scope.locals.insert(name, Located{attribute->expr.get(), &file});
                    const auto *call = attribute->expr->as<Hcl::FunctionCallExpr>();
                    if (!call || call->name != "read_terragrunt_config" || call->args.empty()
                        || depth >= MaxConfigNesting)
                        continue;
                    if (const auto path = resolvePath(*call->args.front(), unitFolder);
                        path && isFile(*path)) {
                        if (const ParsedFile *config = parse(*path))
                            scope.configs.insert(name, scopeOf(*config, unitFolder, depth + 1));
                    }
                }
            } else if (block->type == "include" && block->labels.size() == 1
                       && depth < MaxConfigNesting) {
                const Hcl::Attribute *expose = findAttribute(block->body, "expose");
                const Hcl::Attribute *path = findAttribute(block->body, "path");
                if (!expose || !path || literalValue(*expose->expr).value_or(QString()) != u"true")
                    continue;
                if (const auto resolved = resolvePath(*path->expr, unitFolder);
                    resolved && isFile(*resolved)) {
                    if (const ParsedFile *included = parse(*resolved))
                        scope.includes.insert(decode(block->labels.front().value),
                                              scopeOf(*included, unitFolder, depth + 1));
                }
            }
        }
        return &scope;
    }

    void readSourceOf(const ParsedFile &file, const Scope &scope, TerragruntUnit &unit)
    {
        const Hcl::Block *terraform = findBlock(file.file.body, "terraform");
        if (!terraform)
            return;
        unit.sourceLocation = file.locationOf(terraform->range.start);
        const Hcl::Attribute *source = findAttribute(terraform->body, "source");
        if (!source)
            return;
        const SourceInfo info = readSource(Located{source->expr.get(), &file}, scope, root);
        unit.source = info.source;
        unit.sourceKind = info.kind;
        unit.subdir = info.subdir;
        unit.ref = info.ref;
        unit.tracedRef = info.tracedRef;
        unit.version = info.version;
        unit.tracedVersion = info.tracedVersion;
    }

    TerragruntDependency dependency(const Hcl::Expression &configPath, const ParsedFile &file,
                                    const QString &unitFolder, const SourceLocation &location)
    {
        TerragruntDependency dependency;
        dependency.configPath = literalValue(configPath).value_or(file.textOf(configPath.range));
        dependency.path = resolvePath(configPath, unitFolder).value_or(QString());
        dependency.location = location;
        return dependency;
    }

    TerragruntUnit readUnit(const QString &environment, const QString &unitFolder)
    {
        TerragruntUnit unit;
        unit.path = unitFolder;
        unit.name = unitFolder == environment ? QFileInfo(unitFolder).fileName()
                    : environment == u"."     ? unitFolder
                                              : unitFolder.mid(environment.size() + 1);
        unit.configFile = join(unitFolder, UnitFile);
        const ParsedFile *file = parse(unit.configFile);
        if (!file)
            return unit;
        const Scope &scope = *scopeOf(*file, unitFolder, 0);
        readSourceOf(*file, scope, unit);

        QList<TerragruntDependency> listed; // `dependencies { paths }` come after the blocks
        for (const Hcl::BodyItem &item : file->file.body.items) {
            if (const Hcl::Attribute *attribute = item.attribute()) {
                if (attribute->name == "inputs" && attribute->expr)
                    readInputs(*attribute->expr, *file, unit);
                continue;
            }
            const Hcl::Block &block = *item.block();
            if (block.type == "dependency" && block.labels.size() == 1) {
                const Hcl::Attribute *path = findAttribute(block.body, "config_path");
                if (!path)
                    continue;
                TerragruntDependency entry = dependency(*path->expr, *file, unitFolder,
                                                        file->locationOf(block.range.start));
                entry.name = decode(block.labels.front().value);
                unit.dependencies << entry;
            } else if (block.type == "dependencies") {
                const Hcl::Attribute *paths = findAttribute(block.body, "paths");
                const auto *tuple = paths ? paths->expr->as<Hcl::TupleExpr>() : nullptr;
                if (!tuple)
                    continue;
                for (const Hcl::ExpressionPtr &path : tuple->items) {
                    if (path)
                        listed << dependency(*path, *file, unitFolder,
                                             file->locationOf(path->range.start));
                }
            } else if (block.type == "include") {
                TerragruntInclude include;
                if (!block.labels.empty())
                    include.name = decode(block.labels.front().value);
                if (const Hcl::Attribute *path = findAttribute(block.body, "path")) {
                    include.pathExpression = file->textOf(path->expr->range);
                    include.resolvedPath = resolvePath(*path->expr, unitFolder).value_or(QString());
                }
                if (const Hcl::Attribute *expose = findAttribute(block.body, "expose"))
                    include.expose = literalValue(*expose->expr).value_or(QString()) == u"true";
                include.location = file->locationOf(block.range.start);
                if (!include.resolvedPath.isEmpty() && !isFile(include.resolvedPath)) {
                    module.problems << Error(QStringLiteral("the included file %1 does not exist")
                                                 .arg(include.resolvedPath),
                                             include.location);
                    include.resolvedPath.clear();
                }
                unit.includes << include;
            } else if (block.type == "locals") {
                for (const Hcl::BodyItem &local : block.body.items) {
                    if (const Hcl::Attribute *attribute = local.attribute())
                        unit.locals.insert(decode(attribute->name),
                                           file->textOf(attribute->expr->range));
                }
            }
        }
        unit.dependencies << listed;

        // A unit without a terraform block takes it from what it includes (_envcommon/*.hcl).
        for (const TerragruntInclude &include : std::as_const(unit.includes)) {
            if (!unit.sourceLocation.isValid() && !include.resolvedPath.isEmpty()) {
                if (const ParsedFile *included = parse(include.resolvedPath))
                    readSourceOf(*included, *scopeOf(*included, unitFolder, 1), unit);
            }
        }
        return unit;
    }

    static void readInputs(const Hcl::Expression &inputs, const ParsedFile &file,
                           TerragruntUnit &unit)
    {
        const auto *object = inputs.as<Hcl::ObjectExpr>();
        if (!object) { // merge(local.common, {...}) and the like: kept whole, under no name
            unit.inputs.insert(QString(), file.textOf(inputs.range));
            return;
        }
        for (const Hcl::ObjectItem &item : object->items) {
            if (!item.key || !item.value)
                continue;
            const auto *bare = item.bareKey ? item.key->as<Hcl::VariableExpr>() : nullptr;
            const QString key
                = bare ? decode(bare->name)
                       : literalValue(*item.key).value_or(file.textOf(item.key->range));
            unit.inputs.insert(key, file.textOf(item.value->range));
        }
    }
};

ModuleCall moduleCallOf(const TerragruntUnit &unit)
{
    ModuleCall call;
    call.name = unit.name;
    call.source = unit.source;
    call.sourceKind = unit.sourceKind;
    call.ref = unit.ref;
    call.tracedRef = unit.tracedRef;
    call.version = unit.version;
    call.tracedVersion = unit.tracedVersion;
    call.subdir = unit.subdir;
    call.inputs = unit.inputs;
    call.location = unit.sourceLocation.isValid() ? unit.sourceLocation
                                                  : SourceLocation{unit.configFile, 1, 1};
    if (call.sourceKind == SourceKind::Local)
        call.localPath = QDir::cleanPath(join(unit.path, unit.source));
    QSet<QString> references;
    QSet<QString> dependsOn;
    for (const TerragruntDependency &dependency : unit.dependencies) {
        if (!dependency.name.isEmpty())
            references.insert(QStringLiteral("dependency.") + dependency.name);
        else
            references.insert(dependency.unit.isEmpty() ? dependency.configPath : dependency.unit);
        if (dependency.unit.isEmpty())
            continue;
        const QString target = QStringLiteral("module.") + dependency.unit;
        if (dependency.name.isEmpty()) {
            dependsOn.insert(target);
            continue;
        }
        // A dependency block is a reference to the unit's outputs, as module.x.y is.
        static const QRegularExpression used(
            QStringLiteral(R"(\bdependency\.(\w+)\.outputs\.(\w+))"));
        QStringList outputs;
        for (const QString &input : unit.inputs) {
            for (auto match = used.globalMatch(input); match.hasNext();) {
                const auto found = match.next();
                if (found.captured(1) == dependency.name)
                    outputs << found.captured(2);
            }
        }
        outputs.sort();
        outputs.removeDuplicates();
        call.usedOutputs.insert(target, outputs);
    }
    call.dependsOn = QStringList(dependsOn.begin(), dependsOn.end());
    call.dependsOn.sort();
    call.references = QStringList(references.begin(), references.end());
    call.references.sort();
    return call;
}

} // namespace

bool isTerragruntFolder(const QString &root, const QString &folder)
{
    const QDir dir(QDir(root).filePath(folder));
    return dir.exists(UnitFile) || dir.entryList({QStringLiteral("*.tf")}, QDir::Files).isEmpty();
}

void readTerragruntUnits(const QString &root, const QString &folder, RootModule &module)
{
    QStringList folders;
    findUnitFolders(root, folder, 0, folders);
    if (folders.isEmpty())
        return;

    Reader reader{root, module, {}, {}, {}};
    QList<TerragruntUnit> units;
    for (const QString &unitFolder : std::as_const(folders))
        units << reader.readUnit(folder, unitFolder);

    // A terragrunt.hcl that other units include is their shared parent, not a unit.
    QSet<QString> included;
    for (const TerragruntUnit &unit : std::as_const(units)) {
        for (const TerragruntInclude &include : unit.includes)
            included.insert(include.resolvedPath);
    }
    units.removeIf([&](const TerragruntUnit &unit) { return included.contains(unit.configFile); });

    QHash<QString, QString> unitAt; // folder -> unit name
    for (const TerragruntUnit &unit : std::as_const(units))
        unitAt.insert(unit.path, unit.name);
    for (TerragruntUnit &unit : units) {
        for (TerragruntDependency &dependency : unit.dependencies)
            dependency.unit = unitAt.value(dependency.path);
    }
    std::sort(units.begin(), units.end(),
              [](const TerragruntUnit &a, const TerragruntUnit &b) { return a.name < b.name; });
    for (const TerragruntUnit &unit : std::as_const(units))
        module.modules << moduleCallOf(unit);
    module.terragruntUnits << units;
}

} // namespace EnvDeck::Terraform::Detail
