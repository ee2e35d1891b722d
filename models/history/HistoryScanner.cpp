// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/HistoryScanner.h"

#include "git/GitHandle.h"
#include "history/CommitScanner.h"
#include "history/HistoryCache.h"
#include "history/HistoryLogging.h"
#include "history/ResultCache.h"
#include "repo/RepositoryConfig.h"
#include "repo/RepositoryLoader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace EnvDeck::History {

namespace {

// The folders to watch: each environment EnvDeck finds in the work tree, with its versions file
// and its approvals folder. `names` maps each folder to the environment's name.
// The environments to follow. `.envdeck.yaml` names them when it has `environments:`: reading
// it takes a millisecond, where finding them by convention parses every root module (a second
// on a large repository), which would be most of a read from the cache.
Result<QList<Environment>> environmentsOf(const QString &workdir, HistoryCache *cache)
{
    // Reading .envdeck.yaml with the YAML parser costs more than the rest of a read from the
    // cache: the environments it names are kept by the hash of its bytes.
    QByteArray configHash;
    if (QFile file(QDir(workdir).filePath(QLatin1String(RepositoryConfig::FileName)));
        cache && file.open(QIODevice::ReadOnly)) {
        configHash = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
        if (auto known = ResultCache(cache->database()).loadEnvironments(configHash))
            return std::move(*known);
    }
    if (auto config = RepositoryConfig::read(workdir); config && !config->environments.isEmpty()) {
        QList<Environment> environments;
        for (const RepositoryConfig::EnvironmentEntry &entry : config->environments) {
            Environment environment;
            environment.name = entry.name;
            environment.path = entry.path;
            environment.versionsFile = entry.path.isEmpty() || entry.path == u"."
                                           ? config->versionsFile
                                           : entry.path + u'/' + config->versionsFile;
            environments.append(environment);
        }
        if (!configHash.isEmpty()) {
            if (auto stored
                = ResultCache(cache->database()).storeEnvironments(configHash, environments);
                !stored)
                qCWarning(lcHistory).noquote() << stored.error().toString();
        }
        return environments;
    }
    auto snapshot = RepositoryLoader::load(workdir, {}, RepositoryLoader::History::Skip);
    if (!snapshot)
        return snapshot.error();
    return snapshot->environments;
}

QList<Unit> watchedUnits(const QList<Environment> &environments, QHash<QString, QString> &names)
{
    QList<Unit> units;
    for (const Environment &environment : environments) {
        const QString key = environment.path.isEmpty() ? QStringLiteral(".") : environment.path;
        QString versions = environment.versionsFile;
        if (versions.isEmpty())
            versions = key == u"." ? QStringLiteral("versions.yaml")
                                   : key + QStringLiteral("/versions.yaml");
        units.append({key, versions, QStringLiteral("approvals/") + environment.name});
        names.insert(key, environment.name);
    }
    return units;
}

// Raised whenever the events a commit gives change meaning, so that a stored whole result of an
// older EnvDeck is not taken for a current one.
constexpr int ResultVersion = 3;

// What a whole stored result depends on besides the commits: the tip and the environments
// followed, with the names they are shown under.
QString resultKey(const git_oid &tip, const QList<Unit> &units,
                  const QHash<QString, QString> &names)
{
    QStringList parts{QString::number(ResultVersion), Git::toHex(tip)};
    for (const Unit &unit : units)
        parts << unit.key + u'|' + unit.versionsPath + u'|' + unit.approvalsPath + u'|'
                     + names.value(unit.key);
    return parts.join(u'\n');
}

bool sameUnit(const Unit &a, const Unit &b)
{
    return a.key == b.key && a.versionsPath == b.versionsPath && a.approvalsPath == b.approvalsPath;
}

// Commits reachable from `tip`, parents before children (a DFS post-order over `commits`).
// Returns false when some commit or parent is missing from `commits`.
bool topologicalOrder(const QHash<QString, ScannedCommit> &commits, const QString &tip,
                      QStringList &order)
{
    QSet<QString> seen;
    QList<std::pair<const ScannedCommit *, qsizetype>> stack;
    auto enter = [&](const QString &id) {
        const auto it = commits.constFind(id);
        if (it == commits.cend())
            return false;
        seen.insert(id);
        stack.append({&*it, 0});
        return true;
    };
    if (!enter(tip))
        return false;
    while (!stack.isEmpty()) {
        auto &[commit, next] = stack.last();
        if (next < commit->parents.size()) {
            const QString &parent = commit->parents[next++];
            if (!seen.contains(parent) && !enter(parent))
                return false;
            continue;
        }
        order.append(commit->id);
        stack.removeLast();
    }
    return true;
}

struct Walk
{
    QList<git_oid> commits; // newest first, children before parents
};

Result<Walk> newCommits(git_repository *repository, const git_oid &tip,
                        const QHash<QString, ScannedCommit> &cached)
{
    Git::RevwalkHandle walk;
    if (Git::call(walk, git_revwalk_new, repository) < 0)
        return Git::lastError(QStringLiteral("Cannot walk the history"));
    git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL);
    if (git_revwalk_push(walk.get(), &tip) < 0)
        return Git::lastError(QStringLiteral("Cannot walk the history"));
    // The cache holds whole ancestries, so hiding the cached commits no cached commit descends
    // from hides all of them.
    QSet<QString> parentsOfCached;
    for (const ScannedCommit &commit : cached)
        for (const QString &parent : commit.parents)
            parentsOfCached.insert(parent);
    for (const ScannedCommit &commit : cached) {
        if (parentsOfCached.contains(commit.id))
            continue;
        git_oid id;
        const QByteArray hex = commit.id.toLatin1();
        if (git_oid_fromstr(&id, hex.constData()) < 0 || git_revwalk_hide(walk.get(), &id) < 0)
            qCDebug(lcHistory) << "cached commit no longer in the repository:" << commit.id;
    }
    Walk result;
    git_oid id;
    while (git_revwalk_next(&id, walk.get()) == 0)
        result.commits.append(id);
    return result;
}

