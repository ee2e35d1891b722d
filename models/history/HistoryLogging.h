// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The deployment history module: the walk through Git and its SQLite cache.
Q_DECLARE_LOGGING_CATEGORY(lcHistory)
