// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogCache.h"

#include "catalog/CatalogConfig.h"
#include "core/YamlSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace EnvDeck::CatalogCache {
namespace {

constexpr QLatin1String HeaderStart("# envdeck-cache: fetched ");
constexpr QLatin1String FromWord(" from ");

} // namespace

Result<void> write(const QString &absolutePath, const QByteArray &body, const QUrl &url,
                   const QDateTime &fetchedAt)
{
    const QString folder = QFileInfo(absolutePath).absolutePath();
    if (!QDir().mkpath(folder))
        return Error(QStringLiteral("cannot create the cache folder %1").arg(folder));
    QByteArray contents = body;
    // A byte order mark is only allowed at the very start of a YAML stream, which the header
    // line now takes.
    if (contents.startsWith("\xEF\xBB\xBF"))
        contents.remove(0, 3);
    const QString header = HeaderStart + fetchedAt.toUTC().toString(Qt::ISODate) + FromWord
                           + displayUrl(url) + QLatin1Char('\n');
    QSaveFile file(absolutePath);
    if (!file.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("cannot write the cache file %1: %2")
                         .arg(absolutePath, file.errorString()));
    file.write(header.toUtf8());
    file.write(contents);
    if (!file.commit())
        return Error(QStringLiteral("cannot write the cache file %1: %2")
                         .arg(absolutePath, file.errorString()));
    return {};
}

Result<Entry> read(const QString &absolutePath, const QString &displayPath)
{
    QFile file(absolutePath);
    if (!file.exists())
        return Error(QStringLiteral("no cache yet"), SourceLocation{displayPath});
    if (!file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read the cache: %1").arg(file.errorString()),
                     SourceLocation{displayPath});
    if (file.size() > Yaml::MaxFileSize)
        return Error(QStringLiteral("the cache file is too large"), SourceLocation{displayPath});
    Entry entry;
    entry.contents = file.readAll();
    const qsizetype newline = entry.contents.indexOf('\n');
    const QString header = QString::fromUtf8(entry.contents.left(newline < 0 ? 0 : newline));
    if (header.startsWith(HeaderStart)) {
        const QString rest = header.mid(HeaderStart.size());
        const qsizetype from = rest.indexOf(FromWord);
        entry.fetchedAt = QDateTime::fromString(rest.left(from), Qt::ISODate).toUTC();
        if (from >= 0)
            entry.url = QUrl(rest.mid(from + FromWord.size()).trimmed());
    }
    // A cache put there by hand (or by helm) has no header: its modification time is the best
    // guess of when its contents were current.
    if (!entry.fetchedAt.isValid())
        entry.fetchedAt = QFileInfo(file).lastModified().toUTC();
    return entry;
}

QString describeAge(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1 min").arg(seconds / 60);
    if (seconds < 2 * 86400)
        return QStringLiteral("%1 h").arg(seconds / 3600);
    return QStringLiteral("%1 days").arg(seconds / 86400);
}

} // namespace EnvDeck::CatalogCache
