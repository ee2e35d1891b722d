// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/DiagramPage.h"

#include "diagram/CompareWidgets.h"
#include "diagram/DiagramExport.h"
#include "diagram/DiagramInspector.h"
#include "diagram/DiagramScene.h"
#include "diagram/DiagramSearchBar.h"
#include "diagram/DiagramView.h"
#include "diagram/GraphModel.h"
#include "diagram/NodeItem.h"

#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

namespace EnvDeck::Diagram {

namespace {

// Assistive tools hear that the view's children (its nodes) changed, and the view's accessible
// interface follows the new scene's selection from now on (asking for its children does that).
void announceNewNodes(DiagramView *view)
{
    if (!QAccessible::isActive())
        return; // a tool that starts later asks for the children itself
    if (QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(view))
        accessible->childCount();
    QAccessibleEvent reorder(view, QAccessible::ObjectReorder);
    QAccessible::updateAccessibility(&reorder);
}

} // namespace

DiagramPage::DiagramPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("diagramPage"));
    m_ownModel = new GraphModel(this);

    m_toolBar = new QToolBar(tr("Diagram"), this);
    m_toolBar->setObjectName(QStringLiteral("diagramToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_environment = new QLabel(m_toolBar);
    m_environment->setObjectName(QStringLiteral("diagramEnvironment"));
    m_environment->setAccessibleName(tr("Environment"));
    QFont bold = m_environment->font();
    bold.setBold(true);
    m_environment->setFont(bold);
    m_toolBar->addWidget(m_environment);
    m_toolBar->addSeparator();
    auto compareLabel = new QLabel(tr("Compare with:"), m_toolBar);
    m_compare = new QComboBox(m_toolBar);
    m_compare->setObjectName(QStringLiteral("diagramCompare"));
    m_compare->setAccessibleName(tr("Compare with"));
    m_compare->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    compareLabel->setBuddy(m_compare);
    m_toolBar->addWidget(compareLabel);
    m_toolBar->addWidget(m_compare);
    m_toolBar->addSeparator();

    m_view = new DiagramView(this);
    m_toolBar->addAction(m_view->zoomOutAction());
    m_toolBar->addAction(m_view->zoomInAction());
    m_toolBar->addAction(m_view->fitAction());
    m_toolBar->addSeparator();
    m_exportPng = m_toolBar->addAction(tr("Export &PNG…"));
    m_exportPng->setToolTip(tr("Save what the view shows as a PNG image"));
    m_exportSvg = m_toolBar->addAction(tr("Export &SVG…"));
    m_exportSvg->setToolTip(tr("Save what the view shows as an SVG drawing"));
    m_searchAction = m_toolBar->addAction(tr("&Find…"));
    m_searchAction->setToolTip(tr("Find a node in the diagram"));
    m_exportPng->setObjectName(QStringLiteral("actionExportPng"));
    m_exportSvg->setObjectName(QStringLiteral("actionExportSvg"));
    m_searchAction->setObjectName(QStringLiteral("actionFindInDiagram"));
    connect(m_exportPng, &QAction::triggered, this,
            [this] { exportWithDialog(QStringLiteral("png")); });
    connect(m_exportSvg, &QAction::triggered, this,
            [this] { exportWithDialog(QStringLiteral("svg")); });
    connect(m_searchAction, &QAction::triggered, this, &DiagramPage::focusSearch);
    connect(m_compare, &QComboBox::activated, this,
            [this] { emit compareRequested(compareChoice()); });

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("diagramBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setContentsMargins(8, 6, 8, 6);
    m_banner->setAutoFillBackground(true);
    m_banner->hide();

    auto busy = new QWidget(this);
    auto busyLayout = new QHBoxLayout(busy);
    busyLayout->setContentsMargins(8, 2, 8, 2);
    auto busyBar = new QProgressBar(busy);
    busyBar->setRange(0, 0);
    busyBar->setMaximumWidth(120);
    busyBar->setTextVisible(false);
    busyLayout->addWidget(new QLabel(tr("Laying out…"), busy));
    busyLayout->addWidget(busyBar);
    busyLayout->addStretch();
    busy->setAccessibleName(tr("Laying out the diagram"));
    busy->hide();
    m_busy = busy;

    m_scene = new DiagramScene(m_ownModel, this);
    m_view->setScene(m_scene);
    m_searchBar = new DiagramSearchBar(m_scene, m_view, this);
    m_searchBar->hide();
    m_overview = new OverviewWidget(m_view, this);
    m_overview->setFixedHeight(150);
    m_inspector = new DiagramInspector(this);
    m_legend = new CompareLegend(this);
    m_legend->setMinimumHeight(m_legend->sizeHint().height());
    m_differences = new DifferencesList(this);
    m_compareBox = new QWidget(this);
    auto compareLayout = new QVBoxLayout(m_compareBox);
    compareLayout->setContentsMargins(0, 0, 0, 0);
    compareLayout->addWidget(new QLabel(tr("<b>Differences</b>"), m_compareBox));
    compareLayout->addWidget(m_legend);
    compareLayout->addWidget(m_differences, 1);
    m_compareBox->hide();

    auto left = new QWidget(this);
    auto leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(0);
    leftLayout->addWidget(m_searchBar);
    leftLayout->addWidget(m_view, 1);
    auto right = new QWidget(this);
    auto rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(4, 0, 0, 0);
    rightLayout->addWidget(m_overview);
    rightLayout->addWidget(m_inspector, 2);
    rightLayout->addWidget(m_compareBox, 1);
    m_splitter = new QSplitter(this);
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({700, 300});

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_busy);
    layout->addWidget(m_splitter, 1);

    connect(m_inspector, &DiagramInspector::nodeActivated, this, &DiagramPage::selectNode);
    connect(m_inspector, &DiagramInspector::openFileRequested, this,
            &DiagramPage::openFileRequested);
    connect(m_differences, &DifferencesList::nodeActivated, this, &DiagramPage::selectNode);
    setCompareChoices({});
    attachModel(m_ownModel);
}

DiagramPage::~DiagramPage()
{
    // The view must not paint a scene that is being destroyed.
    m_view->setScene(nullptr);
}

void DiagramPage::setModel(GraphModel *model)
{
    attachModel(model ? model : m_ownModel);
}

void DiagramPage::attachModel(GraphModel *model)
{
    if (model == m_model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    if (m_scene->model() != model) {
        DiagramScene *old = m_scene;
        m_scene = new DiagramScene(model, this);
        m_view->setScene(m_scene);
        m_searchBar->setScene(m_scene);
        announceNewNodes(m_view);
        delete old;
    }
    m_model = model;
    m_view->syncPalette();
    m_inspector->setModel(model);
    connect(m_scene, &DiagramScene::selectionChangedTo, m_inspector, &DiagramInspector::showNode);
    connect(m_scene, &QGraphicsScene::changed, m_overview, &OverviewWidget::invalidate);
    if (model != m_ownModel) {
        // A controller's model going away leaves the page on its own, empty one.
        connect(model, &QObject::destroyed, this, [this] { attachModel(m_ownModel); });
    }
    connect(model, &GraphModel::comparisonChanged, this, &DiagramPage::updateCompareMode);
    // A new environment starts from its readable overview; the layout after an edit of the same
    // one keeps the zoom and place the user chose.
    m_showStart = true;
    connect(model, &GraphModel::layoutChanged, this, [this] {
        if (std::exchange(m_showStart, false))
            m_view->showStart();
        m_searchBar->refresh();
    });
    connect(model, &GraphModel::graphReset, this, [this] {
        m_showStart = true;
        setEnvironmentLabel(m_model->graph().environment);
        m_searchBar->refresh();
    });
    setEnvironmentLabel(model->graph().environment);
    updateCompareMode();
}

void DiagramPage::setEnvironmentLabel(const QString &environment)
{
    m_environment->setText(environment.isEmpty() ? tr("No environment")
                                                 : tr("Environment: %1").arg(environment));
}

void DiagramPage::setCompareChoices(const QStringList &environments, const QString &defaultChoice)
{
    const QSignalBlocker blocker(m_compare);
    m_compare->clear();
    m_compare->addItem(tr("(none)"), QString());
    for (const QString &environment : environments)
        m_compare->addItem(environment, environment);
    const int index = m_compare->findData(defaultChoice);
    m_compare->setCurrentIndex(std::max(index, 0));
}

QString DiagramPage::compareChoice() const
{
    return m_compare->currentData().toString();
}

void DiagramPage::showBanner(const QString &text)
{
    if (text.isEmpty()) {
        hideBanner();
        return;
    }
    m_banner->setText(text);
    QPalette palette = m_banner->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::Window, dark ? QColor(0x4a, 0x3b, 0x12) : QColor(0xff, 0xf3, 0xcd));
    palette.setColor(QPalette::WindowText,
                     dark ? QColor(0xff, 0xe8, 0xa8) : QColor(0x5c, 0x45, 0x00));
    m_banner->setPalette(palette);
    m_banner->show();
}

void DiagramPage::hideBanner()
{
    m_banner->clear();
    m_banner->hide();
}

void DiagramPage::showBusy(bool busy)
{
    m_busy->setVisible(busy);
}

Result<void> DiagramPage::exportCurrentView(const QString &path)
{
    const bool svg = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive);
    const Result<void> result
        = svg ? exportVisibleSvg(m_view, path) : exportVisiblePng(m_view, path);
    if (result)
        emit exported(path);
    return result;
}

