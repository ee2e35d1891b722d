// SPDX-License-Identifier: GPL-3.0-or-later
// Generations with other options: determinism, refusals, bad options, cancel, small and scaled
// histories, ensure().
#include "tst_demorepo.h"

#include "DemoCheck.h"
#include "TestSupport.h"

using namespace EnvDeck;
using namespace DemoCheck;

void tst_DemoRepo::determinism()
{
    QTemporaryDir tmp;
    Demo::Options options;
    options.seed = 7;
    options.commits = 60;
    options.endTime = fixedEnd();
    const auto run = [&](const QString &name, const Demo::Options &o) {
        Result<Demo::Summary> s = Demo::generate(tmp.path() + QLatin1Char('/') + name, o);
        return s ? s->headId : s.error().toString();
    };
    const QString a = run(QStringLiteral("a"), options);
    QCOMPARE(a.size(), 40);
    QCOMPARE(run(QStringLiteral("b"), options), a);
    Demo::Options other = options;
    other.seed = 8;
    const QString c = run(QStringLiteral("c"), other);
    QCOMPARE(c.size(), 40);
    QVERIFY(c != a);
    // The same seed and another end (a different weekday): the same story with other dates, so
    // other commit ids. Only approvals (dates, approved commit ids) and the chart index (release
    // dates) carry time; everything else is the same tree.
    other = options;
    other.endTime = fixedEnd().addDays(17);
    const QString d = run(QStringLiteral("d"), other);
    QCOMPARE(d.size(), 40);
    QVERIFY(d != a);
    const QString dirA = tmp.path() + QStringLiteral("/a");
    const QString dirD = tmp.path() + QStringLiteral("/d");
    const QStringList subjects = {QStringLiteral("log"), QStringLiteral("--format=%s %an")};
    QCOMPARE(git(dirD, subjects).out, git(dirA, subjects).out);
    const QStringList timeless = {QStringLiteral("ls-tree"),      QStringLiteral("-r"),
                                  QStringLiteral("HEAD"),         QStringLiteral("--"),
                                  QStringLiteral("environments"), QStringLiteral("modules"),
                                  QStringLiteral("pipelines"),    QStringLiteral("README.md"),
                                  QStringLiteral(".envdeck.yaml")};
    const QString treeA = git(dirA, timeless).out;
    QVERIFY(lines(treeA).size() > 60);
    QCOMPARE(git(dirD, timeless).out, treeA);
    QCOMPARE(
        lines(git(dirD, {QStringLiteral("ls-files"), QStringLiteral("approvals")}).out).size(),
        lines(git(dirA, {QStringLiteral("ls-files"), QStringLiteral("approvals")}).out).size());
}

void tst_DemoRepo::defaultEndTime()
{
    QTemporaryDir tmp;
    Demo::Options options;
    options.commits = 20;
    // The last 17:00 UTC that has passed: never in the future, at most a day old.
    const QDateTime before = QDateTime::currentDateTimeUtc();
    Result<Demo::Summary> s = Demo::generate(tmp.path() + QStringLiteral("/x"), options);
    QVERIFY2(s.ok(), qPrintable(s ? QString() : s.error().toString()));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    const QDateTime last = s->lastCommitTime.toUTC();
    QCOMPARE(last.time(), QTime(17, 0));
    QVERIFY2(last <= after, qPrintable(last.toString(Qt::ISODate)));
    QVERIFY2(last > before.addDays(-1), qPrintable(last.toString(Qt::ISODate)));
    QCOMPARE(s->commits, 20);
    QVERIFY(s->merges >= 1);
}

void tst_DemoRepo::refusesExistingTargets_data()
{
    QTest::addColumn<bool>("fileInTarget");
    QTest::addColumn<bool>("originExists");
    QTest::addColumn<QString>("message");
    QTest::newRow("non-empty folder") << true << false << QStringLiteral("is not an empty folder");
    QTest::newRow("origin exists") << false << true << QStringLiteral("already exists");
}

void tst_DemoRepo::refusesExistingTargets()
{
    QFETCH(bool, fileInTarget);
    QFETCH(bool, originExists);
    QFETCH(QString, message);
    QTemporaryDir tmp;
    const QString target = tmp.path() + QStringLiteral("/infra");
    QVERIFY(QDir().mkpath(target));
    if (fileInTarget) {
        QFile keep(target + QStringLiteral("/notes.txt"));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.write("mine");
    }
    if (originExists)
        QVERIFY(QDir().mkpath(Demo::originPathFor(target)));
    Result<Demo::Summary> s = Demo::generate(target, Demo::Options{});
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message().contains(message), qPrintable(s.error().message()));
    QCOMPARE(QFileInfo::exists(target + QStringLiteral("/notes.txt")), fileInTarget);
    QCOMPARE(QFileInfo::exists(Demo::originPathFor(target)), originExists);
    QVERIFY(!QFileInfo::exists(target + QStringLiteral("/.git")));
}

