// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelines/DemoRuns.h"

#include "demo/Random.h"
#include "git/GitHandle.h"
#include "git/Repository.h"
#include "pipelines/PipelineLogging.h"
#include "repo/RepositoryConfig.h"

#include <git2.h>

#include <algorithm>

namespace EnvDeck::Pipelines {
namespace {

struct Folder
{
    QString environment;
    QString path;
};

// 64 bits of the commit id and the environment's name: the seed of one run's chances.
quint64 seedOf(const QString &commit, const QString &environment)
{
    quint64 seed = commit.left(16).toULongLong(nullptr, 16);
    for (const QChar c : environment) // FNV-1a: stable across runs, unlike qHash
        seed = (seed ^ c.unicode()) * 0x100000001B3ULL;
    return seed;
}

// The id of the tree entry at `path`, or a zero id when the path is missing.
git_oid entryId(git_tree *tree, const QString &path)
{
    git_oid id{};
    Git::TreeEntryHandle entry;
    if (tree && Git::call(entry, git_tree_entry_bypath, tree, path.toUtf8().constData()) == 0)
        git_oid_cpy(&id, git_tree_entry_id(entry.get()));
    return id;
}

QList<Folder> environmentFolders(const QString &workTree, git_repository *repository,
                                 git_tree *head)
{
    QList<Folder> folders;
    if (const Result<RepositoryConfig> config = RepositoryConfig::read(workTree); config) {
        for (const RepositoryConfig::EnvironmentEntry &entry : config->environments)
            folders.append({entry.name, entry.path});
    }
    if (!folders.isEmpty() || !head)
        return folders;
    Git::TreeEntryHandle entry;
    if (Git::call(entry, git_tree_entry_bypath, head, "environments") != 0)
        return folders;
    Git::TreeHandle environments;
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE
        || Git::call(environments, git_tree_lookup, repository, git_tree_entry_id(entry.get()))
               != 0)
        return folders;
    for (size_t i = 0; i < git_tree_entrycount(environments.get()); ++i) {
        const git_tree_entry *child = git_tree_entry_byindex(environments.get(), i);
        if (git_tree_entry_type(child) != GIT_OBJECT_TREE)
            continue;
        const QString name = Git::fromUtf8(git_tree_entry_name(child));
        folders.append({name, QStringLiteral("environments/") + name});
    }
    return folders;
}

// One run of `environment` for `commit`, starting at `start`; `fails` decides its result.
PipelineRun makeRun(const QString &commit, const QString &environment, const QDateTime &start,
                    bool fails, Demo::Random &random)
{
    PipelineRun run;
    run.provider = QStringLiteral("demo");
    run.name = QStringLiteral("deploy-") + environment;
    run.status = QStringLiteral("completed");
    run.branch = QStringLiteral("main");
    run.commit = commit;
    run.environment = environment;
    run.started = start;

    const bool planFails = fails && random.percent(40);
    PipelineStage plan{QStringLiteral("plan"),
                       environment,
                       QStringLiteral("completed"),
                       planFails ? QStringLiteral("failed") : QStringLiteral("succeeded"),
                       start,
                       start.addSecs(random.between(40, 150))};
    run.stages.append(plan);
    PipelineStage apply{QStringLiteral("apply"),   environment, QStringLiteral("completed"),
                        QStringLiteral("skipped"), {},          {}};
    run.finished = plan.finished;
    if (!planFails) {
        // Production applies wait for more resources and health checks.
        const int extra = environment.startsWith(u"prod") ? 180 : 0;
        apply.started = plan.finished.addSecs(random.between(5, 30));
        apply.finished = apply.started.addSecs(random.between(90, 420) + extra);
        apply.result = fails ? QStringLiteral("failed") : QStringLiteral("succeeded");
        run.finished = apply.finished;
    }
    run.stages.append(apply);
    run.result = fails ? QStringLiteral("failed") : QStringLiteral("succeeded");
    return run;
}

} // namespace

