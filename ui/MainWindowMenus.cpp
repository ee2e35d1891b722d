// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's actions and menus, and the dialogs only the menus open. Kept apart from
// MainWindow.cpp, which is long enough; every command of the window is reachable from here
// (tst_keyboard checks it).
#include "MainWindow.h"

#include "MergeRequestsController.h"
#include "MergeRequestsPanel.h"
#include "ReadOnlyMode.h"
#include "RecentMenu.h"
#include "RepositoryPage.h"
#include "ShortcutsDialog.h"
#include "TimelineTab.h"
#include "VersionMatrixView.h"
#include "diagram/DiagramEditor.h"
#include "diagram/DiagramPage.h"
#include "diagram/DiagramView.h"
#include "promotion/ReleaseController.h"
#include "settings/SettingsDialog.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>

namespace EnvDeck {

void MainWindow::createActions()
{
    const auto create
        = [this](const QString &name, const QString &text, const QKeySequence &shortcut = {}) {
              auto action = new QAction(text, this);
              action->setObjectName(name);
              action->setShortcut(shortcut);
              return action;
          };
    m_openAction = create(QStringLiteral("actionOpenRepository"), tr("&Open Repository…"),
                          QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a local clone of a Terraform repository"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseRepository);

    m_openDemoAction = create(QStringLiteral("actionOpenDemo"), tr("Open &Demo Repository"));
    m_openDemoAction->setStatusTip(tr("Create a demo repository on this computer and open it"));
    connect(m_openDemoAction, &QAction::triggered, this, &MainWindow::openDemo);

    m_reloadAction = create(QStringLiteral("actionReload"), tr("Re&load"), Qt::Key_F5);
    m_reloadAction->setStatusTip(tr("Read the repository from disk again"));
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reload);

    m_closeAction = create(QStringLiteral("actionCloseRepository"), tr("&Close Repository"),
                           QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeRepository);

    m_quitAction
        = create(QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_showEnvironmentsAction
        = create(QStringLiteral("actionShowEnvironments"), tr("&Environments Panel"));
    m_showEnvironmentsAction->setCheckable(true);
    m_showEnvironmentsAction->setChecked(true);
    connect(m_showEnvironmentsAction, &QAction::toggled, m_repositoryPage,
            &RepositoryPage::setEnvironmentPanelVisible);

    m_filterAction = create(QStringLiteral("actionFilterEnvironments"), tr("&Filter Environments"),
                            QKeySequence::Find);
    // Ctrl+F searches the diagram when it is shown, and filters the environments elsewhere.
    connect(m_filterAction, &QAction::triggered, this, [this] {
        if (m_repositoryPage->isDiagramShown()) {
            m_repositoryPage->diagramPage()->focusSearch();
            return;
        }
        m_showEnvironmentsAction->setChecked(true);
        m_repositoryPage->focusFilter();
    });

    m_reviewAction = create(QStringLiteral("actionReviewCommit"), tr("Review && &Commit…"),
                            QKeySequence(Qt::CTRL | Qt::Key_K));
    m_reviewAction->setStatusTip(
        tr("Commit the files EnvDeck changed, push them and open a merge request"));
    connect(m_reviewAction, &QAction::triggered, this, &MainWindow::reviewAndCommit);

    m_shortcutsAction = create(QStringLiteral("actionKeyboardShortcuts"),
                               tr("&Keyboard Shortcuts…"), QKeySequence::HelpContents);
    m_shortcutsAction->setStatusTip(tr("List every menu command with its shortcut"));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);

    m_aboutAction = create(QStringLiteral("actionAbout"), tr("&About EnvDeck"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = create(QStringLiteral("actionAboutQt"), tr("About &Qt"));
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    auto recentMenu = new RecentMenu(m_recent, file);
    connect(recentMenu, &RecentMenu::openRequested, this, &MainWindow::openRepository);
    file->addMenu(recentMenu);
    file->addAction(m_openDemoAction);
    file->addSeparator();
    file->addAction(m_reloadAction);
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    // The version matrix's editing actions; their shortcuts work while the matrix has focus.
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions(m_repositoryPage->versionMatrix()->editActions());
    // The diagram's edits; their shortcuts work while the diagram has focus.
    edit->addSeparator();
    edit->addActions(m_repositoryPage->diagramEditor()->actions());
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    // The platform's Preferences key where it has one (macOS, KDE); Ctrl+, elsewhere, as in
    // most Linux applications, since GNOME and Windows define none.
    const QList<QKeySequence> platformKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    preferences->setShortcut(platformKeys.isEmpty() ? QKeySequence(Qt::CTRL | Qt::Key_Comma)
                                                    : platformKeys.first());
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *git = menuBar()->addMenu(tr("&Git"));
    git->addAction(m_reviewAction);
    git->addSeparator();
    QAction *showMergeRequests = m_mergeRequestsDock->toggleViewAction();
    showMergeRequests->setText(tr("&Merge Requests Panel"));
    showMergeRequests->setObjectName(QStringLiteral("actionShowMergeRequests"));
    git->addAction(showMergeRequests);
    QAction *refreshMergeRequests = m_mergeRequestsPanel->refreshAction();
    refreshMergeRequests->setObjectName(QStringLiteral("actionRefreshMergeRequests"));
    refreshMergeRequests->setText(tr("Re&fresh Merge Requests"));
    refreshMergeRequests->setIconText(tr("Refresh"));
    // F5 reloads the repository everywhere in the window.
    refreshMergeRequests->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    refreshMergeRequests->setShortcutContext(Qt::WindowShortcut);
    git->addAction(refreshMergeRequests);
    m_mergeRequests->mergeAction()->setObjectName(QStringLiteral("actionMergeRequest"));
    git->addAction(m_mergeRequests->mergeAction());
    QAction *openMergeRequest = m_mergeRequestsPanel->openAction();
    openMergeRequest->setText(tr("&Open Merge Request in Browser"));
    openMergeRequest->setIconText(tr("Open in Browser"));
    git->addAction(openMergeRequest);

    QMenu *release = menuBar()->addMenu(tr("&Release"));
    release->setObjectName(QStringLiteral("menuRelease"));
    release->addAction(m_release->reviewAction());
    release->addSeparator();
    release->addAction(m_release->promoteAction());
    release->addAction(m_release->rollbackAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_showEnvironmentsAction);
    view->addAction(m_filterAction);
    QAction *showPending = m_pendingDock->toggleViewAction();
    showPending->setText(tr("&Pending Changes"));
    showPending->setObjectName(QStringLiteral("actionShowPendingChanges"));
    view->addAction(showPending);
    view->addSeparator();
    // The tool bar commands of the Diagram and Timelines tabs, so the keyboard reaches them.
    Diagram::DiagramPage *diagram = m_repositoryPage->diagramPage();
    QMenu *diagramMenu = view->addMenu(tr("&Diagram"));
    diagramMenu->setObjectName(QStringLiteral("menuDiagram"));
    diagramMenu->addActions({diagram->view()->zoomInAction(), diagram->view()->zoomOutAction(),
                             diagram->view()->fitAction()});
    diagramMenu->addSeparator();
    diagramMenu->addActions(
        {diagram->searchAction(), diagram->exportPngAction(), diagram->exportSvgAction()});

    QMenu *timelineMenu = view->addMenu(tr("&Timelines"));
    timelineMenu->setObjectName(QStringLiteral("menuTimelines"));
    TimelineTab *timeline = m_repositoryPage->timelineTab();
    if (auto refresh = timeline->findChild<QAction *>(QStringLiteral("actionRefreshTimelines"))) {
        timelineMenu->addAction(refresh);
        timelineMenu->addSeparator();
    }
    // TimelinePage::Chart's order: each chart tab's Export PNG and Export CSV.
    const QStringList charts{tr("&Release Timeline"), tr("&Pipeline Runs"),
                             tr("&Deployments per Week"), tr("D&ORA Metrics")};
    for (int chart = 0; chart < charts.size(); ++chart) {
        auto png = timeline->findChild<QAction *>(QStringLiteral("exportPng%1").arg(chart));
        auto csv = timeline->findChild<QAction *>(QStringLiteral("exportCsv%1").arg(chart));
        if (png && csv)
            timelineMenu->addMenu(charts.at(chart))->addActions({png, csv});
    }
    // They act on the repository page's tabs: nothing to do on the other pages.
    const auto enableTabMenus = [this, diagramMenu, timelineMenu] {
        const bool repository = currentPage() == Page::Repository;
        diagramMenu->menuAction()->setEnabled(repository);
        timelineMenu->menuAction()->setEnabled(repository);
    };
    connect(m_pages, &QStackedWidget::currentChanged, this, enableTabMenus);
    enableTabMenus();
    view->addSeparator();
    view->addAction(m_readOnly->toggleAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::showPreferences()
{
    auto dialog = new Settings::SettingsDialog(m_tokens, m_readOnly, m_path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showShortcuts()
{
    // Built anew from the menu bar each time, so it shows the menus as they are now.
    if (auto shown = findChild<ShortcutsDialog *>(); shown && shown->isVisible()) {
        shown->raise();
        shown->activateWindow();
        return;
    }
    auto dialog = new ShortcutsDialog(menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace EnvDeck
