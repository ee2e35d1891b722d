// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;

namespace EnvDeck {

class EnvironmentListModel;
class EnvironmentOverview;
class TerraformView;
class TimelineTab;
class VersionMatrixView;
class EnvironmentPanel;
class DiagramEditor;
struct RepositorySnapshot;
namespace Diagram {
class DiagramController;
class DiagramPage;
} // namespace Diagram

// An open repository: repository-wide problems on top, the environments on the left, and the
// views of the selected environment in tabs on the right.
class RepositoryPage : public QWidget
{
    Q_OBJECT

public:
    explicit RepositoryPage(EnvironmentListModel *model, QWidget *parent = nullptr);

    // Shows `snapshot`, which must stay alive until the next call; null clears the page.
    // Selects `environment` when the snapshot has it, otherwise the first environment.
    void setSnapshot(const RepositorySnapshot *snapshot, const QString &environment = {});

    QString currentEnvironment() const;
    bool selectEnvironment(const QString &name);

    void setEnvironmentPanelVisible(bool visible);
    bool isEnvironmentPanelVisible() const;
    void focusFilter();
    void focusEnvironments();

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

    EnvironmentPanel *environmentPanel() const { return m_environmentPanel; }
    EnvironmentOverview *overview() const { return m_overview; }
    TerraformView *terraformView() const { return m_terraformView; }
    VersionMatrixView *versionMatrix() const { return m_versionMatrix; }
    Diagram::DiagramPage *diagramPage() const { return m_diagramPage; }
    Diagram::DiagramController *diagramController() const { return m_diagramController; }
    DiagramEditor *diagramEditor() const { return m_diagramEditor; }
    bool isDiagramShown() const;
    QTabWidget *tabs() const { return m_tabs; }
    // Off in read-only mode: the version matrix opens no editor and the diagram's toolbar and
    // context menu show no edits (the editing actions themselves are hidden by ReadOnlyMode).
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }
    // The Timelines tab, after Versions: the window gives it the token store and network it needs.
    void setTimelineTab(TimelineTab *tab);
    TimelineTab *timelineTab() const { return m_timelineTab; }

private:
    void showEnvironment(const QString &name);
    void createDiagram();
    void showDiagramMenu(const QPoint &position);
    void openFile(const QString &file, int line, int column);

    EnvironmentListModel *m_model = nullptr;
    const RepositorySnapshot *m_snapshot = nullptr;
    QLabel *m_problems = nullptr;
    QSplitter *m_splitter = nullptr;
    EnvironmentPanel *m_environmentPanel = nullptr;
    QTabWidget *m_tabs = nullptr;
    EnvironmentOverview *m_overview = nullptr;
    TerraformView *m_terraformView = nullptr;
    VersionMatrixView *m_versionMatrix = nullptr;
    Diagram::DiagramPage *m_diagramPage = nullptr;
    Diagram::DiagramController *m_diagramController = nullptr;
    DiagramEditor *m_diagramEditor = nullptr;
    TimelineTab *m_timelineTab = nullptr;
    QAction *m_diagramEditSeparator = nullptr;
    bool m_editable = true;
};

} // namespace EnvDeck
