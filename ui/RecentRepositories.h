// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

namespace EnvDeck {

// The repositories opened last, newest first, kept in QSettings under "recentRepositories".
class RecentRepositories : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxCount = 10;

    explicit RecentRepositories(QObject *parent = nullptr);

    QStringList paths() const;
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

    // The key the list lives under, for tests and settings migrations.
    static QString settingsKey();

signals:
    void changed();

private:
    void store(const QStringList &paths);
};

} // namespace EnvDeck
