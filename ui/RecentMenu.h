// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace EnvDeck {

class RecentRepositories;

// File ▸ Open Recent: the recent repositories, numbered, with the ones that no longer exist
// disabled, and "Clear Recent". Rebuilt whenever the list changes and each time it opens.
class RecentMenu : public QMenu
{
    Q_OBJECT

public:
    RecentMenu(RecentRepositories *recent, QWidget *parent = nullptr);

    void rebuild();

signals:
    void openRequested(const QString &path);

private:
    RecentRepositories *m_recent = nullptr;
    QAction *m_clearAction = nullptr;
};

} // namespace EnvDeck