Result<HistoryResult> scanRepository(git_repository *repository, const QString &workdir,
                                     const git_oid &tip, const ScanOptions &options,
                                     bool trustCache)
{
    std::unique_ptr<HistoryCache> cache;
    if (options.useCache) {
        auto opened = HistoryCache::open(QFile::decodeName(git_repository_path(repository)));
        if (!opened)
            qCWarning(lcHistory).noquote() << opened.error().toString();
        else
            cache = std::move(opened.value());
    }

    auto environments = environmentsOf(workdir, cache.get());
    if (!environments)
        return environments.error().withContext(QStringLiteral("Cannot find the environments"));
    QHash<QString, QString> names;
    const QList<Unit> current = watchedUnits(environments.value(), names);

    HistoryCache::Contents cached;
    if (cache) {
        {
            if (trustCache) {
                // HEAD has not moved since the last read: the whole result is stored.
                if (auto stored
                    = ResultCache(cache->database()).load(resultKey(tip, current, names))) {
                    stored->commitsScanned = 0;
                    return std::move(*stored);
                }
            }
            auto loaded = cache->load();
            const bool usable
                = loaded && trustCache
                  && std::all_of(current.cbegin(), current.cend(), [&](const Unit &unit) {
                         return std::any_of(loaded->units.cbegin(), loaded->units.cend(),
                                            [&](const Unit &c) { return sameUnit(unit, c); });
                     });
            if (usable) {
                cached = std::move(loaded.value());
            } else if (auto cleared = cache->clear(); !cleared) {
                qCWarning(lcHistory).noquote() << cleared.error().toString();
                cache.reset();
            } else if (auto forgotten = ResultCache(cache->database()).clear(); !forgotten) {
                qCWarning(lcHistory).noquote() << forgotten.error().toString();
            }
        }
    }

    CommitScanner scanner(repository);
    scanner.setUnits(current + cached.units);
    scanner.addRenames(cached.renames);

    auto walk = newCommits(repository, tip, cached.commits);
    if (!walk)
        return walk.error();
    const int total = int(walk->commits.size());
    if (options.progress && !options.progress(0, total))
        return Error(QStringLiteral("Cancelled"));

    std::vector<Git::CommitHandle> commits(walk->commits.size());
    for (size_t i = 0; i < commits.size(); ++i) {
        if (Git::call(commits[i], git_commit_lookup, repository, &walk->commits[qsizetype(i)]) < 0)
            return Git::lastError(QStringLiteral("Cannot read a commit"));
    }

    // Renames first, over every new commit: a branch that still edits the old folder may come
    // before the rename in the walk. Repeat while the renames found name more folders to follow.
    QList<RenameRecord> renames;
    for (qsizetype watched = -1; watched != scanner.units().size();) {
        watched = scanner.units().size();
        for (const Git::CommitHandle &commit : commits) {
            auto found = scanner.detectRenames(commit.get());
            if (!found)
                return found.error();
            for (const RenameRecord &rename : found.value()) {
                const bool known
                    = std::any_of(renames.cbegin(), renames.cend(), [&](const auto &r) {
                          return r.commit == rename.commit && r.from == rename.from
                                 && r.to == rename.to;
                      });
                if (!known)
                    renames.append(rename);
            }
        }
    }

    QList<ScannedCommit> scanned;
    scanned.reserve(total);
    for (const Git::CommitHandle &commit : commits) {
        auto read = scanner.scan(commit.get());
        if (!read)
            return read.error();
        scanned.append(std::move(read.value()));
        if (options.progress && !options.progress(int(scanned.size()), total))
            return Error(QStringLiteral("Cancelled"));
    }

    if (cache && (!scanned.isEmpty() || !renames.isEmpty())) {
        if (auto stored = cache->store(scanned, renames, scanner.units()); !stored)
            qCWarning(lcHistory).noquote() << stored.error().toString();
    }

    QHash<QString, ScannedCommit> all = std::move(cached.commits);
    for (ScannedCommit &commit : scanned)
        all.insert(commit.id, std::move(commit));
    QStringList order;
    if (!topologicalOrder(all, Git::toHex(tip), order)) {
        if (trustCache && cache) {
            qCWarning(lcHistory) << "the history cache misses commits; reading everything again";
            cache.reset();
            return scanRepository(repository, workdir, tip, options, false);
        }
        return Error(QStringLiteral("The history of %1 is incomplete").arg(Git::toHex(tip)));
    }
    QHash<QString, int> position;
    for (int i = 0; i < order.size(); ++i)
        position.insert(order[i], i);

    // Renames in reachable commits: old folder -> new folder, followed forward to today's name.
    QHash<QString, QString> renamedTo;
    for (const RenameRecord &rename : cached.renames + renames) {
        if (position.contains(rename.commit))
            renamedTo.insert(rename.from, rename.to);
    }
    auto environmentName = [&](QString key) {
        for (int steps = 0; steps < 64 && renamedTo.contains(key); ++steps)
            key = renamedTo.value(key);
        const auto name = names.constFind(key);
        return name != names.cend() ? *name : key.mid(key.lastIndexOf(u'/') + 1);
    };

    // Merge requests of merges reach the commits they bring in; the oldest merge wins, so a
    // feature branch's merge keeps its commits when a release branch is merged later.
    QHash<QString, QString> broughtBy;
    for (const QString &id : std::as_const(order)) {
        const ScannedCommit &commit = all[id];
        for (const QString &brought : commit.broughtIn) {
            if (!broughtBy.contains(brought))
                broughtBy.insert(brought, commit.mergeRequest);
        }
    }

    HistoryResult result;
    result.commitsScanned = total;
    result.commitsTotal = int(order.size());
    QList<std::pair<int, DeploymentEvent>> events;
    for (const QString &id : std::as_const(order)) {
        const ScannedCommit &commit = all[id];
        const QString mergeRequest
            = commit.mergeRequest.isEmpty() ? broughtBy.value(id) : commit.mergeRequest;
        for (DeploymentEvent event : commit.events) {
            event.environment = environmentName(event.environment);
            event.commit = commit.id;
            event.author = commit.author;
            event.authorEmail = commit.authorEmail;
            event.date = commit.date;
            event.mergeRequest = mergeRequest;
            events.append({position.value(id), event});
        }
        result.problems.append(commit.problems);
    }
    std::stable_sort(events.begin(), events.end(), [](const auto &a, const auto &b) {
        const DeploymentEvent &x = a.second;
        const DeploymentEvent &y = b.second;
        if (x.date != y.date)
            return x.date < y.date;
        if (a.first != b.first)
            return a.first < b.first;
        if (x.environment != y.environment)
            return x.environment < y.environment;
        if (x.component != y.component)
            return x.component < y.component;
        return int(x.kind) < int(y.kind);
    });
    result.events.reserve(events.size());
    for (auto &entry : events)
        result.events.append(std::move(entry.second));
    qCDebug(lcHistory) << "history:" << result.events.size() << "events," << total << "of"
                       << result.commitsTotal << "commits read from Git";
    if (cache) {
        if (auto stored
            = ResultCache(cache->database()).store(resultKey(tip, current, names), result);
            !stored)
            qCWarning(lcHistory).noquote() << stored.error().toString();
    }
    return result;
}

} // namespace

