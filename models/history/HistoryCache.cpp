// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/HistoryCache.h"

#include "core/CacheDatabase.h"
#include "history/HistoryLogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

namespace EnvDeck::History {

namespace {

// Bumped whenever the tables or what is stored in them change: older caches are dropped.
constexpr int SchemaVersion = 2; // 2: events of versions written in .tf/.tfvars

Error sqlError(const QString &what, const QSqlQuery &query)
{
    return Error(QStringLiteral("History cache: %1: %2").arg(what, query.lastError().text()));
}

QStringList splitIds(const QString &text)
{
    return text.split(u' ', Qt::SkipEmptyParts);
}

} // namespace

HistoryCache::HistoryCache(QSqlDatabase database, QString connectionName)
    : m_database(std::move(database))
    , m_connectionName(std::move(connectionName))
{}

HistoryCache::~HistoryCache()
{
    // The connection can only be removed once no QSqlDatabase refers to it.
    m_database = QSqlDatabase();
    closeCacheDatabase(m_connectionName);
}

Result<std::unique_ptr<HistoryCache>> HistoryCache::open(const QString &gitDir)
{
    const QString name = QStringLiteral("envdeck.history.%1")
                             .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    auto database = openCacheDatabase(cacheDatabasePath(gitDir), name);
    if (!database)
        return database.error();
    std::unique_ptr<HistoryCache> cache(new HistoryCache(database.value(), name));
    if (auto created = cache->createTables(); !created)
        return created.error();
    return cache;
}

Result<void> HistoryCache::createTables()
{
    QSqlQuery query(m_database);
    int version = 0;
    if (query.exec(QStringLiteral("SELECT value FROM history_meta WHERE key = 'schema'"))
        && query.next())
        version = query.value(0).toInt();
    const QStringList tables{QStringLiteral("history_meta"),    QStringLiteral("history_commits"),
                             QStringLiteral("history_events"),  QStringLiteral("history_problems"),
                             QStringLiteral("history_renames"), QStringLiteral("history_units")};
    if (version != SchemaVersion) {
        for (const QString &table : tables)
            query.exec(QStringLiteral("DROP TABLE IF EXISTS ") + table);
    }
    const QStringList statements{
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS history_meta (key TEXT PRIMARY KEY, value TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS history_commits (id TEXT PRIMARY KEY, "
                       "parents TEXT, author TEXT, email TEXT, date INTEGER, "
                       "merge_request TEXT, brought_in TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS history_events (commit_id TEXT, seq INTEGER, "
                       "unit TEXT, component TEXT, from_version TEXT, to_version TEXT, "
                       "kind TEXT, path TEXT, lock_reason TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS history_problems (commit_id TEXT, seq INTEGER, "
                       "message TEXT, file TEXT, line INTEGER, col INTEGER)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS history_renames (commit_id TEXT, "
                       "from_path TEXT, to_path TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS history_units (key TEXT PRIMARY KEY, "
                       "versions_path TEXT, approvals_path TEXT)"),
        QStringLiteral("INSERT OR REPLACE INTO history_meta VALUES ('schema', '%1')")
            .arg(SchemaVersion),
    };
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return sqlError(QStringLiteral("cannot create the tables"), query);
    }
    return {};
}

Result<HistoryCache::Contents> HistoryCache::load()
{
    Contents contents;
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, parents, author, email, date, merge_request, "
                                   "brought_in FROM history_commits")))
        return sqlError(QStringLiteral("cannot read the commits"), query);
    while (query.next()) {
        ScannedCommit commit;
        commit.id = query.value(0).toString();
        commit.parents = splitIds(query.value(1).toString());
        commit.author = query.value(2).toString();
        commit.authorEmail = query.value(3).toString();
        commit.date = QDateTime::fromSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
        commit.mergeRequest = query.value(5).toString();
        commit.broughtIn = splitIds(query.value(6).toString());
        contents.commits.insert(commit.id, commit);
    }

    if (!query.exec(QStringLiteral("SELECT commit_id, unit, component, from_version, to_version, "
                                   "kind, path, lock_reason FROM history_events "
                                   "ORDER BY commit_id, seq")))
        return sqlError(QStringLiteral("cannot read the events"), query);
    while (query.next()) {
        auto commit = contents.commits.find(query.value(0).toString());
        if (commit == contents.commits.end())
            continue;
        DeploymentEvent event;
        event.environment = query.value(1).toString();
        event.component = query.value(2).toString();
        event.from = query.value(3).toString();
        event.to = query.value(4).toString();
        event.kind = kindFromName(query.value(5).toString());
        event.path = query.value(6).toString();
        event.lockReason = query.value(7).toString();
        commit->events.append(event);
    }

    if (!query.exec(QStringLiteral("SELECT commit_id, message, file, line, col "
                                   "FROM history_problems ORDER BY commit_id, seq")))
        return sqlError(QStringLiteral("cannot read the problems"), query);
    while (query.next()) {
        auto commit = contents.commits.find(query.value(0).toString());
        if (commit == contents.commits.end())
            continue;
        commit->problems.append(
            Error(query.value(1).toString(),
                  {query.value(2).toString(), query.value(3).toInt(), query.value(4).toInt()}));
    }

    if (!query.exec(QStringLiteral("SELECT commit_id, from_path, to_path FROM history_renames")))
        return sqlError(QStringLiteral("cannot read the renames"), query);
    while (query.next())
        contents.renames.append(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});

    if (!query.exec(QStringLiteral("SELECT key, versions_path, approvals_path FROM history_units")))
        return sqlError(QStringLiteral("cannot read the watched folders"), query);
    while (query.next())
        contents.units.append(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    return contents;
}

