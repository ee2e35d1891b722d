// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's part of read-only mode: which of its actions and buttons edit, and how the
// user sees that the mode is on. Kept apart from MainWindow.cpp, which is long enough.
#include "MainWindow.h"

#include "MergeRequestsController.h"
#include "ReadOnlyMode.h"
#include "RepositoryPage.h"
#include "VersionMatrixView.h"
#include "diagram/DiagramEditor.h"
#include "diagram/PendingChangesPanel.h"
#include "promotion/ReleaseController.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>

namespace EnvDeck {

void MainWindow::setUpReadOnlyMode()
{
    // Everything that changes a file, the undo history of those changes, a commit or a merge.
    // Viewing, timelines, validation and export are not listed: they stay.
    m_readOnly->addEditingActions(m_repositoryPage->versionMatrix()->editingActions());
    m_readOnly->addEditingActions(m_repositoryPage->diagramEditor()->actions());
    m_readOnly->addEditingAction(m_reviewAction);
    m_readOnly->addEditingAction(m_mergeRequests->mergeAction());
    m_readOnly->addEditingWidget(m_pendingPanel->reviewButton());
    m_readOnly->addEditingWidget(m_pendingPanel->discardButton());
    // Promotion and rollback change versions; QA's review records a decision, which is not
    // editing: QA approves in read-only mode.
    m_readOnly->addEditingAction(m_release->promoteAction());
    m_readOnly->addEditingAction(m_release->rollbackAction());
    m_readOnly->addApprovalAction(m_release->reviewAction());

    m_readOnlyLabel = new QLabel(tr("Read-only"), this);
    m_readOnlyLabel->setObjectName(QStringLiteral("statusReadOnly"));
    m_readOnlyLabel->setContentsMargins(6, 0, 6, 0);
    m_readOnlyLabel->setStyleSheet(QStringLiteral("QLabel { font-weight: bold; }"));
    statusBar()->addPermanentWidget(m_readOnlyLabel);

    m_readOnly->addHandler([this](bool on) {
        m_repositoryPage->setEditable(!on);
        m_readOnlyLabel->setVisible(on);
        m_readOnlyLabel->setToolTip(
            m_readOnly->isForced()
                ? tr("EnvDeck was started with --read-only: editing is hidden for this session")
                : tr("Editing is hidden. View ▸ Read-only Mode turns it off."));
    });
}

} // namespace EnvDeck
