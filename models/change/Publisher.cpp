// SPDX-License-Identifier: GPL-3.0-or-later
#include "change/Publisher.h"

#include "core/Logging.h"
#include "git/Repository.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace EnvDeck::Change {

namespace {

struct PushOutcome
{
    Result<Git::PushResult> result = Error(QString());
    QString newTip; // after a rebase
};

// Runs `work` on the thread pool and hands its result to `then` on `context`'s thread.
template<typename T, typename Work, typename Then>
void runInBackground(QObject *context, Work work, Then then)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, then] {
        then(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace

Publisher::Publisher(QObject *parent)
    : QObject(parent)
{}

Publisher::~Publisher() = default;

Result<QString> Publisher::checkCommit(const PublishRequest &request)
{
    auto repository = Git::Repository::open(request.repository);
    if (!repository)
        return repository.error();
    switch (repository->state()) {
    case Git::Repository::State::Clean:
        break;
    case Git::Repository::State::Merge:
        return Error(
            tr("A merge is in progress in %1: finish or abort it first; nothing was committed")
                .arg(request.repository));
    case Git::Repository::State::Rebase:
        return Error(
            tr("A rebase is in progress in %1: finish or abort it first; nothing was committed")
                .arg(request.repository));
    default:
        return Error(
            tr("Another git operation (cherry-pick, revert or bisect) is in progress in %1: "
               "finish or abort it first; nothing was committed")
                .arg(request.repository));
    }
    if (repository->isHeadDetached())
        return Error(tr("HEAD is detached in %1: switch to a branch first, so the commit is not "
                        "lost; nothing was committed")
                         .arg(request.repository));
    auto current = repository->currentBranch();
    if (!current)
        return current.error();
    const QString branch = request.branch.isEmpty() ? *current : request.branch;
    if (request.openMergeRequest && branch == request.targetBranch)
        return Error(tr("A merge request needs a branch of its own: commit on a new branch, not "
                        "on its target \"%1\"; nothing was committed")
                         .arg(request.targetBranch));
    if (request.branch != *current && !request.branch.isEmpty()
        && repository->branchExists(request.branch))
        return Error(tr("Branch \"%1\" exists already: choose another name; nothing was committed")
                         .arg(request.branch));
    return branch;
}

Result<PublishState> Publisher::commit(const PublishRequest &request)
{
    auto branch = checkCommit(request);
    if (!branch)
        return branch.error();
    if (request.paths.isEmpty())
        return Error(tr("There are no changed files to commit"));
    auto repository = Git::Repository::open(request.repository);
    if (!repository)
        return repository.error();
    auto current = repository->currentBranch();
    if (!current)
        return current.error();
    if (*branch != *current) {
        if (auto created = repository->createBranch(*branch); !created)
            return created.error();
        if (auto switched = repository->switchBranch(*branch); !switched)
            return switched.error();
    }
    Git::Signature author;
    if (request.author) {
        if (request.author->name.trimmed().isEmpty() || request.author->email.trimmed().isEmpty())
            return Error(tr("A commit identity needs a name and an email address; nothing was "
                            "committed"));
        for (const QString &text : {request.author->name, request.author->email}) {
            if (text.contains(u'<') || text.contains(u'>') || text.contains(u'\n'))
                return Error(tr("A commit identity cannot contain < or > or a line break; "
                                "nothing was committed"));
        }
        author = *request.author;
    } else {
        auto identity = repository->identity();
        if (!identity)
            return identity.error();
        author = *identity;
    }
    auto id = repository->commitFiles(request.paths, request.message, author);
    if (!id) {
        // Leave the user where they were: an empty branch made for this commit goes away.
        if (*branch != *current && repository->switchBranch(*current)) {
            git_reference *made = nullptr;
            const QByteArray name = "refs/heads/" + branch->toUtf8();
            if (git_reference_lookup(&made, repository->raw(), name.constData()) == 0) {
                git_branch_delete(made);
                git_reference_free(made);
            }
        }
        return id.error();
    }
    PublishState state;
    state.commitId = *id;
    state.branch = *branch;
    state.remoteBranch = *branch;
    qCInfo(lcGit).noquote() << "committed" << *id << "on" << *branch;
    return state;
}

Git::RemoteOptions Publisher::remoteOptions()
{
    Git::RemoteOptions options = m_remoteOptions ? m_remoteOptions() : Git::RemoteOptions{};
    QPointer<Publisher> self(this);
    auto user = options.progress;
    options.progress = [self, user](const Git::TransferProgress &p) {
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, done = qint64(p.current), total = qint64(p.total)] {
                    if (self)
                        emit self->progress(done, total);
                },
                Qt::QueuedConnection);
        return user ? user(p) : true;
    };
    return options;
}

