// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The catalog module's logging category, "envdeck.catalog" (core/Logging.h routes it into spdlog
// like the others). URLs are logged without user information, never with tokens.
Q_DECLARE_LOGGING_CATEGORY(lcCatalog)
