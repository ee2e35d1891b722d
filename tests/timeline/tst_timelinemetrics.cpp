// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"
#include "TimelineTestData.h"

#include "timeline/CsvExport.h"
#include "timeline/Dora.h"
#include "timeline/Metrics.h"
#include "timeline/Thinning.h"
#include "timeline/TimelineFilter.h"
#include "timeline/TimelineModels.h"

#include <QAbstractTableModel>
#include <QTemporaryDir>

#include <cmath>

using namespace EnvDeck;
using namespace EnvDeck::Timeline;
using namespace TimelineTestData;
using namespace Qt::StringLiterals;

namespace {

// A table of fixed texts: a header row, then the rows (no Qt Gui in this test).
class TextTable : public QAbstractTableModel
{
public:
    TextTable(QStringList headers, QList<QStringList> rows)
        : m_headers(std::move(headers))
        , m_rows(std::move(rows))
    {}
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_headers.size());
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        return role == Qt::DisplayRole ? QVariant(m_rows.at(index.row()).at(index.column()))
                                       : QVariant();
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        return orientation == Qt::Horizontal && role == Qt::DisplayRole
                   ? QVariant(m_headers.at(section))
                   : QVariant();
    }

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

} // namespace

class TestTimelineMetrics : public QObject
{
    Q_OBJECT

private slots:
    void weeklyCounts_data();
    void weeklyCounts();
    void isoWeek();
    void movingMedian_data();
    void movingMedian();
    void runDurationMedianFollowsStartOrder();
    void successRate();
    void dora_data();
    void dora();
    void bands_data();
    void bands();
    void rollback_data();
    void rollback();
    void bands_of_versions();
    void thinning_data();
    void thinning();
    void csvField_data();
    void csvField();
    void csvOfModel();
    void models();
    void filter_data();
    void filter();
};

void TestTimelineMetrics::weeklyCounts_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QList<int>>("counts");

    // Weeks of 5, 12 and 19 January 2026; the Lock on the 16th is not a deployment.
    QTest::newRow("dev") << u"dev"_s << QList<int>{2, 1, 0};
    QTest::newRow("staging") << u"staging"_s << QList<int>{1, 0, 1};
    QTest::newRow("prod") << u"prod"_s << QList<int>{1, 3, 0};
    QTest::newRow("prod-eu") << u"prod-eu"_s << QList<int>{0, 1, 0};
    QTest::newRow("unknown environment") << u"qa"_s << QList<int>{0, 0, 0};
}

void TestTimelineMetrics::weeklyCounts()
{
    QFETCH(QString, environment);
    QFETCH(QList<int>, counts);

    const WeeklyDeployments weekly = deploymentsPerWeek(events(), tiers());
    QCOMPARE(weekly.weeks,
             (QList<QDate>{QDate(2026, 1, 5), QDate(2026, 1, 12), QDate(2026, 1, 19)}));
    QCOMPARE(weekly.environments, (QStringList{u"dev"_s, u"staging"_s, u"prod"_s, u"prod-eu"_s}));
    QList<int> actual;
    for (int week = 0; week < weekly.weeks.size(); ++week)
        actual.append(weekly.count(environment, week));
    QCOMPARE(actual, counts);
}

void TestTimelineMetrics::isoWeek()
{
    // 1 January 2026 is a Thursday: its week is the first of 2026 and starts in 2025.
    QCOMPARE(isoWeekStart(QDate(2026, 1, 1)), QDate(2025, 12, 29));
    QCOMPARE(isoWeekLabel(QDate(2026, 1, 1)), u"2026-W01"_s);
    QCOMPARE(isoWeekLabel(QDate(2027, 1, 1)), u"2026-W53"_s);
    QCOMPARE(isoWeekStart(QDate(2026, 1, 11)), QDate(2026, 1, 5));
}

