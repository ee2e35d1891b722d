// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecentRepositories.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace EnvDeck {

static QString normalized(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

RecentRepositories::RecentRepositories(QObject *parent)
    : QObject(parent)
{}

QString RecentRepositories::settingsKey()
{
    return QStringLiteral("recentRepositories");
}

QStringList RecentRepositories::paths() const
{
    QStringList paths = QSettings().value(settingsKey()).toStringList();
    paths.removeAll(QString());
    paths.removeDuplicates();
    return paths.mid(0, MaxCount);
}

void RecentRepositories::add(const QString &path)
{
    const QString entry = normalized(path);
    QStringList list = paths();
    list.removeAll(entry);
    list.prepend(entry);
    store(list.mid(0, MaxCount));
}

void RecentRepositories::remove(const QString &path)
{
    QStringList list = paths();
    if (list.removeAll(normalized(path)) > 0)
        store(list);
}

void RecentRepositories::clear()
{
    store({});
}

void RecentRepositories::store(const QStringList &paths)
{
    QSettings settings;
    if (paths.isEmpty())
        settings.remove(settingsKey());
    else
        settings.setValue(settingsKey(), paths);
    emit changed();
}

} // namespace EnvDeck
