// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The diagram module's category ("envdeck.diagram"): graph building, layout and the dot process.
Q_DECLARE_LOGGING_CATEGORY(lcDiagram)
