// SPDX-License-Identifier: GPL-3.0-or-later
#include "ValidationLoader.h"

#include "git/RevisionReader.h"
#include "repo/RepositoryConfig.h"
#include "repo/RepositoryLoader.h"
#include "validation/CatalogAdapter.h"
#include "versions/VersionDocument.h"

#include <QDir>
#include <QFileInfo>

namespace EnvDeck::Validation {
namespace {

bool isDuplicateKey(const Error &problem)
{
    return problem.message().contains(QLatin1String("duplicate"), Qt::CaseInsensitive);
}

// Reads the environment's versions file into `environment`.
void readVersions(const QString &root, EnvironmentInput &environment)
{
    if (environment.versionsFile.isEmpty())
        return;
    applyVersionsDocument(environment,
                          VersionDocument::load(QDir(root).filePath(environment.versionsFile),
                                                environment.versionsFile));
}

// The versions file as it was at the base revision; an empty list when it did not exist there
// or cannot be read (then nothing is compared, rather than everything reported).
QList<ComponentEntry> baseComponents(const Git::RevisionReader &reader,
                                     const EnvironmentInput &environment)
{
    if (environment.versionsFile.isEmpty())
        return {};
    auto bytes = reader.read(environment.versionsFile);
    if (!bytes || !bytes->has_value())
        return {};
    auto document = VersionDocument::parse(**bytes, environment.versionsFile);
    if (!document)
        return {};
    return componentEntries(*document);
}

} // namespace

QList<ComponentEntry> componentEntries(const VersionDocument &document)
{
    QList<ComponentEntry> components;
    for (const VersionEntry &entry : document.entries()) {
        ComponentEntry component;
        component.name = entry.name;
        component.version = entry.version.text;
        component.location = entry.location;
        component.versionLocation = entry.version.location;
        component.chart = entry.chart.text;
        component.locked = entry.isLocked();
        component.lockReason = entry.lockReason.text;
        component.thirdParty = entry.thirdParty;
        component.allowDowngrade = entry.allowsDowngrade();
        component.pattern = entry.pattern.text;
        component.patternLocation = entry.pattern.location;
        for (const VersionRequirement &requirement : entry.requirements)
            component.requirements.append(
                {requirement.component, requirement.range, requirement.location});
        components.append(component);
    }
    return components;
}

void applyVersionsDocument(EnvironmentInput &environment, const Result<VersionDocument> &document)
{
    const QString file = environment.versionsFile;
    environment.syntaxErrors.removeIf(
        [&file](const Error &error) { return error.location().file == file; });
    environment.documentFindings.clear();
    environment.components.clear();
    if (!document) {
        environment.syntaxErrors.append(document.error());
        return;
    }
    environment.components = componentEntries(*document);
    for (const Error &problem : document->problems()) {
        const bool duplicate = isDuplicateKey(problem);
        environment.documentFindings.append(Finding{
            duplicate ? Rule::DuplicateKey : Rule::VersionSyntax, Severity::Error,
            problem.location(), problem.message(),
            duplicate ? QStringLiteral("YAML keeps only one of them; remove the other")
                      : QStringLiteral("every component needs a `version:` with a text value"),
            environment.name, QString(), false});
    }
}

Result<ValidationInput> loadValidationInput(const QString &path, const LoadOptions &options)
{
    auto snapshot = RepositoryLoader::load(path, {}, RepositoryLoader::History::Skip);
    if (!snapshot)
        return snapshot.error();

    ValidationInput input;
    input.root = snapshot->rootPath;
    input.config = ValidationConfig::read(input.root);

    QList<RepositoryConfig::EnvironmentEntry> configured;
    if (QFileInfo::exists(
            QDir(input.root).filePath(QString::fromLatin1(RepositoryConfig::FileName)))) {
        auto config = RepositoryConfig::read(input.root);
        if (!config) {
            input.repositoryFindings.append(Finding{Rule::YamlSyntax,
                                                    Severity::Error,
                                                    config.error().location(),
                                                    config.error().message(),
                                                    QStringLiteral("fix the YAML syntax of "
                                                                   ".envdeck.yaml"),
                                                    {},
                                                    {},
                                                    false});
        } else {
            configured = config->environments;
            for (const Error &problem : config->problems)
                input.repositoryFindings.append(Finding{Rule::Config,
                                                        Severity::Error,
                                                        problem.location(),
                                                        problem.message(),
                                                        {},
                                                        {},
                                                        {},
                                                        false});
        }
    }

    std::optional<Git::RevisionReader> base;
    if (!options.base.isEmpty()) {
        auto reader = Git::RevisionReader::open(input.root, options.base);
        if (!reader)
            return reader.error().withContext(
                QStringLiteral("Cannot compare with `%1`").arg(options.base));
        input.base = options.base;
        input.baseCommit = reader->commitId();
        base.emplace(std::move(reader.value()));
    }

    for (const Environment &environment : snapshot->environments) {
        EnvironmentInput in;
        in.name = environment.name;
        in.tier = environment.tier;
        in.path = environment.path;
        in.promotesFrom = environment.promotesFrom;
        in.base = environment.base;
        in.versionsFile = environment.versionsFile;
        in.folderExists = QFileInfo(QDir(input.root).filePath(environment.path)).isDir();
        for (const RepositoryConfig::EnvironmentEntry &entry : configured) {
            if (entry.name == environment.name)
                in.configLocation = entry.location;
        }
        in.terraform = environment.terraform;
        in.terraformFiles = environment.terraformFiles;
        in.syntaxErrors = environment.terraform.problems;
        readVersions(input.root, in);
        if (base)
            in.baseComponents = baseComponents(*base, in);
        input.environments.append(std::move(in));
    }

    for (const EnvironmentInput &environment : input.environments) {
        ApprovalList approvals = readApprovals(input.root, environment.name);
        for (const Error &problem : approvals.problems)
            input.repositoryFindings.append(Finding{Rule::YamlSyntax,
                                                    Severity::Error,
                                                    problem.location(),
                                                    problem.message(),
                                                    QStringLiteral("fix the approval file; it is "
                                                                   "ignored until then"),
                                                    environment.name,
                                                    {},
                                                    false});
        if (!approvals.approvals.isEmpty() || !approvals.problems.isEmpty())
            input.approvals.insert(environment.name, std::move(approvals));
    }

    input.catalog = makeCatalogQuery(input, options.offline);
    return input;
}

} // namespace EnvDeck::Validation