void Publisher::start(const PublishRequest &request)
{
    if (m_running)
        return;
    m_request = request;
    m_state = {};
    m_running = true;
    runStep(Step::Commit);
}

void Publisher::runStep(Step step)
{
    switch (step) {
    case Step::Commit: {
        emit stepChanged(tr("Committing %n file(s)…", nullptr, int(m_request.paths.size())));
        emit progress(0, 0);
        const PublishRequest request = m_request;
        runInBackground<Result<PublishState>>(
            this,
            [request]() -> Result<PublishState> {
                auto state = commit(request);
                return state;
            },
            [this](const Result<PublishState> &state) {
                if (!state) {
                    fail(state.error().toString(), Recovery::None, Step::Commit);
                    return;
                }
                m_state = *state;
                if (m_request.push || m_request.openMergeRequest)
                    runStep(Step::Push);
                else
                    done();
            });
        break;
    }
    case Step::Push:
        runPush(false);
        break;
    case Step::MergeRequest:
        runMergeRequest();
        break;
    case Step::Done:
        done();
        break;
    }
}

void Publisher::runPush(bool rebaseFirst)
{
    const QString repositoryPath = m_request.repository;
    const QString remote = m_request.remote;
    const QString branch = m_state.branch;
    const QString remoteBranch = m_state.remoteBranch;
    const bool localForge = m_forge && m_forge->provider() == Forge::Provider::Local;

    // The local provider works without any remote: then there is nothing to push.
    {
        auto repository = Git::Repository::open(repositoryPath);
        if (repository && repository->remoteUrl(remote).isEmpty()) {
            if (localForge && !m_request.push) {
                runStep(m_request.openMergeRequest ? Step::MergeRequest : Step::Done);
                return;
            }
            fail(tr("There is no remote \"%1\" to push to: the commit %2 stays on branch \"%3\"")
                     .arg(remote, m_state.commitId.left(8), branch),
                 Recovery::None, Step::Push);
            return;
        }
    }

    emit stepChanged(rebaseFirst ? tr("Fetching %1 and replaying the commit…").arg(remote)
                                 : tr("Pushing %1 to %2…").arg(remoteBranch, remote));
    emit progress(0, 0);
    const Git::RemoteOptions options = remoteOptions();
    runInBackground<PushOutcome>(
        this,
        [=]() -> PushOutcome {
            PushOutcome outcome;
            auto repository = Git::Repository::open(repositoryPath);
            if (!repository) {
                outcome.result = repository.error();
                return outcome;
            }
            if (rebaseFirst) {
                if (auto fetched = repository->fetch(remote, options); !fetched) {
                    outcome.result = fetched.error();
                    return outcome;
                }
                auto tip = repository->rebaseOnto(branch, remote + u'/' + remoteBranch);
                if (!tip) {
                    outcome.result = tip.error();
                    return outcome;
                }
                outcome.newTip = *tip;
            }
            outcome.result = repository->push(remote, branch, remoteBranch, options);
            return outcome;
        },
        [this, rebaseFirst](const PushOutcome &outcome) {
            if (!outcome.newTip.isEmpty())
                m_state.commitId = outcome.newTip;
            if (!outcome.result) {
                // A failed rebase (conflicts) leaves a new branch as the way out; a network
                // failure can simply be tried again.
                fail(outcome.result.error().toString(),
                     rebaseFirst ? Recoveries(Recovery::PushAsNewBranch)
                                 : Recoveries(Recovery::Retry) | Recovery::PushAsNewBranch,
                     Step::Push);
                return;
            }
            const Git::PushResult &push = *outcome.result;
            if (!push.pushed) {
                Recoveries offered = Recovery::PushAsNewBranch;
                if (push.isNonFastForward)
                    offered |= Recovery::FetchAndRebase;
                fail(tr("The remote refused the push: %1. Your commit %2 is safe on branch \"%3\".")
                         .arg(push.rejectedReason, m_state.commitId.left(8), m_state.branch),
                     offered, Step::Push);
                return;
            }
            m_state.pushed = true;
            if (m_request.openMergeRequest)
                runStep(Step::MergeRequest);
            else
                done();
        });
}

