// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelines/PipelineRefresher.h"

#include "pipelines/PipelineLogging.h"

#include <QAtomicInt>
#include <QtConcurrent/QtConcurrentRun>

namespace EnvDeck::Pipelines {
namespace {

// A connection name no other thread or refresh uses: connections belong to their thread.
QString workerConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("envdeck-pipelines-%1").arg(counter.fetchAndAddRelaxed(1));
}

Result<CachedRuns> readCache(const QString &path, const QString &provider)
{
    PipelineCache cache(path, workerConnectionName());
    if (Result<void> opened = cache.open(); !opened)
        return opened.error();
    return cache.read(provider);
}

Result<CachedRuns> storeAndRead(const QString &path, const QString &provider,
                                const QList<PipelineRun> &runs, const QDateTime &when)
{
    PipelineCache cache(path, workerConnectionName());
    if (Result<void> opened = cache.open(); !opened)
        return opened.error();
    if (Result<void> stored = cache.store(provider, runs, when); !stored)
        return stored.error();
    return cache.read(provider);
}

// A day before the last refresh, or before the oldest run that was still going then: runs that
// were queued or running are read again until they finish.
QDateTime refreshFrom(const CachedRuns &cached, int firstDays)
{
    if (!cached.refreshed.isValid())
        return QDateTime::currentDateTimeUtc().addDays(-firstDays);
    QDateTime from = cached.refreshed.addDays(-1);
    for (const PipelineRun &run : cached.runs) {
        if (run.status != u"completed" && run.started.isValid() && run.started < from)
            from = run.started;
    }
    return from;
}

} // namespace

PipelineRefresher::PipelineRefresher(QString databasePath, PipelineSource source,
                                     std::shared_ptr<const Forge::ForgeConnection> connection,
                                     QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_source(std::move(source))
    , m_connection(std::move(connection))
{
    connect(&m_readWatcher, &QFutureWatcher<Result<CachedRuns>>::finished, this,
            [this] { startJob(m_readWatcher.result()); });
    connect(&m_storeWatcher, &QFutureWatcher<Result<CachedRuns>>::finished, this, [this] {
        const Result<CachedRuns> stored = m_storeWatcher.result();
        RefreshOutcome outcome;
        if (!stored) {
            // The provider answered but the cache could not keep it: still show what came.
            outcome.runs = m_fetched;
            outcome.asOf = QDateTime::currentDateTimeUtc();
            outcome.fresh = true;
            outcome.error = stored.error().message();
        } else {
            outcome.runs = stored->runs;
            outcome.asOf = stored->refreshed;
            outcome.fresh = true;
        }
        conclude(std::move(outcome));
    });
}

PipelineRefresher::~PipelineRefresher()
{
    // The workers own their connections and copies of the data: waiting keeps the cache file
    // consistent when the window closes mid-write.
    m_readWatcher.waitForFinished();
    m_storeWatcher.waitForFinished();
}

void PipelineRefresher::refresh()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    emit progress(0, tr("Reading the cached pipeline runs"));
    m_readWatcher.setFuture(
        QtConcurrent::run(readCache, m_databasePath, providerKey(m_source.provider)));
}

void PipelineRefresher::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    if (m_job && !m_job->isFinished())
        m_job->cancel(); // onJobFinished() concludes
}

void PipelineRefresher::startJob(const Result<CachedRuns> &cached)
{
    m_cached = cached ? *cached : CachedRuns{};
    if (!cached)
        qCWarning(lcPipelines).noquote() << cached.error().message();
    if (m_cancelled) {
        RefreshOutcome outcome{m_cached.runs, m_cached.refreshed, false, true,
                               tr("Refresh cancelled")};
        conclude(std::move(outcome));
        return;
    }
    const QDateTime from = refreshFrom(m_cached, m_firstRefreshDays);
    qCInfo(lcPipelines).noquote() << "refreshing" << providerKey(m_source.provider) << "runs since"
                                  << from.toString(Qt::ISODate);
    m_job = listRuns(m_connection, m_source, from, this);
    connect(m_job, &PipelineJob::progress, this, &PipelineRefresher::progress);
    connect(m_job, &PipelineJob::finished, this, &PipelineRefresher::onJobFinished);
}

void PipelineRefresher::onJobFinished()
{
    PipelineJob *job = m_job;
    if (!job)
        return;
    job->deleteLater();
    const Result<QList<PipelineRun>> &result = job->result();
    if (!result || m_cancelled) {
        RefreshOutcome outcome{m_cached.runs, m_cached.refreshed, false, m_cancelled,
                               result ? tr("Refresh cancelled") : result.error().message()};
        m_job = nullptr;
        conclude(std::move(outcome));
        return;
    }
    m_fetched = result.value();
    m_job = nullptr;
    m_storeWatcher.setFuture(QtConcurrent::run(storeAndRead, m_databasePath,
                                               providerKey(m_source.provider), m_fetched,
                                               QDateTime::currentDateTimeUtc()));
}

void PipelineRefresher::conclude(RefreshOutcome outcome)
{
    if (m_job) {
        m_job->deleteLater();
        m_job = nullptr;
    }
    m_outcome = std::move(outcome);
    m_running = false;
    if (!m_outcome.error.isEmpty())
        qCInfo(lcPipelines).noquote() << "pipeline refresh ended:" << m_outcome.error << "("
                                      << m_outcome.runs.size() << "cached runs)";
    emit finished();
}

} // namespace EnvDeck::Pipelines
