// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "history/HistoryScanner.h"
#include "pipelines/PipelineRun.h"
#include "repo/Environment.h"

#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QNetworkAccessManager;
class QProgressBar;
class QPushButton;

namespace EnvDeck {

namespace Credentials {
class TokenStore;
}
namespace Pipelines {
class PipelineRefresher;
}
namespace Timeline {
class TimelinePage;
}

// The Timelines tab of a repository: its deployment history read from Git on a worker thread
// (cached in SQLite inside the git directory, so reopening reads only the new commits) and its
// pipeline runs: the demo repository's generated runs, labelled as demo data, or those of the
// provider `.envdeck.yaml` names, refreshed in the background with the cache shown while offline.
// A strip above the charts shows progress with Cancel, and Refresh (F5 in the tab).
class TimelineTab : public QWidget
{
    Q_OBJECT
public:
    TimelineTab(Credentials::TokenStore *tokens, QNetworkAccessManager *network,
                QWidget *parent = nullptr);
    ~TimelineTab() override;

    // The repository to show; the history is read the next time the tab is visible (or at once
    // when it is) and again whenever HEAD moves. Null forgets the repository.
    void setSnapshot(const RepositorySnapshot *snapshot);

    // Reads the history and the pipeline runs again.
    void refresh();
    void cancel();
    bool isBusy() const;

    Timeline::TimelinePage *page() const { return m_page; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *refreshButton() const { return m_refresh; }
    QLabel *statusLabel() const { return m_status; }
    const QList<History::DeploymentEvent> &events() const { return m_events; }
    const QList<Pipelines::PipelineRun> &runs() const { return m_runs; }

signals:
    // Both the history and the runs are shown (or what could be read of them).
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void startHistory();
    void historyFinished();
    void startRuns();
    void runsFromDemo();
    void runsFromProvider();
    void finishRuns(QList<Pipelines::PipelineRun> runs, const QString &banner);
    void showCommit(const QString &commitId);
    void setBusy(bool busy, const QString &text = {});

    Credentials::TokenStore *m_tokens = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    Timeline::TimelinePage *m_page = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_refresh = nullptr;

    QString m_root;
    QString m_head;
    QString m_shownHead; // the HEAD the shown data was read at
    QHash<QString, Tier> m_tiers;
    QStringList m_environments;
    QDateTime m_headTime;
    bool m_stale = false;
    int m_generation = 0; // results of an older load are dropped

    QFutureWatcher<Result<History::HistoryResult>> m_historyWatcher;
    QFutureWatcher<Result<QList<Pipelines::PipelineRun>>> m_demoWatcher;
    QPointer<Pipelines::PipelineRefresher> m_refresher;
    QList<History::DeploymentEvent> m_events;
    QList<Pipelines::PipelineRun> m_runs;
    QString m_historyNote;
};

} // namespace EnvDeck
