// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QAbstractItemModel>
#include <QString>

namespace EnvDeck::Timeline {

// One CSV field per RFC 4180: quoted when it holds a comma, a double quote, CR or LF, with the
// double quotes doubled.
QString csvField(const QString &text);

// A table model as RFC 4180 CSV: a header line from the horizontal headers, then one line per
// row with the Qt::DisplayRole texts; lines end with CRLF.
QString toCsv(const QAbstractItemModel &model);

// toCsv() written to `path` as UTF-8; an Error names the file when it cannot be written.
Result<void> writeCsv(const QAbstractItemModel &model, const QString &path);

} // namespace EnvDeck::Timeline