void DiagramPage::focusSearch()
{
    m_searchBar->focusSearch();
}

void DiagramPage::selectNode(const QString &id)
{
    m_scene->selectNode(id);
    // Scrolls only when the node is not on screen: the user's view stays where it was.
    if (NodeItem *item = m_scene->nodeItem(id))
        m_view->ensureVisible(item, 40, 40);
    m_inspector->showNode(m_scene->selectedNodeId());
}

void DiagramPage::updateCompareMode()
{
    if (!m_model)
        return;
    const bool comparing = m_model->isComparing();
    m_compareBox->setVisible(comparing);
    if (!comparing) {
        m_differences->setComparison({});
        return;
    }
    const Comparison &comparison = m_model->comparison();
    m_legend->setEnvironments(comparison.ours, comparison.theirs);
    m_differences->setComparison(comparison);
    const int index = m_compare->findData(comparison.theirs);
    if (index >= 0) {
        const QSignalBlocker blocker(m_compare);
        m_compare->setCurrentIndex(index);
    }
}

void DiagramPage::exportWithDialog(const QString &suffix)
{
    const QString environment = m_model ? m_model->graph().environment : QString();
    const QString suggested = (environment.isEmpty() ? QStringLiteral("diagram") : environment)
                              + QLatin1Char('.') + suffix;
    const QString filter
        = suffix == QLatin1String("svg") ? tr("SVG drawing (*.svg)") : tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export Diagram"), suggested, filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1Char('.') + suffix, Qt::CaseInsensitive))
        path += QLatin1Char('.') + suffix;
    const Result<void> result = exportCurrentView(path);
    if (!result)
        QMessageBox::warning(this, tr("Export Diagram"), result.error().toString());
}

} // namespace EnvDeck::Diagram
