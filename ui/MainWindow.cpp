// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AboutDialog.h"
#include "EnvironmentOverview.h"
#include "ErrorPage.h"
#include "Formatting.h"
#include "Icons.h"
#include "LoadController.h"
#include "LoadingPage.h"
#include "MergeRequestsController.h"
#include "MergeRequestsPanel.h"
#include "PublishController.h"
#include "ReadOnlyMode.h"
#include "RecentRepositories.h"
#include "RepositoryPage.h"
#include "TimelineTab.h"
#include "UiLogging.h"
#include "VersionMatrixView.h"
#include "WelcomePage.h"
#include "credentials/TokenStore.h"
#include "demo/DemoRepository.h"
#include "diagram/DiagramEditor.h"
#include "diagram/DiagramPage.h"
#include "diagram/PendingChangesPanel.h"
#include "matrix/VersionWorkspace.h"
#include "promotion/ReleaseController.h"
#include "repo/EnvironmentListModel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace EnvDeck {

namespace {
const auto GeometryKey = QStringLiteral("mainWindow/geometry");
const auto StateKey = QStringLiteral("mainWindow/state");
const auto SplitterKey = QStringLiteral("mainWindow/splitter");

QString normalizedPath(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

// The first local folder among the dragged URLs, or an empty string.
QString draggedDirectory(const QMimeData *mimeData)
{
    if (!mimeData || !mimeData->hasUrls())
        return {};
    for (const QUrl &url : mimeData->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isDir())
            return normalizedPath(url.toLocalFile());
    }
    return {};
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_loader(new LoadController(this))
    , m_recent(new RecentRepositories(this))
    , m_environmentModel(new EnvironmentListModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setUnifiedTitleAndToolBarOnMac(true);

    m_readOnly = new ReadOnlyMode(this);
    createPages();
    createActions();
    createMenus();
    createStatusBar();
    setUpReadOnlyMode();

    connect(m_loader, &LoadController::started, this,
            [this](LoadController::Operation operation, const QString &target) {
                onLoadStarted(operation == LoadController::Operation::GeneratingDemo, target);
            });
    connect(m_loader, &LoadController::progressRangeChanged, m_loadingPage,
            &LoadingPage::setProgressRange);
    connect(m_loader, &LoadController::progressChanged, m_loadingPage,
            &LoadingPage::setProgressValue);
    connect(m_loader, &LoadController::progressTextChanged, m_loadingPage, &LoadingPage::setStep);
    connect(m_loader, &LoadController::loaded, this, &MainWindow::onLoaded);
    connect(m_loader, &LoadController::failed, this,
            [this](LoadController::Operation operation, const QString &target, const Error &error) {
                onFailed(operation == LoadController::Operation::GeneratingDemo, target,
                         error.toString());
            });
    connect(m_loader, &LoadController::cancelled, this, &MainWindow::onCancelled);
    connect(m_recent, &RecentRepositories::changed, this, [this] {
        if (currentPage() == Page::Welcome)
            m_welcomePage->setRecentRepositories(m_recent->paths());
    });

    // After every page and panel made its actions, so the whole window gets the same icons.
    Icons::applyToActions(this);
    restoreSettings();
    setPage(Page::Welcome);
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages()
{
    m_welcomePage = new WelcomePage(this);
    connect(m_welcomePage, &WelcomePage::openRepositoryRequested, this,
            &MainWindow::chooseRepository);
    connect(m_welcomePage, &WelcomePage::openDemoRequested, this, &MainWindow::openDemo);
    connect(m_welcomePage, &WelcomePage::recentRepositoryRequested, this,
            &MainWindow::openRepository);

    m_loadingPage = new LoadingPage(this);
    connect(m_loadingPage, &LoadingPage::cancelRequested, this, &MainWindow::cancelLoading);

    m_errorPage = new ErrorPage(this);
    connect(m_errorPage, &ErrorPage::openAnotherRequested, this, &MainWindow::chooseRepository);
    connect(m_errorPage, &ErrorPage::tryAgainRequested, this, &MainWindow::retry);

    m_repositoryPage = new RepositoryPage(m_environmentModel, this);

    // The order follows Page.
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_welcomePage);
    m_pages->addWidget(m_loadingPage);
    m_pages->addWidget(m_errorPage);
    m_pages->addWidget(m_repositoryPage);
    setCentralWidget(m_pages);

    m_tokens = new Credentials::TokenStore(this);
    m_network = new QNetworkAccessManager(this);
    m_publish = new PublishController(this, m_tokens, m_network, this);
    m_release = new ReleaseController(
        this, m_publish,
        [this]() -> std::optional<ReleaseContext> {
            VersionWorkspace *workspace = m_repositoryPage->versionMatrix()->workspace();
            if (currentPage() != Page::Repository || !workspace || workspace->isEmpty())
                return std::nullopt;
            return ReleaseContext{m_path, workspace->input(), workspace->report(),
                                  currentEnvironment(),
                                  workspace->isModified() || !workspace->savedFiles().isEmpty()};
        },
        this);
    m_repositoryPage->setTimelineTab(new TimelineTab(m_tokens, m_network));
    m_mergeRequestsPanel = new MergeRequestsPanel(this);
    m_mergeRequestsDock = new QDockWidget(tr("Merge Requests"), this);
    m_mergeRequestsDock->setObjectName(QStringLiteral("mergeRequestsDock"));
    m_mergeRequestsDock->setWidget(m_mergeRequestsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_mergeRequestsDock);
    m_mergeRequestsDock->hide();
    m_mergeRequests = new MergeRequestsController(m_mergeRequestsPanel, m_publish, this);

    // What Save would write, for the matrix's and the diagram's edits alike.
    VersionMatrixView *matrix = m_repositoryPage->versionMatrix();
    m_pendingPanel = new PendingChangesPanel(matrix->workspace(), matrix->undoStack(), this);
    m_pendingDock = new QDockWidget(tr("Pending Changes"), this);
    m_pendingDock->setObjectName(QStringLiteral("pendingChangesDock"));
    m_pendingDock->setWidget(m_pendingPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_pendingDock);
    m_pendingDock->hide();
    connect(m_pendingPanel, &PendingChangesPanel::reviewRequested, this,
            &MainWindow::reviewAndCommit);
    connect(matrix, &VersionMatrixView::loaded, this, &MainWindow::updateActions);
    // The first diagram edit shows what it will write.
    connect(m_repositoryPage->diagramEditor(), &DiagramEditor::edited, m_pendingDock,
            &QDockWidget::show);

    connect(m_publish, &PublishController::committed, this, [this](const QStringList &files) {
        if (VersionWorkspace *workspace = m_repositoryPage->versionMatrix()->workspace())
            workspace->forgetSavedFiles(files);
        m_pendingPanel->refresh();
        reload();
    });
    connect(m_publish, &PublishController::mergeRequestOpened, this,
            [this](const Forge::MergeRequest &mergeRequest, const QString &root) {
                m_mergeRequests->add(mergeRequest, root);
                m_mergeRequestsDock->show();
            });
    connect(m_mergeRequests, &MergeRequestsController::merged, this, [this] { reload(); });
    connect(m_mergeRequestsPanel, &MergeRequestsPanel::openRequested, this,
            [](const Forge::MergeRequest &mergeRequest) {
                if (!mergeRequest.webUrl.isEmpty())
                    QDesktopServices::openUrl(mergeRequest.webUrl);
            });
}

void MainWindow::reviewAndCommit()
{
    // Read-only mode commits nothing, also when asked by a shortcut or a signal.
    if (currentPage() != Page::Repository || m_readOnly->isOn())
        return;
    VersionMatrixView *matrix = m_repositoryPage->versionMatrix();
    VersionWorkspace *workspace = matrix->workspace();
    if (!workspace || workspace->isEmpty())
        return;
    if (workspace->isModified() && !matrix->save())
        return;
    if (workspace->isValidating()) {
        // The review shows the validation of exactly what is committed: wait for it.
        connect(workspace, &VersionWorkspace::validated, this, &MainWindow::reviewAndCommit,
                Qt::SingleShotConnection);
        statusBar()->showMessage(tr("Validating before the review…"));
        return;
    }
    const QStringList files = workspace->savedFiles();
    if (files.isEmpty()) {
        QMessageBox::information(this, tr("Review & Commit"),
                                 tr("EnvDeck has not changed any file yet. Edit versions or locks "
                                    "in the Versions tab, or modules in the Diagram tab, and "
                                    "save them (Ctrl+S) first."));
        return;
    }
    m_publish->review(m_path, files, workspace->input(), workspace->report());
}

void MainWindow::createStatusBar()
{
    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(QStringLiteral("statusPath"));
    m_headLabel = new QLabel(this);
    m_headLabel->setObjectName(QStringLiteral("statusHead"));
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("statusEnvironments"));
    for (QLabel *label : {m_pathLabel, m_headLabel, m_countLabel})
        label->setContentsMargins(6, 0, 6, 0);
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_headLabel);
    statusBar()->addPermanentWidget(m_countLabel);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(StateKey).toByteArray());
    m_repositoryPage->restoreState(settings.value(SplitterKey).toByteArray());
    m_showEnvironmentsAction->setChecked(m_repositoryPage->isEnvironmentPanelVisible());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(SplitterKey, m_repositoryPage->saveState());
}

