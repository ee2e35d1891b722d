// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "history/CommitScanner.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace EnvDeck::History {

// The history tables of the repository's cache database (core/CacheDatabase.h): every scanned
// commit keyed by its id, with its parents, its events (environment = the folder at that commit),
// its problems, the renames found in it, and the watched folders the scan used. The set of
// commits is always closed under "parent of": a scan stores all the commits it read or none.
class HistoryCache
{
public:
    // Opens `<gitDir>/envdeck/cache.sqlite` on a connection of the calling thread.
    static Result<std::unique_ptr<HistoryCache>> open(const QString &gitDir);
    ~HistoryCache();
    HistoryCache(const HistoryCache &) = delete;
    HistoryCache &operator=(const HistoryCache &) = delete;

    struct Contents
    {
        QHash<QString, ScannedCommit> commits;
        QList<RenameRecord> renames;
        QList<Unit> units;
    };
    Result<Contents> load();

    Result<void> clear();
    // The connection, for the whole-result cache (ResultCache) kept in the same file.
    QSqlDatabase database() const { return m_database; }
    // Adds the commits and renames, and replaces the watched folders, in one transaction.
    Result<void> store(const QList<ScannedCommit> &commits, const QList<RenameRecord> &renames,
                       const QList<Unit> &units);

private:
    HistoryCache(QSqlDatabase database, QString connectionName);
    Result<void> createTables();

    QSqlDatabase m_database;
    QString m_connectionName;
};

} // namespace EnvDeck::History
