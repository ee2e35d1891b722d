// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimelineTab.h"

#include "DiffView.h"
#include "Formatting.h"
#include "UiLogging.h"

#include "change/RemoteAccess.h"
#include "core/CacheDatabase.h"
#include "credentials/TokenStore.h"
#include "demo/DemoRepository.h"
#include "forge/HttpForgeJob.h"
#include "forge/MergeRequest.h"
#include "git/Repository.h"
#include "pipelines/DemoRuns.h"
#include "pipelines/LastRun.h"
#include "pipelines/PipelineJob.h"
#include "pipelines/PipelineRefresher.h"
#include "pipelines/PipelineSettings.h"
#include "repo/RepositoryConfig.h"
#include "settings/PipelinesPage.h"
#include "timeline/TimelinePage.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QScrollArea>
#include <QShowEvent>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace EnvDeck {

namespace {

// The pipelines of the repository's own forge (`forge:` of .envdeck.yaml, or guessed from the
// remote), for a repository without `pipelines:` when Preferences say so.
Result<Pipelines::PipelineSource> forgePipelineSource(const QString &root,
                                                      const RepositoryConfig &config)
{
    QString remoteUrl;
    if (auto repository = Git::Repository::open(root))
        remoteUrl = repository->remoteUrl(QStringLiteral("origin"));
    auto forge = Forge::readForgeSettings(root, remoteUrl);
    if (!forge)
        return forge.error();
    QStringList environments;
    for (const RepositoryConfig::EnvironmentEntry &environment : config.environments)
        environments.append(environment.name);
    return Pipelines::pipelineSourceFromForge(*forge, environments);
}

} // namespace

TimelineTab::TimelineTab(Credentials::TokenStore *tokens, QNetworkAccessManager *network,
                         QWidget *parent)
    : QWidget(parent)
    , m_tokens(tokens)
    , m_network(network)
{
    setObjectName(QStringLiteral("timelineTab"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("timelineStatus"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("timelineProgress"));
    m_progress->setAccessibleName(tr("Reading the history"));
    m_progress->setMaximumWidth(240);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->hide();
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setToolTip(tr("Read the deployment history and the pipeline runs again (Ctrl+F5)"));

    auto strip = new QHBoxLayout;
    strip->setContentsMargins(6, 4, 6, 0);
    strip->addWidget(m_status, 1);
    strip->addWidget(m_progress);
    strip->addWidget(m_cancel);
    strip->addWidget(m_refresh);

    m_page = new Timeline::TimelinePage(this);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(strip);
    // The charts and their filters need more width than a small window has: they scroll rather
    // than widen the window.
    auto scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("timelineScroll"));
    scroll->setAccessibleName(tr("Timelines"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_page);
    layout->addWidget(scroll, 1);

    auto refreshAction = new QAction(tr("Re&fresh Timelines"), this);
    refreshAction->setObjectName(QStringLiteral("actionRefreshTimelines"));
    // F5 reloads the repository everywhere in the window; Ctrl+F5 refreshes the timelines.
    refreshAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5));
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(refreshAction);
    connect(refreshAction, &QAction::triggered, this, &TimelineTab::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &TimelineTab::refresh);
    connect(m_cancel, &QPushButton::clicked, this, &TimelineTab::cancel);
    connect(m_page, &Timeline::TimelinePage::commitActivated, this, &TimelineTab::showCommit);

    connect(&m_historyWatcher, &QFutureWatcherBase::progressRangeChanged, m_progress,
            &QProgressBar::setRange);
    connect(&m_historyWatcher, &QFutureWatcherBase::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_historyWatcher, &QFutureWatcherBase::finished, this, &TimelineTab::historyFinished);
    connect(&m_demoWatcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_demoWatcher.isCanceled() || m_demoWatcher.future().resultCount() == 0)
            return;
        const auto runs = m_demoWatcher.result();
        if (!runs) {
            finishRuns(
                {},
                tr("The demo's pipeline runs could not be made: %1").arg(runs.error().toString()));
            return;
        }
        finishRuns(*runs, tr("Demo data: these pipeline runs are generated from the demo "
                             "repository's commits; no CI server was asked."));
    });
}

TimelineTab::~TimelineTab()
{
    m_historyWatcher.cancel();
    m_historyWatcher.waitForFinished();
    m_demoWatcher.waitForFinished();
}