void MainWindow::openRepository(const QString &path)
{
    if (path.isEmpty() || !m_repositoryPage->versionMatrix()->maybeClose())
        return;
    m_lastAttempt = Attempt::Repository;
    if (m_snapshot && normalizedPath(m_snapshot->rootPath) == normalizedPath(path))
        m_environmentToSelect = currentEnvironment(); // a reload keeps the selection
    else
        m_environmentToSelect.clear();
    m_loader->load(normalizedPath(path));
}

void MainWindow::openDemo()
{
    openDemoAt(Demo::defaultLocation());
}

void MainWindow::openDemoAt(const QString &directory)
{
    if (!m_repositoryPage->versionMatrix()->maybeClose())
        return;
    m_lastAttempt = Attempt::Demo;
    m_environmentToSelect.clear();
    m_loader->loadDemo(normalizedPath(directory));
}

void MainWindow::reload()
{
    if (!m_path.isEmpty())
        retry();
}

void MainWindow::retry()
{
    if (m_lastAttempt == Attempt::Demo)
        openDemoAt(m_path);
    else
        openRepository(m_path);
}

void MainWindow::closeRepository()
{
    if (!m_repositoryPage->versionMatrix()->maybeClose())
        return;
    m_repositoryPage->setSnapshot(nullptr);
    m_snapshot.reset();
    m_path.clear();
    m_lastAttempt = Attempt::None;
    m_loader->cancel();
    m_mergeRequests->setRepository({});
    setPage(Page::Welcome);
}

