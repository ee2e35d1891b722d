// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoRepository.h"

#include "core/Logging.h"
#include "demo/History.h"
#include "demo/Layout.h"
#include "demo/RepositoryWriter.h"
#include "git/GitHandle.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>

#include <limits>

namespace EnvDeck::Demo {
namespace {

QString absolute(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

bool isEmptyDirectory(const QString &path)
{
    return QDir(path).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System
                              | QDir::NoDotAndDotDot);
}

// Removes what generate() created, and nothing else: the origin, the work tree (or only its
// contents when the folder was there before, empty) and the parent folders it had to make.
class Cleanup
{
public:
    Cleanup(const QString &workTree, const QString &origin)
        : m_workTree(workTree)
        , m_origin(origin)
        , m_workTreeExisted(QFileInfo::exists(workTree))
    {
        for (QString dir = QFileInfo(workTree).absolutePath(); !QFileInfo::exists(dir);
             dir = QFileInfo(dir).absolutePath())
            m_createdParents.append(dir);
    }
    ~Cleanup()
    {
        if (m_armed)
            run();
    }
    void disarm() { m_armed = false; }

private:
    void run()
    {
        QDir(m_origin).removeRecursively();
        if (m_workTreeExisted) {
            QDir dir(m_workTree);
            const auto entries = dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System
                                                   | QDir::NoDotAndDotDot);
            for (const QFileInfo &entry : entries) {
                if (entry.isDir() && !entry.isSymLink())
                    QDir(entry.absoluteFilePath()).removeRecursively();
                else
                    QFile::remove(entry.absoluteFilePath());
            }
        } else {
            QDir(m_workTree).removeRecursively();
        }
        for (const QString &dir : std::as_const(m_createdParents)) {
            if (isEmptyDirectory(dir))
                QDir().rmdir(dir);
        }
        qCInfo(lcDemo, "Removed the partly written demo repository %s", qUtf8Printable(m_workTree));
    }

