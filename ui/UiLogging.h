// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The logging category of ui/ ("envdeck.ui"); models/ declares its own in core/Logging.h.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
