// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/CacheDatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace EnvDeck {

QString cacheDatabasePath(const QString &gitDir)
{
    return QDir(gitDir).filePath(QStringLiteral("envdeck/cache.sqlite"));
}

Result<QSqlDatabase> openCacheDatabase(const QString &path, const QString &connectionName)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return Error(QStringLiteral("Cannot create the cache folder %1").arg(folder));

    QSqlDatabase database
        = QSqlDatabase::contains(connectionName)
              ? QSqlDatabase::database(connectionName, false)
              : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    if (!database.isValid())
        return Error(
            QStringLiteral("The SQLite driver of Qt is missing (package libqt6sql6-sqlite)"));
    if (database.isOpen() && database.databaseName() != path)
        database.close();
    database.setDatabaseName(path);
    if (!database.isOpen() && !database.open())
        return Error(
            QStringLiteral("Cannot open the cache %1: %2").arg(path, database.lastError().text()));

    // Write-ahead logging lets a reader on the GUI thread see the last committed state while a
    // worker writes; a busy timeout waits for the other connection instead of failing.
    QSqlQuery pragma(database);
    pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    pragma.exec(QStringLiteral("PRAGMA busy_timeout=5000"));
    // Large rows (the assembled history is megabytes) are read through a mapping instead of one
    // read() per page.
    pragma.exec(QStringLiteral("PRAGMA mmap_size=268435456"));
    return database;
}

void closeCacheDatabase(const QString &connectionName)
{
    if (!QSqlDatabase::contains(connectionName))
        return;
    {
        QSqlDatabase database = QSqlDatabase::database(connectionName, false);
        database.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace EnvDeck
