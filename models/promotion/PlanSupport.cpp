// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotion/PlanSupport.h"

#include "validation/Engine.h"
#include "validation/ValidationLoader.h"
#include "versions/VersionDocument.h"

#include <QDir>
#include <QFile>
#include <QObject>
#include <QSet>

namespace EnvDeck::Promotion::Detail {
namespace {

QString findingKey(const Validation::Finding &finding)
{
    return finding.ruleId + u'\x1f' + finding.environment + u'\x1f' + finding.component + u'\x1f'
           + finding.location.file + u'\x1f' + finding.message;
}

} // namespace

Plan failed(Plan::Outcome outcome, const QString &message, SourceLocation location)
{
    Plan plan;
    plan.outcome = outcome;
    plan.error = Error(message, std::move(location));
    qCInfo(lcPromotion).noquote() << (outcome == Plan::Outcome::Refused ? "refused:" : "invalid:")
                                  << plan.error.toString();
    return plan;
}

Error unknownEnvironment(const Validation::ValidationInput &input, const QString &name)
{
    QStringList names;
    for (const auto &environment : input.environments)
        names.append(environment.name);
    return Error(QObject::tr("Unknown environment \"%1\"; the repository has: %2")
                     .arg(name, names.join(QStringLiteral(", "))));
}

QMap<QString, QString> versionsOf(const Validation::EnvironmentInput &environment)
{
    QMap<QString, QString> versions;
    for (const Validation::ComponentEntry &component : environment.components)
        versions.insert(component.name, component.version);
    return versions;
}

Result<FileEdit> readVersionsFile(const Validation::ValidationInput &input,
                                  const Validation::EnvironmentInput &environment)
{
    if (environment.versionsFile.isEmpty())
        return Error(QObject::tr("Environment \"%1\" has no versions file").arg(environment.name));
    FileEdit edit;
    edit.file = environment.versionsFile;
    edit.absolutePath = QDir(input.root).filePath(edit.file);
    QFile file(edit.absolutePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QObject::tr("Cannot read %1: %2").arg(edit.file, file.errorString()));
    edit.before = file.readAll();
    edit.after = edit.before;
    return edit;
}

Result<TargetChange>
applyVersions(const Validation::ValidationInput &input,
              const Validation::EnvironmentInput &environment, const QMap<QString, QString> &wanted,
              const std::function<bool(const QString &, const QString &)> &approved,
              bool followsBase)
{
    auto read = readVersionsFile(input, environment);
    if (!read)
        return read.error();
    TargetChange target;
    target.edit = read.value();
    auto document = VersionDocument::parse(target.edit.before, target.edit.file);
    if (!document)
        return document.error();

    // Copied: setVersion() replaces the entries while the loop runs.
    const QList<VersionEntry> entries = document->entries();
    for (const VersionEntry &entry : entries) {
        const auto it = wanted.constFind(entry.name);
        if (it == wanted.cend())
            continue;
        VersionChange change;
        change.environment = environment.name;
        change.component = entry.name;
        change.from = entry.version.text;
        change.to = *it;
        change.approved = approved(change.component, change.to);
        change.followsBase = followsBase;
        if (change.from == change.to) {
            target.unchanged.append(change);
            continue;
        }
        if (entry.isLocked()) {
            target.locks.append(
                {environment.name, entry.name, entry.lockReason.text, entry.locked.location});
            continue;
        }
        if (auto set = document->setVersion(change.component, change.to); !set)
            return set.error();
        target.changes.append(change);
    }
    target.edit.after = document->bytes();
    return target;
}

QString describeLocks(const QList<LockConflict> &locks)
{
    QStringList parts;
    for (const LockConflict &lock : locks)
        parts.append(
            QObject::tr("%1 is locked in %2 (%3)")
                .arg(lock.component, lock.environment,
                     lock.reason.isEmpty() ? QObject::tr("no reason given") : lock.reason));
    return parts.join(QStringLiteral("; "));
}

QList<Validation::Finding> newFindings(const Validation::ValidationInput &input,
                                       const QList<FileEdit> &edits,
                                       const QStringList &environments)
{
    Validation::ValidationInput edited = input;
    for (auto &environment : edited.environments) {
        for (const FileEdit &edit : edits) {
            if (environment.versionsFile == edit.file)
                Validation::applyVersionsDocument(environment,
                                                  VersionDocument::parse(edit.after, edit.file));
        }
    }
    QList<Validation::Finding> added;
    QSet<QString> seen;
    for (const QString &environment : environments) {
        const Validation::ValidateOptions options{environment};
        for (const auto &finding : Validation::validate(input, options).findings)
            seen.insert(findingKey(finding));
        for (const auto &finding : Validation::validate(edited, options).findings) {
            const QString key = findingKey(finding);
            if (finding.notChecked || seen.contains(key))
                continue;
            seen.insert(key);
            added.append(finding);
        }
    }
    Validation::sortFindings(added);
    return added;
}

QString joinNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.join(QString());
    return QObject::tr("%1 and %2")
        .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.last());
}

} // namespace EnvDeck::Promotion::Detail