Result<void> HistoryCache::clear()
{
    QSqlQuery query(m_database);
    for (const char *table : {"history_commits", "history_events", "history_problems",
                              "history_renames", "history_units"}) {
        if (!query.exec(QStringLiteral("DELETE FROM ") + QLatin1String(table)))
            return sqlError(QStringLiteral("cannot clear"), query);
    }
    return {};
}

Result<void> HistoryCache::store(const QList<ScannedCommit> &commits,
                                 const QList<RenameRecord> &renames, const QList<Unit> &units)
{
    if (!m_database.transaction())
        return Error(QStringLiteral("History cache: cannot start a transaction: %1")
                         .arg(m_database.lastError().text()));
    auto fail = [this](const QString &what, const QSqlQuery &query) {
        Error error = sqlError(what, query);
        m_database.rollback();
        return error;
    };

    QSqlQuery commit(m_database);
    QSqlQuery event(m_database);
    QSqlQuery problem(m_database);
    commit.prepare(QStringLiteral("INSERT OR REPLACE INTO history_commits VALUES (?, ?, ?, ?, ?, "
                                  "?, ?)"));
    event.prepare(QStringLiteral("INSERT INTO history_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    problem.prepare(QStringLiteral("INSERT INTO history_problems VALUES (?, ?, ?, ?, ?, ?)"));
    for (const ScannedCommit &scanned : commits) {
        commit.addBindValue(scanned.id);
        commit.addBindValue(scanned.parents.join(u' '));
        commit.addBindValue(scanned.author);
        commit.addBindValue(scanned.authorEmail);
        commit.addBindValue(scanned.date.toSecsSinceEpoch());
        commit.addBindValue(scanned.mergeRequest);
        commit.addBindValue(scanned.broughtIn.join(u' '));
        if (!commit.exec())
            return fail(QStringLiteral("cannot store a commit"), commit);
        for (qsizetype i = 0; i < scanned.events.size(); ++i) {
            const DeploymentEvent &e = scanned.events[i];
            for (const QVariant &value :
                 {QVariant(scanned.id), QVariant(qlonglong(i)), QVariant(e.environment),
                  QVariant(e.component), QVariant(e.from), QVariant(e.to),
                  QVariant(kindName(e.kind)), QVariant(e.path), QVariant(e.lockReason)})
                event.addBindValue(value);
            if (!event.exec())
                return fail(QStringLiteral("cannot store an event"), event);
        }
        for (qsizetype i = 0; i < scanned.problems.size(); ++i) {
            const Error &p = scanned.problems[i];
            for (const QVariant &value :
                 {QVariant(scanned.id), QVariant(qlonglong(i)), QVariant(p.message()),
                  QVariant(p.location().file), QVariant(p.location().line),
                  QVariant(p.location().column)})
                problem.addBindValue(value);
            if (!problem.exec())
                return fail(QStringLiteral("cannot store a problem"), problem);
        }
    }

    QSqlQuery query(m_database);
    query.prepare(QStringLiteral("INSERT INTO history_renames VALUES (?, ?, ?)"));
    for (const RenameRecord &rename : renames) {
        query.addBindValue(rename.commit);
        query.addBindValue(rename.from);
        query.addBindValue(rename.to);
        if (!query.exec())
            return fail(QStringLiteral("cannot store a rename"), query);
    }
    if (!query.exec(QStringLiteral("DELETE FROM history_units")))
        return fail(QStringLiteral("cannot store the watched folders"), query);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO history_units VALUES (?, ?, ?)"));
    for (const Unit &unit : units) {
        query.addBindValue(unit.key);
        query.addBindValue(unit.versionsPath);
        query.addBindValue(unit.approvalsPath);
        if (!query.exec())
            return fail(QStringLiteral("cannot store the watched folders"), query);
    }
    if (!m_database.commit())
        return Error(
            QStringLiteral("History cache: cannot commit: %1").arg(m_database.lastError().text()));
    qCDebug(lcHistory) << "cached" << commits.size() << "commits";
    return {};
}

} // namespace EnvDeck::History
