// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The logging category of models/timeline ("envdeck.timeline").
Q_DECLARE_LOGGING_CATEGORY(lcTimeline)
