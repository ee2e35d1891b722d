// SPDX-License-Identifier: GPL-3.0-or-later
// The deployment history of a repository: EnvDeck's first scan (nothing cached) against
// `git log -p` over the same paths, alternating in one run, then reads from the cache, as JSON:
//   history_bench REPO [RUNS]
// RUNS = 0 reads only from the cache a previous run left, which is how the cached read is
// profiled on its own (valgrind --tool=callgrind --toggle-collect='*readHistory*').
// REPO is normally the benchmark-scale fixture (bench/make-fixture.sh: 20,000 commits).
#include "core/CacheDatabase.h"
#include "git/GitHandle.h"
#include "history/HistoryScanner.h"
#include "repo/RepositoryLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// `git log -p` over the paths the history reads, its output read and thrown away as a user's
// pipe would; milliseconds, or -1 when git fails.
double timeGitLog(const QString &repository, const QStringList &paths, qint64 *bytes)
{
    QProcess git;
    git.setWorkingDirectory(repository);
    QElapsedTimer timer;
    timer.start();
    git.start(QStringLiteral("git"),
              QStringList{QStringLiteral("log"), QStringLiteral("-p"), QStringLiteral("--no-color"),
                          QStringLiteral("--no-ext-diff"), QStringLiteral("--")}
                  + paths);
    *bytes = 0;
    while (git.waitForReadyRead(-1))
        *bytes += git.readAllStandardOutput().size();
    git.waitForFinished(-1);
    *bytes += git.readAllStandardOutput().size();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    return git.exitStatus() == QProcess::NormalExit && git.exitCode() == 0 ? ms : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    EnvDeck::Git::LibGit2 libgit2;
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    QTextStream err(stderr);
    if (arguments.size() < 2) {
        err << "usage: history_bench REPO [RUNS]\n";
        return 2;
    }
    const QString repository = QDir(arguments.at(1)).absolutePath();
    const int runs = arguments.size() > 2 ? qMax(0, arguments.at(2).toInt()) : 3;

    // The same paths for both: every environment's folder (versions file, .tf, .tfvars) and the
    // approvals.
    QStringList paths;
    if (runs > 0) {
        auto snapshot = EnvDeck::RepositoryLoader::load(repository, {},
                                                        EnvDeck::RepositoryLoader::History::Skip);
        if (!snapshot) {
            err << snapshot.error().toString() << '\n';
            return 2;
        }
        for (const EnvDeck::Environment &environment : snapshot->environments)
            paths << environment.path;
        paths << QStringLiteral("approvals");
    }
    const QString cache
        = EnvDeck::cacheDatabasePath(QDir(repository).filePath(QStringLiteral(".git")));

    std::vector<double> git;
    std::vector<double> first;
    qint64 gitBytes = 0;
    int events = 0;
    int commits = 0;
    for (int run = 0; run < runs; ++run) {
        const double gitMs = timeGitLog(repository, paths, &gitBytes);
        if (gitMs < 0) {
            err << "history_bench: git log failed\n";
            return 2;
        }
        git.push_back(gitMs);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(cache + suffix);
        QElapsedTimer timer;
        timer.start();
        auto history = EnvDeck::History::readHistory(repository);
        if (!history) {
            err << "history_bench: " << history.error().toString() << '\n';
            return 2;
        }
        first.push_back(double(timer.nsecsElapsed()) / 1e6);
        events = int(history->events.size());
        commits = history->commitsScanned;
    }
    std::vector<double> cached;
    int cachedScanned = -1;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto history = EnvDeck::History::readHistory(repository);
        if (!history) {
            err << "history_bench: " << history.error().toString() << '\n';
            return 2;
        }
        cached.push_back(double(timer.nsecsElapsed()) / 1e6);
        cachedScanned = history->commitsScanned;
    }

    if (runs == 0) {
        QTextStream(stdout) << QJsonDocument(
                                   QJsonObject{
                                       {QStringLiteral("cached_read_ms"), median(cached)},
                                       {QStringLiteral("cached_commits_scanned"), cachedScanned},
                                   })
                                   .toJson(QJsonDocument::Compact)
                            << '\n';
        return 0;
    }
    const double gitMs = median(git);
    const double firstMs = median(first);
    QTextStream(stdout) << QJsonDocument(
                               QJsonObject{
                                   {QStringLiteral("commits_scanned"), commits},
                                   {QStringLiteral("events"), events},
                                   {QStringLiteral("runs"), runs},
                                   {QStringLiteral("git_log_p_ms"), gitMs},
                                   {QStringLiteral("git_log_p_bytes"), gitBytes},
                                   {QStringLiteral("first_scan_ms"), firstMs},
                                   {QStringLiteral("ratio_first_scan_vs_git"), firstMs / gitMs},
                                   {QStringLiteral("cached_read_ms"), median(cached)},
                                   {QStringLiteral("cached_commits_scanned"), cachedScanned},
                               })
                               .toJson(QJsonDocument::Compact)
                        << '\n';
    return 0;
}
