// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogLogging.h"

Q_LOGGING_CATEGORY(lcCatalog, "envdeck.catalog", QtInfoMsg)
