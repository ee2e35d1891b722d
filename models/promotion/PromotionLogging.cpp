// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotion/Promotion.h"

Q_LOGGING_CATEGORY(lcPromotion, "envdeck.promotion", QtInfoMsg)
