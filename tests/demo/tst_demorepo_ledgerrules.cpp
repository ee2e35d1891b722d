// SPDX-License-Identifier: GPL-3.0-or-later
// The ledger's rules on hand-made worlds: one component changed every way a versions file can
// change, approvals, the order within a commit, and merge requests (the default history's merge
// requests never touch a versions file, so their labelling is checked here).
#include "tst_demorepo.h"

#include "TestSupport.h"
#include "demo/Layout.h"
#include "demo/Ledger.h"

using namespace EnvDeck;
using namespace Qt::StringLiterals;
using History::DeploymentEvent;

namespace {

// "kind from to reason" per event, for compact expectations.
QStringList brief(const QList<DeploymentEvent> &events)
{
    QStringList out;
    for (const DeploymentEvent &e : events)
        out << QStringLiteral("%1 %2/%3 %4 %5 %6")
                   .arg(History::kindName(e.kind), e.environment, e.component, e.from, e.to,
                        e.lockReason)
                   .trimmed();
    return out;
}

// The default layout's initial world with staging emptied, so rows say exactly what it holds.
Demo::World emptyStaging(const Demo::Layout &layout)
{
    Demo::World world = Demo::World::initial(layout, 1'700'000'000);
    Demo::EnvironmentState &staging = world.environments[layout.stagingIndex()];
    staging.components.clear();
    staging.thirdParty.clear();
    staging.locks.clear();
    return world;
}

void set(Demo::World &world, int environment, const QString &component, const QString &version,
         bool chart, const QString &lock)
{
    Demo::EnvironmentState &state = world.environments[environment];
    if (version.isEmpty())
        return;
    (chart ? state.thirdParty : state.components)
        .insert(component, Demo::Semver::fromString(version));
    if (!lock.isEmpty())
        state.locks.insert(component, lock);
}

} // namespace

void tst_DemoRepo::ledgerRules_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("beforeLock");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("afterLock");
    QTest::addColumn<bool>("chart");
    QTest::addColumn<QStringList>("expected");
    const QString lt = QStringLiteral("load test LT-3");
    QTest::newRow("deploy") << u"1.0.0"_s << QString() << u"1.1.0"_s << QString() << false
                            << QStringList{u"deploy staging/orders 1.0.0 1.1.0"_s};
    QTest::newRow("chart deploy") << u"4.8.3"_s << QString() << u"4.9.0"_s << QString() << true
                                  << QStringList{u"deploy staging/orders 4.8.3 4.9.0"_s};
    QTest::newRow("add") << QString() << QString() << u"1.0.0"_s << QString() << false
                         << QStringList{u"add staging/orders  1.0.0"_s};
    QTest::newRow("remove") << u"1.0.0"_s << QString() << QString() << QString() << false
                            << QStringList{u"remove staging/orders 1.0.0"_s};
    QTest::newRow("lock") << u"1.0.0"_s << QString() << u"1.0.0"_s << lt << false
                          << QStringList{u"lock staging/orders 1.0.0 1.0.0 load test LT-3"_s};
    QTest::newRow("unlock") << u"1.0.0"_s << lt << u"1.0.0"_s << QString() << false
                            << QStringList{u"unlock staging/orders 1.0.0 1.0.0"_s};
    QTest::newRow("relock, other reason")
        << u"1.0.0"_s << lt << u"1.0.0"_s << u"other"_s << false << QStringList();
    QTest::newRow("deploy and lock")
        << u"1.0.0"_s << QString() << u"1.2.0"_s << lt << false
        << QStringList{u"deploy staging/orders 1.0.0 1.2.0"_s,
                       u"lock staging/orders 1.2.0 1.2.0 load test LT-3"_s};
    QTest::newRow("deploy and unlock") << u"1.0.0"_s << lt << u"2.0.0"_s << QString() << false
                                       << QStringList{u"deploy staging/orders 1.0.0 2.0.0"_s,
                                                      u"unlock staging/orders 2.0.0 2.0.0"_s};
    QTest::newRow("add locked") << QString() << QString() << u"1.0.0"_s << lt << false
                                << QStringList{u"add staging/orders  1.0.0"_s,
                                               u"lock staging/orders 1.0.0 1.0.0 load test LT-3"_s};
    QTest::newRow("remove locked") << u"1.0.0"_s << lt << QString() << QString() << false
                                   << QStringList{u"remove staging/orders 1.0.0"_s};
    QTest::newRow("unchanged") << u"1.0.0"_s << lt << u"1.0.0"_s << lt << false << QStringList();
}

void tst_DemoRepo::ledgerRules()
{
    QFETCH(QString, before);
    QFETCH(QString, beforeLock);
    QFETCH(QString, after);
    QFETCH(QString, afterLock);
    QFETCH(bool, chart);
    QFETCH(QStringList, expected);
    Result<Demo::Layout> layout = Demo::Layout::create({});
    QVERIFY(layout.ok());
    const int staging = layout->stagingIndex();
    Demo::World was = emptyStaging(*layout);
    Demo::World is = was;
    set(was, staging, u"orders"_s, before, chart, beforeLock);
    set(is, staging, u"orders"_s, after, chart, afterLock);
    const QList<DeploymentEvent> events = Demo::Ledger::difference(was, is);
    QCOMPARE(brief(events), expected);
    for (const DeploymentEvent &e : events) {
        QCOMPARE(e.path, u"environments/staging/versions.yaml"_s);
        QVERIFY(e.commit.isEmpty() && e.mergeRequest.isEmpty());
    }
}

