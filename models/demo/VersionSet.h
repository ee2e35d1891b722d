// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>

namespace EnvDeck {

// The fingerprint of an environment's exact version set, as QA approvals record it
// (`version_set_hash:` in approvals/<environment>/*.yaml): SHA-256 over the lines
// "name=version\n" sorted by name, written "sha256:<64 lowercase hex digits>". Any change to any
// component's version changes it, which is how a stale approval is recognised.
QString versionSetHash(const QMap<QString, QString> &componentToVersion);

} // namespace EnvDeck
