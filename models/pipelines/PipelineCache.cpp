// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelines/PipelineCache.h"

#include "core/CacheDatabase.h"
#include "pipelines/PipelineLogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace EnvDeck::Pipelines {
namespace {

// Times as milliseconds since the epoch (UTC): they sort, and NULL says "unknown".
QVariant toColumn(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromColumn(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString sqlError(const QString &what, const QSqlQuery &query)
{
    return QStringLiteral("Pipeline cache: cannot %1: %2").arg(what, query.lastError().text());
}

} // namespace

PipelineCache::PipelineCache(QString databasePath, QString connectionName)
    : m_path(std::move(databasePath))
    , m_connectionName(std::move(connectionName))
{}

PipelineCache::~PipelineCache()
{
    if (m_open)
        closeCacheDatabase(m_connectionName);
}

Result<void> PipelineCache::exec(const QString &statement) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(statement))
        return Error(sqlError(QStringLiteral("prepare the tables"), query));
    return {};
}

Result<void> PipelineCache::open()
{
    const Result<QSqlDatabase> database = openCacheDatabase(m_path, m_connectionName);
    if (!database)
        return database.error();
    m_open = true;
    const QStringList statements{
        QStringLiteral("CREATE TABLE IF NOT EXISTS pipeline_runs (provider TEXT NOT NULL, "
                       "id TEXT NOT NULL, name TEXT, status TEXT, result TEXT, started INTEGER, "
                       "finished INTEGER, branch TEXT, commit_id TEXT, environment TEXT, url TEXT, "
                       "PRIMARY KEY (provider, id))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS pipeline_stages (provider TEXT NOT NULL, "
                       "run_id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT, "
                       "environment TEXT, status TEXT, result TEXT, started INTEGER, "
                       "finished INTEGER, PRIMARY KEY (provider, run_id, position))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS pipeline_refreshes (provider TEXT PRIMARY KEY, "
                       "refreshed INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS pipeline_runs_started ON pipeline_runs "
                       "(provider, started)"),
    };
    for (const QString &statement : statements) {
        if (Result<void> done = exec(statement); !done)
            return done;
    }
    return {};
}

Result<void> PipelineCache::store(const QString &provider, const QList<PipelineRun> &runs,
                                  const QDateTime &refreshed)
{
    if (!m_open)
        return Error(QStringLiteral("Pipeline cache: not open"));
    QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
    if (!database.transaction())
        return Error(QStringLiteral("Pipeline cache: cannot start a transaction: %1")
                         .arg(database.lastError().text()));
    QSqlQuery run(database);
    run.prepare(QStringLiteral("INSERT OR REPLACE INTO pipeline_runs (provider, id, name, "
                               "status, result, started, finished, branch, commit_id, "
                               "environment, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery dropStages(database);
    dropStages.prepare(
        QStringLiteral("DELETE FROM pipeline_stages WHERE provider = ? AND run_id = ?"));
    QSqlQuery stage(database);
    stage.prepare(QStringLiteral("INSERT INTO pipeline_stages (provider, run_id, position, name, "
                                 "environment, status, result, started, finished) VALUES (?, ?, "
                                 "?, ?, ?, ?, ?, ?, ?)"));
    const auto rollback = [&database](const QString &message) {
        database.rollback();
        qCWarning(lcPipelines).noquote() << message;
        return Error(message);
    };
    for (const PipelineRun &r : runs) {
        const QVariantList values{provider,
                                  r.id,
                                  r.name,
                                  r.status,
                                  r.result,
                                  toColumn(r.started),
                                  toColumn(r.finished),
                                  r.branch,
                                  r.commit,
                                  r.environment,
                                  r.url};
        for (int i = 0; i < values.size(); ++i)
            run.bindValue(i, values.at(i));
        if (!run.exec())
            return rollback(sqlError(QStringLiteral("store run %1").arg(r.id), run));
        dropStages.bindValue(0, provider);
        dropStages.bindValue(1, r.id);
        if (!dropStages.exec())
            return rollback(
                sqlError(QStringLiteral("replace the stages of %1").arg(r.id), dropStages));
        for (int position = 0; position < r.stages.size(); ++position) {
            const PipelineStage &s = r.stages.at(position);
            const QVariantList stageValues{provider,
                                           r.id,
                                           position,
                                           s.name,
                                           s.environment,
                                           s.status,
                                           s.result,
                                           toColumn(s.started),
                                           toColumn(s.finished)};
            for (int i = 0; i < stageValues.size(); ++i)
                stage.bindValue(i, stageValues.at(i));
            if (!stage.exec())
                return rollback(
                    sqlError(QStringLiteral("store the stages of %1").arg(r.id), stage));
        }
    }
    QSqlQuery when(database);
    when.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO pipeline_refreshes (provider, refreshed) VALUES (?, ?)"));
    when.bindValue(0, provider);
    when.bindValue(1, refreshed.toMSecsSinceEpoch());
    if (!when.exec())
        return rollback(sqlError(QStringLiteral("record the refresh time"), when));
    if (!database.commit())
        return rollback(
            QStringLiteral("Pipeline cache: cannot commit: %1").arg(database.lastError().text()));
    return {};
}

Result<CachedRuns> PipelineCache::read(const QString &provider) const
{
    if (!m_open)
        return Error(QStringLiteral("Pipeline cache: not open"));
    const QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
    CachedRuns out;
    out.refreshed = lastRefreshed(provider);

    QSqlQuery runs(database);
    runs.prepare(QStringLiteral("SELECT id, name, status, result, started, finished, branch, "
                                "commit_id, environment, url FROM pipeline_runs WHERE provider = "
                                "? ORDER BY started DESC, id DESC"));
    runs.bindValue(0, provider);
    if (!runs.exec())
        return Error(sqlError(QStringLiteral("read the runs"), runs));
    QHash<QString, qsizetype> index;
    while (runs.next()) {
        PipelineRun run;
        run.provider = provider;
        run.id = runs.value(0).toString();
        run.name = runs.value(1).toString();
        run.status = runs.value(2).toString();
        run.result = runs.value(3).toString();
        run.started = fromColumn(runs.value(4));
        run.finished = fromColumn(runs.value(5));
        run.branch = runs.value(6).toString();
        run.commit = runs.value(7).toString();
        run.environment = runs.value(8).toString();
        run.url = runs.value(9).toString();
        index.insert(run.id, out.runs.size());
        out.runs.append(run);
    }

    QSqlQuery stages(database);
    stages.prepare(QStringLiteral("SELECT run_id, name, environment, status, result, started, "
                                  "finished FROM pipeline_stages WHERE provider = ? ORDER BY "
                                  "run_id, position"));
    stages.bindValue(0, provider);
    if (!stages.exec())
        return Error(sqlError(QStringLiteral("read the stages"), stages));
    while (stages.next()) {
        const auto it = index.constFind(stages.value(0).toString());
        if (it == index.cend())
            continue;
        PipelineStage stage;
        stage.name = stages.value(1).toString();
        stage.environment = stages.value(2).toString();
        stage.status = stages.value(3).toString();
        stage.result = stages.value(4).toString();
        stage.started = fromColumn(stages.value(5));
        stage.finished = fromColumn(stages.value(6));
        out.runs[*it].stages.append(stage);
    }
    return out;
}

QDateTime PipelineCache::lastRefreshed(const QString &provider) const
{
    if (!m_open)
        return {};
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT refreshed FROM pipeline_refreshes WHERE provider = ?"));
    query.bindValue(0, provider);
    if (!query.exec() || !query.next())
        return {};
    return fromColumn(query.value(0));
}

} // namespace EnvDeck::Pipelines
