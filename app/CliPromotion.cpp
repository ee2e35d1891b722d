// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliPromotion.h"

#include "Cli.h"
#include "CliPublish.h"

#include "validation/ValidationLoader.h"

#include <QDir>

namespace EnvDeck::Cli {

bool openPromotionWorkspace(const QCommandLineParser &parser, const QString &command,
                            PromotionWorkspace &workspace, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        err << "envdeck " << command << ": expected at most one REPO\n";
        return false;
    }
    const QString path = positional.isEmpty() ? QDir::currentPath() : positional.first();
    auto repository = Git::Repository::open(path);
    if (!repository) {
        err << "envdeck " << command << ": " << repository.error().toString() << '\n';
        return false;
    }
    workspace.root = QDir(repository->workTree()).absolutePath();
    workspace.repository.emplace(std::move(*repository));

    Validation::LoadOptions options;
    options.base = QStringLiteral("HEAD");
    options.offline = parser.isSet(QStringLiteral("offline"));
    auto input = Validation::loadValidationInput(workspace.root, options);
    if (!input) {
        err << "envdeck " << command << ": " << input.error().toString() << '\n';
        return false;
    }
    workspace.input = std::move(*input);
    return true;
}

int publishEdits(const QCommandLineParser &parser, const QString &command,
                 PromotionWorkspace &workspace, const EditsToPublish &change, QTextStream &out,
                 QTextStream &err)
{
    Git::Repository &repository = *workspace.repository;
    // Refuse before anything is written: a file with someone's uncommitted edits would carry
    // them into this commit, and putting it back afterwards would lose them.
    auto status = repository.status();
    if (!status) {
        err << "envdeck " << command << ": " << status.error().toString() << '\n';
        return Usage;
    }
    QStringList paths;
    for (const Promotion::FileEdit &edit : change.edits) {
        paths << edit.file;
        for (const Git::StatusEntry &entry : *status) {
            if (entry.path == edit.file) {
                err << "envdeck " << command << ": " << edit.file
                    << " has uncommitted changes; commit or discard them first. Nothing was "
                       "changed.\n";
                return Failed;
            }
        }
    }

    PublishSession session;
    if (!session.prepare(parser, workspace.root, err))
        return Usage;
    Change::PublishRequest request = session.request(parser, workspace.root, paths, change.message,
                                                     change.title, change.description);
    if (parser.isSet(QStringLiteral("message")) && !change.record.isEmpty())
        request.message += QStringLiteral("\n\n") + change.record;
    if (request.branch.isEmpty() && request.openMergeRequest) {
        // A merge request needs a branch of its own: the suggested name, unless it is taken.
        QString name = change.branch;
        for (int n = 2; repository.branchExists(name); ++n)
            name = change.branch + u'-' + QString::number(n);
        request.branch = name;
    }
    if (auto check = Change::Publisher::checkCommit(request); !check) {
        err << "envdeck " << command << ": " << check.error().toString() << '\n';
        return Failed;
    }

    if (auto written = Promotion::writeEdits(change.edits); !written) {
        // writeEdits puts back what it wrote before a failure: nothing to undo here.
        err << "envdeck " << command << ": " << written.error().toString() << '\n';
        return Usage;
    }
    bool committed = false;
    const int code = session.run(request, out, err, &committed);
    if (!committed) {
        // Nothing was committed: put the files back as they were, so nothing half-done remains.
        if (auto undone = Promotion::undoEdits(change.edits); !undone)
            err << "envdeck " << command << ": " << undone.error().toString() << '\n';
    }
    return code;
}

EditsToPublish editsToPublish(const Promotion::ChangeText &text,
                              const QList<Promotion::FileEdit> &edits)
{
    EditsToPublish change;
    change.edits = edits;
    change.message = text.message;
    change.title = text.title;
    change.description = text.description;
    change.branch = text.branch;
    return change;
}

QStringList listOption(const QCommandLineParser &parser, const QString &name)
{
    QStringList items;
    for (const QString &value : parser.values(name)) {
        for (const QString &item : value.split(u',')) {
            const QString trimmed = item.trimmed();
            if (!trimmed.isEmpty() && !items.contains(trimmed))
                items << trimmed;
        }
    }
    return items;
}

} // namespace EnvDeck::Cli
