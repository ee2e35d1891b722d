// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/Environment.h"

#include <QFuture>
#include <QString>

#include <functional>

namespace EnvDeck {

// Reads a repository from disk into a RepositorySnapshot: opens it with libgit2, finds the
// environments (from .envdeck.yaml, or by convention: environments/*, envs/*, live/*), reads each
// environment's versions file and finds the last commit that touched it.
class RepositoryLoader
{
public:
    // Called with (done, total, what is being done). Return false to cancel.
    using Progress = std::function<bool(int done, int total, const QString &step)>;

    enum class History { Read, Skip };

    // Runs on the calling thread; never call it on the GUI thread. History::Skip leaves every
    // environment's lastChange empty and saves the walk through the commits (validation does
    // not need it).
    static Result<RepositorySnapshot> load(const QString &path, const Progress &progress = {},
                                           History history = History::Read);

    // Runs load() on the global thread pool. The future reports progress (value/range/text)
    // and honours cancel(); a cancelled future carries no result (check isCanceled()).
    static QFuture<Result<RepositorySnapshot>> loadAsync(const QString &path);
};

} // namespace EnvDeck
