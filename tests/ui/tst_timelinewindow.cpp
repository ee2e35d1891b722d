// SPDX-License-Identifier: GPL-3.0-or-later
// The Timelines tab in the window, on the demo repository, as a release manager uses it: the
// deployment history read from Git (every event the generator wrote), the demo's pipeline runs
// labelled as demo data, every chart drawn, a marker's commit opened; and a clone that is not the
// demo gets no invented runs.

#include "GitFixture.h"
#include "MainWindow.h"
#include "RepositoryPage.h"
#include "Screenshots.h"
#include "TestSupport.h"
#include "TimelineTab.h"

#include "DiffView.h"
#include "demo/DemoRepository.h"
#include "timeline/Dora.h"
#include "timeline/DoraPanel.h"
#include "timeline/ReleaseTimelineChart.h"
#include "timeline/TimelineFilter.h"
#include "timeline/TimelinePage.h"

#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>

#include <algorithm>

using namespace EnvDeck;
using History::DeploymentEvent;

namespace {

QStringList keys(const QList<DeploymentEvent> &events)
{
    QStringList list;
    for (const DeploymentEvent &event : events)
        list << QStringList{event.environment,
                            event.component,
                            event.from,
                            event.to,
                            History::kindName(event.kind),
                            event.commit,
                            event.author,
                            event.date.toUTC().toString(Qt::ISODate),
                            event.mergeRequest,
                            event.path}
                    .join(u'|');
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

class TestTimelineWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    QList<DeploymentEvent> m_ledger;

    // Opens `path` in `window` and shows its Timelines tab until it has loaded.
    static TimelineTab *openTimelines(MainWindow &window, const QString &path)
    {
        QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
        window.openRepository(path);
        if (!loaded.wait(60000))
            return nullptr;
        RepositoryPage *page = window.findChild<RepositoryPage *>();
        TimelineTab *tab = page->timelineTab();
        QSignalSpy shown(tab, &TimelineTab::loaded);
        page->tabs()->setCurrentWidget(tab);
        if (!shown.wait(60000))
            return nullptr;
        return tab;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(QStringLiteral("infra"));
        Demo::Options options;
        options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
        auto made = Demo::generate(m_demo, options);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));
        m_ledger = made->events;
    }

    void demoTimelines()
    {
        MainWindow window;
        window.resize(1500, 950);
        window.show();
        TimelineTab *tab = openTimelines(window, m_demo);
        QVERIFY(tab);
        QVERIFY(!tab->isBusy());
        QVERIFY(!tab->progressBar()->isVisible());

        // Everything the generator deployed, nothing else.
        QCOMPARE(keys(tab->events()), keys(m_ledger));
        // The demo's runs are demo data, and the page says so.
        QVERIFY(!tab->runs().isEmpty());
        for (const Pipelines::PipelineRun &run : tab->runs())
            QCOMPARE(run.provider, QStringLiteral("demo"));
        Timeline::TimelinePage *page = tab->page();
        QVERIFY(page->banner()->isVisible());
        QVERIFY2(page->banner()->text().startsWith(QStringLiteral("Demo data:")),
                 qPrintable(page->banner()->text()));
        QCOMPARE(tab->statusLabel()->text(),
                 QStringLiteral("Deployment events: %1 · pipeline runs: %2")
                     .arg(m_ledger.size())
                     .arg(tab->runs().size()));

        // The release timeline has one marker per deployment the tables list, and the DORA panel
        // counts production deployments of the last 90 days.
        Timeline::ReleaseTimelineChart *timeline = page->timelineChart();
        QVERIFY(timeline->markerSeries()->count() > 0);
        QVERIFY(page->doraPanel()->report().deployments > 0);

        const QList<std::pair<Timeline::TimelinePage::Chart, QString>> charts{
            {Timeline::TimelinePage::Timeline, QStringLiteral("demo-timeline-releases.png")},
            {Timeline::TimelinePage::Durations, QStringLiteral("demo-timeline-runs.png")},
            {Timeline::TimelinePage::PerWeek, QStringLiteral("demo-timeline-per-week.png")},
            {Timeline::TimelinePage::Dora, QStringLiteral("demo-timeline-dora.png")},
        };
        for (const auto &[chart, name] : charts) {
            QWidget *widget = page->chartWidget(chart);
            QVERIFY(widget);
            page->tabs()->setCurrentIndex(int(chart));
            QTRY_VERIFY(widget->isVisible());
            saveScreenshot(&window, name);
        }

        // A click on a deployment opens its commit with the change it made.
        page->tabs()->setCurrentIndex(int(Timeline::TimelinePage::Timeline));
        const DeploymentEvent &event = timeline->markerEvent(0);
        emit timeline->commitActivated(event.commit);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = tab->findChild<QDialog *>(QStringLiteral("commitDialog"))));
        QVERIFY(dialog->windowTitle().contains(event.commit.left(8)));
        DiffView *diff = dialog->findChild<DiffView *>();
        QVERIFY(diff);
        QVERIFY2(diff->toPlainText().contains(event.path),
                 qPrintable(diff->toPlainText().left(400)));
        dialog->close();

        // F5 reads again: from the cache now, with the same result.
        const QStringList before = keys(tab->events());
        QSignalSpy again(tab, &TimelineTab::loaded);
        tab->refreshButton()->click();
        QVERIFY(tab->progressBar()->isVisible() || again.count() == 1);
        QVERIFY(again.wait(60000) || again.count() == 1);
        QCOMPARE(keys(tab->events()), before);
    }

    void aCloneGetsNoDemoRuns()
    {
        // The same history, but not the generated demo: no invented runs, and the page says how
        // to get real ones.
        const QString clone = m_dir.filePath(QStringLiteral("clone"));
        GitFixture git(m_dir.path());
        QVERIFY(!git.git({QStringLiteral("clone"), QStringLiteral("-q"), m_demo, clone}).isNull());
        // Without `pipelines:` in .envdeck.yaml (the demo's names an Azure DevOps project, which
        // a test must not ask).
        QFile config(clone + QStringLiteral("/.envdeck.yaml"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(config.readAll());
        config.close();
        const qsizetype at = text.indexOf(QStringLiteral("\npipelines:"));
        QVERIFY(at >= 0);
        const qsizetype end = text.indexOf(QStringLiteral("\n"), at + 1);
        text.remove(at, end - at);
        QVERIFY(!text.contains(QStringLiteral("pipelines:")));
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(text.toUtf8());
        config.close();
        MainWindow window;
        window.resize(1500, 950);
        window.show();
        TimelineTab *tab = openTimelines(window, clone);
        QVERIFY(tab);
        QCOMPARE(keys(tab->events()), keys(m_ledger));
        QVERIFY(tab->runs().isEmpty());
        QVERIFY2(tab->page()->banner()->text().startsWith(
                     QStringLiteral("No pipeline runs: name the CI provider in .envdeck.yaml")),
                 qPrintable(tab->page()->banner()->text()));
    }
};

ENVDECK_TEST_MAIN_GUI(TestTimelineWindow)
#include "tst_timelinewindow.moc"
