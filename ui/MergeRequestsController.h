// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "forge/MergeRequest.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAction;

namespace EnvDeck {

class MergeRequestsPanel;
class PublishController;

// Feeds the Merge requests panel: the requests EnvDeck opened for a repository (remembered per
// repository in the settings: provider and source branch, never a token), their state refreshed
// in the background every two minutes and on demand, and merging of local (git-only) requests.
class MergeRequestsController : public QObject
{
    Q_OBJECT
public:
    MergeRequestsController(MergeRequestsPanel *panel, PublishController *publish,
                            QObject *parent = nullptr);
    ~MergeRequestsController() override;

    // Shows the requests of the repository at `root` (empty: none) and refreshes them.
    void setRepository(const QString &root);
    // A request the Review & commit flow just opened.
    void add(const Forge::MergeRequest &mergeRequest, const QString &root);
    void refresh();
    bool isRefreshing() const { return m_refreshing; }

    QAction *mergeAction() const { return m_mergeAction; }
    void setRefreshInterval(int milliseconds) { m_timer.setInterval(milliseconds); }

signals:
    // A local merge request was merged: the repository changed.
    void merged(const EnvDeck::Forge::MergeRequest &mergeRequest);
    // For tests: a refresh ended (with the panel updated or its error shown).
    void refreshed();

private:
    QString settingsKey() const;
    QStringList rememberedBranches() const;
    void updateMergeAction();
    void mergeCurrent();

    QPointer<MergeRequestsPanel> m_panel;
    PublishController *m_publish = nullptr;
    QString m_root;
    std::shared_ptr<Forge::ForgeClient> m_client;
    QPointer<Forge::ForgeJob> m_job;
    QAction *m_mergeAction = nullptr;
    QTimer m_timer;
    bool m_refreshing = false;
    int m_generation = 0; // answers for an earlier repository are dropped
};

} // namespace EnvDeck
