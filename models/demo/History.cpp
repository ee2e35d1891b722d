// SPDX-License-Identifier: GPL-3.0-or-later
// The schedule of the demo history: when things happen, and the git plumbing under each commit.
// The fixed scenes (import, merge requests, ending) are in StoryScenes.cpp, the everyday actions
// in StoryActions.cpp.
#include "History.h"

#include <algorithm>

namespace EnvDeck::Demo {
namespace {

constexpr quint64 HistoryStream = 2;
constexpr quint64 TimeStream = 3;

} // namespace

Story::Story(const Layout &layout, const Options &options, qint64 endTime, RepositoryWriter &writer,
             const Progress &progress, int progressTotal)
    : m_layout(layout)
    , m_options(options)
    , m_writer(writer)
    , m_progress(progress)
    , m_progressTotal(progressTotal)
    , m_random(Random::stream(options.seed, HistoryStream))
{
    const int spanDays = std::clamp(int(options.commits / 1.5), 200, 1100);
    Random timeRandom = Random::stream(options.seed, TimeStream);
    Timeline timeline = workingTimes(options.commits, endTime, spanDays, timeRandom);
    m_times = std::move(timeline.times);
    m_clock = std::move(timeline.clock);
    m_world = World::initial(m_layout, m_times.first());

    // About one merge request per 25 commits, spread over the part of the history before the
    // reserved ending.
    const int merges = qMax(1, options.commits / 25);
    const int room = options.commits - TailCommits - RollbackReserve - 2;
    for (int i = 0; i < merges; ++i)
        m_mergeSlots.append(1 + (2 * i + 1) * room / (2 * merges) - m_random.below(2));
    m_rollbackAt = options.commits * 11 / 20;
}

const Person &Story::person(Role role)
{
    if (m_authorOverride)
        return *m_authorOverride;
    const QList<Person> &all = team();
    switch (role) {
    case Role::Qa:
        return all.at(m_random.percent(85) ? Priya : Lena);
    case Role::Architect:
        return all.at(m_random.percent(70) ? Jonas : Tom);
    case Role::Developer: {
        static const int developers[] = {Maria, Kenji, Sofia, Maria, Kenji, Sofia, Tom};
        return all.at(developers[m_random.below(int(std::size(developers)))]);
    }
    case Role::Platform: {
        static const int platform[] = {Tom, Tom, Tom, Kenji, Jonas};
        return all.at(platform[m_random.below(int(std::size(platform)))]);
    }
    case Role::Release:
        return all.at(m_random.percent(75) ? Lena : Tom);
    }
    return all.first();
}

qint64 Story::now() const
{
    if (m_sideTime)
        return *m_sideTime;
    return m_times.at(qMin(m_emitted, int(m_times.size()) - 1));
}

qint64 Story::clock() const
{
    return m_clock.at(qMin(m_emitted, int(m_clock.size()) - 1));
}

int Story::available() const
{
    return m_options.commits - m_emitted - TailCommits - (m_rollbackDone ? 0 : RollbackReserve);
}

Result<void> Story::put(const RenderedFile &file)
{
    return m_writer.setFile(file.path, file.content);
}

Result<void> Story::put(const QList<RenderedFile> &files)
{
    for (const RenderedFile &file : files) {
        if (Result<void> r = put(file); !r)
            return r;
    }
    return Result<void>::success();
}

Result<git_oid> Story::writeCommit(const Person &author, qint64 time, const QString &message,
                                   const QList<git_oid> &parents)
{
    const Git::Signature signature{author.name, author.email, time, author.offsetMinutes};
    return m_writer.commit(parents, signature, signature, message);
}

Result<void> Story::commit(const Person &author, const QString &message)
{
    const bool onBranch = m_branchTip.has_value();
    QList<git_oid> parents;
    if (onBranch)
        parents.append(*m_branchTip);
    else if (m_emitted > 0)
        parents.append(m_head);
    const qint64 time = now();
    Result<git_oid> id = writeCommit(author, time, message, parents);
    if (!id)
        return id.error();
    // Open branches never reach main, so they stay out of the ledger.
    if (!m_sideTime)
        m_ledger.recordCommit(m_world, {Git::toHex(*id), author.name, author.email, time});
    if (onBranch)
        m_branchTip = *id;
    else
        m_head = *id;
    m_lastMessage = message;
    for (const auto &[component, version] : std::as_const(m_newVersions)) {
        const QString tag = component + QStringLiteral("/v") + version.toString();
        if (!m_tagged.contains(tag)) {
            m_tagged.insert(tag);
            m_writer.addTag(tag, *id);
        }
    }
    m_newVersions.clear();
    if (m_sideTime)
        return Result<void>::success();
    ++m_emitted;
    return reportProgress();
}

Result<void> Story::reportProgress()
{
    const int step = qMax(1, m_options.commits / 200);
    if (m_progress && (m_emitted % step == 0 || m_emitted == m_options.commits)
        && !m_progress(m_emitted, m_progressTotal, QStringLiteral("Writing history")))
        return Error(QStringLiteral("Cancelled"));
    return Result<void>::success();
}

Result<void> Story::run()
{
    if (Result<void> r = writeInitialCommit(); !r)
        return r;
    int nextMerge = 0;
    while (m_emitted < m_options.commits) {
        const int room = available();
        if (room <= 0) {
            if (!m_rollbackDone) {
                const auto pending
                    = std::find_if(m_pending.cbegin(), m_pending.cend(),
                                   [](const Pending &p) { return p.kind == Pending::Rollback; });
                Result<bool> done(false);
                if (pending != m_pending.cend())
                    done = rollback();
                if (!done)
                    return done.error();
                if (!*done) {
                    if (Result<void> r = runRollbackScript(); !r)
                        return r;
                }
                continue;
            }
            m_fork = Fork{m_world, m_writer.tree(), m_head, m_times.at(m_emitted - 1)};
            if (Result<void> r = runTail(); !r)
                return r;
            break;
        }
        if (nextMerge < m_mergeSlots.size() && m_emitted >= m_mergeSlots.at(nextMerge)
            && room >= 2) {
            ++nextMerge;
            if (Result<void> r = runMergeRequest(qMin(m_random.between(1, 3), room - 1)); !r)
                return r;
            continue;
        }
        Result<bool> done = runPending();
        if (done && !*done)
            done = runRandomAction();
        if (!done)
            return done.error();
    }
    m_terraformFiles = m_writer.terraformFiles();
    m_writer.setBranch(QStringLiteral("main"), m_head);
    return writeOpenBranches();
}

Result<bool> Story::runPending()
{
    const qint64 t = clock();
    int best = -1;
    for (int i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).notBefore <= t
            && (best < 0 || m_pending.at(i).notBefore < m_pending.at(best).notBefore))
            best = i;
    }
    // A rollback cannot wait; everything else competes with the day's other work.
    for (int i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).kind == Pending::Rollback && m_pending.at(i).notBefore <= t)
            best = i;
    }
    if (best < 0 || (m_pending.at(best).kind != Pending::Rollback && !m_random.percent(55)))
        return false;
    const Pending pending = m_pending.takeAt(best);
    switch (pending.kind) {
    case Pending::Promote:
        return promote(pending.environment, pending.release, false);
    case Pending::Follow:
        return promote(pending.environment, m_world.environments.at(m_layout.prodEuIndex()).release,
                       true);
    case Pending::Rollback:
        return rollback();
    }
    return false;
}

