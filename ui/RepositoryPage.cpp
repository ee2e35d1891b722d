// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepositoryPage.h"

#include "Formatting.h"

#include "EnvironmentOverview.h"
#include "EnvironmentPanel.h"
#include "FileViewerDialog.h"
#include "TerraformView.h"
#include "TimelineTab.h"
#include "VersionMatrixView.h"
#include "diagram/DiagramCommands.h"
#include "diagram/DiagramController.h"
#include "diagram/DiagramEditor.h"
#include "diagram/DiagramPage.h"
#include "diagram/DiagramScene.h"
#include "diagram/DiagramView.h"
#include "diagram/NodeItem.h"
#include "matrix/VersionWorkspace.h"
#include "repo/EnvironmentListModel.h"

#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QToolBar>
#include <QUndoStack>

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace EnvDeck {

RepositoryPage::RepositoryPage(EnvironmentListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("repositoryPage"));

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("repositoryProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Formatting::styleBanner(m_problems, Formatting::Tone::Warning);
    m_problems->hide();

    m_environmentPanel = new EnvironmentPanel(m_model, this);
    connect(m_environmentPanel, &EnvironmentPanel::currentEnvironmentChanged, this,
            &RepositoryPage::showEnvironment);

    m_overview = new EnvironmentOverview(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->setAccessibleName(tr("Environment views"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_overview, tr("Overview"));
    // The overview is made before the tabs: its widgets come after the tab bar, not before it.
    setTabOrder(m_tabs, m_overview->componentTable());
    m_diagramPage = new Diagram::DiagramPage(this);
    m_tabs->addTab(m_diagramPage, tr("Diagram"));
    m_terraformView = new TerraformView(this);
    m_tabs->addTab(m_terraformView, tr("Terraform"));
    m_versionMatrix = new VersionMatrixView(this);
    m_tabs->addTab(m_versionMatrix, tr("Versions"));
    createDiagram();

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_environmentPanel);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({340, 900});

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_problems);
    layout->addWidget(m_splitter, 1);
}

void RepositoryPage::setSnapshot(const RepositorySnapshot *snapshot, const QString &environment)
{
    m_snapshot = snapshot;
    m_environmentPanel->clearFilter();
    if (!snapshot) {
        m_model->clear();
        m_problems->hide();
        showEnvironment({});
        m_versionMatrix->setRepository({});
        m_diagramController->setSnapshot(nullptr);
        if (m_timelineTab)
            m_timelineTab->setSnapshot(nullptr);
        return;
    }
    // The matrix reads the versions again only for another repository or a reload, which the
    // main window confirms first when there are unsaved edits.
    m_versionMatrix->setRepository(snapshot->rootPath);
    m_model->setEnvironments(snapshot->environments);
    m_diagramController->setSnapshot(snapshot);
    if (m_timelineTab)
        m_timelineTab->setSnapshot(snapshot);
    if (environment.isEmpty() || !selectEnvironment(environment))
        m_environmentPanel->selectFirst();
    showEnvironment(currentEnvironment());

    QStringList problems;
    for (const Error &problem : snapshot->problems)
        problems << problem.toString();
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
}

void RepositoryPage::setTimelineTab(TimelineTab *tab)
{
    m_timelineTab = tab;
    m_tabs->addTab(tab, tr("Timelines"));
    if (m_snapshot)
        tab->setSnapshot(m_snapshot);
}

QString RepositoryPage::currentEnvironment() const
{
    return m_environmentPanel->currentEnvironment();
}

bool RepositoryPage::selectEnvironment(const QString &name)
{
    return m_environmentPanel->selectEnvironment(name);
}

void RepositoryPage::setEnvironmentPanelVisible(bool visible)
{
    m_environmentPanel->setVisible(visible);
}

bool RepositoryPage::isEnvironmentPanelVisible() const
{
    return !m_environmentPanel->isHidden();
}

void RepositoryPage::focusFilter()
{
    setEnvironmentPanelVisible(true);
    if (auto filter
        = m_environmentPanel->findChild<QLineEdit *>(QStringLiteral("environmentFilter")))
        filter->setFocus(Qt::ShortcutFocusReason);
}

void RepositoryPage::focusEnvironments()
{
    if (isEnvironmentPanelVisible())
        m_environmentPanel->view()->setFocus(Qt::OtherFocusReason);
}

QByteArray RepositoryPage::saveState() const
{
    return m_splitter->saveState();
}

void RepositoryPage::restoreState(const QByteArray &state)
{
    m_splitter->restoreState(state);
}

void RepositoryPage::showEnvironment(const QString &name)
{
    const Environment *environment
        = m_snapshot && !name.isEmpty() ? m_snapshot->findEnvironment(name) : nullptr;
    m_overview->setEnvironment(environment);
    m_terraformView->setEnvironment(environment);
    m_diagramController->setEnvironment(environment ? name : QString());
    m_diagramEditor->setContext(environment ? m_snapshot : nullptr, environment ? name : QString());
}

bool RepositoryPage::isDiagramShown() const
{
    return m_tabs->currentWidget() == m_diagramPage;
}

// The diagram tab: the controller keeps its model in step with the selected environment and
// the unsaved edits; the editor's actions edit the environment's .tf files through the same
// workspace and undo stack as the version matrix, so one Save and one Undo cover both.
void RepositoryPage::createDiagram()
{
    VersionWorkspace *workspace = m_versionMatrix->workspace();
    QUndoStack *undoStack = m_versionMatrix->undoStack();
    m_diagramController = new Diagram::DiagramController(m_diagramPage, this);
    m_diagramController->setWorkspace(workspace);

    m_diagramEditor = new DiagramEditor(workspace, undoStack, this);
    m_diagramEditor->setDialogParent(this);
    Diagram::DiagramScene *scene = m_diagramPage->scene();
    connect(scene, &Diagram::DiagramScene::selectionChangedTo, m_diagramEditor,
            &DiagramEditor::setSelectedNode);
    scene->setMoveHandler(
        [this, undoStack](const QString &id, const QPointF &from, const QPointF &to) {
            undoStack->push(new MoveNodeCommand(m_diagramPage->model(), id, from, to));
        });

    QToolBar *toolBar = m_diagramPage->toolBar();
    m_diagramEditSeparator = toolBar->addSeparator();
    for (QAction *action : m_diagramEditor->actions())
        toolBar->addAction(action);
    // Undo, redo and save work in the diagram as in the matrix; the editing shortcuts work
    // while the diagram has focus.
    m_diagramPage->addActions(m_versionMatrix->workspaceActions());
    m_diagramPage->addActions(m_diagramEditor->actions());

    Diagram::DiagramView *view = m_diagramPage->view();
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, &RepositoryPage::showDiagramMenu);
    connect(m_diagramPage, &Diagram::DiagramPage::openFileRequested, this,
            &RepositoryPage::openFile);
}

