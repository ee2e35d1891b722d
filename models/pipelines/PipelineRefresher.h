// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "forge/HttpForgeJob.h"
#include "pipelines/PipelineCache.h"
#include "pipelines/PipelineJob.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <memory>

namespace EnvDeck::Pipelines {

// What a refresh ended with. On a network or server error the cached runs are still given,
// with the time they were read from the provider, so a view can say "offline: as of …".
struct RefreshOutcome
{
    QList<PipelineRun> runs; // newest first: fresh and cached runs merged
    QDateTime asOf;          // the last successful refresh (UTC); invalid when never
    bool fresh = false;      // this refresh reached the provider
    bool cancelled = false;
    QString error; // why the provider could not be read; empty when fresh

    qint64 ageSeconds(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return asOf.isValid() ? asOf.secsTo(now) : -1;
    }
};

// Background refresh of one repository's pipeline runs: read the cache (worker thread), ask the
// provider for the runs since the last refresh (event loop, one request at a time), store them
// (worker thread) and report the merged list. The SQLite work runs on worker threads with their
// own connections; the network work never blocks.
class PipelineRefresher : public QObject
{
    Q_OBJECT
public:
    PipelineRefresher(QString databasePath, PipelineSource source,
                      std::shared_ptr<const Forge::ForgeConnection> connection,
                      QObject *parent = nullptr);
    ~PipelineRefresher() override;

    // How far back the first refresh reaches, in days (default 90).
    void setFirstRefreshDays(int days) { m_firstRefreshDays = days; }

    // Starts a refresh; ignored while one runs.
    void refresh();
    void cancel();
    bool isRunning() const { return m_running; }
    const RefreshOutcome &lastOutcome() const { return m_outcome; }

signals:
    // "Read 3 page(s)", "Waiting 30 s: …".
    void progress(int pagesRead, const QString &message);
    // lastOutcome() holds the result.
    void finished();

private:
    void startJob(const Result<CachedRuns> &cached);
    void onJobFinished();
    void conclude(RefreshOutcome outcome);

    QString m_databasePath;
    PipelineSource m_source;
    std::shared_ptr<const Forge::ForgeConnection> m_connection;
    int m_firstRefreshDays = 90;
    bool m_running = false;
    bool m_cancelled = false;
    CachedRuns m_cached;
    QList<PipelineRun> m_fetched;
    QPointer<PipelineJob> m_job;
    QFutureWatcher<Result<CachedRuns>> m_readWatcher;
    QFutureWatcher<Result<CachedRuns>> m_storeWatcher;
    RefreshOutcome m_outcome;
};

} // namespace EnvDeck::Pipelines
