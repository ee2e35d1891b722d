// SPDX-License-Identifier: GPL-3.0-or-later
// The fixed scenes of the demo history: the import, merge requests, the rollback when chance did
// not bring one, the ending, and the merge requests still open at the end.
#include "History.h"

#include "demo/SupportFiles.h"
#include "demo/YamlRenderer.h"

#include <QDateTime>

namespace EnvDeck::Demo {

Result<void> Story::writeInitialCommit()
{
    QList<RenderedFile> files = {Yaml::envdeckConfig(m_layout), Support::readme(m_world),
                                 Support::gitignore(), Yaml::chartIndex(m_world)};
    files += Support::pipelineFiles(m_world);
    for (int e = 0; e < m_layout.environments.size(); ++e) {
        files += Terraform::environmentFiles(m_world, e);
        files += Yaml::versionsFile(m_world, e);
    }
    for (int m = 0; m < m_layout.modules.size(); ++m)
        files += Terraform::moduleFiles(m_world, m);

    // r1 was approved before the repository moved to Git; it is what production runs.
    Approval first;
    first.release = 1;
    first.time = m_times.first() - 3 * SecondsPerDay + 2 * SecondsPerHour;
    first.approvedBy
        = team().at(Priya).name + QStringLiteral(" <") + team().at(Priya).email + QLatin1Char('>');
    first.versions = m_world.versionSet(m_layout.stagingIndex());
    first.path = QStringLiteral("approvals/staging/")
                 + QDateTime::fromSecsSinceEpoch(first.time, Qt::UTC).toString(u"yyyy-MM-dd")
                 + QStringLiteral("-r1.yaml");
    first.checklist
        = {{QStringLiteral("Smoke tests green on staging"), QStringLiteral("passed"), {}},
           {QStringLiteral("Regression run R-100"), QStringLiteral("passed"), {}},
           {QStringLiteral("Release notes reviewed"), QStringLiteral("passed"),
            QStringLiteral("carried over from the release spreadsheet")}};
    m_world.approvals.append(first);
    m_lastStagingBump = 0;
    m_lastApproval = -3 * SecondsPerDay;
    files += Yaml::approvalFile(first);
    if (Result<void> r = put(files); !r)
        return r;

    for (const ComponentSpec &c : m_layout.components)
        m_newVersions.append({c.name, c.initial});
    const Person &author = team().at(Jonas);
    if (Result<void> r = commit(
            author, QStringLiteral("Import the platform infrastructure\n\n"
                                   "Environments, building blocks, pipelines and the r1 approval "
                                   "move here from the old deployment repository.\n"));
        !r)
        return r;
    m_releaseTagged.insert(1);
    const Git::Signature tagger{author.name, author.email, m_times.first(), author.offsetMinutes};
    return m_writer.addAnnotatedTag(QStringLiteral("release/r1"), m_head, tagger,
                                    QStringLiteral("Release r1\n\nRunning in production when the "
                                                   "repository was imported.\n"));
}

// The last TailCommits commits: a release reaches prod-eu (prod-us stays behind), then staging
// moves on and is approved again, so the repository ends with staging approved, ahead of
// production, and with a lock in place.
Result<void> Story::runTail()
{
    const auto must = [](Result<bool> done, auto fallback) -> Result<void> {
        if (!done)
            return done.error();
        if (*done)
            return Result<void>::success();
        Result<bool> instead = fallback();
        if (!instead)
            return instead.error();
        return Result<void>::success();
    };
    const auto anyModule = [this] { return moduleEdit(); };
    const QString first = unlockedCoreComponent();
    if (Result<void> r = must(devBump(first), anyModule); !r)
        return r;
    if (Result<void> r = must(stagingBump(first), anyModule); !r)
        return r;
    if (Result<void> r = must(approve(), anyModule); !r)
        return r;
    if (Result<void> r = must(moduleEdit(), anyModule); !r)
        return r;
    if (Result<void> r = must(environmentTweak(m_layout.devIndex()), anyModule); !r)
        return r;
    if (Result<void> r
        = must(promote(m_layout.prodEuIndex(), int(m_world.approvals.size()), false), anyModule);
        !r)
        return r;
    const QString second = unlockedCoreComponent();
    if (Result<void> r = must(devBump(second), anyModule); !r)
        return r;
    if (Result<void> r = must(stagingBump(second), anyModule); !r)
        return r;
    const bool locked = !m_world.environments.at(m_layout.stagingIndex()).locks.isEmpty();
    if (Result<void> r = must(locked ? readmeEdit() : lock(), anyModule); !r)
        return r;
    return must(approve(), anyModule);
}

// A release that goes wrong in prod-eu: used when the history reached its end without one.
Result<void> Story::runRollbackScript()
{
    const QString component = unlockedCoreComponent();
    const auto anyModule = [this] { return moduleEdit(); };
    QList<std::function<Result<bool>()>> steps = {
        [&] { return devBump(component); },
        [&] { return stagingBump(component); },
        [&] { return approve(); },
        [&] { return promote(m_layout.prodEuIndex(), int(m_world.approvals.size()), false); },
        [&] { return rollback(); },
    };
    for (const auto &step : steps) {
        Result<bool> done = step();
        if (done && !*done)
            done = anyModule();
        if (!done)
            return done.error();
    }
    if (!m_rollbackDone)
        return Error(QStringLiteral("The demo history could not place its rollback"));
    return Result<void>::success();
}

Result<void> Story::runMergeRequest(int branchCommits)
{
    const Person &author = person(m_random.percent(50) ? Role::Architect : Role::Platform);
    const int topic = m_random.weighted({60, 20, 20});
    int module = -1;
    if (topic == 0)
        module = m_random.percent(70) ? m_random.below(qMin(12, int(m_layout.modules.size())))
                                      : m_random.below(int(m_layout.modules.size()));
    const int env = m_random.percent(70) ? m_layout.devIndex() : m_layout.stagingIndex();

    QString title;
    m_branchTip = m_head;
    m_ledger.beginBranch();
    m_authorOverride = author;
    for (int i = 0; i < branchCommits; ++i) {
        const QString suggestion = QStringLiteral("Apply 1 suggestion(s) to 1 file(s)");
        Result<bool> done(false);
        if (topic == 0)
            done = moduleEdit(module, i == 0 ? QString() : suggestion);
        else if (topic == 1)
            done = environmentTweak(env);
        else
            done = pipelineEdit();
        if (!done)
            return done.error();
        if (!*done && !(done = moduleEdit(module)))
            return done.error();
        if (title.isEmpty())
            title = m_lastMessage;
    }
    m_authorOverride.reset();

    const QString branch = branchName(title);
    const int number = ++m_mergeRequest + m_random.below(3);
    m_mergeRequest = number;
    const QString message = QStringLiteral("Merge branch '%1' into 'main'\n\n%2\n\nSee merge "
                                           "request platform/infra!%3\n")
                                .arg(branch, title.section(u'\n', 0, 0))
                                .arg(number);
    // Merged by a reviewer, not by the author of the branch.
    const Person &merger = team().at(author.name == team().at(Jonas).name ? Tom : Jonas);
    const qint64 time = now();
    Result<git_oid> merge = writeCommit(merger, time, message, {m_head, *m_branchTip});
    if (!merge)
        return merge.error();
    m_ledger.recordMerge(m_world, {Git::toHex(*merge), merger.name, merger.email, time},
                         QStringLiteral("!") + QString::number(number));
    m_head = *merge;
    m_branchTip.reset();
    ++m_emitted;
    return reportProgress();
}

Result<void> Story::writeOpenBranches()
{
    if (!m_fork)
        return Result<void>::success();
    const Fork fork = *m_fork;
    const qint64 gap = qMax<qint64>(60, (m_times.last() - fork.time) / 6);
    // Two merge requests still open: changes to building blocks nobody touched on main since the
    // branches were cut, so they would still merge cleanly.
    QList<int> untouched;
    for (int m = 0; m < m_layout.modules.size(); ++m) {
        if (m_world.modules.at(m).edits == fork.world.modules.at(m).edits)
            untouched << m;
    }
    QList<int> preferred;
    for (int m : std::as_const(untouched)) {
        if (m < 12 && fork.world.modules.at(m).edits < Terraform::moduleOwnEdits(m_layout, m))
            preferred << m;
    }
    QList<int> &pool = preferred.size() >= 2 ? preferred : untouched;
    struct OpenBranch
    {
        int module;
        int commits;
    };
    QList<OpenBranch> branches;
    for (int i = 0; i < 2 && !pool.isEmpty(); ++i)
        branches.append({pool.takeAt(m_random.below(int(pool.size()))), 2 - i});
    qint64 time = fork.time;
    for (const OpenBranch &open : branches) {
        m_world = fork.world;
        m_writer.setTree(fork.tree);
        m_branchTip = fork.head;
        QString title;
        for (int i = 0; i < open.commits; ++i) {
            time += gap / 2;
            m_sideTime = time;
            Result<bool> done = moduleEdit(open.module);
            if (!done)
                return done.error();
            if (title.isEmpty())
                title = m_lastMessage;
        }
        m_writer.setBranch(branchName(title), *m_branchTip);
    }
    m_sideTime.reset();
    m_branchTip.reset();
    return Result<void>::success();
}

} // namespace EnvDeck::Demo