QString mergeRequestFromMessage(const QString &message)
{
    static const QRegularExpression gitLab(QStringLiteral("See merge request [^\\s!]*!(\\d+)"));
    static const QRegularExpression azure(QStringLiteral("^Merged PR (\\d+):"),
                                          QRegularExpression::MultilineOption);
    static const QRegularExpression gitHub(QStringLiteral("^Merge pull request #(\\d+)"),
                                           QRegularExpression::MultilineOption);
    static const QRegularExpression local(QStringLiteral("^Local merge request (\\d+)\\b"),
                                          QRegularExpression::MultilineOption);
    if (const auto match = gitLab.match(message); match.hasMatch())
        return u'!' + match.captured(1);
    if (const auto match = azure.match(message); match.hasMatch())
        return QStringLiteral("PR ") + match.captured(1);
    if (const auto match = gitHub.match(message); match.hasMatch())
        return u'#' + match.captured(1);
    if (const auto match = local.match(message); match.hasMatch())
        return u'#' + match.captured(1);
    return {};
}

Result<HistoryResult> readHistory(const QString &repositoryPath, const ScanOptions &options)
{
    Git::RepositoryHandle repository;
    const QByteArray path = QFile::encodeName(repositoryPath);
    if (Git::call(repository, git_repository_open_ext, path.constData(), 0u, nullptr) < 0)
        return Git::lastError(QStringLiteral("Cannot open repository %1").arg(repositoryPath));
    const char *workdir = git_repository_workdir(repository.get());
    if (!workdir)
        return Error(
            QStringLiteral("%1 has no work tree to find the environments in").arg(repositoryPath));

    Git::ObjectHandle target;
    const QByteArray revision = options.revision.toUtf8();
    if (Git::call(target, git_revparse_single, repository.get(), revision.constData()) < 0)
        return Git::lastError(QStringLiteral("Cannot resolve %1").arg(options.revision));
    Git::ObjectHandle commit;
    if (Git::call(commit, git_object_peel, target.get(), GIT_OBJECT_COMMIT) < 0)
        return Git::lastError(QStringLiteral("%1 is not a commit").arg(options.revision));
    const git_oid tip = *git_object_id(commit.get());
    return scanRepository(repository.get(), QDir::cleanPath(QFile::decodeName(workdir)), tip,
                          options, true);
}

} // namespace EnvDeck::History
