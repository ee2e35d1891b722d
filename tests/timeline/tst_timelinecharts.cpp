// SPDX-License-Identifier: GPL-3.0-or-later
#include "Screenshots.h"
#include "TestSupport.h"
#include "TimelineTestData.h"

#include "timeline/DeploymentsPerWeekChart.h"
#include "timeline/DoraPanel.h"
#include "timeline/ReleaseTimelineChart.h"
#include "timeline/RunDurationChart.h"
#include "timeline/Thinning.h"
#include "timeline/TimelineFilter.h"
#include "timeline/TimelineModels.h"
#include "timeline/TimelinePage.h"

#include <QApplication>
#include <QBarSet>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace EnvDeck;
using namespace EnvDeck::Timeline;
using namespace TimelineTestData;
using namespace Qt::StringLiterals;

class TestTimelineCharts : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void seriesFollowTheModels_data();
    void seriesFollowTheModels();
    void markerToolTip();
    void clickEmitsCommit();
    void exportPng_data();
    void exportPng();
    void exportCsv();
    void doraPanel();
    void thinsLargeRunHistories();
    void thinsLargeTimelines();
    void banner();
    void darkPalette();

private:
    TimelinePage *m_page = nullptr;
};

void TestTimelineCharts::init()
{
    m_page = new TimelinePage;
    m_page->setReferenceTime(utc("2026-01-21T00:00:00"));
    m_page->setData(events(), runs(), tiers());
    m_page->resize(1100, 820);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
}

void TestTimelineCharts::cleanup()
{
    delete m_page;
    m_page = nullptr;
}

void TestTimelineCharts::seriesFollowTheModels_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("component");
    QTest::addColumn<int>("eventRows");
    QTest::addColumn<int>("runRows");
    QTest::addColumn<int>("deployRows");

    QTest::newRow("everything") << QString() << QString() << 11 << 9 << 10;
    QTest::newRow("prod") << u"prod"_s << QString() << 4 << 4 << 4;
    QTest::newRow("dev, orders") << u"dev"_s << u"orders"_s << 3 << 2 << 2;
    QTest::newRow("billing") << QString() << u"billing"_s << 3 << 9 << 3;
}

void TestTimelineCharts::seriesFollowTheModels()
{
    QFETCH(QString, environment);
    QFETCH(QString, component);
    QFETCH(int, eventRows);
    QFETCH(int, runRows);
    QFETCH(int, deployRows);

    m_page->setEnvironmentFilter(environment);
    m_page->setComponentFilter(component);
    QCOMPARE(m_page->eventsView()->rowCount(), eventRows);
    QCOMPARE(m_page->runsView()->rowCount(), runRows);

    QCOMPARE(m_page->timelineChart()->markerSeries()->count(), eventRows);

    int runPoints = 0;
    for (QScatterSeries *series : m_page->durationChart()->resultSeries())
        runPoints += series->count();
    QCOMPARE(runPoints, runRows);
    QCOMPARE(m_page->durationChart()->medianSeries()->count(), runRows);

    qreal deployments = 0;
    for (QBarSet *set : m_page->perWeekChart()->series()->barSets())
        deployments += set->sum();
    QCOMPARE(int(deployments), deployRows);
}

void TestTimelineCharts::markerToolTip()
{
    ReleaseTimelineChart *chart = m_page->timelineChart();
    const DeploymentEvent rollback = events().at(8);
    int index = -1;
    for (int i = 0; i < chart->markerSeries()->count(); ++i) {
        if (chart->markerEvent(i) == rollback)
            index = i;
    }
    QVERIFY(index >= 0);
    const QString expected = u"<b>orders</b> 1.2.0 → 1.1.0 in <b>prod</b><br/>"
                             "2026-01-15 08:00 UTC<br/>"
                             "Commit "_s
                             + rollback.commit.left(8)
                             + u"<br/>Author Maria Silva<br/>Merge request !42<br/>"
                               "<i>Click to show the commit</i>"_s;
    QCOMPARE(chart->markerToolTip(index), expected);
}

void TestTimelineCharts::clickEmitsCommit()
{
    m_page->tabs()->setCurrentIndex(TimelinePage::Timeline);
    ReleaseTimelineChart *chart = m_page->timelineChart();
    QTest::qWait(50);
    const DeploymentEvent target = events().at(5); // prod-eu, alone in its lane
    int index = -1;
    for (int i = 0; i < chart->markerSeries()->count(); ++i) {
        if (chart->markerEvent(i) == target)
            index = i;
    }
    QVERIFY(index >= 0);
    const QPointF value = chart->markerSeries()->at(index);
    const QPointF scenePos
        = chart->chart()->mapToScene(chart->chart()->mapToPosition(value, chart->markerSeries()));
    const QPoint pos = chart->mapFromScene(scenePos);
    QVERIFY(chart->viewport()->rect().contains(pos));

    QSignalSpy spy(m_page, &TimelinePage::commitActivated);
    QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, pos);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), target.commit);
}

