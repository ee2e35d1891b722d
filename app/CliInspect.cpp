// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck inspect [REPO] [--json]`: what EnvDeck reads from a repository, per environment.
#include "Cli.h"
#include "CliCommands.h"

#include "repo/RepositoryLoader.h"
#include "terraform/TerraformModel.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace EnvDeck::Cli {
namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue toJson(const SourceLocation &location)
{
    if (!location.isValid())
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("file"), location.file},
        {QStringLiteral("line"), location.line > 0 ? QJsonValue(location.line) : QJsonValue()},
        {QStringLiteral("column"),
         location.column > 0 ? QJsonValue(location.column) : QJsonValue()}};
}

QJsonObject toJson(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonObject toJson(const Terraform::TerragruntUnit &unit)
{
    QJsonArray dependencies;
    for (const Terraform::TerragruntDependency &dependency : unit.dependencies) {
        dependencies.append(QJsonObject{
            {QStringLiteral("name"), orNull(dependency.name)},
            {QStringLiteral("config_path"), dependency.configPath},
            {QStringLiteral("path"), orNull(dependency.path)},
            {QStringLiteral("unit"), orNull(dependency.unit)},
            {QStringLiteral("location"), toJson(dependency.location)},
        });
    }
    QJsonArray includes;
    for (const Terraform::TerragruntInclude &include : unit.includes) {
        includes.append(QJsonObject{
            {QStringLiteral("name"), orNull(include.name)},
            {QStringLiteral("path"), orNull(include.pathExpression)},
            {QStringLiteral("resolved_path"), orNull(include.resolvedPath)},
            {QStringLiteral("expose"), include.expose},
            {QStringLiteral("location"), toJson(include.location)},
        });
    }
    return QJsonObject{
        {QStringLiteral("path"), unit.path},
        {QStringLiteral("config_file"), unit.configFile},
        {QStringLiteral("source_location"), toJson(unit.sourceLocation)},
        {QStringLiteral("dependencies"), dependencies},
        {QStringLiteral("includes"), includes},
        {QStringLiteral("inputs"), toJson(unit.inputs)},
        {QStringLiteral("locals"), toJson(unit.locals)},
    };
}

// The Terragrunt unit listed as modules[index], or null: units come last, in the same order.
const Terraform::TerragruntUnit *unitOf(const Terraform::RootModule &root, qsizetype index)
{
    const qsizetype first = root.modules.size() - root.terragruntUnits.size();
    return index >= first ? &root.terragruntUnits.at(index - first) : nullptr;
}

QJsonObject toJson(const Environment &environment, const Terraform::RootModule &root)
{
    QJsonArray modules;
    for (qsizetype i = 0; i < root.modules.size(); ++i) {
        const Terraform::ModuleCall &call = root.modules.at(i);
        const Terraform::TerragruntUnit *unit = unitOf(root, i);
        modules.append(QJsonObject{
            {QStringLiteral("name"), call.name},
            {QStringLiteral("source"), orNull(call.source)},
            {QStringLiteral("version"), orNull(call.version)},
            {QStringLiteral("version_location"), toJson(call.tracedVersion.location)},
            {QStringLiteral("ref"), orNull(call.ref)},
            {QStringLiteral("ref_location"), toJson(call.tracedRef.location)},
            {QStringLiteral("subdir"), orNull(call.subdir)},
            {QStringLiteral("source_kind"), Terraform::sourceKindName(call.sourceKind)},
            {QStringLiteral("for_each"), orNull(call.forEach)},
            {QStringLiteral("count"), orNull(call.count)},
            {QStringLiteral("references"), QJsonArray::fromStringList(call.references)},
            {QStringLiteral("location"), toJson(call.location)},
            {QStringLiteral("terragrunt"), unit ? QJsonValue(toJson(*unit)) : QJsonValue()},
        });
    }
    QJsonArray releases;
    for (const Terraform::HelmRelease &release : root.helmReleases) {
        releases.append(QJsonObject{
            {QStringLiteral("address"), release.address},
            {QStringLiteral("module"), orNull(release.module)},
            {QStringLiteral("name"), orNull(release.name)},
            {QStringLiteral("chart"), orNull(release.chart)},
            {QStringLiteral("repository"), orNull(release.repository)},
            {QStringLiteral("namespace"), orNull(release.ns)},
            {QStringLiteral("version"), orNull(release.version.value)},
            {QStringLiteral("version_location"), toJson(release.version.location)},
            {QStringLiteral("location"), toJson(release.location)},
        });
    }
    QJsonArray secrets;
    for (const Terraform::SecretResource &secret : root.secrets) {
        secrets.append(QJsonObject{
            {QStringLiteral("type"), secret.type},
            {QStringLiteral("address"), secret.address},
            {QStringLiteral("module"), orNull(secret.module)},
            {QStringLiteral("name"), orNull(secret.name)},
            {QStringLiteral("location"), toJson(secret.location)},
        });
    }
    QJsonArray components;
    for (const ComponentVersion &component : environment.components) {
        components.append(QJsonObject{
            {QStringLiteral("name"), component.name},
            {QStringLiteral("version"), orNull(component.version)},
            {QStringLiteral("locked"), component.locked},
            {QStringLiteral("lock_reason"), orNull(component.lockReason)},
            {QStringLiteral("third_party"), component.thirdParty},
            {QStringLiteral("location"), toJson(component.location)},
        });
    }
    QJsonArray problems;
    for (const Error &problem : environment.problems + root.problems)
        problems.append(problem.toString());
    return QJsonObject{
        {QStringLiteral("name"), environment.name},
        {QStringLiteral("path"), environment.path},
        {QStringLiteral("tier"), tierToString(environment.tier)},
        {QStringLiteral("vars_file"), orNull(environment.varsFile)},
        {QStringLiteral("modules"), modules},
        {QStringLiteral("helm_releases"), releases},
        {QStringLiteral("secrets"), secrets},
        {QStringLiteral("components"), components},
        {QStringLiteral("problems"), problems},
    };
}

void printUnit(const Terraform::TerragruntUnit &unit, QTextStream &out)
{
    for (const Terraform::TerragruntDependency &dependency : unit.dependencies) {
        out << "      depends on "
            << (dependency.unit.isEmpty() ? dependency.configPath : dependency.unit);
        if (!dependency.name.isEmpty())
            out << " (dependency." << dependency.name << ')';
        out << '\n';
    }
    for (const Terraform::TerragruntInclude &include : unit.includes) {
        out << "      includes "
            << (include.resolvedPath.isEmpty() ? include.pathExpression : include.resolvedPath);
        if (!include.name.isEmpty())
            out << " as " << include.name << (include.expose ? " (exposed)" : "");
        out << '\n';
    }
}

void printText(const Environment &environment, const Terraform::RootModule &root, QTextStream &out)
{
    out << environment.name << " (" << tierToString(environment.tier) << ", " << environment.path
        << ")\n";
    out << "  modules:\n";
    for (qsizetype i = 0; i < root.modules.size(); ++i) {
        const Terraform::ModuleCall &call = root.modules.at(i);
        out << "    " << call.name << " = " << call.source;
        if (!call.version.isEmpty())
            out << " " << call.version;
        if (call.tracedVersion.found())
            out << " (" << call.tracedVersion.location.toString() << ')';
        if (!call.ref.isEmpty())
            out << " @" << call.ref;
        if (call.tracedRef.found())
            out << " (" << call.tracedRef.location.toString() << ')';
        if (!call.references.isEmpty())
            out << "  <- " << call.references.join(QStringLiteral(", "));
        out << '\n';
        if (const Terraform::TerragruntUnit *unit = unitOf(root, i))
            printUnit(*unit, out);
    }
    out << "  helm releases:\n";
    for (const Terraform::HelmRelease &release : root.helmReleases) {
        out << "    " << (release.name.isEmpty() ? release.address : release.name) << ' '
            << (release.version.value.isEmpty() ? QStringLiteral("(version not traced)")
                                                : release.version.value);
        if (release.version.found())
            out << "  written at " << release.version.location.toString();
        out << '\n';
    }
    out << "  secrets and config maps: " << root.secrets.size() << '\n';
    out << "  components: " << environment.componentCount() << " (" << environment.lockedCount()
        << " locked)\n";
}

} // namespace

