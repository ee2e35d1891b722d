// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "forge/MergeRequest.h"
#include "git/ObjectWriter.h"
#include "git/Remote.h"

#include <QFlags>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace EnvDeck::Change {

// What to do with the files EnvDeck changed.
struct PublishRequest
{
    QString repository; // the work tree
    QStringList paths;  // exactly the files to commit, relative, '/'
    QString branch;     // create this branch from HEAD and commit there; empty: the current branch
    QString message;    // the commit message
    bool push = false;
    bool openMergeRequest
        = false; // implies push (the local provider pushes when there is a remote)
    QString remote = QStringLiteral("origin");
    QString targetBranch = QStringLiteral("main"); // of the merge request
    QString title;       // of the merge request; empty: the commit's first line
    QString description; // of the merge request
    // The author and committer of the commit; nullopt: git's identity (user.name/user.email,
    // GIT_AUTHOR_* win). The window passes the identity of its settings here.
    std::optional<Git::Signature> author;
};

// What the user may do after a step failed. Nothing done so far is lost either way: the commit
// stays on its branch.
enum class Recovery {
    None = 0,
    Retry = 1,          // the network or the server failed: try the same step again
    FetchAndRebase = 2, // the branch moved on the remote: replay the commit on top and push
    PushAsNewBranch = 4 // the branch is protected or diverged: push the commit as a new branch
};
Q_DECLARE_FLAGS(Recoveries, Recovery)

// Where a publish stands; kept between a failure and its recovery.
struct PublishState
{
    QString commitId;
    QString branch;       // the local branch that holds the commit
    QString remoteBranch; // the branch it was (or is to be) pushed to
    bool pushed = false;
    std::optional<Forge::MergeRequest> mergeRequest;
};

// Runs commit → push → merge request, each git step on a worker thread (one Repository per
// step, never shared) and the forge call on this object's thread. Progress and the outcome come
// as signals; a failure offers recoveries, and recover() resumes from the failed step.
class Publisher : public QObject
{
    Q_OBJECT
public:
    // Made fresh for every network step (credentials may have been entered meanwhile).
    using RemoteOptionsFactory = std::function<Git::RemoteOptions()>;

    explicit Publisher(QObject *parent = nullptr);
    ~Publisher() override;

    void setRemoteOptions(RemoteOptionsFactory factory) { m_remoteOptions = std::move(factory); }
    // The forge that opens the merge request; not owned; must outlive the publisher's work.
    void setForge(Forge::ForgeClient *forge) { m_forge = forge; }

    void start(const PublishRequest &request);
    void recover(Recovery recovery);
    bool isRunning() const { return m_running; }
    const PublishState &state() const { return m_state; }

    // The git part of a publish, synchronous, for a worker thread or the command line:
    // refuses merges in progress and detached HEADs, refuses an existing branch, creates and
    // switches to the branch when one is asked for, and commits exactly `paths`.
    static Result<PublishState> commit(const PublishRequest &request);
    // The refusals of commit() without changing anything, so callers can check before they write
    // a file: a merge or rebase in progress, a detached HEAD, an existing branch, a merge request
    // onto the branch it comes from. Returns the branch the commit would go to.
    static Result<QString> checkCommit(const PublishRequest &request);

signals:
    void stepChanged(const QString &text);
    void progress(qint64 done, qint64 total); // total 0: busy
    void finished(const EnvDeck::Change::PublishState &state);
    void failed(const QString &message, EnvDeck::Change::Recoveries offered);

private:
    enum class Step { Commit, Push, MergeRequest, Done };
    void runStep(Step step);
    void runPush(bool rebaseFirst);
    void runMergeRequest();
    void fail(const QString &message, Recoveries offered, Step retryStep);
    void done();
    Git::RemoteOptions remoteOptions();

    PublishRequest m_request;
    PublishState m_state;
    RemoteOptionsFactory m_remoteOptions;
    Forge::ForgeClient *m_forge = nullptr;
    QPointer<Forge::ForgeJob> m_job;
    Step m_failedStep = Step::Commit;
    bool m_running = false;
    bool m_hasRemote = false;
};

} // namespace EnvDeck::Change

Q_DECLARE_OPERATORS_FOR_FLAGS(EnvDeck::Change::Recoveries)
