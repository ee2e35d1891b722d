// SPDX-License-Identifier: GPL-3.0-or-later
// The history of the default demo repository: count, authors, times, merge requests, the rules
// at every commit, how it ends, and its tags.
#include "tst_demorepo.h"

#include "DemoCheck.h"
#include "TestSupport.h"

#include <QRegularExpression>

using namespace EnvDeck;
using namespace DemoCheck;

void tst_DemoRepo::history()
{
    QCOMPARE(
        git(m_dir, {QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("main")})
            .out.trimmed(),
        QStringLiteral("320"));
    const QStringList authors = lines(
        git(m_dir, {QStringLiteral("shortlog"), QStringLiteral("-sne"), QStringLiteral("main")})
            .out);
    QVERIFY2(authors.size() >= 5, qPrintable(authors.join(u'\n')));
    QVERIFY(authors.join(u'\n').contains(
        QStringLiteral("Priya Natarajan <priya.natarajan@example.io>")));

    // Parents are always older; every commit is on a weekday in working hours (UTC 07:30-17:00).
    const QStringList log
        = lines(git(m_dir, {QStringLiteral("log"), QStringLiteral("--format=%H %ct %P"),
                            QStringLiteral("main")})
                    .out);
    QHash<QString, qint64> times;
    for (const QString &line : log)
        times.insert(line.section(u' ', 0, 0), line.section(u' ', 1, 1).toLongLong());
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = 0;
    QSet<qint64> distinct;
    for (const QString &line : log) {
        const QStringList f = line.split(u' ', Qt::SkipEmptyParts);
        const qint64 t = f.at(1).toLongLong();
        for (int p = 2; p < f.size(); ++p)
            QVERIFY2(times.value(f.at(p)) < t, qPrintable(line));
        const QDateTime utc = QDateTime::fromSecsSinceEpoch(t, Qt::UTC);
        QVERIFY2(utc.date().dayOfWeek() <= 5, qPrintable(utc.toString(Qt::ISODate)));
        QVERIFY2(utc.time() >= QTime(7, 30) && utc.time() <= QTime(17, 0),
                 qPrintable(utc.toString(Qt::ISODate)));
        first = qMin(first, t);
        last = qMax(last, t);
        distinct.insert(t);
    }
    QCOMPARE(distinct.size(), log.size());
    QCOMPARE(last, fixedEnd().toSecsSinceEpoch());
    QVERIFY(last - first >= 180LL * 24 * 3600);

    const QString subjects
        = git(m_dir, {QStringLiteral("log"), QStringLiteral("--format=%s"), QStringLiteral("main")})
              .out;
    for (const char *pattern :
         {"^dev: bump [a-z-]+ to \\d+\\.\\d+\\.\\d+", "^staging: bump .+ from dev$",
          "^staging: lock [a-z-]+ \\d+\\.\\d+\\.\\d+ for .+", "^staging: unlock ",
          "^qa: approve staging r\\d+$", "^prod-eu: promote r\\d+ from staging$",
          "^prod-us: promote r\\d+ from staging$", "^contoso: promote r\\d+ \\(follows prod-eu\\)$",
          "^modules/[a-z-]+: ", "^Import the platform infrastructure$"}) {
        const QRegularExpression re(QLatin1String(pattern), QRegularExpression::MultilineOption);
        QVERIFY2(re.match(subjects).hasMatch(), pattern);
    }
    static const QRegularExpression rollback(
        QStringLiteral("^prod-eu: roll back to r\\d+ after .+$"),
        QRegularExpression::MultilineOption);
    int rollbacks = 0;
    for (auto it = rollback.globalMatch(subjects); it.hasNext(); it.next())
        ++rollbacks;
    QCOMPARE(rollbacks, 1);
}

