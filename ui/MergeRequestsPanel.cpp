// SPDX-License-Identifier: GPL-3.0-or-later
#include "MergeRequestsPanel.h"

#include "Formatting.h"
#include "forge/MergeRequestListModel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace EnvDeck {

using Forge::MergeRequestListModel;

namespace {

// "2 hours ago" for the Created column: the model gives the moment, how to say it is the view's.
class CreatedDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->text = Formatting::relativeTime(index.data(Qt::EditRole).toDateTime());
    }
};

} // namespace

MergeRequestsPanel::MergeRequestsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new MergeRequestListModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("mergeRequestsPanel"));

    m_refreshAction
        = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("actionRefreshMergeRequests"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refreshAction->setToolTip(
        tr("Ask the forge for the current state (%1)")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    connect(m_refreshAction, &QAction::triggered, this, &MergeRequestsPanel::refreshRequested);
    m_openAction
        = new QAction(style()->standardIcon(QStyle::SP_DirLinkIcon), tr("&Open in Browser"), this);
    m_openAction->setObjectName(QStringLiteral("actionOpenMergeRequest"));
    m_openAction->setToolTip(tr("Open the selected merge request in the browser (Enter)"));
    connect(m_openAction, &QAction::triggered, this, &MergeRequestsPanel::openCurrent);
    addAction(m_refreshAction);
    addAction(m_openAction);

    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("mergeRequestsToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addAction(m_refreshAction);
    m_toolBar->addAction(m_openAction);

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(Qt::EditRole); // Created sorts by time, not by its text
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("mergeRequestsView"));
    m_view->setAccessibleName(tr("Merge requests"));
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(MergeRequestListModel::CreatedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->setItemDelegateForColumn(MergeRequestListModel::CreatedColumn,
                                     new CreatedDelegate(m_view));
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MergeRequestListModel::TitleColumn, QHeaderView::Stretch);
    // Enter and double-click both arrive as activated() (no item here is editable).
    connect(m_view, &QTableView::activated, this, &MergeRequestsPanel::openCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MergeRequestsPanel::updateActions);

    m_empty = new QLabel(tr("No merge requests opened from EnvDeck yet"), this);
    m_empty->setObjectName(QStringLiteral("mergeRequestsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false); // drawn greyed, as a placeholder

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("mergeRequestsStatus"));
    m_status->setWordWrap(true);
    m_retry = new QPushButton(tr("Re&try"), this);
    m_retry->setObjectName(QStringLiteral("retryRefresh"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &MergeRequestsPanel::refreshRequested);
    auto statusLine = new QHBoxLayout;
    statusLine->setContentsMargins(4, 2, 4, 2);
    statusLine->addWidget(m_status, 1);
    statusLine->addWidget(m_retry);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_stack, 1);
    layout->addLayout(statusLine);

    const auto rowsChanged = [this] {
        updateEmptyState();
        updateActions();
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, rowsChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, rowsChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, rowsChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MergeRequestsPanel::updateActions);
    updateEmptyState();
    updateActions();
}

bool MergeRequestsPanel::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

const Forge::MergeRequest *MergeRequestsPanel::currentMergeRequest() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->mergeRequestAt(m_sorted->mapToSource(current)) : nullptr;
}

bool MergeRequestsPanel::selectMergeRequest(int number)
{
    const int row = m_model->rowOf(number);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_sorted->mapFromSource(m_model->index(row, 0)));
    return true;
}

void MergeRequestsPanel::setRefreshing(bool refreshing)
{
    m_refreshing = refreshing;
    if (refreshing) {
        m_status->setStyleSheet({});
        m_status->setText(tr("Refreshing…"));
        m_retry->hide();
    }
    updateActions();
}

void MergeRequestsPanel::setError(const QString &message)
{
    m_refreshing = false;
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_status->setStyleSheet(QStringLiteral("QLabel { color: %1; }")
                                .arg(dark ? QStringLiteral("#ef9a9a") : QStringLiteral("#c62828")));
    m_status->setText(message);
    m_retry->show();
    updateActions();
}

void MergeRequestsPanel::setRefreshedAt(const QDateTime &time)
{
    m_refreshing = false;
    m_status->setStyleSheet({});
    // Minutes are enough here, but some locales' short format has seconds (C: "HH:mm:ss").
    QString clock = QLocale().timeFormat(QLocale::ShortFormat);
    clock.remove(QLatin1String(":ss"));
    m_status->setText(
        tr("Refreshed at %1").arg(QLocale().toString(time.toLocalTime().time(), clock)));
    m_status->setToolTip(QLocale().toString(time.toLocalTime(), QLocale::LongFormat));
    m_retry->hide();
    updateActions();
}

void MergeRequestsPanel::updateEmptyState()
{
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(m_empty) : m_view);
}

void MergeRequestsPanel::updateActions()
{
    m_refreshAction->setEnabled(!m_refreshing);
    const Forge::MergeRequest *current = currentMergeRequest();
    // Local records live in the repository; there is no page to open.
    m_openAction->setEnabled(current && !current->webUrl.isEmpty());
    m_openAction->setToolTip(current && current->webUrl.isEmpty()
                                 ? tr("Local merge requests have no web page")
                                 : tr("Open the selected merge request in the browser (Enter)"));
}

void MergeRequestsPanel::openCurrent()
{
    const Forge::MergeRequest *current = currentMergeRequest();
    if (current && !current->webUrl.isEmpty())
        emit openRequested(*current);
}

} // namespace EnvDeck