void TestTimelineMetrics::movingMedian_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<int>("window");
    QTest::addColumn<QList<double>>("expected");

    const QList<double> values{5, 1, 3, 2, 8};
    QTest::newRow("window 3") << values << 3 << QList<double>{5, 3, 3, 2, 3};
    QTest::newRow("window 1") << values << 1 << values;
    QTest::newRow("window larger than the list") << values << 10 << QList<double>{5, 3, 3, 2.5, 3};
    QTest::newRow("window 2 averages pairs") << values << 2 << QList<double>{5, 3, 2, 2.5, 5};
    QTest::newRow("empty") << QList<double>{} << 3 << QList<double>{};
}

void TestTimelineMetrics::movingMedian()
{
    QFETCH(QList<double>, values);
    QFETCH(int, window);
    QFETCH(QList<double>, expected);
    QCOMPARE(Timeline::movingMedian(values, window), expected);
}

void TestTimelineMetrics::runDurationMedianFollowsStartOrder()
{
    QList<PipelineRun> shuffled = runs();
    std::reverse(shuffled.begin(), shuffled.end());
    const QList<QPointF> points = runDurationMedian(shuffled, 3);
    QList<double> medians;
    for (const QPointF &point : points)
        medians.append(point.y());
    QCOMPARE(medians, (QList<double>{600, 450, 300, 300, 420, 420, 420, 1200, 1200}));
    QCOMPARE(points.first().x(), double(utc("2026-01-07T08:50:00").toMSecsSinceEpoch()));
}

void TestTimelineMetrics::successRate()
{
    const QList<WeeklySuccess> weeks = successRatePerWeek(runs());
    QCOMPARE(weeks.size(), 3);
    QCOMPARE(weeks.at(0), (WeeklySuccess{QDate(2026, 1, 5), 2, 4}));
    QCOMPARE(weeks.at(1),
             (WeeklySuccess{QDate(2026, 1, 12), 2, 3})); // the canceled run is left out
    QCOMPARE(weeks.at(2), (WeeklySuccess{QDate(2026, 1, 19), 1, 1}));
    QCOMPARE(weeks.at(1).rate(), 2.0 / 3.0);
}

void TestTimelineMetrics::dora_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("component");
    QTest::addColumn<int>("deployments");
    QTest::addColumn<double>("perDay");
    QTest::addColumn<int>("frequencyBand");
    QTest::addColumn<int>("leadSamples");
    QTest::addColumn<double>("leadHours");
    QTest::addColumn<int>("leadBand");
    QTest::addColumn<int>("failedRuns");
    QTest::addColumn<int>("rollbacks");
    QTest::addColumn<double>("failureRate");
    QTest::addColumn<int>("failureBand");
    QTest::addColumn<int>("restoreSamples");
    QTest::addColumn<double>("restoreHours");
    QTest::addColumn<int>("restoreBand");

    const auto band = [](DoraBand b) { return int(b); };
    // Lead times: orders 1.1.0 48 h, billing 2.1.0 192 h, orders 1.2.0 60 h. Restores: prod
    // 10:05 -> 13:15 (the second failure of the streak does not restart the clock), prod-eu 40 min.
    QTest::newRow("all production, two weeks")
        << "2026-01-05T00:00:00"
        << "2026-01-19T00:00:00" << QString() << QString() << 5 << 5.0 / 14 << band(DoraBand::High)
        << 3 << 60.0 << band(DoraBand::High) << 3 << 1 << 0.8 << band(DoraBand::Low) << 2
        << (190.0 / 60 + 40.0 / 60) / 2 << band(DoraBand::High);
    QTest::newRow("prod, orders, thirty days")
        << "2026-01-01T00:00:00"
        << "2026-01-31T00:00:00" << u"prod"_s << u"orders"_s << 3 << 0.1 << band(DoraBand::Medium)
        << 2 << 54.0 << band(DoraBand::High) << 2 << 1 << 1.0 << band(DoraBand::Low) << 1
        << 190.0 / 60 << band(DoraBand::High);
    QTest::newRow("prod-eu, one day")
        << "2026-01-13T00:00:00"
        << "2026-01-14T00:00:00" << u"prod-eu"_s << QString() << 1 << 1.0 << band(DoraBand::Elite)
        << 1 << 192.0 << band(DoraBand::Medium) << 1 << 0 << 1.0 << band(DoraBand::Low) << 1
        << 40.0 / 60 << band(DoraBand::Elite);
    QTest::newRow("nothing in the period")
        << "2026-02-01T00:00:00"
        << "2026-03-01T00:00:00" << u"staging"_s << QString() << 0 << 0.0 << band(DoraBand::Low)
        << 0 << 0.0 << band(DoraBand::None) << 0 << 0 << 0.0 << band(DoraBand::None) << 0 << 0.0
        << band(DoraBand::None);
}