void TimelineTab::setSnapshot(const RepositorySnapshot *snapshot)
{
    if (!snapshot) {
        cancel();
        m_root.clear();
        m_head.clear();
        m_shownHead.clear();
        m_events.clear();
        m_runs.clear();
        m_page->setData({}, {}, {});
        m_page->setBanner({});
        m_status->clear();
        return;
    }
    const bool otherRepository = snapshot->rootPath != m_root;
    m_root = snapshot->rootPath;
    m_head = snapshot->head.id;
    m_headTime = snapshot->head.authorTime;
    m_tiers.clear();
    m_environments.clear();
    for (const Environment &environment : snapshot->environments) {
        m_tiers.insert(environment.name, environment.tier);
        m_environments << environment.name;
    }
    if (otherRepository || m_head != m_shownHead) {
        m_stale = true;
        if (isVisible())
            refresh();
    }
}

void TimelineTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && !isBusy())
        refresh();
}

bool TimelineTab::isBusy() const
{
    return m_historyWatcher.isRunning() || m_demoWatcher.isRunning()
           || (m_refresher && m_refresher->isRunning());
}

void TimelineTab::refresh()
{
    if (m_root.isEmpty())
        return;
    cancel();
    ++m_generation;
    m_stale = false;
    setBusy(true, tr("Reading the deployment history from Git…"));
    startHistory();
}

void TimelineTab::cancel()
{
    const bool wasBusy = isBusy();
    ++m_generation;
    if (m_historyWatcher.isRunning())
        m_historyWatcher.cancel();
    if (m_refresher && m_refresher->isRunning())
        m_refresher->cancel();
    if (wasBusy)
        setBusy(false, tr("Cancelled: the timelines show what was read before."));
}

void TimelineTab::setBusy(bool busy, const QString &text)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_refresh->setEnabled(!busy);
    if (busy)
        m_progress->setRange(0, 0); // busy until the walk knows how many commits it reads
    if (!text.isNull())
        m_status->setText(text);
}

void TimelineTab::startHistory()
{
    const QString root = m_root;
    m_historyWatcher.setFuture(
        QtConcurrent::run([root](QPromise<Result<History::HistoryResult>> &promise) {
            History::ScanOptions options;
            options.progress = [&promise](int done, int total) {
                promise.setProgressRange(0, total);
                promise.setProgressValue(done);
                return !promise.isCanceled();
            };
            promise.addResult(History::readHistory(root, options));
        }));
}

void TimelineTab::historyFinished()
{
    if (m_historyWatcher.isCanceled() || m_historyWatcher.future().resultCount() == 0)
        return;
    const Result<History::HistoryResult> result = m_historyWatcher.result();
    if (!result) {
        m_events.clear();
        m_historyNote
            = tr("The deployment history could not be read: %1").arg(result.error().toString());
        qCWarning(lcUi) << "history:" << result.error().toString();
    } else {
        m_events = result->events;
        m_historyNote.clear();
        if (!result->problems.isEmpty())
            m_historyNote = tr("Files in the history that could not be read: %1; the first: %2")
                                .arg(result->problems.size())
                                .arg(result->problems.first().toString());
        qCInfo(lcUi) << "history:" << result->events.size() << "events," << result->commitsScanned
                     << "of" << result->commitsTotal << "commits read from git";
    }
    startRuns();
}

void TimelineTab::startRuns()
{
    m_status->setText(tr("Reading the pipeline runs…"));
    // The demo names an Azure DevOps project, as a real repository would, but it is offline by
    // design: its runs are generated, never asked for.
    if (Demo::isGeneratedDemo(m_root)) {
        runsFromDemo();
        return;
    }
    auto config = RepositoryConfig::read(m_root);
    if (config && (config->pipelines || Settings::PipelinesPage::fallbackToForge())) {
        runsFromProvider();
        return;
    }
    finishRuns({}, tr("No pipeline runs: name the CI provider in .envdeck.yaml (pipelines: { "
                      "provider: azure-devops, organization: …, project: … }) to chart them."));
}

void TimelineTab::runsFromDemo()
{
    m_demoWatcher.setFuture(QtConcurrent::run(&Pipelines::demoRuns, m_root));
}

