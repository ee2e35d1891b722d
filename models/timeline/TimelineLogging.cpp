// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/TimelineLogging.h"

Q_LOGGING_CATEGORY(lcTimeline, "envdeck.timeline", QtInfoMsg)