void TestTimelineMetrics::dora()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, environment);
    QFETCH(QString, component);

    DoraQuery query;
    query.from = utc(from.toLatin1().constData());
    query.to = utc(to.toLatin1().constData());
    query.environment = environment;
    query.component = component;
    query.tiers = tiers();
    const DoraReport report = computeDora(events(), runs(), query);

    QTEST(report.deployments, "deployments");
    QTEST(report.deploysPerDay, "perDay");
    QFETCH(double, perDay);
    QCOMPARE(report.deploysPerWeek, perDay * 7);
    QTEST(int(report.frequencyBand), "frequencyBand");
    QTEST(report.leadTimeSamples, "leadSamples");
    QTEST(report.leadTimeHours, "leadHours");
    QTEST(int(report.leadTimeBand), "leadBand");
    QTEST(report.failedRuns, "failedRuns");
    QTEST(report.rollbacks, "rollbacks");
    QTEST(report.changeFailureRate, "failureRate");
    QTEST(int(report.failureRateBand), "failureBand");
    QTEST(report.restoreSamples, "restoreSamples");
    QTEST(report.restoreHours, "restoreHours");
    QTEST(int(report.restoreBand), "restoreBand");
}

void TestTimelineMetrics::bands_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("band");

    QTest::newRow("frequency: twice a day") << "frequency" << 2.0 << "Elite";
    QTest::newRow("frequency: daily") << "frequency" << 1.0 << "Elite";
    QTest::newRow("frequency: weekly") << "frequency" << 1.0 / 7 << "High";
    QTest::newRow("frequency: fortnightly") << "frequency" << 1.0 / 14 << "Medium";
    QTest::newRow("frequency: every two months") << "frequency" << 1.0 / 60 << "Low";
    QTest::newRow("lead: 2 hours") << "lead" << 2.0 << "Elite";
    QTest::newRow("lead: 1 day") << "lead" << 24.0 << "High";
    QTest::newRow("lead: 1 week") << "lead" << 168.0 << "High";
    QTest::newRow("lead: 2 weeks") << "lead" << 336.0 << "Medium";
    QTest::newRow("lead: 2 months") << "lead" << 1440.0 << "Low";
    QTest::newRow("failure: 5%") << "failure" << 0.05 << "Elite";
    QTest::newRow("failure: 8%") << "failure" << 0.08 << "High";
    QTest::newRow("failure: 15%") << "failure" << 0.15 << "Medium";
    QTest::newRow("failure: 40%") << "failure" << 0.40 << "Low";
    QTest::newRow("restore: 30 minutes") << "restore" << 0.5 << "Elite";
    QTest::newRow("restore: 1 hour") << "restore" << 1.0 << "High";
    QTest::newRow("restore: 3 days") << "restore" << 72.0 << "Medium";
    QTest::newRow("restore: 2 weeks") << "restore" << 336.0 << "Low";
}

void TestTimelineMetrics::bands()
{
    QFETCH(QString, metric);
    QFETCH(double, value);
    QFETCH(QString, band);
    DoraBand actual = DoraBand::None;
    if (metric == u"frequency")
        actual = deploymentFrequencyBand(value);
    else if (metric == u"lead")
        actual = leadTimeBand(value);
    else if (metric == u"failure")
        actual = changeFailureRateBand(value);
    else
        actual = timeToRestoreBand(value);
    QCOMPARE(doraBandName(actual), band);
}

