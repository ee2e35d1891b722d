// SPDX-License-Identifier: GPL-3.0-or-later
#include "BuildingBlocks.h"

#include "diagram/DiagramHcl.h"
#include "hcl/HclParser.h"
#include "repo/Environment.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>

#include <algorithm>

namespace EnvDeck::Diagram {
namespace {

QString nameFromSource(const QString &source)
{
    QString path = source.section(QLatin1Char('?'), 0, 0);
    const qsizetype subdir
        = path.indexOf(QLatin1String("//"), path.indexOf(QLatin1String("://")) + 3);
    if (subdir > 0 && !path.startsWith(QLatin1String("./"))
        && !path.startsWith(QLatin1String("../")) && subdir + 2 < path.size())
        return path.mid(subdir + 2).section(QLatin1Char('/'), -1);
    if (path.startsWith(QLatin1String("git::")))
        path = path.mid(5);
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() >= 3 && !path.contains(QLatin1Char(':'))
        && !path.contains(QLatin1String(".git")) && !path.startsWith(QLatin1Char('.')))
        return parts.at(parts.size() - 2); // namespace/name/provider
    QString last = parts.isEmpty() ? source : parts.constLast();
    if (last.endsWith(QLatin1String(".git")))
        last.chop(4);
    last = last.section(QLatin1Char(':'), -1);
    if (last.startsWith(QLatin1String("terraform-")))
        last = last.section(QLatin1Char('-'), 2); // terraform-<provider>-<name>
    return last;
}

QString withoutRef(const QString &source)
{
    const qsizetype query = source.indexOf(QLatin1Char('?'));
    if (query < 0)
        return source;
    QStringList kept;
    const QStringList parameters
        = source.mid(query + 1).split(QLatin1Char('&'), Qt::SkipEmptyParts);
    for (const QString &parameter : parameters) {
        if (!parameter.startsWith(QLatin1String("ref=")))
            kept.append(parameter);
    }
    return kept.isEmpty() ? source.left(query)
                          : source.left(query + 1) + kept.join(QLatin1Char('&'));
}

QByteArray readFile(const QString &root, const QString &file, const FileReader &read)
{
    if (read) {
        const QByteArray bytes = read(file);
        if (!bytes.isNull())
            return bytes;
    }
    QFile handle(QDir(root).filePath(file));
    if (!handle.open(QIODevice::ReadOnly))
        return {};
    return handle.readAll();
}

QString stringOrText(const Hcl::Expression &expression, const QByteArray &source)
{
    const QByteArray literal = HclWalk::literalString(expression);
    return QString::fromUtf8(literal.isNull() ? HclWalk::textOf(source, expression.range)
                                              : literal);
}

} // namespace

QString BuildingBlock::sourceFrom(const QString &environmentFolder) const
{
    if (kind != Terraform::SourceKind::Local)
        return kind == Terraform::SourceKind::Git && !version.isEmpty()
                   ? source + (source.contains(QLatin1Char('?')) ? u'&' : u'?')
                         + QStringLiteral("ref=") + version
                   : source;
    const QString relative = QDir(QStringLiteral("/") + environmentFolder)
                                 .relativeFilePath(QStringLiteral("/") + localPath);
    return relative.startsWith(QLatin1String("../")) ? relative : QStringLiteral("./") + relative;
}

QString BuildingBlock::suggestedCallName() const
{
    QString call = name;
    call.replace(QLatin1Char('-'), QLatin1Char('_')).replace(QLatin1Char('.'), QLatin1Char('_'));
    if (call.isEmpty() || call.at(0).isDigit())
        call.prepend(QLatin1Char('_'));
    return call;
}

void readModuleInterface(const QString &root, BuildingBlock &block, const FileReader &read)
{
    const QStringList files = EnvironmentFiles::list(root, block.localPath);
    for (const QString &file : files) {
        const QByteArray source = readFile(root, file, read);
        const Hcl::ParseResult parsed = Hcl::parse(source, file);
        if (!parsed.ok()) {
            block.problems.append(parsed.errors.constFirst());
            continue;
        }
        for (const Hcl::BodyItem &item : parsed.file.body.items) {
            const Hcl::Block *hclBlock = item.block();
            if (!hclBlock || hclBlock->labels.empty())
                continue;
            const QString label = QString::fromUtf8(hclBlock->labels.front().value);
            if (hclBlock->type == "output") {
                block.outputs.append(label);
                continue;
            }
            if (hclBlock->type != "variable")
                continue;
            BlockVariable variable;
            variable.name = label;
            variable.location
                = SourceLocation{file, hclBlock->range.start.line, hclBlock->range.start.column};
            if (const auto *type = HclWalk::findAttribute(hclBlock->body, "type");
                type && type->expr)
                variable.type = QString::fromUtf8(HclWalk::textOf(source, type->expr->range));
            if (const auto *value = HclWalk::findAttribute(hclBlock->body, "default");
                value && value->expr) {
                variable.defaultValue
                    = QString::fromUtf8(HclWalk::textOf(source, value->expr->range));
                variable.required = false;
            }
            if (const auto *text = HclWalk::findAttribute(hclBlock->body, "description");
                text && text->expr)
                variable.description = stringOrText(*text->expr, source);
            block.variables.append(variable);
        }
    }
    block.outputs.sort();
}

QList<BuildingBlock> readBuildingBlocks(const RepositorySnapshot &snapshot, const FileReader &read)
{
    const QString &root = snapshot.rootPath;
    QMap<QString, BuildingBlock> local;  // by folder
    QMap<QString, BuildingBlock> remote; // by source without ref
    const auto addLocal = [&](const QString &folder) -> BuildingBlock & {
        auto it = local.find(folder);
        if (it == local.end()) {
            BuildingBlock block;
            block.name = folder.section(QLatin1Char('/'), -1);
            block.localPath = folder;
            readModuleInterface(root, block, read);
            it = local.insert(folder, block);
        }
        return it.value();
    };
    QDirIterator folders(QDir(root).filePath(QStringLiteral("modules")),
                         QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (folders.hasNext()) {
        const QString folder = QDir(root).relativeFilePath(folders.next());
        if (!EnvironmentFiles::list(root, folder).isEmpty())
            addLocal(folder);
    }
    for (const Environment &environment : snapshot.environments) {
        for (const Terraform::ModuleCall &call : environment.terraform.modules) {
            BuildingBlock *block = nullptr;
            if (call.sourceKind == Terraform::SourceKind::Local) {
                if (call.localPath.isEmpty() || !QDir(QDir(root).filePath(call.localPath)).exists())
                    continue;
                block = &addLocal(QDir::cleanPath(call.localPath));
            } else {
                const QString key = withoutRef(call.source);
                auto it = remote.find(key);
                if (it == remote.end()) {
                    BuildingBlock created;
                    created.name = nameFromSource(key);
                    created.source = key;
                    created.kind = call.sourceKind;
                    created.version
                        = call.sourceKind == Terraform::SourceKind::Git ? call.ref : call.version;
                    it = remote.insert(key, created);
                }
                block = &it.value();
            }
            if (!block->environments.contains(environment.name))
                block->environments.append(environment.name);
        }
    }
    QList<BuildingBlock> blocks;
    for (BuildingBlock &block : local) {
        block.environments.sort();
        blocks.append(block);
    }
    for (BuildingBlock &block : remote) {
        block.environments.sort();
        blocks.append(block);
    }
    return blocks;
}

} // namespace EnvDeck::Diagram
