// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/HistoryLogging.h"

Q_LOGGING_CATEGORY(lcHistory, "envdeck.history", QtInfoMsg)
