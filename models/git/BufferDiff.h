// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace EnvDeck::Git {

// The unified diff of two versions of one file's bytes, as `git diff` prints it for that file:
// "diff --git a/<path> b/<path>", the "index" line, "--- a/<path>", "+++ b/<path>" and hunks
// with 3 lines of context. Empty when the bytes are equal. Unsaved edits have no blob in any
// repository, so the diff is made from the buffers themselves (no repository is needed).
Result<QString> diffBuffers(const QByteArray &before, const QByteArray &after, const QString &path);

} // namespace EnvDeck::Git
