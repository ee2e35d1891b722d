// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The pipelines module's logging category, "envdeck.pipelines". Requests themselves are logged by
// the forge transport (envdeck.forge) as method and URL only; tokens are never logged.
Q_DECLARE_LOGGING_CATEGORY(lcPipelines)