void RepositoryPage::setEditable(bool editable)
{
    m_editable = editable;
    m_versionMatrix->setEditable(editable);
    m_diagramEditSeparator->setVisible(editable);
}

void RepositoryPage::showDiagramMenu(const QPoint &position)
{
    // The menu holds the diagram's edits only: none in read-only mode.
    if (!m_editable)
        return;
    Diagram::DiagramView *view = m_diagramPage->view();
    // A right click selects the node under the pointer first, so the menu acts on it.
    for (QGraphicsItem *item : view->items(position)) {
        if (auto node = dynamic_cast<Diagram::NodeItem *>(item)) {
            m_diagramPage->scene()->selectNode(node->id());
            break;
        }
    }
    QMenu menu(view);
    menu.addActions(m_diagramEditor->actions());
    menu.exec(view->viewport()->mapToGlobal(position));
}

void RepositoryPage::openFile(const QString &file, int line, int column)
{
    if (!m_snapshot)
        return;
    auto dialog = new FileViewerDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QString error;
    if (!dialog->showFile(QDir(m_snapshot->rootPath).filePath(file), file, line, column, &error)) {
        delete dialog;
        QMessageBox::warning(this, tr("Open File"), error);
        return;
    }
    dialog->show();
}

} // namespace EnvDeck