void TestTimelineCharts::exportPng_data()
{
    QTest::addColumn<int>("chart");
    QTest::addColumn<QString>("name");

    QTest::newRow("release timeline") << int(TimelinePage::Timeline) << u"release"_s;
    QTest::newRow("run durations") << int(TimelinePage::Durations) << u"durations"_s;
    QTest::newRow("deployments per week") << int(TimelinePage::PerWeek) << u"per-week"_s;
    QTest::newRow("dora") << int(TimelinePage::Dora) << u"dora"_s;
}

void TestTimelineCharts::exportPng()
{
    QFETCH(int, chart);
    QFETCH(QString, name);
    const auto which = TimelinePage::Chart(chart);
    m_page->tabs()->setCurrentIndex(chart);
    QTest::qWait(50);

    QTemporaryDir dir;
    const QString path = dir.filePath(name + u".png"_s);
    const Result<void> written = m_page->exportPng(which, path);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), m_page->chartWidget(which)->size() * image.devicePixelRatio());
    QVERIFY(image.width() > 300 && image.height() > 200);

    const Result<void> refused = m_page->exportPng(which, dir.filePath(u"no/such/dir/x.png"_s));
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message().contains(u"no/such/dir/x.png"_s));

    saveScreenshot(m_page->chartWidget(which), u"timeline-"_s + name + u".png"_s);
}

