// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "forge/ForgeSettings.h"
#include "pipelines/PipelineJob.h"
#include "repo/RepositoryConfig.h"

namespace EnvDeck::Pipelines {

// The source `.envdeck.yaml` `pipelines:` describes, with the public service of the provider when
// no `url` is given (https://dev.azure.com, https://gitlab.com, https://api.github.com) and the
// repository's environment names for matching stages. An Error when the file names no usable
// source; the reasons, at file:line:column, are in config.problems.
Result<PipelineSource> pipelineSourceFrom(const RepositoryConfig &config);

// The pipelines of the repository's own forge, for repositories whose `.envdeck.yaml` has no
// `pipelines:` when the user chose so (setting "pipelines/fallback" = "forge"): a GitLab project,
// a GitHub owner/repository, an Azure DevOps organization and project, at the forge's API base.
// The local provider has no pipelines: an Error, as is a forge that names no project.
Result<PipelineSource> pipelineSourceFromForge(const Forge::ForgeSettings &forge,
                                               const QStringList &environments);

} // namespace EnvDeck::Pipelines
