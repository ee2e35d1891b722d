// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck bump REPO --env E --component C --version V [--lock | --unlock] [--reason R]
// [--branch B] [--message M] [--push] [--open-mr] [--provider P]`: one version change, committed
// (and pushed, and proposed as a merge request) headless. Exit 0: done; 1: refused or failed
// (nothing is lost: the file is put back when no commit was made); 2: could not run.
#include "Cli.h"
#include "CliCommands.h"
#include "CliPublish.h"

#include "change/Bump.h"
#include "change/ChangeSummary.h"
#include "git/Repository.h"
#include "validation/Engine.h"
#include "validation/ValidationLoader.h"
#include "versions/VersionDocument.h"

#include <QDate>
#include <QDir>
#include <QSaveFile>

namespace EnvDeck::Cli {

namespace {

Result<void> writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace

void declareBump(QCommandLineParser &parser)
{
    declareRepositoryArgument(parser);
    const auto add
        = [&parser](const QString &name, const QString &description, const QString &value = {}) {
              addOption(parser, name, description, value);
          };
    add(QStringLiteral("env"), QStringLiteral("The environment to change."),
        QStringLiteral("NAME"));
    add(QStringLiteral("component"), QStringLiteral("The component to change."),
        QStringLiteral("NAME"));
    add(QStringLiteral("version"), QStringLiteral("Its new version."), QStringLiteral("VERSION"));
    add(QStringLiteral("lock"), QStringLiteral("Lock the component (needs --reason)."));
    add(QStringLiteral("unlock"),
        QStringLiteral("Unlock the component, so a locked one may change (needs --reason)."));
    add(QStringLiteral("reason"), QStringLiteral("Why it is locked or unlocked."),
        QStringLiteral("TEXT"));
    declarePublishOptions(parser);
}

int runBump(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        err << "envdeck bump: expected at most one REPO\n";
        return Usage;
    }
    for (const char *required : {"env", "component"}) {
        if (!parser.isSet(QLatin1String(required))) {
            err << "envdeck bump: --" << required << " is required\n";
            return Usage;
        }
    }
    if (parser.isSet(QStringLiteral("lock")) && parser.isSet(QStringLiteral("unlock"))) {
        err << "envdeck bump: --lock and --unlock exclude each other\n";
        return Usage;
    }
    Change::BumpRequest bump;
    bump.environment = parser.value(QStringLiteral("env"));
    bump.component = parser.value(QStringLiteral("component"));
    bump.version = parser.value(QStringLiteral("version"));
    bump.reason = parser.value(QStringLiteral("reason"));
    bump.lock = parser.isSet(QStringLiteral("lock"))     ? Change::BumpRequest::Lock::Lock
                : parser.isSet(QStringLiteral("unlock")) ? Change::BumpRequest::Lock::Unlock
                                                         : Change::BumpRequest::Lock::Keep;
    if (bump.version.isEmpty() && bump.lock == Change::BumpRequest::Lock::Keep) {
        err << "envdeck bump: give --version, --lock or --unlock\n";
        return Usage;
    }

    const QString path = positional.isEmpty() ? QDir::currentPath() : positional.first();
    auto repository = Git::Repository::open(path);
    if (!repository) {
        err << "envdeck bump: " << repository.error().toString() << '\n';
        return Usage;
    }
    const QString root = QDir(repository->workTree()).absolutePath();

    Validation::LoadOptions options;
    options.base = QStringLiteral("HEAD");
    options.offline = parser.isSet(QStringLiteral("offline"));
    auto input = Validation::loadValidationInput(root, options);
    if (!input) {
        err << "envdeck bump: " << input.error().toString() << '\n';
        return Usage;
    }

    const Change::BumpPlan plan = Change::planBump(*input, bump);
    if (plan.outcome != Change::BumpPlan::Outcome::Ready) {
        err << "envdeck bump: " << plan.error.toString() << '\n';
        return plan.outcome == Change::BumpPlan::Outcome::Refused ? Failed : Usage;
    }
    const Change::BumpEdit &edit = plan.edit;

    // Refuse before anything is written: a file with someone's uncommitted edits would carry
    // them into this commit.
    auto status = repository->status();
    if (!status) {
        err << "envdeck bump: " << status.error().toString() << '\n';
        return Usage;
    }
    for (const Git::StatusEntry &entry : *status) {
        if (entry.path == edit.file) {
            err << "envdeck bump: " << edit.file
                << " has uncommitted changes; commit or discard them first. Nothing was changed.\n";
            return Failed;
        }
    }

    PublishSession session;
    if (!session.prepare(parser, root, err))
        return Usage;

    // The summary of the change, for the message and the merge request.
    Validation::ValidationInput edited = *input;
    for (auto &environment : edited.environments) {
        if (environment.versionsFile == edit.file)
            Validation::applyVersionsDocument(environment,
                                              VersionDocument::parse(edit.after, edit.file));
    }
    Change::ChangeSummary summary;
    for (Change::VersionChange change : Change::versionChanges(edited)) {
        // Only this bump: other uncommitted edits of the work tree are not part of it.
        if (change.component != bump.component || change.environment != bump.environment)
            continue;
        if (bump.lock == Change::BumpRequest::Lock::Unlock)
            change.lockChange = QStringLiteral("unlocked: ") + bump.reason.trimmed();
        summary.changes.append(change);
    }
    const Validation::Report report = Validation::validate(edited, {bump.environment});
    Change::addValidation(summary, report);

    const auto introduced = Change::newFindings(*input, edit, bump.environment);
    int newErrors = 0;
    for (const auto &finding : introduced) {
        if (finding.severity == Validation::Severity::Error) {
            ++newErrors;
            err << finding.location.toString() << ": error: " << finding.message << " ["
                << finding.ruleId << "]\n";
        }
    }
    if (newErrors > 0) {
        err << "envdeck bump: the change would add " << newErrors
            << " validation error(s); nothing was changed\n";
        return Failed;
    }

    Change::PublishRequest request
        = session.request(parser, root, {edit.file}, Change::commitMessage(summary.changes),
                          Change::mergeRequestTitle(summary.changes), {});
    if (request.branch.isEmpty() && request.openMergeRequest) {
        // A merge request needs a branch of its own: the suggested name, unless it is taken.
        QString name = Change::suggestBranchName(summary.changes, QDate::currentDate());
        const QString base = name;
        for (int n = 2; repository->branchExists(name); ++n)
            name = base + u'-' + QString::number(n);
        request.branch = name;
    }
    if (auto check = Change::Publisher::checkCommit(request); !check) {
        err << "envdeck bump: " << check.error().toString() << '\n';
        return Failed;
    }

    if (auto written = writeAtomically(edit.absolutePath, edit.after); !written) {
        err << "envdeck bump: " << written.error().toString() << '\n';
        return Usage;
    }
    if (auto patch = repository->diffWorkTreeToHead({edit.file}))
        summary.files = Change::fileStats(*patch);
    request.description = Change::mergeRequestDescription(summary);

    bool committed = false;
    const int code = session.run(request, out, err, &committed);
    if (!committed) {
        // Nothing was committed: put the file back as it was, so nothing half-done remains.
        if (auto restored = writeAtomically(edit.absolutePath, edit.before); !restored)
            err << "envdeck bump: " << restored.error().toString() << '\n';
    }
    return code;
}

} // namespace EnvDeck::Cli