void Publisher::runMergeRequest()
{
    if (!m_forge) {
        fail(tr("No forge is configured: add `forge:` to .envdeck.yaml or choose a provider"),
             Recovery::None, Step::MergeRequest);
        return;
    }
    emit stepChanged(
        tr("Opening the merge request on %1…").arg(providerDisplayName(m_forge->provider())));
    emit progress(0, 0);
    Forge::MergeRequestSpec spec;
    spec.sourceBranch = m_state.remoteBranch;
    spec.targetBranch = m_request.targetBranch;
    spec.title
        = m_request.title.isEmpty() ? m_request.message.section(u'\n', 0, 0) : m_request.title;
    spec.description = m_request.description;
    m_job = m_forge->openMergeRequest(spec, this);
    connect(m_job, &Forge::ForgeJob::statusChanged, this, &Publisher::stepChanged);
    connect(m_job, &Forge::ForgeJob::finished, this, [this, job = m_job] {
        if (!job)
            return;
        job->deleteLater();
        const auto &result = job->result();
        if (!result || result->isEmpty()) {
            fail(result ? tr("The forge answered without a merge request")
                        : result.error().toString(),
                 Recovery::Retry, Step::MergeRequest);
            return;
        }
        m_state.mergeRequest = result->first();
        done();
    });
}

void Publisher::fail(const QString &message, Recoveries offered, Step retryStep)
{
    m_failedStep = retryStep;
    m_running = false;
    qCWarning(lcGit).noquote() << "publish failed:" << message;
    emit failed(message, offered);
}

void Publisher::done()
{
    m_running = false;
    emit stepChanged(tr("Done"));
    emit progress(1, 1);
    emit finished(m_state);
}

void Publisher::recover(Recovery recovery)
{
    if (m_running)
        return;
    m_running = true;
    switch (recovery) {
    case Recovery::None:
        m_running = false;
        break;
    case Recovery::Retry:
        runStep(m_failedStep);
        break;
    case Recovery::FetchAndRebase:
        runPush(true);
        break;
    case Recovery::PushAsNewBranch: {
        // A new name on both sides, so the local provider finds the branch too.
        const QString base = m_state.branch + u'-' + m_state.commitId.left(7);
        auto repository = Git::Repository::open(m_request.repository);
        if (!repository) {
            fail(repository.error().toString(), Recovery::None, Step::Push);
            return;
        }
        QString name = base;
        for (int n = 2; repository->branchExists(name); ++n)
            name = base + u'-' + QString::number(n);
        if (auto created = repository->createBranch(name, m_state.commitId); !created) {
            fail(created.error().toString(), Recovery::None, Step::Push);
            return;
        }
        m_state.remoteBranch = name;
        m_state.branch = name;
        runPush(false);
        break;
    }
    }
}

} // namespace EnvDeck::Change
