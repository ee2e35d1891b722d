// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionSet.h"

#include <QCryptographicHash>

namespace EnvDeck {

QString versionSetHash(const QMap<QString, QString> &componentToVersion)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    // QMap iterates in key order; names are ASCII in practice, where that equals byte order.
    for (auto it = componentToVersion.cbegin(); it != componentToVersion.cend(); ++it)
        hash.addData(QByteArray(it.key().toUtf8() + '=' + it.value().toUtf8() + '\n'));
    return QStringLiteral("sha256:") + QString::fromLatin1(hash.result().toHex());
}

} // namespace EnvDeck