void TestTimelineCharts::exportCsv()
{
    m_page->setEnvironmentFilter(u"prod-eu"_s);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"runs.csv"_s);
    QVERIFY(m_page->exportCsv(TimelinePage::Durations, path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    // The table sorts newest first; the CSV is what the table shows.
    const QString expected
        = u"Started (UTC),Pipeline,Environment,Result,Duration,Branch,Commit,Provider\r\n"
          "2026-01-13 08:40,deploy,prod-eu,succeeded,20m 00s,main,aaaaaaaa,demo\r\n"
          "2026-01-13 08:00,deploy,prod-eu,failed,20m 00s,main,aaaaaaaa,demo\r\n"_s;
    QCOMPARE(QString::fromUtf8(file.readAll()), expected);

    const QString events = dir.filePath(u"events.csv"_s);
    QVERIFY(m_page->exportCsv(TimelinePage::Timeline, events).ok());
    QFile eventFile(events);
    QVERIFY(eventFile.open(QIODevice::ReadOnly));
    const QString commit = TimelineTestData::events().at(5).commit.left(8);
    QCOMPARE(QString::fromUtf8(eventFile.readAll()),
             u"Date (UTC),Environment,Component,Change,From,To,Commit,Author,Merge request\r\n"
             "2026-01-13 09:00,prod-eu,orders,deploy,1.0.0,1.1.0,"_s
                 + commit + u",Maria Silva,!42\r\n"_s);
}

void TestTimelineCharts::doraPanel()
{
    DoraPanel *panel = m_page->doraPanel();
    panel->setCustomPeriod(QDate(2026, 1, 5), QDate(2026, 1, 18));
    QCOMPARE(panel->query().from, utc("2026-01-05T00:00:00"));
    QCOMPARE(panel->query().to, utc("2026-01-19T00:00:00"));
    QCOMPARE(panel->report().deployments, 5);
    QCOMPARE(panel->valueText(DoraPanel::Frequency), u"2.5 per week"_s);
    QCOMPARE(panel->bandText(DoraPanel::Frequency), u"High"_s);
    QCOMPARE(panel->valueText(DoraPanel::LeadTime), u"2.5 days"_s);
    QCOMPARE(panel->valueText(DoraPanel::FailureRate), u"80 %"_s);
    QCOMPARE(panel->bandText(DoraPanel::FailureRate), u"Low"_s);
    QCOMPARE(panel->valueText(DoraPanel::TimeToRestore), u"1.9 h"_s);

    panel->setEnvironment(u"prod-eu"_s);
    QCOMPARE(panel->report().deployments, 1);
    QCOMPARE(panel->bandText(DoraPanel::TimeToRestore), u"Elite"_s);
    QCOMPARE(panel->valueText(DoraPanel::TimeToRestore), u"40 min"_s);

    // Last 30 days before 21 January 2026: the same events, a longer period.
    panel->setEnvironment(QString());
    panel->setPeriod(DoraPanel::Last30Days);
    QCOMPARE(panel->query().to, utc("2026-01-21T00:00:00"));
    QCOMPARE(panel->report().deployments, 5);
    QCOMPARE(panel->metricsModel()->rowCount(), 4);
    m_page->tabs()->setCurrentIndex(TimelinePage::Dora);
    QTest::qWait(50);
}

void TestTimelineCharts::thinsLargeRunHistories()
{
    QList<PipelineRun> many;
    const QDateTime start = utc("2025-01-01T00:00:00");
    for (int i = 0; i < 20000; ++i) {
        PipelineRun run = TimelineTestData::run("build", "dev", "succeeded", "2025-01-01T00:00:00",
                                                300 + (i % 97));
        run.started = start.addSecs(qint64(i) * 600);
        run.finished = run.started.addSecs(300 + (i % 97));
        many.append(run);
    }
    many[12345].finished = many[12345].started.addSecs(7200); // the one slow run must stay visible
    PipelineRunModel model;
    model.setRuns(many);
    RunDurationChart chart;
    chart.resize(900, 400);
    chart.setModel(&model);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QTest::qWait(50);

    QScatterSeries *succeeded = chart.resultSeries().at(0);
    const int plotWidth = int(chart.chart()->plotArea().width());
    QVERIFY(plotWidth > 100);
    QVERIFY2(succeeded->count() <= 2 * plotWidth, qPrintable(QString::number(succeeded->count())));
    QVERIFY(succeeded->count() >= plotWidth / 2);
    double slowest = 0;
    for (const QPointF &point : succeeded->points())
        slowest = std::max(slowest, point.y());
    QCOMPARE(slowest, 120.0); // minutes
    QVERIFY(chart.medianSeries()->count() <= 2 * plotWidth);
}

void TestTimelineCharts::thinsLargeTimelines()
{
    QList<DeploymentEvent> many;
    const QDateTime start = utc("2024-01-01T00:00:00");
    for (int i = 0; i < 12000; ++i) {
        DeploymentEvent event
            = deploy(i % 2 ? "dev" : "prod", "orders", "", "", "2024-01-01T00:00:00");
        event.from = QStringLiteral("1.0.%1").arg(i);
        event.to = QStringLiteral("1.0.%1").arg(i + 1);
        event.date = start.addSecs(qint64(i) * 1800);
        many.append(event);
    }
    DeploymentEventModel model;
    model.setEvents(many);
    ReleaseTimelineChart chart;
    chart.setTiers(tiers());
    chart.setUntil(start.addDays(260));
    chart.resize(900, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setModel(&model);

    QScatterSeries *markers = chart.markerSeries();
    const int columns = int(chart.chart()->plotArea().width());
    QVERIFY2(markers->count() < 12000, qPrintable(QString::number(markers->count())));
    // Two rows (dev and prod), a marker per pixel column each; the plot may have narrowed a
    // little since the markers were placed (its axis labels changed).
    QVERIFY(markers->count() <= 2 * (columns + 40));
    QVERIFY(markers->count() >= columns / 2);
    // Each marker still stands for the event it is drawn for.
    for (int i = 0; i < markers->count(); i += 37) {
        QCOMPARE(markers->at(i).x(), double(chart.markerEvent(i).date.toMSecsSinceEpoch()));
        QCOMPARE(chart.laneOf(chart.markerEvent(i).environment), int(markers->at(i).y()));
    }
}

void TestTimelineCharts::banner()
{
    QVERIFY(!m_page->banner()->isVisible());
    m_page->setBanner(u"Demo data"_s);
    QVERIFY(m_page->banner()->isVisible());
    QCOMPARE(m_page->banner()->text(), u"Demo data"_s);
    m_page->setBanner(QString());
    QVERIFY(!m_page->banner()->isVisible());
}

void TestTimelineCharts::darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
    dark.setColor(QPalette::WindowText, QColor(0xe5, 0xe7, 0xeb));
    dark.setColor(QPalette::Base, QColor(0x16, 0x18, 0x1c));
    dark.setColor(QPalette::Text, QColor(0xe5, 0xe7, 0xeb));
    dark.setColor(QPalette::Button, QColor(0x2d, 0x30, 0x36));
    dark.setColor(QPalette::ButtonText, QColor(0xe5, 0xe7, 0xeb));
    m_page->setPalette(dark);
    QCOMPARE(m_page->timelineChart()->chart()->backgroundBrush().color(),
             dark.color(QPalette::Window));
    QCOMPARE(m_page->durationChart()->chart()->titleBrush().color(),
             dark.color(QPalette::WindowText));
    const QStringList names{u"release"_s, u"durations"_s, u"per-week"_s, u"dora"_s};
    for (int chart = 0; chart < names.size(); ++chart) {
        m_page->tabs()->setCurrentIndex(chart);
        saveScreenshot(m_page->chartWidget(TimelinePage::Chart(chart)),
                       u"timeline-"_s + names.at(chart) + u"-dark.png"_s);
    }
}

ENVDECK_TEST_MAIN_GUI(TestTimelineCharts)
#include "tst_timelinecharts.moc"