Result<bool> Story::runRandomAction()
{
    enum Action {
        Dev,
        DevChart,
        Staging,
        Integration,
        Lock,
        Unlock,
        Approve,
        Module,
        Tweak,
        Pipeline,
        Readme
    };
    // QA approves about weekly and staging moves every few days: the longer either waited, the
    // likelier it happens next, so releases follow the calendar rather than the commit count.
    const qint64 t = clock();
    const qint64 sinceApproval = t - m_lastApproval;
    const qint64 sinceStaging = t - m_lastStagingBump;
    const int approveWeight = sinceApproval < 2 * SecondsPerDay   ? 0
                              : sinceApproval > 9 * SecondsPerDay ? 60
                                                                  : 8;
    const int stagingWeight = sinceStaging > 5 * SecondsPerDay ? 40 : 12;
    const QList<int> weights = {28, 4, stagingWeight, 3, 4, 5, approveWeight, 10, 7, 1, 1};
    for (int attempt = 0; attempt < 4; ++attempt) {
        Result<bool> done(false);
        switch (m_random.weighted(weights)) {
        case Dev:
            done = devBump();
            break;
        case DevChart:
            done = devThirdPartyBump();
            break;
        case Staging:
            done = stagingBump();
            break;
        case Integration:
            done = integrationBump();
            break;
        case Lock:
            done = lock();
            break;
        case Unlock:
            done = unlock();
            break;
        case Approve:
            done = approve();
            break;
        case Module:
            done = moduleEdit();
            break;
        case Tweak:
            done = environmentTweak();
            break;
        case Pipeline:
            done = pipelineEdit();
            break;
        default:
            done = readmeEdit();
            break;
        }
        if (!done || *done)
            return done;
    }
    return devBump(); // always applies
}

} // namespace EnvDeck::Demo