void tst_DemoRepo::rejectsBadOptions_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<int>("value");
    QTest::newRow("environments low") << QStringLiteral("environments") << 2;
    QTest::newRow("environments high") << QStringLiteral("environments") << 61;
    QTest::newRow("modules low") << QStringLiteral("modules") << 5;
    QTest::newRow("modules high") << QStringLiteral("modules") << 5001;
    QTest::newRow("components low") << QStringLiteral("components") << 1;
    QTest::newRow("components high") << QStringLiteral("components") << 201;
    QTest::newRow("commits low") << QStringLiteral("commits") << 19;
    QTest::newRow("commits high") << QStringLiteral("commits") << 100001;
}

void tst_DemoRepo::rejectsBadOptions()
{
    QFETCH(QString, option);
    QFETCH(int, value);
    Demo::Options options;
    if (option == u"environments")
        options.environments = value;
    else if (option == u"modules")
        options.modules = value;
    else if (option == u"components")
        options.components = value;
    else
        options.commits = value;
    QTemporaryDir tmp;
    const QString target = tmp.path() + QStringLiteral("/infra");
    Result<Demo::Summary> s = Demo::generate(target, options);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message().contains(option + QStringLiteral(" = ") + QString::number(value)),
             qPrintable(s.error().message()));
    QVERIFY(QDir(tmp.path()).isEmpty());
}

void tst_DemoRepo::cancelLeavesNothing_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<int>("atDone"); // cancel at the first report with done >= atDone in that step
    QTest::newRow("at once") << QStringLiteral("Creating the repository") << 0;
    QTest::newRow("mid history") << QStringLiteral("Writing history") << 100;
    QTest::newRow("packing") << QStringLiteral("Packing objects") << 0;
    QTest::newRow("inside the pack writer") << QStringLiteral("Packing objects") << 321;
    QTest::newRow("checkout") << QStringLiteral("Checking out the work tree") << 0;
}

void tst_DemoRepo::cancelLeavesNothing()
{
    QFETCH(QString, step);
    QFETCH(int, atDone);
    QTemporaryDir tmp;
    // Parents that do not exist yet are created, and removed again on cancel.
    const QString target = tmp.path() + QStringLiteral("/new/folder/infra");
    int lastDone = -1;
    bool cancelled = false;
    bool backwards = false;
    Result<Demo::Summary> s
        = Demo::generate(target, Demo::Options{}, [&](int done, int total, const QString &what) {
              backwards = backwards || done < lastDone || done > total;
              lastDone = done;
              if (what == step && done >= atDone) {
                  cancelled = true;
                  return false;
              }
              return true;
          });
    QVERIFY(cancelled);
    QVERIFY(!backwards);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().message(), QStringLiteral("Cancelled"));
    QVERIFY2(QDir(tmp.path()).isEmpty(), qPrintable(QDir(tmp.path()).entryList().join(u' ')));
}

void tst_DemoRepo::smallHistories_data()
{
    QTest::addColumn<int>("environments");
    QTest::addColumn<int>("commits");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("smallest") << 3 << 20 << quint64(1);
    QTest::newRow("smallest, other seed") << 3 << 20 << quint64(2);
    QTest::newRow("4 environments, 21 commits") << 4 << 21 << quint64(5);
    QTest::newRow("5 environments, 37 commits") << 5 << 37 << quint64(9);
    QTest::newRow("6 environments, 90 commits") << 6 << 90 << quint64(11);
}