void tst_DemoRepo::mergeRequests()
{
    const QStringList merges
        = lines(git(m_dir, {QStringLiteral("log"), QStringLiteral("--merges"),
                            QStringLiteral("--format=%H %P"), QStringLiteral("main")})
                    .out);
    QVERIFY2(merges.size() >= 10, qPrintable(QString::number(merges.size())));
    static const QRegularExpression message(
        QStringLiteral("^Merge branch 'feature/[a-z0-9-]+' into 'main'\n\n.+\n\nSee merge request "
                       "platform/infra!\\d+\n?$"));
    QSet<QString> numbers;
    for (const QString &merge : merges) {
        const QStringList ids = merge.split(u' ');
        QCOMPARE(ids.size(), 3);
        const QString body = git(m_dir, {QStringLiteral("log"), QStringLiteral("-1"),
                                         QStringLiteral("--format=%B"), ids.at(0)})
                                 .out.trimmed();
        QVERIFY2(message.match(body).hasMatch(), qPrintable(body));
        numbers.insert(body.section(u'!', -1));
        const int branchCommits = git(m_dir, {QStringLiteral("rev-list"), QStringLiteral("--count"),
                                              ids.at(1) + QStringLiteral("..") + ids.at(2)})
                                      .out.trimmed()
                                      .toInt();
        QVERIFY(branchCommits >= 1 && branchCommits <= 3);
    }
    QCOMPARE(numbers.size(), merges.size());
}

void tst_DemoRepo::rulesHoldAtEveryCommit()
{
    const DemoCheck::HistoryReport report = DemoCheck::replay(
        m_dir, defaultEnvironments(), defaultProduction(), DemoCheck::approvedVersions(m_dir));
    QCOMPARE(report.commits, 320);
    QVERIFY2(report.violations.isEmpty(), qPrintable(report.violations.mid(0, 10).join(u'\n')));
    // Versions only go up, except in the one rollback commit of prod-eu.
    QVERIFY(!report.downgrades.isEmpty());
    QSet<QString> commits;
    for (const QString &d : report.downgrades) {
        QCOMPARE(d.section(u' ', 1, 1), QStringLiteral("prod-eu"));
        commits.insert(d.section(u' ', 0, 0));
    }
    QCOMPARE(commits.size(), 1);
    QVERIFY(git(m_dir, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s"),
                        *commits.begin()})
                .out.startsWith(u"prod-eu: roll back to r"));
}

void tst_DemoRepo::endState()
{
    const auto read = [this](const QString &env) {
        return DemoCheck::parseVersions(
            readFile(path(QStringLiteral("environments/%1/versions.yaml").arg(env))));
    };
    const DemoCheck::VersionsFile staging = read(QStringLiteral("staging"));
    const DemoCheck::VersionsFile eu = read(QStringLiteral("prod-eu"));
    const DemoCheck::VersionsFile us = read(QStringLiteral("prod-us"));
    int ahead = 0;
    int skew = 0;
    for (auto it = eu.components.cbegin(); it != eu.components.cend(); ++it) {
        QVERIFY(DemoCheck::compareVersions(staging.components.value(it.key()), it.value()) >= 0);
        ahead += DemoCheck::compareVersions(staging.components.value(it.key()), it.value()) > 0;
        skew += us.components.value(it.key()) != it.value();
    }
    QVERIFY(ahead > 0);
    QVERIFY(skew > 0);
}

void tst_DemoRepo::tags()
{
    const QStringList all = lines(git(m_dir, {QStringLiteral("tag")}).out);
    QCOMPARE(all.size(), m_summary.tags);
    const QSet<QString> tags(all.cbegin(), all.cend());
    QVERIFY(tags.contains(QStringLiteral("release/r1")));
    QVERIFY(all.filter(QRegularExpression(QStringLiteral("^release/r\\d+$"))).size() >= 3);
    QCOMPARE(
        git(m_dir, {QStringLiteral("cat-file"), QStringLiteral("-t"), QStringLiteral("release/r1")})
            .out.trimmed(),
        QStringLiteral("tag"));
    // Every team component version that ever appeared has its catalog tag, on main.
    const DemoCheck::HistoryReport report = DemoCheck::replay(
        m_dir, defaultEnvironments(), defaultProduction(), DemoCheck::approvedVersions(m_dir));
    for (const QString &version : report.versionsSeen)
        QVERIFY2(tags.contains(version), qPrintable(version));
    const QString mainHistory
        = git(m_dir, {QStringLiteral("rev-list"), QStringLiteral("main")}).out;
    const QStringList orders = all.filter(QRegularExpression(QStringLiteral("^orders/v")));
    QVERIFY(orders.size() >= 3);
    for (const QString &tag : orders)
        QVERIFY(mainHistory.contains(
            git(m_dir, {QStringLiteral("rev-list"), QStringLiteral("-1"), tag}).out.trimmed()));
}
