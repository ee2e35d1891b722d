// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineLogging.h"

Q_LOGGING_CATEGORY(lcPipelines, "envdeck.pipelines", QtInfoMsg)