// The fixed parts of the story (import, rollback, ending) must fit however few commits there are.
void tst_DemoRepo::smallHistories()
{
    QFETCH(int, environments);
    QFETCH(int, commits);
    QFETCH(quint64, seed);
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/infra");
    Demo::Options options;
    options.environments = environments;
    options.commits = commits;
    options.seed = seed;
    options.endTime = fixedEnd();
    Result<Demo::Summary> s = Demo::generate(dir, options);
    QVERIFY2(s.ok(), qPrintable(s ? QString() : s.error().toString()));
    QCOMPARE(s->commits, commits);
    QVERIFY(s->merges >= 1);
    const QString subjects = git(dir, {QStringLiteral("log"), QStringLiteral("--format=%s")}).out;
    QCOMPARE(subjects.count(QStringLiteral("prod-eu: roll back to r")), 1);
    QVERIFY(subjects.startsWith(u"qa: approve staging r"));

    const QStringList envs
        = QDir(dir + QStringLiteral("/environments")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(envs.size(), environments);
    QSet<QString> production(envs.cbegin(), envs.cend());
    production.remove(QStringLiteral("dev"));
    production.remove(QStringLiteral("staging"));
    const DemoCheck::HistoryReport report
        = DemoCheck::replay(dir, envs, production, approvedVersions(dir));
    QVERIFY2(report.violations.isEmpty(), qPrintable(report.violations.mid(0, 10).join(u'\n')));
    const DemoCheck::VersionsFile staging = DemoCheck::parseVersions(
        readFile(dir + QStringLiteral("/environments/staging/versions.yaml")));
    QMap<QString, QString> current = staging.components;
    current.insert(staging.thirdParty);
    QCOMPARE(newestApproval(dir), current);
    QVERIFY(!staging.locks.isEmpty());
    QCOMPARE(git(dir, {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
}

void tst_DemoRepo::scaled()
{
    QTemporaryDir tmp;
    Demo::Options options;
    options.seed = 3;
    options.environments = 12;
    options.modules = 40;
    options.components = 20;
    options.commits = 600;
    options.endTime = fixedEnd();
    const QString dir = tmp.path() + QStringLiteral("/infra");
    QList<int> reports;
    Result<Demo::Summary> s
        = Demo::generate(dir, options, [&](int done, int total, const QString &) {
              reports << done;
              return done <= total;
          });
    QVERIFY2(s.ok(), qPrintable(s ? QString() : s.error().toString()));
    QVERIFY(std::is_sorted(reports.cbegin(), reports.cend()));
    QVERIFY(reports.size() > 10);
    QCOMPARE(s->commits, 600);
    QCOMPARE(
        git(dir, {QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("main")})
            .out.trimmed(),
        QStringLiteral("600"));
    QVERIFY(s->merges >= 20);
    QCOMPARE(s->environments, 12);
    const QStringList envs
        = QDir(dir + QStringLiteral("/environments")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(envs.size(), 12);
    for (const char *name : {"prod-ap", "prod-ca", "prod-uk", "fabrikam", "northwind", "tailspin"})
        QVERIFY2(envs.contains(QLatin1String(name)), name);
    QCOMPARE(
        QDir(dir + QStringLiteral("/modules")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(),
        40);
    QCOMPARE(s->terraformFiles,
             int(lines(git(dir, {QStringLiteral("ls-files"), QStringLiteral("*.tf")}).out).size()));
    QCOMPARE(s->terraformFiles, 12 * 5 + 40 * 3);
    const DemoCheck::VersionsFile eu = DemoCheck::parseVersions(
        readFile(dir + QStringLiteral("/environments/prod-eu/versions.yaml")));
    const DemoCheck::VersionsFile fabrikam = DemoCheck::parseVersions(
        readFile(dir + QStringLiteral("/environments/fabrikam/versions.yaml")));
    QCOMPARE(eu.components.size(), 20);
    QCOMPARE(fabrikam.components.size(), 22);
    QCOMPARE(readFile(dir + QStringLiteral("/modules/services/main.tf"))
                 .count("resource \"helm_release\""),
             20);

    // Each further building block is called by about three environments.
    for (const QString &module : QDir(dir + QStringLiteral("/modules"))
                                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                                     .mid(0, 40)) {
        const int users = int(lines(git(dir, {QStringLiteral("grep"), QStringLiteral("-l"),
                                              QStringLiteral("../../modules/") + module + u'"',
                                              QStringLiteral("--"), QStringLiteral("environments")})
                                        .out)
                                  .size());
        QVERIFY2(users >= 1, qPrintable(module));
    }
    const QSet<QString> production = [&] {
        QSet<QString> p;
        for (const QString &e : envs)
            if (e != u"dev" && e != u"staging")
                p.insert(e);
        return p;
    }();
    const DemoCheck::HistoryReport report
        = DemoCheck::replay(dir, envs, production, approvedVersions(dir));
    QCOMPARE(report.commits, 600);
    QVERIFY2(report.violations.isEmpty(), qPrintable(report.violations.mid(0, 10).join(u'\n')));
    QCOMPARE(git(dir, {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
}

void tst_DemoRepo::ensure()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/demo/infra");
    Result<QString> first = Demo::ensure(dir);
    QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().toString()));
    QCOMPARE(*first, dir);
    const QString head
        = git(dir, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).out.trimmed();
    QCOMPARE(head.size(), 40);
    // A second call reuses what is there.
    QFile marker(dir + QStringLiteral("/.git/envdeck-test-marker"));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.close();
    Result<QString> again = Demo::ensure(dir);
    QVERIFY(again.ok());
    QVERIFY(marker.exists());
    // The work tree is gone but the origin is still there: cloned again, same history.
    QVERIFY(QDir(dir).removeRecursively());
    Result<QString> recloned = Demo::ensure(dir);
    QVERIFY2(recloned.ok(), qPrintable(recloned ? QString() : recloned.error().toString()));
    QCOMPARE(git(dir, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).out.trimmed(), head);
    // Someone else's folder is left alone.
    const QString foreign = tmp.path() + QStringLiteral("/foreign");
    QVERIFY(QDir().mkpath(foreign));
    QFile file(foreign + QStringLiteral("/a.txt"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    Result<QString> refused = Demo::ensure(foreign);
    QVERIFY(!refused.ok());
    QVERIFY(QFileInfo::exists(foreign + QStringLiteral("/a.txt")));
}

void tst_DemoRepo::defaultLocation()
{
    const QString location = Demo::defaultLocation();
    QVERIFY(location.endsWith(u"/demo/infra"));
    QVERIFY(location.startsWith(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)));
}
