// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepositoryLoader.h"

#include "approval/Approval.h"
#include "core/Logging.h"
#include "demo/VersionSet.h"
#include "git/GitHandle.h"
#include "repo/EnvironmentDiscovery.h"
#include "repo/RepositoryConfig.h"
#include "repo/VersionsFileReader.h"
#include "terraform/TerraformModel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QPromise>
#include <QTimeZone>
#include <QtConcurrent>

#include <algorithm>

namespace EnvDeck {
namespace {

// History scanned for "last change" before giving up (keeps huge repositories responsive).
constexpr int MaxCommitsScanned = 100000;

void readEnvironmentFiles(const QString &root, const QString &versionsFile,
                          Environment &environment)
{
    const QDir folder(QDir(root).filePath(environment.path));
    if (!folder.exists()) {
        environment.problems.append(
            Error(QStringLiteral("the folder `%1` does not exist").arg(environment.path)));
        return;
    }

    const QStringList tfFiles = folder.entryList({QStringLiteral("*.tf")}, QDir::Files, QDir::Name);
    environment.terraformFiles = int(tfFiles.size());
    environment.terraform = Terraform::readRootModule(root, environment.path, environment.varsFile);
    environment.moduleCount = int(environment.terraform.modules.size());
    environment.problems.append(environment.terraform.problems);

    if (tfFiles.isEmpty())
        environment.moduleCount = countTerragruntUnits(folder.path());

    if (!folder.exists(versionsFile))
        return;
    environment.versionsFile = environment.path == u"."
                                   ? versionsFile
                                   : environment.path + QLatin1Char('/') + versionsFile;
    auto contents = readVersionsFile(folder.filePath(versionsFile), environment.versionsFile);
    if (!contents) {
        environment.problems.append(contents.error());
        return;
    }
    environment.components = contents->components;
    environment.problems.append(contents->problems);

    const ApprovalList approvals = readApprovals(root, environment.name);
    if (const Approval *approved = approvals.latestApproved()) {
        QMap<QString, QString> versions;
        for (const ComponentVersion &component : std::as_const(environment.components))
            versions.insert(component.name, component.version);
        environment.lastApproval = approved->id;
        environment.lastApprovalStale = approved->versionSetHash != versionSetHash(versions);
    }
}

CommitInfo commitInfo(git_commit *commit)
{
    CommitInfo info;
    info.id = Git::toHex(*git_commit_id(commit));
    info.summary = Git::fromUtf8(git_commit_summary(commit));
    if (const git_signature *author = git_commit_author(commit)) {
        info.authorName = Git::fromUtf8(author->name);
        info.authorEmail = Git::fromUtf8(author->email);
        info.authorTime
            = QDateTime::fromSecsSinceEpoch(author->when.time, QTimeZone(author->when.offset * 60));
    }
    return info;
}

// The id of the tree entry at `path` in `tree` ("." is the whole tree), or a zero id when it is
// absent.
git_oid entryId(git_tree *tree, const QByteArray &path)
{
    git_oid id{};
    if (path == ".") {
        git_oid_cpy(&id, git_tree_id(tree));
        return id;
    }
    Git::TreeEntryHandle entry;
    if (Git::call(entry, git_tree_entry_bypath, tree, path.constData()) == 0)
        git_oid_cpy(&id, git_tree_entry_id(entry.get()));
    return id;
}

// Finds, for each environment, the newest commit that changed its folder. A commit counts when
// its folder differs from every parent (merges that only bring in a branch's change are skipped,
// the branch commit is reported), as `git log -- <path>` does.
Result<void> findLastChanges(git_repository *repo, QList<Environment> &environments,
                             const RepositoryLoader::Progress &progress, int step, int steps)
{
    Git::RevwalkHandle walk;
    if (Git::call(walk, git_revwalk_new, repo) < 0)
        return Git::lastError(QStringLiteral("Cannot read the history"));
    git_revwalk_sorting(walk.get(), GIT_SORT_TIME);
    if (git_revwalk_push_head(walk.get()) < 0)
        return Git::lastError(QStringLiteral("Cannot read the history"));

    QList<QByteArray> paths;
    QList<int> pending;
    for (int i = 0; i < environments.size(); ++i) {
        // With one root module for several environments, what is the environment's own is its
        // .tfvars file.
        const Environment &environment = environments[i];
        paths.append(
            (environment.varsFile.isEmpty() ? environment.path : environment.varsFile).toUtf8());
        pending.append(i);
    }

    git_oid id;
    int scanned = 0;
    while (!pending.isEmpty() && scanned < MaxCommitsScanned
           && git_revwalk_next(&id, walk.get()) == 0) {
        ++scanned;
        if (progress && scanned % 500 == 0
            && !progress(step, steps, QStringLiteral("Reading history (%1 commits)").arg(scanned)))
            return Error(QStringLiteral("Loading cancelled"));

        Git::CommitHandle commit;
        Git::TreeHandle tree;
        if (Git::call(commit, git_commit_lookup, repo, &id) < 0
            || Git::call(tree, git_commit_tree, commit.get()) < 0)
            return Git::lastError(QStringLiteral("Cannot read commit %1").arg(Git::toShortHex(id)));

        const unsigned parentCount = git_commit_parentcount(commit.get());
        std::vector<Git::TreeHandle> parentTrees(parentCount);
        for (unsigned p = 0; p < parentCount; ++p) {
            Git::CommitHandle parent;
            if (Git::call(parent, git_commit_parent, commit.get(), p) < 0
                || Git::call(parentTrees[p], git_commit_tree, parent.get()) < 0)
                return Git::lastError(
                    QStringLiteral("Cannot read a parent of commit %1").arg(Git::toShortHex(id)));
        }

        for (auto it = pending.begin(); it != pending.end();) {
            const QByteArray &path = paths[*it];
            const git_oid current = entryId(tree.get(), path);
            bool changed = parentCount == 0 ? !git_oid_is_zero(&current) : true;
            for (unsigned p = 0; p < parentCount && changed; ++p) {
                const git_oid before = entryId(parentTrees[p].get(), path);
                if (git_oid_equal(&before, &current))
                    changed = false;
            }
            if (changed) {
                environments[*it].lastChange = commitInfo(commit.get());
                it = pending.erase(it);
            } else {
                ++it;
            }
        }
    }
    if (!pending.isEmpty() && scanned >= MaxCommitsScanned)
        qCInfo(lcRepo) << "Stopped looking for last changes after" << scanned << "commits";
    return {};
}

} // namespace

Result<RepositorySnapshot> RepositoryLoader::load(const QString &path, const Progress &progress,
                                                  History history)
{
    QElapsedTimer timer;
    timer.start();
    auto report = [&](int done, int total, const QString &step) {
        return !progress || progress(done, total, step);
    };

    if (path.trimmed().isEmpty())
        return Error(QStringLiteral("No repository path was given"));
    const QFileInfo info(path);
    if (!info.exists())
        return Error(QStringLiteral("'%1' does not exist").arg(QDir::toNativeSeparators(path)));
    if (!info.isDir())
        return Error(
            QStringLiteral("'%1' is a file, not a folder").arg(QDir::toNativeSeparators(path)));
    if (!info.isReadable() || !QDir(path).isReadable())
        return Error(QStringLiteral("'%1' cannot be read (permission denied)")
                         .arg(QDir::toNativeSeparators(path)));

    if (!report(0, 1, QStringLiteral("Opening repository")))
        return Error(QStringLiteral("Loading cancelled"));

    Git::RepositoryHandle repo;
    const QByteArray nativePath = QFile::encodeName(info.absoluteFilePath());
    int rc = Git::call(repo, git_repository_open_ext, nativePath.constData(), 0u, nullptr);
    if (rc == GIT_ENOTFOUND)
        return Error(
            QStringLiteral("'%1' is not a git repository").arg(QDir::toNativeSeparators(path)));
    if (rc < 0)
        return Git::lastError(QStringLiteral("Cannot open '%1' as a git repository")
                                  .arg(QDir::toNativeSeparators(path)));
    if (git_repository_is_bare(repo.get()))
        return Error(QStringLiteral("'%1' is a bare repository; open a clone with a work tree")
                         .arg(QDir::toNativeSeparators(path)));
    if (git_repository_head_unborn(repo.get()) == 1)
        return Error(QStringLiteral("'%1' has no commits yet").arg(QDir::toNativeSeparators(path)));

    RepositorySnapshot snapshot;
    snapshot.rootPath = QDir::cleanPath(QFile::decodeName(git_repository_workdir(repo.get())));

    Git::ReferenceHandle head;
    if (Git::call(head, git_repository_head, repo.get()) < 0)
        return Git::lastError(QStringLiteral("Cannot read HEAD"));
    if (git_reference_is_branch(head.get()))
        snapshot.branch = Git::fromUtf8(git_reference_shorthand(head.get()));
    Git::CommitHandle headCommit;
    if (Git::call(headCommit, git_commit_lookup, repo.get(), git_reference_target(head.get())) < 0)
        return Git::lastError(QStringLiteral("Cannot read the HEAD commit"));
    snapshot.head = commitInfo(headCommit.get());

    // Environments: what .envdeck.yaml states wins over what discovery guesses.
    QString versionsFile = QStringLiteral("versions.yaml");
    const QString configPath
        = QDir(snapshot.rootPath).filePath(QString::fromLatin1(RepositoryConfig::FileName));
    if (QFileInfo::exists(configPath)) {
        snapshot.hasConfig = true;
        auto config = RepositoryConfig::read(snapshot.rootPath);
        if (!config) {
            snapshot.problems.append(config.error());
        } else {
            versionsFile = config->versionsFile;
            snapshot.problems.append(config->problems);
            for (const auto &entry : config->environments) {
                Environment environment;
                environment.name = entry.name;
                environment.path = entry.path;
                environment.tier = entry.tier;
                environment.promotesFrom = entry.promotesFrom;
                environment.base = entry.base;
                environment.discoveredBy = QString::fromLatin1(RepositoryConfig::FileName);
                snapshot.environments.append(environment);
            }
        }
    }
    if (snapshot.environments.isEmpty()) {
        DiscoveryResult discovered = discoverEnvironments(snapshot.rootPath, versionsFile);
        snapshot.environments = discovered.environments;
        snapshot.problems.append(discovered.warnings);
        snapshot.discovery = discovered.summary;
    } else {
        snapshot.discovery = QString::fromLatin1(RepositoryConfig::FileName);
    }

    const int total = int(snapshot.environments.size()) + 2;
    for (int i = 0; i < snapshot.environments.size(); ++i) {
        Environment &environment = snapshot.environments[i];
        if (!report(i + 1, total, QStringLiteral("Reading %1").arg(environment.name)))
            return Error(QStringLiteral("Loading cancelled"));
        readEnvironmentFiles(snapshot.rootPath, versionsFile, environment);
    }

    if (!report(total - 1, total, QStringLiteral("Reading history")))
        return Error(QStringLiteral("Loading cancelled"));
    if (history == History::Read) {
        if (auto changes
            = findLastChanges(repo.get(), snapshot.environments, progress, total - 1, total);
            !changes) {
            if (changes.error().message() == u"Loading cancelled")
                return changes.error();
            snapshot.problems.append(changes.error());
        }
    }

    report(total, total, QStringLiteral("Done"));
    qCInfo(lcRepo).noquote() << "Loaded" << snapshot.rootPath << "with"
                             << snapshot.environments.size() << "environments in" << timer.elapsed()
                             << "ms";
    return snapshot;
}

QFuture<Result<RepositorySnapshot>> RepositoryLoader::loadAsync(const QString &path)
{
    return QtConcurrent::run([path](QPromise<Result<RepositorySnapshot>> &promise) {
        auto result = load(path, [&promise](int done, int total, const QString &step) {
            promise.setProgressRange(0, total);
            promise.setProgressValueAndText(done, step);
            return !promise.isCanceled();
        });
        if (!promise.isCanceled())
            promise.addResult(std::move(result));
    });
}

} // namespace EnvDeck
