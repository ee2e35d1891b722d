// SPDX-License-Identifier: GPL-3.0-or-later
#include "change/Bump.h"

#include "validation/Engine.h"
#include "validation/ValidationLoader.h"
#include "versions/VersionDocument.h"

#include <QDir>
#include <QFile>
#include <QSet>

namespace EnvDeck::Change {

namespace {

BumpPlan fail(BumpPlan::Outcome outcome, const QString &message, SourceLocation location = {})
{
    BumpPlan plan;
    plan.outcome = outcome;
    plan.error = Error(message, std::move(location));
    return plan;
}

QString findingKey(const Validation::Finding &f)
{
    return f.ruleId + u'\x1f' + f.component + u'\x1f' + f.message;
}

} // namespace

BumpPlan planBump(const Validation::ValidationInput &input, const BumpRequest &request)
{
    using Outcome = BumpPlan::Outcome;
    const Validation::EnvironmentInput *environment = input.findEnvironment(request.environment);
    if (!environment) {
        QStringList names;
        for (const auto &e : input.environments)
            names.append(e.name);
        return fail(Outcome::Invalid,
                    QObject::tr("Unknown environment \"%1\"; the repository has: %2")
                        .arg(request.environment, names.join(QStringLiteral(", "))));
    }
    if (environment->versionsFile.isEmpty())
        return fail(Outcome::Invalid,
                    QObject::tr("Environment \"%1\" has no versions file").arg(environment->name));
    if (request.lock != BumpRequest::Lock::Keep && request.reason.trimmed().isEmpty())
        return fail(Outcome::Invalid,
                    request.lock == BumpRequest::Lock::Lock
                        ? QObject::tr("--lock needs --reason: say why it is locked")
                        : QObject::tr("--unlock needs --reason: say why it may change"));

    BumpEdit edit;
    edit.file = environment->versionsFile;
    edit.absolutePath = QDir(input.root).filePath(edit.file);
    QFile file(edit.absolutePath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Outcome::Invalid,
                    QObject::tr("Cannot read %1: %2").arg(edit.file, file.errorString()));
    edit.before = file.readAll();

    auto document = VersionDocument::parse(edit.before, edit.file);
    if (!document)
        return fail(Outcome::Invalid, document.error().message(), document.error().location());
    const VersionEntry *entry = document->find(request.component);
    if (!entry) {
        QStringList names;
        for (const VersionEntry &e : document->entries())
            names.append(e.name);
        return fail(Outcome::Invalid,
                    QObject::tr("%1 has no component \"%2\"; it has: %3")
                        .arg(edit.file, request.component, names.join(QStringLiteral(", "))),
                    SourceLocation{edit.file});
    }
    edit.from = entry->version.text;
    edit.wasLocked = entry->isLocked();
    edit.lockReason = entry->lockReason.text;

    const bool changesVersion = !request.version.isEmpty() && request.version != edit.from;
    if (edit.wasLocked && request.lock != BumpRequest::Lock::Unlock && changesVersion)
        return fail(
            Outcome::Refused,
            QObject::tr("%1 is locked in %2 (%3). Nothing was changed; pass --unlock "
                        "--reason R to change it.")
                .arg(request.component, environment->name,
                     edit.lockReason.isEmpty() ? QObject::tr("no reason given") : edit.lockReason),
            entry->locked.location);
    const bool changesLock = (request.lock == BumpRequest::Lock::Lock && !edit.wasLocked)
                             || (request.lock == BumpRequest::Lock::Unlock && edit.wasLocked);
    if (!changesVersion && !changesLock)
        return fail(
            Outcome::Refused,
            request.version.isEmpty() || request.lock != BumpRequest::Lock::Keep
                ? QObject::tr("Nothing to change: %1 in %2 is already %3%4")
                      .arg(request.component, environment->name, edit.from,
                           edit.wasLocked ? QObject::tr(", locked") : QObject::tr(", unlocked"))
                : QObject::tr("Nothing to change: %1 in %2 is already at %3")
                      .arg(request.component, environment->name, edit.from),
            entry->version.location);

    if (request.lock == BumpRequest::Lock::Unlock && edit.wasLocked) {
        if (auto r = document->unlock(request.component); !r)
            return fail(Outcome::Invalid, r.error().message(), r.error().location());
    }
    if (changesVersion) {
        if (auto r = document->setVersion(request.component, request.version); !r)
            return fail(Outcome::Invalid, r.error().message(), r.error().location());
    }
    if (request.lock == BumpRequest::Lock::Lock && !edit.wasLocked) {
        if (auto r = document->lock(request.component, request.reason); !r)
            return fail(Outcome::Invalid, r.error().message(), r.error().location());
    }
    edit.after = document->bytes();
    BumpPlan plan;
    plan.outcome = Outcome::Ready;
    plan.edit = std::move(edit);
    return plan;
}

QList<Validation::Finding> newFindings(const Validation::ValidationInput &input,
                                       const BumpEdit &edit, const QString &environment)
{
    const Validation::ValidateOptions options{environment};
    QSet<QString> before;
    for (const auto &f : Validation::validate(input, options).findings)
        before.insert(findingKey(f));

    Validation::ValidationInput edited = input;
    for (auto &e : edited.environments) {
        if (e.versionsFile == edit.file)
            Validation::applyVersionsDocument(e, VersionDocument::parse(edit.after, edit.file));
    }
    QList<Validation::Finding> added;
    for (const auto &f : Validation::validate(edited, options).findings) {
        if (!f.notChecked && !before.contains(findingKey(f)))
            added.append(f);
    }
    return added;
}

} // namespace EnvDeck::Change