void TimelineTab::runsFromProvider()
{
    auto config = RepositoryConfig::read(m_root);
    if (!config) {
        finishRuns({}, config.error().toString());
        return;
    }
    auto source = config->pipelines ? Pipelines::pipelineSourceFrom(*config)
                                    : forgePipelineSource(m_root, *config);
    if (!source) {
        finishRuns({}, tr("Pipeline runs: %1").arg(source.error().toString()));
        return;
    }
    Forge::ForgeSettings settings;
    settings.provider = source->provider;
    settings.apiBase = source->apiBase;
    settings.project = source->project;
    settings.organization = source->organization;
    const auto account = Change::forgeAccount(settings);
    const int generation = m_generation;
    const auto start = [this, generation, settings, source = *source](const QString &token) {
        if (generation != m_generation)
            return;
        auto connection = Pipelines::pipelineConnection(source, token, m_network);
        if (m_refresher)
            m_refresher->deleteLater();
        m_refresher = new Pipelines::PipelineRefresher(
            cacheDatabasePath(Pipelines::gitDirectoryOf(m_root)), source, connection, this);
        connect(m_refresher, &Pipelines::PipelineRefresher::progress, this,
                [this](int, const QString &message) { m_status->setText(message); });
        connect(m_refresher, &Pipelines::PipelineRefresher::finished, this,
                [this, generation, provider = settings.provider] {
                    if (generation != m_generation || !m_refresher)
                        return;
                    const Pipelines::RefreshOutcome &outcome = m_refresher->lastOutcome();
                    QString banner;
                    if (outcome.fresh)
                        banner = tr("Pipeline runs from %1, read just now.")
                                     .arg(Forge::providerDisplayName(provider));
                    else if (outcome.asOf.isValid())
                        banner = tr("Offline: pipeline runs as read from %1 %2 (%3).")
                                     .arg(Forge::providerDisplayName(provider),
                                          Formatting::relativeTime(outcome.asOf.toLocalTime()),
                                          outcome.error);
                    else
                        banner = tr("The pipeline runs could not be read from %1: %2")
                                     .arg(Forge::providerDisplayName(provider), outcome.error);
                    finishRuns(outcome.runs, banner);
                });
        m_refresher->refresh();
    };
    if (!account || !m_tokens) {
        start(QString());
        return;
    }
    Credentials::TokenJob *job = m_tokens->read(*account);
    connect(job, &Credentials::TokenJob::finished, this, [job, start] {
        job->deleteLater();
        // Public projects can be read without a token; the provider says so when one is needed.
        start(job->result() ? job->result()->value : QString());
    });
}

void TimelineTab::finishRuns(QList<Pipelines::PipelineRun> runs, const QString &banner)
{
    m_runs = std::move(runs);
    // The demo's history ends at its newest commit: its periods end there too.
    m_page->setReferenceTime(Demo::isGeneratedDemo(m_root) && m_headTime.isValid()
                                 ? m_headTime.toUTC()
                                 : QDateTime::currentDateTimeUtc());
    m_page->setData(m_events, m_runs, m_tiers);
    QStringList notes;
    if (!m_historyNote.isEmpty())
        notes << m_historyNote;
    if (!banner.isEmpty())
        notes << banner;
    m_page->setBanner(notes.join(u'\n'));
    m_shownHead = m_head;
    setBusy(
        false,
        tr("Deployment events: %1 · pipeline runs: %2").arg(m_events.size()).arg(m_runs.size()));
    emit loaded();
}

void TimelineTab::showCommit(const QString &commitId)
{
    auto repository = Git::Repository::open(m_root);
    if (!repository)
        return;
    QString patch;
    auto diff = repository->diffCommits(commitId + QStringLiteral("^"), commitId);
    if (diff)
        patch = *diff;
    QString heading = commitId.left(8);
    for (const History::DeploymentEvent &event : std::as_const(m_events)) {
        if (event.commit != commitId)
            continue;
        heading = tr("Commit %1 by %2, %3")
                      .arg(commitId.left(8), event.author,
                           QLocale().toString(event.date.toLocalTime(), QLocale::ShortFormat));
        if (!event.mergeRequest.isEmpty())
            heading += tr(" (merge request %1)").arg(event.mergeRequest);
        break;
    }
    auto dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("commitDialog"));
    dialog->setWindowTitle(tr("Commit %1").arg(commitId.left(8)));
    auto label = new QLabel(heading, dialog);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto view = new DiffView(dialog);
    view->setPatch(
        patch,
        diff ? tr("This commit changes no file.")
             : tr("The changes of this commit cannot be shown: %1").arg(diff.error().toString()));
    auto buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto layout = new QVBoxLayout(dialog);
    layout->addWidget(label);
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
    dialog->resize(900, 640);
    dialog->show();
}

} // namespace EnvDeck
