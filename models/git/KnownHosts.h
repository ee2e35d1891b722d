// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace EnvDeck::Git {

// OpenSSH's known_hosts files, read and extended by EnvDeck itself: libgit2 1.5 hands every SSH
// host key to the certificate callback as untrusted, so honouring known_hosts is ours to do.
// Understands plain and hashed (|1|salt|hash) host names, "[host]:port", comma-separated lists,
// wildcards (* and ?), negated patterns (!host), and the @revoked marker.
namespace KnownHosts {

enum class Verdict {
    Known,    // a line lists this host with exactly this key
    Unknown,  // no line lists this host with a key of this type
    Mismatch, // the host is listed with another key of the same type, or the key is revoked
};

struct Check
{
    Verdict verdict = Verdict::Unknown;
    QString file; // where the deciding line is
    int line = 0;
};

// `keyType` is "ssh-ed25519", "ecdsa-sha2-nistp256", ...; `key` the raw key blob (what the
// base64 field of a known_hosts line decodes to). `port` 22 means the plain host name.
Check check(const QStringList &files, const QString &host, int port, const QString &keyType,
            const QByteArray &key);

// ~/.ssh/known_hosts, then /etc/ssh/ssh_known_hosts.
QStringList defaultFiles();

// Appends "host keyType base64" (or "[host]:port …") to `file`, creating it and its folder
// (mode 0700) when missing: what ssh does when the user answers "yes".
Result<void> add(const QString &file, const QString &host, int port, const QString &keyType,
                 const QByteArray &key);

// The host name as a known_hosts line writes it: "host" for port 22, else "[host]:port".
QString hostPattern(const QString &host, int port);

} // namespace KnownHosts
} // namespace EnvDeck::Git
