// SPDX-License-Identifier: GPL-3.0-or-later
#include "ForgeLogging.h"

Q_LOGGING_CATEGORY(lcForge, "envdeck.forge", QtInfoMsg)
