// SPDX-License-Identifier: GPL-3.0-or-later
#include "git/KnownHosts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

namespace EnvDeck::Git::KnownHosts {

namespace {

// One entry of a comma-separated host list against the host as ssh names it.
bool entryMatches(QStringView entry, const QString &name)
{
    if (entry.startsWith(u"|1|")) {
        // Hashed: |1|base64(salt)|base64(HMAC-SHA1(salt, name))
        const auto parts = entry.mid(3).split(u'|');
        if (parts.size() != 2)
            return false;
        const QByteArray salt = QByteArray::fromBase64(parts[0].toLatin1());
        const QByteArray hash = QByteArray::fromBase64(parts[1].toLatin1());
        return QMessageAuthenticationCode::hash(name.toUtf8(), salt, QCryptographicHash::Sha1)
               == hash;
    }
    if (entry.contains(u'*') || entry.contains(u'?')) {
        // Anchored: "*.example.io" matches "git.example.io", not "git.example.io.evil".
        const QRegularExpression pattern(
            QRegularExpression::wildcardToRegularExpression(entry.toString()),
            QRegularExpression::CaseInsensitiveOption);
        return pattern.match(name).hasMatch();
    }
    return entry.compare(name, Qt::CaseInsensitive) == 0;
}

// True when the host list names `name`; a matching negated entry (!pattern) excludes it.
bool listMatches(QStringView list, const QString &name)
{
    bool matched = false;
    for (QStringView entry : list.split(u',', Qt::SkipEmptyParts)) {
        if (entry.startsWith(u'!')) {
            if (entryMatches(entry.mid(1), name))
                return false;
        } else if (entryMatches(entry, name)) {
            matched = true;
        }
    }
    return matched;
}

} // namespace

QString hostPattern(const QString &host, int port)
{
    if (port <= 0 || port == 22)
        return host;
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

QStringList defaultFiles()
{
    return {QDir::homePath() + QStringLiteral("/.ssh/known_hosts"),
            QStringLiteral("/etc/ssh/ssh_known_hosts")};
}

Check check(const QStringList &files, const QString &host, int port, const QString &keyType,
            const QByteArray &key)
{
    const QString name = hostPattern(host, port);
    Check mismatch;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        int number = 0;
        while (!file.atEnd()) {
            ++number;
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            QStringList fields
                = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            QString marker;
            if (!fields.isEmpty() && fields.first().startsWith(u'@'))
                marker = fields.takeFirst();
            if (fields.size() < 3 || marker == QStringLiteral("@cert-authority"))
                continue;
            if (!listMatches(fields[0], name))
                continue;
            const QByteArray listed = QByteArray::fromBase64(fields[2].toLatin1());
            if (marker == QStringLiteral("@revoked")) {
                if (listed == key)
                    return {Verdict::Mismatch, path, number};
                continue;
            }
            if (fields[1] != keyType)
                continue;
            if (listed == key)
                return {Verdict::Known, path, number};
            if (mismatch.verdict != Verdict::Mismatch)
                mismatch = {Verdict::Mismatch, path, number};
        }
    }
    return mismatch;
}

Result<void> add(const QString &path, const QString &host, int port, const QString &keyType,
                 const QByteArray &key)
{
    const QFileInfo info(path);
    if (!info.dir().exists()) {
        if (!QDir().mkpath(info.absolutePath()))
            return Error(QStringLiteral("Cannot create %1").arg(info.absolutePath()));
        QFile::setPermissions(info.absolutePath(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QFile file(path);
    if (!file.open(QIODevice::Append | QIODevice::Text))
        return Error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    // Start on a line of our own even when the file does not end with a newline.
    QByteArray line;
    if (file.size() > 0) {
        QFile reader(path);
        if (reader.open(QIODevice::ReadOnly) && reader.seek(reader.size() - 1)
            && reader.read(1) != "\n")
            line = "\n";
    }
    line += hostPattern(host, port).toUtf8() + ' ' + keyType.toLatin1() + ' ' + key.toBase64()
            + '\n';
    if (file.write(line) != line.size())
        return Error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace EnvDeck::Git::KnownHosts