    QString m_workTree;
    QString m_origin;
    bool m_workTreeExisted;
    QStringList m_createdParents; // deepest first
    bool m_armed = true;
};

qint64 resolveEndTime(const QDateTime &endTime)
{
    if (endTime.isValid())
        return endTime.toSecsSinceEpoch();
    // The most recent 17:00 UTC that has passed: the history never ends in the future, and
    // everyone who generates the demo on the same day gets the same commits.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime end(now.date(), QTime(17, 0), Qt::UTC);
    if (end > now)
        end = end.addDays(-1);
    return end.toSecsSinceEpoch();
}

Result<void> cloneOrigin(const QString &origin, const QString &workTree)
{
    git_clone_options options = GIT_CLONE_OPTIONS_INIT;
    options.checkout_opts.checkout_strategy = GIT_CHECKOUT_SAFE;
    options.checkout_branch = "main";
    Git::RepositoryHandle clone;
    const QByteArray from = origin.toUtf8();
    const QByteArray to = workTree.toUtf8();
    if (Git::call(clone, git_clone, from.constData(), to.constData(), &options) < 0)
        return Git::lastError(QStringLiteral("Cannot clone %1 into %2").arg(origin, workTree));
    return Result<void>::success();
}

// Counts what really is in the clone: commits, merges and authors reachable from main, tags,
// and the folders and files of the checked-out tree.
Result<Summary> summarize(const QString &workTree, const QString &origin, int environments,
                          int terraformFiles)
{
    Git::RepositoryHandle repo;
    const QByteArray path = workTree.toUtf8();
    if (Git::call(repo, git_repository_open, path.constData()) < 0)
        return Git::lastError(QStringLiteral("Cannot open %1").arg(workTree));
    git_oid head;
    if (git_reference_name_to_id(&head, repo.get(), "refs/heads/main") < 0)
        return Git::lastError(QStringLiteral("Cannot read main in %1").arg(workTree));

    Summary summary;
    summary.workTree = workTree;
    summary.originPath = origin;
    summary.headId = Git::toHex(head);
    summary.environments = environments;
    summary.terraformFiles = terraformFiles;

    Git::RevwalkHandle walk;
    if (Git::call(walk, git_revwalk_new, repo.get()) < 0 || git_revwalk_push(walk.get(), &head) < 0)
        return Git::lastError(QStringLiteral("Cannot walk the history of %1").arg(workTree));
    QSet<QString> authors;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = 0;
    git_oid id;
    while (git_revwalk_next(&id, walk.get()) == 0) {
        Git::CommitHandle commit;
        if (Git::call(commit, git_commit_lookup, repo.get(), &id) < 0)
            return Git::lastError(QStringLiteral("Cannot read commit %1").arg(Git::toHex(id)));
        ++summary.commits;
        if (git_commit_parentcount(commit.get()) > 1)
            ++summary.merges;
        authors.insert(Git::fromUtf8(git_commit_author(commit.get())->email));
        first = qMin(first, qint64(git_commit_time(commit.get())));
        last = qMax(last, qint64(git_commit_time(commit.get())));
    }
    summary.authors = int(authors.size());
    summary.firstCommitTime = QDateTime::fromSecsSinceEpoch(first, Qt::UTC);
    summary.lastCommitTime = QDateTime::fromSecsSinceEpoch(last, Qt::UTC);

    git_strarray tags{};
    if (git_tag_list(&tags, repo.get()) < 0)
        return Git::lastError(QStringLiteral("Cannot list the tags of %1").arg(workTree));
    summary.tags = int(tags.count);
    for (size_t i = 0; i < tags.count; ++i)
        summary.releases += qstrncmp(tags.strings[i], "release/r", 9) == 0 ? 1 : 0;
    git_strarray_dispose(&tags);

    const QDir root(workTree);
    summary.modules = int(QDir(root.filePath(QStringLiteral("modules")))
                              .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                              .size());
    summary.approvals = int(QDir(root.filePath(QStringLiteral("approvals/staging")))
                                .entryList({QStringLiteral("*.yaml")}, QDir::Files)
                                .size());
    return summary;
}

bool isDemoRepository(const QString &directory)
{
    Git::RepositoryHandle repo;
    const QByteArray path = directory.toUtf8();
    if (Git::call(repo, git_repository_open_ext, path.constData(),
                  unsigned(GIT_REPOSITORY_OPEN_NO_SEARCH), nullptr)
        < 0) {
        git_error_clear();
        return false;
    }
    return !git_repository_is_bare(repo.get())
           && QFileInfo(directory + QStringLiteral("/.envdeck.yaml")).isFile()
           && QFileInfo(directory + QStringLiteral("/environments")).isDir();
}

// A bare repository whose main has a .envdeck.yaml: what generate() leaves as the origin.
bool isDemoOrigin(const QString &origin)
{
    Git::RepositoryHandle repo;
    const QByteArray path = origin.toUtf8();
    if (Git::call(repo, git_repository_open_bare, path.constData()) < 0) {
        git_error_clear();
        return false;
    }
    Git::ObjectHandle entry;
    if (Git::call(entry, git_revparse_single, repo.get(), "refs/heads/main:.envdeck.yaml") < 0) {
        git_error_clear();
        return false;
    }
    return true;
}

} // namespace

QString originPathFor(const QString &workTree)
{
    const QFileInfo info(absolute(workTree));
    return info.absolutePath() + QLatin1Char('/') + info.fileName() + QStringLiteral("-origin.git");
}

QString defaultLocation()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
           + QStringLiteral("/demo/infra");
}