void TestTimelineMetrics::rollback_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("expected");

    QTest::newRow("upgrade") << "1.2.0"
                             << "1.3.0" << false;
    QTest::newRow("downgrade") << "1.3.0"
                               << "1.2.9" << true;
    QTest::newRow("v prefix") << "v2.0.0"
                              << "v1.9.0" << true;
    QTest::newRow("pre-release is lower") << "2.0.0"
                                          << "2.0.0-rc.1" << true;
    QTest::newRow("calendar versions") << "2024.02.1"
                                       << "2024.01.7" << true;
    QTest::newRow("not comparable") << "latest"
                                    << "stable" << false;
    QTest::newRow("added") << ""
                           << "1.0.0" << false;
}

void TestTimelineMetrics::rollback()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QTEST(isRollback(from, to), "expected");
}

void TestTimelineMetrics::bands_of_versions()
{
    const QDateTime until = utc("2026-02-01T00:00:00");
    QList<VersionBand> prod;
    for (const VersionBand &band : versionBands(events(), until)) {
        if (band.environment == u"prod")
            prod.append(band);
    }
    const QList<VersionBand> expected{
        {u"prod"_s, u"orders"_s, u"1.1.0"_s, utc("2026-01-07T09:00:00"),
         utc("2026-01-14T20:00:00")},
        {u"prod"_s, u"billing"_s, u"2.1.0"_s, utc("2026-01-14T10:00:00"), until},
        {u"prod"_s, u"orders"_s, u"1.2.0"_s, utc("2026-01-14T20:00:00"),
         utc("2026-01-15T08:00:00")},
        {u"prod"_s, u"orders"_s, u"1.1.0"_s, utc("2026-01-15T08:00:00"), until},
    };
    QCOMPARE(prod, expected);
    // The Lock on dev does not end the band of 1.2.0 there.
    const QList<VersionBand> all = versionBands(events(), until);
    QCOMPARE(all.size(), 10);
    QVERIFY(all.contains(
        VersionBand{u"dev"_s, u"orders"_s, u"1.2.0"_s, utc("2026-01-12T08:00:00"), until}));
}

void TestTimelineMetrics::thinning_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("peak");
    QTest::addColumn<int>("dip");

    QTest::newRow("20k points, 500 px") << 20000 << 500 << 12345 << 777;
    QTest::newRow("50k points, 1200 px") << 50000 << 1200 << 49999 << 0;
    QTest::newRow("10001 points, 100 px") << 10001 << 100 << 5000 << 5001;
}

