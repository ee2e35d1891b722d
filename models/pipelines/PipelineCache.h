// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "pipelines/PipelineRun.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace EnvDeck::Pipelines {

// What the cache holds for a provider, and since when: shown as is when the provider cannot be
// reached ("offline, runs as of 2 h ago").
struct CachedRuns
{
    QList<PipelineRun> runs; // newest first
    QDateTime refreshed;     // UTC; invalid when never refreshed
    // Seconds between the last refresh and `now`; -1 when never refreshed.
    qint64 ageSeconds(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return refreshed.isValid() ? refreshed.secsTo(now) : -1;
    }
};

// Pipeline runs and their stages in the repository's SQLite cache (core/CacheDatabase.h), tables
// pipeline_runs, pipeline_stages and pipeline_refreshes, keyed by (provider, run id). A run stored
// again replaces the old copy with its stages, so a run seen running and later finished is stored
// once. One object per thread: the connection belongs to the thread that opened it.
class PipelineCache
{
public:
    PipelineCache(QString databasePath, QString connectionName);
    ~PipelineCache();
    PipelineCache(const PipelineCache &) = delete;
    PipelineCache &operator=(const PipelineCache &) = delete;

    // Opens the file and creates the tables when missing.
    Result<void> open();

    // Stores `runs` of `provider` (added or replaced; others stay) and records `refreshed` as the
    // time of the provider's last refresh, all in one transaction.
    Result<void> store(const QString &provider, const QList<PipelineRun> &runs,
                       const QDateTime &refreshed);
    // Every stored run of `provider`, newest first, with the last refresh time.
    Result<CachedRuns> read(const QString &provider) const;
    // Invalid when the provider was never refreshed.
    QDateTime lastRefreshed(const QString &provider) const;

private:
    Result<void> exec(const QString &statement) const;

    QString m_path;
    QString m_connectionName;
    bool m_open = false;
};

} // namespace EnvDeck::Pipelines
