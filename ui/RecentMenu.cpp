// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecentMenu.h"

#include "RecentRepositories.h"
#include "ShortcutsDialog.h"

#include <QDir>
#include <QFileInfo>

namespace EnvDeck {

RecentMenu::RecentMenu(RecentRepositories *recent, QWidget *parent)
    : QMenu(tr("Open &Recent"), parent)
    , m_recent(recent)
{
    setObjectName(QStringLiteral("recentMenu"));
    setToolTipsVisible(true);
    m_clearAction = new QAction(tr("&Clear Recent"), this);
    m_clearAction->setObjectName(QStringLiteral("actionClearRecent"));
    connect(m_clearAction, &QAction::triggered, m_recent, &RecentRepositories::clear);
    connect(m_recent, &RecentRepositories::changed, this, &RecentMenu::rebuild);
    connect(this, &QMenu::aboutToShow, this, &RecentMenu::rebuild); // folders come and go
    rebuild();
}

void RecentMenu::rebuild()
{
    // Not QMenu::clear(): it would delete m_clearAction, which this menu owns.
    const QList<QAction *> old = actions();
    for (QAction *action : old) {
        removeAction(action);
        if (action != m_clearAction)
            action->deleteLater();
    }
    const QStringList paths = m_recent->paths();
    for (int i = 0; i < paths.size(); ++i) {
        const QString &path = paths.at(i);
        QString shown = QDir::toNativeSeparators(path);
        shown.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action = addAction(i < 9 ? tr("&%1 %2").arg(i + 1).arg(shown) : shown);
        action->setData(path);
        ShortcutsDialog::markAsListEntry(action);
        const bool exists = QFileInfo(path).isDir();
        action->setEnabled(exists);
        if (!exists)
            action->setToolTip(tr("%1 does not exist any more").arg(path));
        connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    if (paths.isEmpty()) {
        QAction *none = addAction(tr("No Recent Repositories"));
        none->setEnabled(false);
        ShortcutsDialog::markAsListEntry(none);
    }
    addSeparator();
    addAction(m_clearAction);
    m_clearAction->setEnabled(!paths.isEmpty());
}

} // namespace EnvDeck
