// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryRepoGenerator.h"
#include "TestSupport.h"

#include "history/HistoryScanner.h"

#include <QTemporaryDir>

using namespace EnvDeck;
using History::DeploymentEvent;

namespace {

QString describe(const DeploymentEvent &e)
{
    return QStringLiteral("%1 %2/%3 %4 -> %5 [%6] %7 %8 %9 <%10> %11 \"%12\"")
        .arg(History::kindName(e.kind), e.environment, e.component, e.from, e.to, e.mergeRequest,
             e.commit.left(8), e.date.toString(Qt::ISODate), e.author, e.authorEmail, e.path,
             e.lockReason);
}

// Exact comparison, naming the first event that differs.
bool sameEvents(const QList<DeploymentEvent> &actual, const QList<DeploymentEvent> &expected,
                QString *difference)
{
    const qsizetype common = std::min(actual.size(), expected.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (!(actual[i] == expected[i])) {
            *difference = QStringLiteral("event %1 differs:\n  read:     %2\n  expected: %3")
                              .arg(i)
                              .arg(describe(actual[i]), describe(expected[i]));
            return false;
        }
    }
    if (actual.size() != expected.size()) {
        *difference = QStringLiteral("%1 events read, %2 expected; first extra: %3")
                          .arg(actual.size())
                          .arg(expected.size())
                          .arg(actual.size() > expected.size() ? describe(actual[common])
                                                               : describe(expected[common]));
        return false;
    }
    return true;
}

#define COMPARE_EVENTS(actual, expected)                                                           \
    do {                                                                                           \
        QString difference;                                                                        \
        if (!sameEvents(actual, expected, &difference))                                            \
            QFAIL(qPrintable(difference));                                                         \
    } while (false)

History::ScanOptions options(bool useCache)
{
    History::ScanOptions scan;
    scan.useCache = useCache;
    return scan;
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void mergeRequest_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("expected");
        QTest::newRow("gitlab") << QStringLiteral(
            "Merge branch 'x' into 'main'\n\nBump\n\nSee merge request platform/infra!123\n")
                                << QStringLiteral("!123");
        QTest::newRow("azure") << QStringLiteral("Merged PR 77: bump api\n")
                               << QStringLiteral("PR 77");
        QTest::newRow("github") << QStringLiteral("Merge pull request #9 from team/x\n\nBump")
                                << QStringLiteral("#9");
        QTest::newRow("local") << QStringLiteral(
            "Merge branch 'x' into main\n\nBump\n\nLocal merge request 12\n")
                               << QStringLiteral("#12");
        QTest::newRow("plain") << QStringLiteral("Bump api to 1.2.3 (see PR 5)") << QString();
        QTest::newRow("azure not at line start")
            << QStringLiteral("Revert \"Merged PR 5: x\"") << QString();
    }
    void mergeRequest()
    {
        QFETCH(QString, message);
        QFETCH(QString, expected);
        QCOMPARE(History::mergeRequestFromMessage(message), expected);
    }

