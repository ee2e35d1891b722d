// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "forge/MergeRequest.h"

#include <QDateTime>
#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QToolBar;

namespace EnvDeck {

namespace Forge {
class MergeRequestListModel;
}

// The merge requests EnvDeck opened, newest first, for a dock. It runs nothing: Refresh asks
// (refreshRequested), the caller fills model() and reports with the slots; opening one in the
// browser is also left to the caller (openRequested).
class MergeRequestsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MergeRequestsPanel(QWidget *parent = nullptr);

    Forge::MergeRequestListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *openAction() const { return m_openAction; }
    // For actions the caller adds (merging a local merge request).
    QToolBar *toolBar() const { return m_toolBar; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *retryButton() const { return m_retry; }
    bool isShowingEmptyState() const;
    // The merge request of the current row, or null.
    const Forge::MergeRequest *currentMergeRequest() const;
    // Selects the row of merge request `number`; false when there is none.
    bool selectMergeRequest(int number);

signals:
    void refreshRequested();
    void openRequested(const EnvDeck::Forge::MergeRequest &mergeRequest);

public slots:
    void setRefreshing(bool refreshing);
    void setError(const QString &message); // shown in red with Retry, until the next success
    void setRefreshedAt(const QDateTime &time);

private:
    void updateEmptyState();
    void updateActions();
    void openCurrent();

    Forge::MergeRequestListModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_openAction = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_retry = nullptr;
    bool m_refreshing = false;
};

} // namespace EnvDeck