Result<QList<PipelineRun>> demoRuns(const QString &repositoryPath)
{
    Result<Git::Repository> repository = Git::Repository::open(repositoryPath);
    if (!repository)
        return repository.error().withContext(QStringLiteral("Cannot make the demo pipeline runs"));
    git_repository *raw = repository->raw();

    git_oid tip{};
    if (git_reference_name_to_id(&tip, raw, "refs/heads/main") != 0
        && git_reference_name_to_id(&tip, raw, "HEAD") != 0)
        return Git::lastError(QStringLiteral("Cannot make the demo pipeline runs: no main branch"));
    Git::CommitHandle tipCommit;
    Git::TreeHandle headTree;
    if (Git::call(tipCommit, git_commit_lookup, raw, &tip) != 0
        || Git::call(headTree, git_commit_tree, tipCommit.get()) != 0)
        return Git::lastError(QStringLiteral("Cannot read the tip of main"));
    const QList<Folder> folders = environmentFolders(repository->workTree(), raw, headTree.get());

    Git::RevwalkHandle walk;
    if (Git::call(walk, git_revwalk_new, raw) != 0)
        return Git::lastError(QStringLiteral("Cannot walk the history of main"));
    git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
    git_revwalk_simplify_first_parent(walk.get());
    if (git_revwalk_push(walk.get(), &tip) != 0)
        return Git::lastError(QStringLiteral("Cannot walk the history of main"));

    QList<PipelineRun> runs;
    git_oid id{};
    while (git_revwalk_next(&id, walk.get()) == 0) {
        Git::CommitHandle commit;
        Git::TreeHandle tree;
        if (Git::call(commit, git_commit_lookup, raw, &id) != 0
            || Git::call(tree, git_commit_tree, commit.get()) != 0)
            return Git::lastError(QStringLiteral("Cannot read commit %1").arg(Git::toHex(id)));
        // The root commit creates the repository; nothing is deployed from it.
        if (git_commit_parentcount(commit.get()) == 0)
            continue;
        Git::CommitHandle parent;
        Git::TreeHandle parentTree;
        if (Git::call(parent, git_commit_parent, commit.get(), 0u) != 0
            || Git::call(parentTree, git_commit_tree, parent.get()) != 0)
            return Git::lastError(
                QStringLiteral("Cannot read the parent of %1").arg(Git::toHex(id)));
        const QString hex = Git::toHex(id);
        const QDateTime committed
            = QDateTime::fromSecsSinceEpoch(qint64(git_commit_time(commit.get())), Qt::UTC);
        for (const Folder &folder : folders) {
            const git_oid now = entryId(tree.get(), folder.path);
            const git_oid before = entryId(parentTree.get(), folder.path);
            if (git_oid_is_zero(&now) || git_oid_equal(&now, &before))
                continue;
            Demo::Random random(seedOf(hex, folder.environment));
            const bool fails = random.percent(12);
            PipelineRun run = makeRun(hex, folder.environment,
                                      committed.addSecs(random.between(120, 540)), fails, random);
            runs.append(run);
            if (fails && random.percent(60)) {
                // Someone looked at the log and re-ran it: the fix-run on the same commit.
                const QDateTime retry = run.finished.addSecs(random.between(300, 2400));
                runs.append(makeRun(hex, folder.environment, retry, false, random));
            }
        }
    }
    std::stable_sort(runs.begin(), runs.end(), [](const PipelineRun &a, const PipelineRun &b) {
        return a.started < b.started;
    });
    for (int i = 0; i < runs.size(); ++i)
        runs[i].id = QString::number(i + 1);
    std::reverse(runs.begin(), runs.end());
    qCInfo(lcPipelines).noquote() << "demo data:" << runs.size() << "pipeline runs for"
                                  << folders.size() << "environments";
    return runs;
}

} // namespace EnvDeck::Pipelines
