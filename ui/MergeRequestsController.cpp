// SPDX-License-Identifier: GPL-3.0-or-later
#include "MergeRequestsController.h"

#include "MergeRequestsPanel.h"
#include "PublishController.h"
#include "UiLogging.h"

#include "forge/LocalForgeClient.h"
#include "forge/MergeRequestListModel.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QTableView>
#include <QToolBar>

namespace EnvDeck {

MergeRequestsController::MergeRequestsController(MergeRequestsPanel *panel,
                                                 PublishController *publish, QObject *parent)
    : QObject(parent)
    , m_panel(panel)
    , m_publish(publish)
{
    m_timer.setInterval(2 * 60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &MergeRequestsController::refresh);
    connect(panel, &MergeRequestsPanel::refreshRequested, this, &MergeRequestsController::refresh);

    m_mergeAction = new QAction(tr("Mer&ge"), this);
    m_mergeAction->setToolTip(tr("Merge the selected local merge request into its target branch "
                                 "with a merge commit"));
    m_mergeAction->setEnabled(false);
    panel->toolBar()->addAction(m_mergeAction);
    connect(m_mergeAction, &QAction::triggered, this, &MergeRequestsController::mergeCurrent);
    connect(panel->view()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MergeRequestsController::updateMergeAction);
    connect(panel->model(), &QAbstractItemModel::modelReset, this,
            &MergeRequestsController::updateMergeAction);
}

MergeRequestsController::~MergeRequestsController() = default;

QString MergeRequestsController::settingsKey() const
{
    const QByteArray hash
        = QCryptographicHash::hash(QDir::cleanPath(m_root).toUtf8(), QCryptographicHash::Sha1)
              .toHex()
              .left(16);
    return QStringLiteral("mergeRequests/") + QString::fromLatin1(hash)
           + QStringLiteral("/branches");
}

QStringList MergeRequestsController::rememberedBranches() const
{
    return QSettings().value(settingsKey()).toStringList();
}

void MergeRequestsController::setRepository(const QString &root)
{
    ++m_generation;
    m_root = root;
    m_client.reset();
    if (m_job)
        m_job->cancel();
    m_refreshing = false;
    if (m_panel) {
        m_panel->setRefreshing(false);
        m_panel->model()->setItems({});
    }
    if (root.isEmpty()) {
        m_timer.stop();
        return;
    }
    m_timer.start();
    refresh();
}

void MergeRequestsController::add(const Forge::MergeRequest &mergeRequest, const QString &root)
{
    if (QDir::cleanPath(root) != QDir::cleanPath(m_root))
        return;
    QStringList branches = rememberedBranches();
    if (!branches.contains(mergeRequest.sourceBranch)) {
        branches.append(mergeRequest.sourceBranch);
        QSettings().setValue(settingsKey(), branches);
    }
    if (!m_panel)
        return;
    QList<Forge::MergeRequest> items = m_panel->model()->items();
    bool found = false;
    for (auto &item : items) {
        if (item.provider == mergeRequest.provider && item.number == mergeRequest.number) {
            item = mergeRequest;
            found = true;
        }
    }
    if (!found)
        items.append(mergeRequest);
    m_panel->model()->setItems(items);
    m_panel->selectMergeRequest(mergeRequest.number);
}

void MergeRequestsController::refresh()
{
    if (m_root.isEmpty() || m_refreshing || !m_panel)
        return;
    m_refreshing = true;
    m_panel->setRefreshing(true);
    const int generation = m_generation;
    m_publish->connectForge(
        m_root, false,
        [this, generation](std::shared_ptr<Forge::ForgeClient> client, const QString &problem) {
            if (generation != m_generation || !m_panel)
                return;
            const auto finish = [this] {
                m_refreshing = false;
                if (m_panel)
                    m_panel->setRefreshing(false);
                emit refreshed();
            };
            if (!client) {
                m_panel->setError(problem);
                finish();
                return;
            }
            m_client = std::move(client);
            // The local provider lists every record; a forge only the branches EnvDeck opened.
            const bool local = m_client->provider() == Forge::Provider::Local;
            const QStringList branches = rememberedBranches();
            if (!local && branches.isEmpty()) {
                m_panel->model()->setItems({});
                m_panel->setRefreshedAt(QDateTime::currentDateTime());
                finish();
                return;
            }
            m_job = m_client->mergeRequests(local ? QStringList() : branches, this);
            connect(m_job, &Forge::ForgeJob::finished, this,
                    [this, job = m_job, generation, finish] {
                        if (!job)
                            return;
                        job->deleteLater();
                        if (generation != m_generation || !m_panel)
                            return;
                        if (job->result()) {
                            m_panel->model()->setItems(*job->result());
                            m_panel->setRefreshedAt(QDateTime::currentDateTime());
                        } else {
                            m_panel->setError(job->result().error().toString());
                        }
                        finish();
                    });
        });
}

void MergeRequestsController::updateMergeAction()
{
    const Forge::MergeRequest *current = m_panel ? m_panel->currentMergeRequest() : nullptr;
    m_mergeAction->setEnabled(current && current->provider == Forge::Provider::Local
                              && current->state == Forge::MergeRequestState::Open);
}

void MergeRequestsController::mergeCurrent()
{
    const Forge::MergeRequest *current = m_panel ? m_panel->currentMergeRequest() : nullptr;
    auto *local = dynamic_cast<Forge::LocalForgeClient *>(m_client.get());
    if (!current || !local || current->provider != Forge::Provider::Local)
        return;
    m_mergeAction->setEnabled(false);
    const int number = current->number;
    Forge::ForgeJob *job = local->merge(number, this);
    connect(job, &Forge::ForgeJob::finished, this, [this, job] {
        job->deleteLater();
        if (!job->result() || job->result()->isEmpty()) {
            QMessageBox::warning(m_panel, tr("Merge"),
                                 job->result() ? tr("The merge gave no result")
                                               : job->result().error().toString());
            updateMergeAction();
            return;
        }
        const Forge::MergeRequest merged = job->result()->first();
        m_panel->model()->updateItem(merged.number, merged.state);
        updateMergeAction();
        qCInfo(lcUi) << "Merged local merge request" << merged.number;
        emit this->merged(merged);
    });
}

} // namespace EnvDeck
