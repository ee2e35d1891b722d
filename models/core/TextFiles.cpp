// SPDX-License-Identifier: GPL-3.0-or-later
#include "TextFiles.h"

namespace EnvDeck {

bool looksBinaryOrEncrypted(const QByteArray &head)
{
    return head.startsWith(QByteArrayLiteral("\0GITCRYPT")) || head.left(8192).contains('\0');
}

} // namespace EnvDeck
