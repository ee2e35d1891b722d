// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/DemoRepository.h"
#include "demo/Ledger.h"
#include "demo/Random.h"
#include "demo/RepositoryWriter.h"
#include "demo/Team.h"
#include "demo/TerraformRenderer.h"
#include "demo/World.h"

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace EnvDeck::Demo {

// The simulated history of a platform team: feature work on dev, staging bumps, locks, QA
// approvals, promotions, one rollback, merge requests and tags, written commit by commit through
// a RepositoryWriter. Exactly options.commits commits end up reachable from main.
class Story
{
public:
    Story(const Layout &layout, const Options &options, qint64 endTime, RepositoryWriter &writer,
          const Progress &progress, int progressTotal);

    Result<void> run();

    git_oid head() const { return m_head; }
    int terraformFiles() const { return m_terraformFiles; }
    // The deployment events of every commit reachable from main, see Ledger.
    const QList<History::DeploymentEvent> &events() const { return m_ledger.events(); }

private:
    static constexpr int TailCommits = 10;    // the fixed ending, see runTail()
    static constexpr int RollbackReserve = 5; // commits kept back for runRollbackScript()

    enum class Role { Qa, Architect, Developer, Platform, Release };
    struct Pending
    {
        enum Kind { Promote, Follow, Rollback } kind;
        int environment;
        int release;
        qint64 notBefore;
    };

    // History.cpp: the schedule and the git plumbing
    Result<bool> runPending();
    Result<bool> runRandomAction();
    Result<git_oid> writeCommit(const Person &author, qint64 time, const QString &message,
                                const QList<git_oid> &parents);
    // Writes the next commit of main (or of the branch being written) with the files put().
    Result<void> commit(const Person &author, const QString &message);
    Result<void> put(const QList<RenderedFile> &files);
    Result<void> put(const RenderedFile &file);
    Result<void> reportProgress();
    // StoryScenes.cpp: fixed parts of the story
    Result<void> writeInitialCommit();
    Result<void> runTail();
    Result<void> runRollbackScript();
    Result<void> runMergeRequest(int branchCommits);
    Result<void> writeOpenBranches();

    qint64 now() const;   // UTC time of the commit being written
    qint64 clock() const; // the story's clock for the same moment, see Timeline
    const Person &person(Role role);
    int available() const;

    // StoryActions.cpp: one commit each; false when the action does not apply right now
    Result<bool> devBump(const QString &component = {});
    Result<bool> devThirdPartyBump();
    Result<bool> stagingBump(const QString &mustInclude = {});
    Result<bool> integrationBump();
    Result<bool> lock();
    Result<bool> unlock();
    Result<bool> approve();
    Result<bool> promote(int environment, int release, bool follow);
    Result<bool> rollback();
    Result<bool> moduleEdit(int module = -1, const QString &message = {});
    Result<bool> environmentTweak(int environment = -1);
    Result<bool> pipelineEdit();
    Result<bool> readmeEdit();
    QString unlockedCoreComponent();
    void schedule(Pending::Kind kind, int environment, int release, qint64 notBefore);

    const Layout &m_layout;
    const Options &m_options;
    RepositoryWriter &m_writer;
    const Progress &m_progress;
    const int m_progressTotal;
    World m_world;
    Random m_random;
    QList<qint64> m_times;
    QList<qint64> m_clock;
    int m_emitted = 0;
    git_oid m_head{};
    std::optional<git_oid> m_branchTip; // set while writing a merge request's branch
    std::optional<qint64> m_sideTime;   // set while writing an open branch: not part of main
    QList<Pending> m_pending;
    QList<int> m_mergeSlots;
    int m_rollbackAt = 0;
    bool m_rollbackDone = false;
    int m_prodEuPrevious = 0; // release prod-eu ran before its current one
    int m_mergeRequest = 100;
    int m_regressionRun = 100;
    int m_loadTest = 20;
    QMap<QString, int> m_lockedAt; // staging component -> commit index of the lock
    QSet<QString> m_tagged;        // "<component>/v<version>" tags already written
    QSet<int> m_releaseTagged;
    QList<std::pair<QString, Semver>> m_newVersions; // tagged when the next commit is written
    int m_terraformFiles = 0;
    qint64 m_lastStagingBump = 0;            // clock()
    qint64 m_lastApproval = 0;               // clock()
    QMap<QString, qint64> m_chartReleasedAt; // chart -> clock() of its last new release
    QString m_lastMessage;                   // of the last commit written, for merge request titles
    std::optional<Person> m_authorOverride;  // one author for all commits of a branch
    struct Fork
    {
        World world;
        Git::MutableTree tree;
        git_oid head;
        qint64 time;
    };
    std::optional<Fork> m_fork;
    Ledger m_ledger;
};

} // namespace EnvDeck::Demo