void TestTimelineMetrics::thinning()
{
    QFETCH(int, count);
    QFETCH(int, width);
    QFETCH(int, peak);
    QFETCH(int, dip);

    QList<QPointF> points;
    for (int i = 0; i < count; ++i)
        points.append(QPointF(i, std::sin(i / 50.0) * 10));
    points[peak].setY(1000);
    points[dip].setY(-1000);

    const QList<QPointF> thinned = thin(points, width);
    QVERIFY2(thinned.size() <= 2 * width, qPrintable(QString::number(thinned.size())));
    QVERIFY(thinned.size() >= width);
    QVERIFY(thinned.contains(points.at(peak)));
    QVERIFY(thinned.contains(points.at(dip)));
    QVERIFY(std::is_sorted(thinned.begin(), thinned.end(),
                           [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    // Below the threshold nothing is dropped.
    QCOMPARE(thin(points.mid(0, 10000), width), points.mid(0, 10000));
}

void TestTimelineMetrics::csvField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << "orders"
                           << "orders";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quotes") << "say \"hi\""
                            << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "two\nlines"
                             << "\"two\nlines\"";
    QTest::newRow("carriage return") << "a\rb"
                                     << "\"a\rb\"";
    QTest::newRow("spaces stay bare") << " padded "
                                      << " padded ";
}

void TestTimelineMetrics::csvField()
{
    QFETCH(QString, text);
    QTEST(Timeline::csvField(text), "expected");
}

void TestTimelineMetrics::csvOfModel()
{
    const TextTable model({u"Name"_s, u"Note, long"_s},
                          {{u"orders"_s, u"said \"ok\""_s}, {u"billing"_s, u"line 1\nline 2"_s}});
    const QString expected = u"Name,\"Note, long\"\r\n"
                             "orders,\"said \"\"ok\"\"\"\r\n"
                             "billing,\"line 1\nline 2\"\r\n"_s;
    QCOMPARE(toCsv(model), expected);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.csv"_s);
    QVERIFY(writeCsv(model, path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), expected);

    const Result<void> failed = writeCsv(model, dir.filePath(u"missing/folder/out.csv"_s));
    QVERIFY(!failed.ok());
    QVERIFY(failed.error().message().contains(u"missing/folder/out.csv"_s));
}

void TestTimelineMetrics::models()
{
    DeploymentEventModel eventModel;
    eventModel.setEvents(events());
    QCOMPARE(eventModel.rowCount(), events().size());
    QCOMPARE(eventModel.headerData(DeploymentEventModel::MergeRequest, Qt::Horizontal).toString(),
             u"Merge request"_s);
    const QModelIndex date = eventModel.index(3, DeploymentEventModel::Date);
    QCOMPARE(date.data().toString(), u"2026-01-07 09:00"_s);
    QCOMPARE(date.data(ValueRole).value<DeploymentEvent>(), events().at(3));
    QCOMPARE(eventModel.index(9, DeploymentEventModel::Kind).data().toString(), u"lock"_s);
    QCOMPARE(eventModel.index(3, DeploymentEventModel::Commit).data().toString(),
             events().at(3).commit.left(8));

    PipelineRunModel runModel;
    runModel.setRuns(runs());
    QCOMPARE(runModel.rowCount(), runs().size());
    QCOMPARE(runModel.index(3, PipelineRunModel::Duration).data().toString(), u"15m 00s"_s);
    QCOMPARE(runModel.index(3, PipelineRunModel::Duration).data(Qt::EditRole).toLongLong(), 900);
    QCOMPARE(runModel.index(1, PipelineRunModel::Result).data().toString(), u"failed"_s);
    QCOMPARE(formatDuration(7500), u"2h 05m"_s);
    QCOMPARE(formatDuration(12), u"12s"_s);
}

void TestTimelineMetrics::filter_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("component");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("eventRows");
    QTest::addColumn<int>("runRows");

    QTest::newRow("everything") << QString() << QString() << QString() << QString() << 11 << 9;
    QTest::newRow("prod") << "prod" << QString() << QString() << QString() << 4 << 4;
    QTest::newRow("orders") << QString() << "orders" << QString() << QString() << 8 << 9;
    QTest::newRow("second week") << QString() << QString() << "2026-01-12T00:00:00"
                                 << "2026-01-19T00:00:00" << 6 << 4;
    QTest::newRow("dev, orders, second week") << "dev"
                                              << "orders"
                                              << "2026-01-12T00:00:00"
                                              << "2026-01-19T00:00:00" << 2 << 2;
}

void TestTimelineMetrics::filter()
{
    QFETCH(QString, environment);
    QFETCH(QString, component);
    QFETCH(QString, from);
    QFETCH(QString, to);

    DeploymentEventModel eventModel;
    eventModel.setEvents(events());
    PipelineRunModel runModel;
    runModel.setRuns(runs());
    for (QAbstractItemModel *source : {static_cast<QAbstractItemModel *>(&eventModel),
                                       static_cast<QAbstractItemModel *>(&runModel)}) {
        TimelineFilter filter;
        filter.setSourceModel(source);
        filter.setEnvironment(environment);
        filter.setComponent(component);
        filter.setPeriod(from.isEmpty() ? QDateTime() : utc(from.toLatin1().constData()),
                         to.isEmpty() ? QDateTime() : utc(to.toLatin1().constData()));
        if (source == &eventModel)
            QTEST(filter.rowCount(), "eventRows");
        else
            QTEST(filter.rowCount(), "runRows");
    }
}

ENVDECK_TEST_MAIN_CORE(TestTimelineMetrics)
#include "tst_timelinemetrics.moc"
