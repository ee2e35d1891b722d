// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace EnvDeck {

// True for files that are not text: a NUL byte in the first 8 KiB, or a git-crypt header.
// Such files are skipped with a message instead of being parsed.
bool looksBinaryOrEncrypted(const QByteArray &head);

} // namespace EnvDeck
