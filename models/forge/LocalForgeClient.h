// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "forge/LocalRecords.h"
#include "forge/MergeRequest.h"
#include "git/Remote.h"

#include <functional>

namespace EnvDeck::Forge {

// The git-only provider behind the ForgeClient interface: each call runs LocalRecords on a worker
// thread (libgit2 never on the GUI thread) and finishes its job on the caller's thread.
class LocalForgeClient : public ForgeClient
{
public:
    // Runs after a record was written, on the same worker thread, e.g. to push
    // refs/envdeck/merge-requests/* to the remote so the team sees the request. Its error fails
    // the job, with the record kept locally.
    using AfterWrite = std::function<Result<void>(const LocalRecords::Record &)>;

    LocalForgeClient(QString repositoryPath, Git::Signature author, AfterWrite afterWrite = {});

    Provider provider() const override { return Provider::Local; }
    ForgeJob *openMergeRequest(const MergeRequestSpec &spec, QObject *parent = nullptr) override;
    ForgeJob *mergeRequest(int number, QObject *parent = nullptr) override;
    ForgeJob *mergeRequests(const QStringList &sourceBranches, QObject *parent = nullptr) override;

    // Local only: merges or closes an open request.
    ForgeJob *merge(int number, QObject *parent = nullptr);
    ForgeJob *close(int number, QObject *parent = nullptr);

private:
    using Work = std::function<Result<QList<MergeRequest>>()>;
    ForgeJob *run(Work work, QObject *parent);

    QString m_repositoryPath;
    Git::Signature m_author;
    AfterWrite m_afterWrite;
};

// Shares a record with the team: pushes refs/envdeck/merge-requests/<n> (and, once merged, the
// target branch) to `remote`. Nothing to do when the repository has no such remote.
Result<void> shareLocalRecord(const QString &repositoryPath, const QString &remote,
                              const Git::RemoteOptions &options,
                              const LocalRecords::Record &record);

} // namespace EnvDeck::Forge