void declareInspect(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
        QStringLiteral("REPO"),
        QStringLiteral("Repository work tree (default: the current folder)."),
        QStringLiteral("[REPO]"));
    parser.addOption(QCommandLineOption(QStringList{QStringLiteral("json")},
                                        QStringLiteral("Print JSON instead of text.")));
    parser.addOption(QCommandLineOption(QStringList{QStringLiteral("env")},
                                        QStringLiteral("Only this environment."),
                                        QStringLiteral("NAME")));
}

int runInspect(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        err << "envdeck inspect: expected at most one REPO\n";
        return Usage;
    }
    const QString path = positional.isEmpty() ? QDir::currentPath() : positional.first();
    auto snapshot = RepositoryLoader::load(path);
    if (!snapshot) {
        err << "envdeck inspect: " << snapshot.error().toString() << '\n';
        return Usage;
    }
    const QString only = parser.value(QStringLiteral("env"));
    if (!only.isEmpty() && !snapshot->findEnvironment(only)) {
        err << "envdeck inspect: no environment named '" << only << "'\n";
        return Usage;
    }

    bool problems = !snapshot->problems.isEmpty();
    QJsonArray environments;
    for (const Environment &environment : snapshot->environments) {
        if (!only.isEmpty() && environment.name != only)
            continue;
        const Terraform::RootModule root
            = Terraform::readRootModule(snapshot->rootPath, environment.path, environment.varsFile);
        problems = problems || !root.problems.isEmpty() || !environment.problems.isEmpty();
        if (parser.isSet(QStringLiteral("json"))) {
            environments.append(toJson(environment, root));
        } else {
            printText(environment, root, out);
            for (const Error &problem : environment.problems + root.problems)
                err << problem.toString() << '\n';
        }
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray repositoryProblems;
        for (const Error &problem : snapshot->problems)
            repositoryProblems.append(problem.toString());
        out << QJsonDocument(QJsonObject{{QStringLiteral("repository"), snapshot->rootPath},
                                         {QStringLiteral("discovery"), snapshot->discovery},
                                         {QStringLiteral("environments"), environments},
                                         {QStringLiteral("problems"), repositoryProblems}})
                   .toJson(QJsonDocument::Indented);
    } else {
        for (const Error &problem : snapshot->problems)
            err << problem.toString() << '\n';
        if (snapshot->environments.isEmpty())
            err << "envdeck inspect: " << snapshot->rootPath << " has " << snapshot->discovery
                << '\n';
    }
    return problems ? Failed : Success;
}

} // namespace EnvDeck::Cli