void MainWindow::cancelLoading()
{
    m_loader->cancel();
}

void MainWindow::chooseRepository()
{
    const QString start = m_path.isEmpty() ? QDir::homePath() : QFileInfo(m_path).path();
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open Repository"), start);
    if (!path.isEmpty())
        openRepository(path);
}

void MainWindow::showAbout()
{
    if (!m_aboutDialog) {
        m_aboutDialog = new AboutDialog(this);
        m_aboutDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_aboutDialog->open();
    m_aboutDialog->raise();
}

ComponentTableModel *MainWindow::componentModel() const
{
    return m_repositoryPage->overview()->componentModel();
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

bool MainWindow::isLoading() const
{
    return m_loader->isBusy();
}

QString MainWindow::errorMessage() const
{
    return currentPage() == Page::Error ? m_errorPage->message() : QString();
}

QString MainWindow::currentEnvironment() const
{
    return m_repositoryPage->currentEnvironment();
}

bool MainWindow::selectEnvironment(const QString &name)
{
    return m_repositoryPage->selectEnvironment(name);
}

QStringList MainWindow::recentRepositories() const
{
    return m_recent->paths();
}

void MainWindow::setPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
    if (page == Page::Welcome)
        m_welcomePage->setRecentRepositories(m_recent->paths());
    updateActions();
    updateWindowTitle();
    updateStatusBar();
}

void MainWindow::onLoadStarted(bool demo, const QString &target)
{
    m_path = target;
    const QString name = QFileInfo(target).fileName();
    m_loadingPage->start(demo ? tr("Preparing the demo repository…") : tr("Opening %1…").arg(name),
                         target);
    setPage(Page::Loading);
}

void MainWindow::onLoaded(const RepositorySnapshot &snapshot, qint64 elapsedMs)
{
    m_snapshot = snapshot;
    m_path = normalizedPath(snapshot.rootPath);
    m_lastAttempt = Attempt::Repository;
    m_recent->add(m_path);

    m_repositoryPage->setSnapshot(&*m_snapshot, m_environmentToSelect);
    m_environmentToSelect.clear();
    m_mergeRequests->setRepository(m_path);

    setPage(Page::Repository);
    m_repositoryPage->focusEnvironments();
    const int count = int(snapshot.environments.size());
    const QString duration = elapsedMs < 1000
                                 ? tr("%1 ms").arg(elapsedMs)
                                 : tr("%1 s").arg(QLocale().toString(elapsedMs / 1000.0, 'f', 1));
    statusBar()->showMessage(count == 1
                                 ? tr("Loaded 1 environment in %1").arg(duration)
                                 : tr("Loaded %n environments in %1", nullptr, count).arg(duration),
                             5000);
    emit repositoryLoaded(m_path);
}

void MainWindow::onFailed(bool demo, const QString &target, const QString &message)
{
    m_repositoryPage->setSnapshot(nullptr);
    m_snapshot.reset();
    m_path = target;
    if (demo) {
        m_errorPage->setError(tr("Cannot create the demo repository"), message, target,
                              tr("The demo is generated in this folder, which must be empty or "
                                 "hold an earlier demo repository."));
    } else {
        m_errorPage->setError(tr("Cannot open this repository"), message, target,
                              tr("EnvDeck opens local clones of Git repositories. Choose the "
                                 "folder you cloned into, or open the demo to look around."));
    }
    setPage(Page::Error);
    emit repositoryFailed(message);
}

void MainWindow::onCancelled()
{
    if (m_snapshot) {
        m_path = normalizedPath(m_snapshot->rootPath);
        m_lastAttempt = Attempt::Repository;
        setPage(Page::Repository);
    } else {
        m_path.clear();
        m_lastAttempt = Attempt::None;
        setPage(Page::Welcome);
    }
    statusBar()->showMessage(tr("Cancelled"), 3000);
    emit loadingCancelled();
}

void MainWindow::updateActions()
{
    const Page page = currentPage();
    m_reloadAction->setEnabled(!m_path.isEmpty() && page != Page::Loading);
    m_closeAction->setEnabled(page != Page::Welcome);
    m_filterAction->setEnabled(page == Page::Repository);
    m_showEnvironmentsAction->setEnabled(page == Page::Repository);
    m_reviewAction->setEnabled(page == Page::Repository);
    // The release dialogs work on the validation input the Versions tab loads.
    const VersionMatrixView *matrix = m_repositoryPage->versionMatrix();
    m_release->setEnabled(page == Page::Repository && !matrix->isLoading() && matrix->workspace()
                          && !matrix->workspace()->isEmpty());
}

void MainWindow::updateWindowTitle()
{
    const QString name = QFileInfo(m_path).fileName();
    setWindowTitle(name.isEmpty() ? tr("EnvDeck") : tr("%1 — EnvDeck").arg(name));
}

void MainWindow::updateStatusBar()
{
    const Page page = currentPage();
    const QString shownPath = QDir::toNativeSeparators(m_path);
    if (page != Page::Loading)
        m_pathLabel->setText(shownPath);
    else if (m_loader->operation() == LoadController::Operation::GeneratingDemo)
        m_pathLabel->setText(tr("Preparing the demo repository in %1…").arg(shownPath));
    else
        m_pathLabel->setText(tr("Opening %1…").arg(shownPath));
    m_pathLabel->setToolTip(shownPath);
    if (page == Page::Repository && m_snapshot) {
        const QString branch
            = m_snapshot->branch.isEmpty() ? tr("detached HEAD") : m_snapshot->branch;
        m_headLabel->setText(tr("%1 @ %2").arg(branch, m_snapshot->head.shortId()));
        m_headLabel->setToolTip(tr("%1\n%2").arg(m_snapshot->head.id, m_snapshot->head.summary));
        m_countLabel->setText(Formatting::environmentCount(int(m_snapshot->environments.size())));
    } else {
        m_headLabel->clear();
        m_headLabel->setToolTip({});
        m_countLabel->clear();
    }
    m_headLabel->setVisible(!m_headLabel->text().isEmpty());
    m_countLabel->setVisible(!m_countLabel->text().isEmpty());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_repositoryPage->versionMatrix()->maybeClose()) {
        event->ignore();
        return;
    }
    m_loader->cancel();
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (draggedDirectory(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (draggedDirectory(event->mimeData()).isEmpty())
        event->ignore();
    else
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = draggedDirectory(event->mimeData());
    if (path.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    qCInfo(lcUi) << "Opening dropped folder" << path;
    openRepository(path);
}

} // namespace EnvDeck
