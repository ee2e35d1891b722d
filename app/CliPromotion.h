// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/Repository.h"
#include "promotion/ChangeText.h"
#include "promotion/Promotion.h"
#include "validation/ValidationInput.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <optional>

// What `envdeck approve`, `promote` and `rollback` share: opening the repository with its
// validation input, and turning the files a Promotion function worked out into a commit (and a
// push and a merge request) the way `envdeck bump` does, with nothing left half done.
namespace EnvDeck::Cli {

struct PromotionWorkspace
{
    std::optional<Git::Repository> repository;
    QString root; // the work tree, absolute
    Validation::ValidationInput input;
};

// Opens REPO (the only positional argument, default: the current folder) and loads its
// validation input against HEAD (--offline honoured). False: printed to `err`, exit 2.
bool openPromotionWorkspace(const QCommandLineParser &parser, const QString &command,
                            PromotionWorkspace &workspace, QTextStream &err);

struct EditsToPublish
{
    QList<Promotion::FileEdit> edits;
    QString message;     // the commit message
    QString title;       // the merge request's title
    QString description; // the merge request's Markdown description
    QString branch;      // the branch used with --open-mr and no --branch ("-2", "-3" when taken)
    QString record;      // kept in the commit message even when --message replaces it
};

// Refuses edits of files with uncommitted changes, writes the edits, commits exactly those files
// (and pushes, and opens the merge request, as the flags say) and puts the files back when no
// commit was made. Returns the exit code.
int publishEdits(const QCommandLineParser &parser, const QString &command,
                 PromotionWorkspace &workspace, const EditsToPublish &change, QTextStream &out,
                 QTextStream &err);

// The edits with the commit message, title, description and branch worded by `text`.
EditsToPublish editsToPublish(const Promotion::ChangeText &text,
                              const QList<Promotion::FileEdit> &edits);

// The values of a comma-separated list option, trimmed, empty items left out.
QStringList listOption(const QCommandLineParser &parser, const QString &name);

} // namespace EnvDeck::Cli
