// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace EnvDeck {

// What the window shows when no repository is open: what EnvDeck is, how to start, and the
// repositories opened recently.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    void setRecentRepositories(const QStringList &paths);

signals:
    void openRepositoryRequested();
    void openDemoRequested();
    void recentRepositoryRequested(const QString &path);

private:
    QLabel *m_recentTitle = nullptr;
    QWidget *m_recentList = nullptr;
    QVBoxLayout *m_recentLayout = nullptr;
};

} // namespace EnvDeck