Result<Summary> generate(const QString &directory, const Options &options, const Progress &progress)
{
    if (Result<void> valid = validateOptions(options); !valid)
        return valid.error();
    if (directory.trimmed().isEmpty())
        return Error(QStringLiteral("No folder given for the demo repository"));
    const QString workTree = absolute(directory);
    const QString origin = originPathFor(workTree);
    const QFileInfo target(workTree);
    if (target.exists() && (!target.isDir() || !isEmptyDirectory(workTree)))
        return Error(QStringLiteral("Cannot create the demo repository: %1 exists and is not an "
                                    "empty folder")
                         .arg(workTree));
    if (QFileInfo::exists(origin))
        return Error(QStringLiteral("Cannot create the demo repository: its origin %1 already "
                                    "exists")
                         .arg(origin));
    Result<Layout> layout = Layout::create(options);
    if (!layout)
        return layout.error();

    QElapsedTimer timer;
    timer.start();
    qCInfo(lcDemo,
           "Generating a demo repository in %s (seed %llu, %d environments, %d modules, "
           "%d components, %d commits)",
           qUtf8Printable(workTree), static_cast<unsigned long long>(options.seed),
           options.environments, options.modules, options.components, options.commits);

    Cleanup cleanup(workTree, origin);
    const int packUnits = qMax(1, options.commits / 10);
    const int total = options.commits + packUnits + 2;
    const auto report
        = [&](int done, const QString &step) { return !progress || progress(done, total, step); };
    if (!report(0, QStringLiteral("Creating the repository")))
        return Error(QStringLiteral("Cancelled"));

    int terraformFiles = 0;
    QList<History::DeploymentEvent> events;
    {
        Result<std::unique_ptr<RepositoryWriter>> writer = RepositoryWriter::create(origin);
        if (!writer)
            return writer.error();
        Story story(*layout, options, resolveEndTime(options.endTime), **writer, progress, total);
        if (Result<void> r = story.run(); !r)
            return r.error();
        terraformFiles = story.terraformFiles();
        events = story.events();
        const qint64 historyMs = timer.elapsed();
        if (!report(options.commits, QStringLiteral("Packing objects")))
            return Error(QStringLiteral("Cancelled"));
        const auto packProgress = [&](quint64 done, quint64 objects) {
            const int units = objects ? int(done * quint64(packUnits) / objects) : 0;
            return report(options.commits + units, QStringLiteral("Packing objects"));
        };
        if (Result<void> r = (*writer)->finish(packProgress); !r)
            return r.error();
        qCDebug(lcDemo, "History written in %lld ms, refs and pack in %lld ms", historyMs,
                timer.elapsed() - historyMs);
    }

    if (!report(options.commits + packUnits, QStringLiteral("Checking out the work tree")))
        return Error(QStringLiteral("Cancelled"));
    const qint64 cloneStart = timer.elapsed();
    if (Result<void> r = cloneOrigin(origin, workTree); !r)
        return r.error();
    qCDebug(lcDemo, "Cloned in %lld ms", timer.elapsed() - cloneStart);
    if (!report(total - 1, QStringLiteral("Counting")))
        return Error(QStringLiteral("Cancelled"));
    Result<Summary> summary
        = summarize(workTree, origin, int(layout->environments.size()), terraformFiles);
    if (!summary)
        return summary.error();
    summary->components = int(layout->components.size());
    summary->events = std::move(events);
    cleanup.disarm();
    report(total, QStringLiteral("Done"));
    qCInfo(lcDemo, "Demo repository ready in %lld ms: %d commits, %d merges, %d tags, %d .tf files",
           timer.elapsed(), summary->commits, summary->merges, summary->tags,
           summary->terraformFiles);
    return summary;
}

bool isGeneratedDemo(const QString &workTree)
{
    if (!isDemoRepository(workTree))
        return false;
    Git::RepositoryHandle repo;
    const QByteArray path = workTree.toUtf8();
    if (Git::call(repo, git_repository_open_ext, path.constData(),
                  unsigned(GIT_REPOSITORY_OPEN_NO_SEARCH), nullptr)
        < 0) {
        git_error_clear();
        return false;
    }
    Git::RemoteHandle remote;
    if (Git::call(remote, git_remote_lookup, repo.get(), "origin") < 0) {
        git_error_clear();
        return false;
    }
    const char *url = git_remote_url(remote.get());
    const QString origin = QFileInfo(QString::fromUtf8(url ? url : "")).canonicalFilePath();
    return !origin.isEmpty() && origin == QFileInfo(originPathFor(workTree)).canonicalFilePath()
           && isDemoOrigin(origin);
}

Result<QString> ensure(const QString &directory, const Progress &progress)
{
    const QString workTree = absolute(directory);
    if (isDemoRepository(workTree))
        return workTree;
    const QFileInfo target(workTree);
    if (target.exists() && (!target.isDir() || !isEmptyDirectory(workTree)))
        return Error(QStringLiteral("%1 exists but does not hold a demo repository").arg(workTree));

    const QString origin = originPathFor(workTree);
    if (QFileInfo::exists(origin)) {
        // The work tree was deleted but its origin is still there: clone it again.
        if (!isDemoOrigin(origin))
            return Error(
                QStringLiteral("%1 exists but is not the origin of a demo repository").arg(origin));
        qCInfo(lcDemo, "Cloning the demo repository again from %s", qUtf8Printable(origin));
        if (Result<void> r = cloneOrigin(origin, workTree); !r) {
            QDir(workTree).removeRecursively();
            return r.error();
        }
        return workTree;
    }
    Result<Summary> summary = generate(workTree, Options{}, progress);
    if (!summary)
        return summary.error();
    return summary->workTree;
}

} // namespace EnvDeck::Demo
