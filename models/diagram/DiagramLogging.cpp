// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/DiagramLogging.h"

Q_LOGGING_CATEGORY(lcDiagram, "envdeck.diagram", QtInfoMsg)