void tst_DemoRepo::ledgerOrderAndApprovals()
{
    Result<Demo::Layout> layout = Demo::Layout::create({});
    QVERIFY(layout.ok());
    Demo::Ledger ledger;
    Demo::World world = emptyStaging(*layout);
    ledger.recordCommit(world, {u"a"_s.repeated(40), u"Jonas"_s, u"j@example.io"_s, 100});
    const qsizetype imported = ledger.events().size();
    QVERIFY(imported > 20); // every component of every environment but staging was added
    for (const DeploymentEvent &e : ledger.events()) {
        QCOMPARE(e.kind, DeploymentEvent::Kind::Add);
        QVERIFY(e.environment != u"staging");
        QCOMPARE(e.date, QDateTime::fromSecsSinceEpoch(100, Qt::UTC));
    }

    // One commit changing two environments and adding an approval: environment, then component.
    world.environments[layout->devIndex()].components[u"zeta"_s] = {1, 0, 0};
    world.environments[layout->devIndex()].components[u"alpha"_s] = {1, 0, 0};
    set(world, layout->stagingIndex(), u"orders"_s, u"1.0.0"_s, false, {});
    Demo::Approval approval;
    approval.release = 7;
    approval.path = u"approvals/staging/2025-03-04-r7.yaml"_s;
    world.approvals.append(approval);
    ledger.recordCommit(world, {u"b"_s.repeated(40), u"Priya"_s, u"p@example.io"_s, 200});
    QCOMPARE(
        brief(ledger.events().mid(imported)),
        (QStringList{u"add dev/alpha  1.0.0"_s, u"add dev/zeta  1.0.0"_s,
                     u"approval staging/2025-03-04-r7  r7"_s, u"add staging/orders  1.0.0"_s}));
    const DeploymentEvent &added = ledger.events().at(imported + 2);
    QCOMPARE(added.path, approval.path);
    QCOMPARE(added.author, u"Priya"_s);
    // Nothing changed, nothing recorded.
    ledger.recordCommit(world, {u"c"_s.repeated(40), u"Priya"_s, u"p@example.io"_s, 300});
    QCOMPARE(ledger.events().size(), imported + 4);
}

void tst_DemoRepo::ledgerMergeRules()
{
    Result<Demo::Layout> layout = Demo::Layout::create({});
    QVERIFY(layout.ok());
    const int staging = layout->stagingIndex();
    Demo::Ledger ledger;
    Demo::World base = emptyStaging(*layout);
    set(base, staging, u"orders"_s, u"1.0.0"_s, false, {});
    ledger.recordCommit(base, {u"1"_s.repeated(40), u"Jonas"_s, u"j@example.io"_s, 10});
    const qsizetype start = ledger.events().size();

    // A branch of two commits, merged: both carry "!7", the merge itself adds nothing.
    ledger.beginBranch();
    Demo::World branch = base;
    set(branch, staging, u"orders"_s, u"1.1.0"_s, false, {});
    ledger.recordCommit(branch, {u"2"_s.repeated(40), u"Tom"_s, u"t@example.io"_s, 20});
    set(branch, staging, u"orders"_s, u"1.1.0"_s, false, u"QA"_s);
    ledger.recordCommit(branch, {u"3"_s.repeated(40), u"Tom"_s, u"t@example.io"_s, 30});
    ledger.recordMerge(branch, {u"4"_s.repeated(40), u"Jonas"_s, u"j@example.io"_s, 40}, u"!7"_s);
    QCOMPARE(ledger.events().size(), start + 2);
    QCOMPARE(ledger.events().at(start).mergeRequest, u"!7"_s);
    QCOMPARE(ledger.events().at(start + 1).mergeRequest, u"!7"_s);
    QCOMPARE(ledger.events().at(start - 1).mergeRequest, QString());

    // A merge whose result differs from both parents (an evil merge) records the difference from
    // its first parent, with its own merge request; what only the branch changed stays out.
    ledger.beginBranch();
    Demo::World side = branch;
    set(side, staging, u"billing"_s, u"2.0.0"_s, false, {});
    ledger.recordCommit(side, {u"5"_s.repeated(40), u"Tom"_s, u"t@example.io"_s, 50});
    Demo::World merged = side;
    set(merged, staging, u"orders"_s, u"1.2.0"_s, false, u"QA"_s);
    ledger.recordMerge(merged, {u"6"_s.repeated(40), u"Jonas"_s, u"j@example.io"_s, 60}, u"!8"_s);
    const QList<DeploymentEvent> tail = ledger.events().mid(start + 2);
    QCOMPARE(brief(tail), (QStringList{u"add staging/billing  2.0.0"_s,
                                       u"deploy staging/orders 1.1.0 1.2.0"_s}));
    QCOMPARE(tail.at(0).commit, u"5"_s.repeated(40));
    QCOMPARE(tail.at(0).mergeRequest, u"!8"_s);
    QCOMPARE(tail.at(1).commit, u"6"_s.repeated(40));
    QCOMPARE(tail.at(1).mergeRequest, u"!8"_s);

    // After the merge, main goes on without a merge request.
    Demo::World next = merged;
    set(next, staging, u"orders"_s, u"1.3.0"_s, false, u"QA"_s);
    ledger.recordCommit(next, {u"7"_s.repeated(40), u"Lena"_s, u"l@example.io"_s, 70});
    QCOMPARE(ledger.events().last().mergeRequest, QString());
    QCOMPARE(ledger.events().last().from, u"1.2.0"_s);
}
