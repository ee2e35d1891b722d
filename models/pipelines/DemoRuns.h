// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "pipelines/PipelineRun.h"

#include <QList>
#include <QString>

namespace EnvDeck::Pipelines {

// DEMO DATA, NOT FROM ANY CI SERVER. Every view that shows these runs must label them as demo
// data (their provider is "demo" and their url is empty, so nothing links to a real page).
//
// A run history consistent with a repository's commits, for the demo repository (models/demo):
// one "deploy-<environment>" run per commit on main's first-parent line that changed an
// environment's folder (the folders of `.envdeck.yaml` `environments:`, else the folders under
// environments/), started a few minutes after the commit. Durations and failures are drawn from a
// generator seeded by the commit id and the environment, so the same repository gives the same
// runs on every machine. Some failures are followed by a fix-run on the same commit. Runs have a
// "plan" and an "apply" stage; a failed plan skips the apply. Newest first; ids count up from 1
// in the order the runs started.
Result<QList<PipelineRun>> demoRuns(const QString &repositoryPath);

} // namespace EnvDeck::Pipelines
