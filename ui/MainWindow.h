// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/Environment.h"

#include <QMainWindow>
#include <QPointer>

#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QNetworkAccessManager;
class QStackedWidget;

namespace EnvDeck {

namespace Credentials {
class TokenStore;
}

class AboutDialog;
class MergeRequestsController;
class MergeRequestsPanel;
class PendingChangesPanel;
class PublishController;
class ReadOnlyMode;
class ReleaseController;
class ComponentTableModel;
class EnvironmentListModel;
class ErrorPage;
class LoadController;
class LoadingPage;
class RecentRepositories;
class RepositoryPage;
class WelcomePage;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page { Welcome, Loading, Error, Repository };
    Q_ENUM(Page)

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads the repository at `path` off the GUI thread. Whatever was loading before is cancelled
    // and its result ignored. The repository shown so far stays until the new one has loaded or
    // failed; cancelling the new load returns to it.
    void openRepository(const QString &path);
    // Generates the demo repository at Demo::defaultLocation() when needed, then opens it.
    void openDemo();
    void openDemoAt(const QString &directory);
    void reload();
    void closeRepository();
    void cancelLoading();
    void chooseRepository(); // File ▸ Open Repository…
    void showAbout();
    void showShortcuts(); // Help ▸ Keyboard Shortcuts (F1)
    void showPreferences(); // Edit ▸ Preferences… (Ctrl+,)
    // Git ▸ Review & Commit: the files EnvDeck saved, as a commit, a push and a merge request.
    void reviewAndCommit();

    // Read-only mode (View ▸ Read-only Mode, or envdeck --read-only): editing hidden.
    ReadOnlyMode *readOnlyMode() const { return m_readOnly; }
    // Release ▸ QA Review, Promote, Roll Back. QA Review stays in read-only mode, where QA works.
    ReleaseController *releaseController() const { return m_release; }

    PublishController *publishController() const { return m_publish; }
    MergeRequestsController *mergeRequestsController() const { return m_mergeRequests; }
    MergeRequestsPanel *mergeRequestsPanel() const { return m_mergeRequestsPanel; }
    QDockWidget *mergeRequestsDock() const { return m_mergeRequestsDock; }
    PendingChangesPanel *pendingChangesPanel() const { return m_pendingPanel; }
    QDockWidget *pendingChangesDock() const { return m_pendingDock; }

    EnvironmentListModel *environmentModel() const { return m_environmentModel; }
    ComponentTableModel *componentModel() const;
    // The snapshot on display, or null.
    const RepositorySnapshot *snapshot() const { return m_snapshot ? &*m_snapshot : nullptr; }
    // The repository shown, being loaded, or that failed to load; empty on the welcome page.
    QString repositoryPath() const { return m_path; }
    Page currentPage() const;
    bool isLoading() const;
    QString errorMessage() const;
    QString currentEnvironment() const;
    bool selectEnvironment(const QString &name);
    QStringList recentRepositories() const;

signals:
    void repositoryLoaded(const QString &path);
    void repositoryFailed(const QString &message);
    void loadingCancelled();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    enum class Attempt { None, Repository, Demo };

    void createPages();
    void createActions();
    void createMenus();
    void createStatusBar();
    void setUpReadOnlyMode(); // MainWindowReadOnly.cpp
    void restoreSettings();
    void saveSettings() const;

    void setPage(Page page);
    void onLoadStarted(bool demo, const QString &target);
    void onLoaded(const RepositorySnapshot &snapshot, qint64 elapsedMs);
    void onFailed(bool demo, const QString &target, const QString &message);
    void onCancelled();
    void retry();
    void updateActions();
    void updateWindowTitle();
    void updateStatusBar();

    LoadController *m_loader = nullptr;
    RecentRepositories *m_recent = nullptr;
    EnvironmentListModel *m_environmentModel = nullptr;
    std::optional<RepositorySnapshot> m_snapshot;
    QString m_path;
    Attempt m_lastAttempt = Attempt::None;
    QString m_environmentToSelect;

    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcomePage = nullptr;
    LoadingPage *m_loadingPage = nullptr;
    ErrorPage *m_errorPage = nullptr;
    RepositoryPage *m_repositoryPage = nullptr;
    QPointer<AboutDialog> m_aboutDialog;

    Credentials::TokenStore *m_tokens = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    PublishController *m_publish = nullptr;
    ReleaseController *m_release = nullptr;
    MergeRequestsPanel *m_mergeRequestsPanel = nullptr;
    QDockWidget *m_mergeRequestsDock = nullptr;
    PendingChangesPanel *m_pendingPanel = nullptr;
    QDockWidget *m_pendingDock = nullptr;
    MergeRequestsController *m_mergeRequests = nullptr;

    QLabel *m_pathLabel = nullptr;
    QLabel *m_headLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_readOnlyLabel = nullptr;
    ReadOnlyMode *m_readOnly = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_openDemoAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_showEnvironmentsAction = nullptr;
    QAction *m_filterAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QAction *m_reviewAction = nullptr;
};

} // namespace EnvDeck
