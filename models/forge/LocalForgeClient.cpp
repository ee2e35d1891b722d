// SPDX-License-Identifier: GPL-3.0-or-later
#include "forge/LocalForgeClient.h"

#include "git/Repository.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace EnvDeck::Forge {

namespace {

// A job whose work runs on the global thread pool. Cancelling drops the answer; the git work
// itself is short and runs to its end so no record is left half written.
class LocalJob : public ForgeJob
{
public:
    using ForgeJob::ForgeJob;

    void start(std::function<Result<QList<MergeRequest>>()> work)
    {
        connect(&m_watcher, &QFutureWatcher<Result<QList<MergeRequest>>>::finished, this, [this] {
            if (!m_cancelled)
                finish(m_watcher.result());
        });
        m_watcher.setFuture(QtConcurrent::run(std::move(work)));
    }

    void cancel() override
    {
        m_cancelled = true;
        finish(Error(tr("Cancelled")));
    }

private:
    QFutureWatcher<Result<QList<MergeRequest>>> m_watcher;
    bool m_cancelled = false;
};

Result<QList<MergeRequest>> one(const Result<LocalRecords::Record> &record)
{
    if (!record)
        return record.error();
    return QList<MergeRequest>{record->request};
}

} // namespace

LocalForgeClient::LocalForgeClient(QString repositoryPath, Git::Signature author,
                                   AfterWrite afterWrite)
    : m_repositoryPath(std::move(repositoryPath))
    , m_author(std::move(author))
    , m_afterWrite(std::move(afterWrite))
{}

ForgeJob *LocalForgeClient::run(Work work, QObject *parent)
{
    auto *job = new LocalJob(parent);
    job->start(std::move(work));
    return job;
}

ForgeJob *LocalForgeClient::openMergeRequest(const MergeRequestSpec &spec, QObject *parent)
{
    return run(
        [path = m_repositoryPath, spec, author = m_author,
         after = m_afterWrite]() -> Result<QList<MergeRequest>> {
            auto record = LocalRecords::open(path, spec, author);
            if (record && after && !record->request.reused) {
                if (auto shared = after(*record); !shared)
                    return shared.error().withContext(
                        QObject::tr("Recorded %1 locally, but could not share it")
                            .arg(record->request.reference));
            }
            return one(record);
        },
        parent);
}

ForgeJob *LocalForgeClient::mergeRequest(int number, QObject *parent)
{
    return run([path = m_repositoryPath, number] { return one(LocalRecords::get(path, number)); },
               parent);
}

ForgeJob *LocalForgeClient::mergeRequests(const QStringList &sourceBranches, QObject *parent)
{
    return run(
        [path = m_repositoryPath, sourceBranches]() -> Result<QList<MergeRequest>> {
            auto records = LocalRecords::list(path);
            if (!records)
                return records.error();
            QList<MergeRequest> requests;
            for (const auto &record : *records) {
                if (sourceBranches.isEmpty()
                    || sourceBranches.contains(record.request.sourceBranch))
                    requests.append(record.request);
            }
            return requests;
        },
        parent);
}

ForgeJob *LocalForgeClient::merge(int number, QObject *parent)
{
    return run(
        [path = m_repositoryPath, number, author = m_author,
         after = m_afterWrite]() -> Result<QList<MergeRequest>> {
            auto record = LocalRecords::merge(path, number, author);
            if (record && after) {
                if (auto shared = after(*record); !shared)
                    return shared.error().withContext(
                        QObject::tr("Merged %1 locally, but could not share it")
                            .arg(record->request.reference));
            }
            return one(record);
        },
        parent);
}

ForgeJob *LocalForgeClient::close(int number, QObject *parent)
{
    return run([path = m_repositoryPath, number,
                author = m_author] { return one(LocalRecords::close(path, number, author)); },
               parent);
}

Result<void> shareLocalRecord(const QString &repositoryPath, const QString &remote,
                              const Git::RemoteOptions &options, const LocalRecords::Record &record)
{
    auto repository = Git::Repository::open(repositoryPath);
    if (!repository)
        return repository.error();
    if (repository->remoteUrl(remote).isEmpty())
        return {};
    const QString ref
        = QLatin1String(LocalRecords::RefPrefix) + QString::number(record.request.number);
    QStringList refspecs{QStringLiteral("+") + ref + u':' + ref};
    if (record.request.state == MergeRequestState::Merged)
        refspecs.append(QStringLiteral("refs/heads/") + record.request.targetBranch
                        + QStringLiteral(":refs/heads/") + record.request.targetBranch);
    auto pushed = repository->push(remote, refspecs, options);
    if (!pushed)
        return pushed.error();
    if (!pushed->pushed)
        return Error(pushed->rejectedReason);
    return {};
}

} // namespace EnvDeck::Forge