    void generated_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("steps");
        QTest::addColumn<bool>("rename");
        QTest::newRow("seed 1, 40 steps") << 1u << 40 << false;
        QTest::newRow("seed 7, 120 steps, rename") << 7u << 120 << true;
        QTest::newRow("seed 42, 200 steps, rename") << 42u << 200 << true;
        QTest::newRow("seed 2026, 300 steps") << 2026u << 300 << false;
    }
    void generated()
    {
        QFETCH(quint32, seed);
        QFETCH(int, steps);
        QFETCH(bool, rename);
        QTemporaryDir dir;
        HistoryRepoGenerator generator(dir.path(), seed);
        QVERIFY(generator.init().ok());
        QVERIFY(generator.randomSteps(steps / 2).ok());
        if (rename)
            QVERIFY(generator.renameEnvironment(QStringLiteral("prod"), QStringLiteral("prod-eu"))
                        .ok());
        QVERIFY(generator.randomSteps(steps - steps / 2).ok());
        QVERIFY(generator.publish().ok());

        for (bool useCache : {false, true, true}) {
            auto history = History::readHistory(dir.path(), options(useCache));
            QVERIFY2(history.ok(),
                     qPrintable(history.ok() ? QString() : history.error().toString()));
            QVERIFY(!history->events.isEmpty());
            COMPARE_EVENTS(history->events, generator.ledger());
            QCOMPARE(history->commitsTotal, generator.commitCount());
            QVERIFY(history->problems.isEmpty());
        }
        // The ledger must exercise every kind and every merge request style it is checked on.
        const auto ledger = generator.ledger();
        if (steps >= 120) {
            for (auto kind : {DeploymentEvent::Kind::Deploy, DeploymentEvent::Kind::Add,
                              DeploymentEvent::Kind::Remove, DeploymentEvent::Kind::Lock,
                              DeploymentEvent::Kind::Unlock, DeploymentEvent::Kind::Approval})
                QVERIFY2(std::any_of(ledger.cbegin(), ledger.cend(),
                                     [&](const DeploymentEvent &e) { return e.kind == kind; }),
                         qPrintable(History::kindName(kind)));
            for (const char *prefix : {"!", "PR ", "#"})
                QVERIFY2(std::any_of(ledger.cbegin(), ledger.cend(),
                                     [&](const DeploymentEvent &e) {
                                         return e.mergeRequest.startsWith(QLatin1String(prefix));
                                     }),
                         prefix);
        }
        if (rename) {
            QVERIFY(std::any_of(ledger.cbegin(), ledger.cend(), [](const DeploymentEvent &e) {
                return e.environment == u"prod-eu" && e.path.startsWith(u"environments/prod/");
            }));
        }
    }

    void cache_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::newRow("seed 3") << 3u;
        QTest::newRow("seed 11") << 11u;
    }
    void cache()
    {
        QFETCH(quint32, seed);
        QTemporaryDir dir;
        HistoryRepoGenerator generator(dir.path(), seed);
        QVERIFY(generator.init().ok());
        QVERIFY(generator.randomSteps(50).ok());
        QVERIFY(generator.publish().ok());
        auto first = History::readHistory(dir.path());
        QVERIFY(first.ok());
        QCOMPARE(first->commitsScanned, generator.commitCount());

        QVERIFY(generator.bumps(10).ok());
        QVERIFY(generator.publish().ok());
        auto second = History::readHistory(dir.path());
        QVERIFY(second.ok());
        QCOMPARE(second->commitsScanned, 10);
        QCOMPARE(second->commitsTotal, generator.commitCount());
        COMPARE_EVENTS(second->events, generator.ledger());

        auto third = History::readHistory(dir.path());
        QVERIFY(third.ok());
        QCOMPARE(third->commitsScanned, 0);
        COMPARE_EVENTS(third->events, generator.ledger());
    }

    void renameAfterCache()
    {
        QTemporaryDir dir;
        HistoryRepoGenerator generator(dir.path(), 21);
        QVERIFY(generator.init().ok());
        QVERIFY(generator.randomSteps(40).ok());
        QVERIFY(generator.publish().ok());
        auto before = History::readHistory(dir.path());
        QVERIFY(before.ok());
        QVERIFY(std::any_of(before->events.cbegin(), before->events.cend(),
                            [](const DeploymentEvent &e) { return e.environment == u"staging"; }));

        QVERIFY(generator.renameEnvironment(QStringLiteral("staging"), QStringLiteral("qa")).ok());
        QVERIFY(generator.randomSteps(10).ok());
        QVERIFY(generator.publish().ok());
        for (int round = 0; round < 2; ++round) {
            auto after = History::readHistory(dir.path());
            QVERIFY(after.ok());
            COMPARE_EVENTS(after->events, generator.ledger());
            QVERIFY(
                std::none_of(after->events.cbegin(), after->events.cend(),
                             [](const DeploymentEvent &e) { return e.environment == u"staging"; }));
        }
    }

    void rewritten_data()
    {
        QTest::addColumn<int>("back");
        QTest::addColumn<int>("added");
        QTest::newRow("drop 5, add 3") << 5 << 3;
        QTest::newRow("drop 1, add 0") << 1 << 0;
    }
    void rewritten()
    {
        QFETCH(int, back);
        QFETCH(int, added);
        QTemporaryDir dir;
        HistoryRepoGenerator generator(dir.path(), 5);
        QVERIFY(generator.init().ok());
        QVERIFY(generator.randomSteps(30).ok());
        QVERIFY(generator.bumps(back).ok());
        QVERIFY(generator.publish().ok());
        auto before = History::readHistory(dir.path());
        QVERIFY(before.ok());
        const QString droppedTip = generator.mainTip();

        QVERIFY(generator.resetMain(back).ok());
        QVERIFY(generator.bumps(added).ok());
        QVERIFY(generator.publish().ok());
        auto after = History::readHistory(dir.path());
        QVERIFY(after.ok());
        QCOMPARE(after->commitsScanned, added);
        COMPARE_EVENTS(after->events, generator.ledger());
        QVERIFY(std::none_of(after->events.cbegin(), after->events.cend(),
                             [&](const DeploymentEvent &e) { return e.commit == droppedTip; }));
        QCOMPARE(after->events.size(), before->events.size() - back + added);
    }

    void malformed()
    {
        QTemporaryDir dir;
        HistoryRepoGenerator generator(dir.path(), 9);
        QVERIFY(generator.init().ok());
        QVERIFY(generator.randomSteps(15).ok());
        QVERIFY(generator.malformedCommit(QStringLiteral("staging")).ok());
        QVERIFY(generator.randomSteps(15).ok());
        QVERIFY(generator.publish().ok());
        for (bool useCache : {true, true}) {
            auto history = History::readHistory(dir.path(), options(useCache));
            QVERIFY(history.ok());
            COMPARE_EVENTS(history->events, generator.ledger());
            const QStringList files = generator.malformedFiles();
            QCOMPARE(files.size(), 1);
            QCOMPARE(history->problems.size(), 1);
            const Error &problem = history->problems.first();
            QCOMPARE(problem.location().file, files.first());
            QVERIFY(problem.location().line > 0);
            QVERIFY2(problem.toString().startsWith(files.first() + u':'),
                     qPrintable(problem.toString()));
        }
    }

    void cancel_data()
    {
        QTest::addColumn<int>("stopAt");
        QTest::newRow("before the walk") << 0;
        QTest::newRow("midway") << 7;
    }
    void cancel()
    {
        QFETCH(int, stopAt);
        QTemporaryDir dir;
        HistoryRepoGenerator generator(dir.path(), 13);
        QVERIFY(generator.init().ok());
        QVERIFY(generator.randomSteps(20).ok());
        QVERIFY(generator.publish().ok());
        History::ScanOptions scan;
        int calls = 0;
        scan.progress = [&](int done, int total) {
            ++calls;
            return done < stopAt && total > 0;
        };
        auto cancelled = History::readHistory(dir.path(), scan);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().message(), QStringLiteral("Cancelled"));
        QCOMPARE(calls, stopAt + 1);

        // Nothing of the cancelled walk was cached.
        auto full = History::readHistory(dir.path());
        QVERIFY(full.ok());
        QCOMPARE(full->commitsScanned, generator.commitCount());
        COMPARE_EVENTS(full->events, generator.ledger());
    }

    void errors()
    {
        QTemporaryDir dir;
        auto missing = History::readHistory(dir.filePath(QStringLiteral("nothing")));
        QVERIFY(!missing.ok());
        HistoryRepoGenerator generator(dir.path(), 1);
        QVERIFY(generator.init().ok());
        QVERIFY(generator.publish().ok());
        History::ScanOptions scan;
        scan.revision = QStringLiteral("no-such-branch");
        auto unknown = History::readHistory(dir.path(), scan);
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.error().message().contains(u"no-such-branch"));
    }
};

ENVDECK_TEST_MAIN_CORE(TestHistory)
#include "tst_history.moc"
