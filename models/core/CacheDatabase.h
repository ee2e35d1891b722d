// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace EnvDeck {

// The per-repository SQLite cache shared by the deployment history and the pipeline runs:
// `<git dir>/envdeck/cache.sqlite`. Inside the git directory so it is never committed and goes
// away with the clone. Each module keeps its own tables (history_*, pipeline_*).
QString cacheDatabasePath(const QString &gitDir);

// Opens (creating folder and file when missing) a connection named `connectionName` to `path`.
// QSqlDatabase connections belong to the thread that opened them: use one name per thread and
// purpose, and close it with closeCacheDatabase() on that thread.
Result<QSqlDatabase> openCacheDatabase(const QString &path, const QString &connectionName);
void closeCacheDatabase(const QString &connectionName);

} // namespace EnvDeck
