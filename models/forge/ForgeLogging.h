// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The forge module's logging category, "envdeck.forge" (core/Logging.h routes it into spdlog like
// the others). Requests are logged as method and URL only: tokens travel in headers, which are
// never logged.
Q_DECLARE_LOGGING_CATEGORY(lcForge)
