// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "diagram/GraphModel.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QSplitter;
class QToolBar;

namespace EnvDeck::Diagram {

class CompareLegend;
class DiagramInspector;
class DiagramScene;
class DiagramSearchBar;
class DiagramView;
class DifferencesList;
class OverviewWidget;

// The diagram tab: a toolbar (environment, "Compare with:", zoom, export, search), a banner for
// layout problems and a busy indicator, the view with its overview, and on the right the
// inspector and, when comparing, the legend and the list of differences.
class DiagramPage : public QWidget
{
    Q_OBJECT

public:
    explicit DiagramPage(QWidget *parent = nullptr);
    ~DiagramPage() override;

    GraphModel *model() const { return m_model; }
    // Shows another model (not owned); null goes back to the page's own one.
    void setModel(GraphModel *model);

    void setEnvironmentLabel(const QString &environment);
    // "(none)" plus `environments`; `defaultChoice` is selected without emitting
    // compareRequested (the controller compares with it itself).
    void setCompareChoices(const QStringList &environments, const QString &defaultChoice = {});
    QString compareChoice() const; // empty for "(none)"

    void showBanner(const QString &text); // empty hides it
    void hideBanner();
    void showBusy(bool busy);

    // Exports what the view shows, PNG or SVG by the file's suffix.
    Result<void> exportCurrentView(const QString &path);
    void focusSearch();
    void selectNode(const QString &id); // selects, centres and shows it in the inspector

    QToolBar *toolBar() const { return m_toolBar; }
    QLabel *environmentLabel() const { return m_environment; }
    QComboBox *compareCombo() const { return m_compare; }
    QLabel *banner() const { return m_banner; }
    QWidget *busyIndicator() const { return m_busy; }
    DiagramScene *scene() const { return m_scene; }
    DiagramView *view() const { return m_view; }
    OverviewWidget *overview() const { return m_overview; }
    DiagramSearchBar *searchBar() const { return m_searchBar; }
    DiagramInspector *inspector() const { return m_inspector; }
    CompareLegend *legend() const { return m_legend; }
    DifferencesList *differencesList() const { return m_differences; }
    QAction *searchAction() const
    {
        return m_searchAction;
    } // no shortcut: the window routes Ctrl+F
    QAction *exportPngAction() const { return m_exportPng; }
    QAction *exportSvgAction() const { return m_exportSvg; }

signals:
    void compareRequested(const QString &environment); // empty: leave compare mode
    void openFileRequested(const QString &file, int line, int column);
    void exported(const QString &path);

private:
    void attachModel(GraphModel *model);
    void updateCompareMode();
    void exportWithDialog(const QString &suffix);

    GraphModel *m_ownModel = nullptr;
    QPointer<GraphModel> m_model;
    DiagramScene *m_scene = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_environment = nullptr;
    QComboBox *m_compare = nullptr;
    QLabel *m_banner = nullptr;
    QWidget *m_busy = nullptr;
    DiagramView *m_view = nullptr;
    OverviewWidget *m_overview = nullptr;
    DiagramSearchBar *m_searchBar = nullptr;
    DiagramInspector *m_inspector = nullptr;
    QWidget *m_compareBox = nullptr;
    CompareLegend *m_legend = nullptr;
    DifferencesList *m_differences = nullptr;
    QSplitter *m_splitter = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_exportPng = nullptr;
    QAction *m_exportSvg = nullptr;
    bool m_showStart = true;
};

} // namespace EnvDeck::Diagram
