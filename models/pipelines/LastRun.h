// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipelines/PipelineRun.h"

#include <QString>

#include <optional>

namespace EnvDeck::Pipelines {

// The newest pipeline run that deployed to an environment, as far as EnvDeck knows without going
// online: the demo's generated runs for the demo repository, else the runs cached by the last
// refresh of the repository's pipeline provider. QA sees it in the staging review.
struct LastRun
{
    std::optional<PipelineRun> run;
    bool demoData = false; // generated, not from a CI server: the view says so
    QDateTime refreshed;   // when the cache was refreshed; invalid for demo data
    QString note;          // why there is no run: no provider, never refreshed, unreadable cache
};

LastRun lastRunFor(const QString &repositoryRoot, const QString &environment);

// The repository's git folder (".git" of a work tree), where EnvDeck keeps its caches.
QString gitDirectoryOf(const QString &repositoryRoot);

} // namespace EnvDeck::Pipelines
