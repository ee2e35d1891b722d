// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelines/LastRun.h"

#include "core/CacheDatabase.h"
#include "demo/DemoRepository.h"
#include "git/Repository.h"
#include "pipelines/DemoRuns.h"
#include "pipelines/PipelineCache.h"
#include "pipelines/PipelineJob.h"
#include "pipelines/PipelineSettings.h"
#include "repo/RepositoryConfig.h"

#include <QAtomicInteger>
#include <QDir>
#include <QObject>

#include <git2.h>

namespace EnvDeck::Pipelines {

namespace {

std::optional<PipelineRun> newestFor(const QList<PipelineRun> &runs, const QString &environment)
{
    // Newest first, as both sources keep them.
    for (const PipelineRun &run : runs) {
        if (run.environment == environment)
            return run;
    }
    return std::nullopt;
}

} // namespace

QString gitDirectoryOf(const QString &repositoryRoot)
{
    auto repository = Git::Repository::open(repositoryRoot);
    if (!repository)
        return QDir(repositoryRoot).filePath(QStringLiteral(".git"));
    return QDir::cleanPath(QString::fromUtf8(git_repository_path(repository->raw())));
}

LastRun lastRunFor(const QString &repositoryRoot, const QString &environment)
{
    LastRun last;
    if (Demo::isGeneratedDemo(repositoryRoot)) {
        auto runs = demoRuns(repositoryRoot);
        if (!runs) {
            last.note = runs.error().toString();
            return last;
        }
        last.demoData = true;
        last.run = newestFor(*runs, environment);
        if (!last.run)
            last.note = QObject::tr("No pipeline run deployed to %1 yet").arg(environment);
        return last;
    }
    auto config = RepositoryConfig::read(repositoryRoot);
    if (!config || !config->pipelines) {
        last.note = QObject::tr("No pipeline provider in .envdeck.yaml");
        return last;
    }
    auto source = pipelineSourceFrom(*config);
    if (!source) {
        last.note = source.error().toString();
        return last;
    }
    // One connection per call: callers run on worker threads.
    static QAtomicInteger<int> counter;
    PipelineCache cache(cacheDatabasePath(gitDirectoryOf(repositoryRoot)),
                        QStringLiteral("envdeck-last-run-%1").arg(counter.fetchAndAddRelaxed(1)));
    if (auto opened = cache.open(); !opened) {
        last.note = opened.error().toString();
        return last;
    }
    auto cached = cache.read(providerKey(source->provider));
    if (!cached) {
        last.note = cached.error().toString();
        return last;
    }
    last.refreshed = cached->refreshed;
    last.run = newestFor(cached->runs, environment);
    if (!last.run)
        last.note = cached->refreshed.isValid()
                        ? QObject::tr("No pipeline run deployed to %1 in the cached runs")
                              .arg(environment)
                        : QObject::tr("Pipeline runs were never read: open the Timelines tab "
                                      "to read them");
    return last;
}

} // namespace EnvDeck::Pipelines
