// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "pipelines/PipelineJob.h"
#include "repo/RepositoryConfig.h"

namespace EnvDeck::Pipelines {

// The source `.envdeck.yaml` `pipelines:` describes, with the public service of the provider when
// no `url` is given (https://dev.azure.com, https://gitlab.com, https://api.github.com) and the
// repository's environment names for matching stages. An Error when the file names no usable
// source; the reasons, at file:line:column, are in config.problems.
Result<PipelineSource> pipelineSourceFrom(const RepositoryConfig &config);

} // namespace EnvDeck::Pipelines
