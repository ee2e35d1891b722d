// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck approve` on the demo repository: every checklist item answered, the answers and the
// comment recorded, a second approval of the same set and a rejection without a reason refused;
// and the arguments promote and rollback refuse before they touch anything.

#include "PromotionCliFixture.h"
#include "TestSupport.h"

#include "approval/Approval.h"
#include "promotion/Promotion.h"
#include "validation/ValidationLoader.h"

using namespace EnvDeck;

class TestApproveCli : public QObject, private PromotionCliFixture
{
    Q_OBJECT

private:
    QString m_approvalId; // the approval checklistAnswersAreRecorded makes

private slots:
    void initTestCase() { QVERIFY(makeDemo()); }
    void refusals_data();
    void refusals();
    void checklistAnswersAreRecorded();
    void approvingTwiceIsRefused();
    void rejectionIsRecorded();
    void helpNamesTheOptions_data();
    void helpNamesTheOptions();
};

void TestApproveCli::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("reject without a comment")
        << QStringList{QStringLiteral("approve"), QStringLiteral("--env"),
                       QStringLiteral("staging"), QStringLiteral("--reject")}
        << 2 << QStringLiteral("--reject needs --comment");
    QTest::newRow("approve without an environment")
        << QStringList{QStringLiteral("approve")} << 2 << QStringLiteral("--env is required");
    QTest::newRow("checklist item that is not on the list")
        << QStringList{QStringLiteral("approve"), QStringLiteral("--env"),
                       QStringLiteral("staging"), QStringLiteral("--checklist"),
                       QStringLiteral("Coffee machine works=passed")}
        << 2 << QStringLiteral("'Coffee machine works' is not on the checklist");
    QTest::newRow("checklist answer without a result")
        << QStringList{QStringLiteral("approve"), QStringLiteral("--env"),
                       QStringLiteral("staging"), QStringLiteral("--checklist"),
                       QStringLiteral("Smoke tests green on staging")}
        << 2 << QStringLiteral("must be \"item=result\"");
    QTest::newRow("promote without targets")
        << QStringList{QStringLiteral("promote"), QStringLiteral("--from"),
                       QStringLiteral("staging")}
        << 2 << QStringLiteral("--from and --to are required");
    QTest::newRow("promote to an unknown environment")
        << QStringList{QStringLiteral("promote"), QStringLiteral("--from"),
                       QStringLiteral("staging"), QStringLiteral("--to"),
                       QStringLiteral("prod-mars")}
        << 2 << QStringLiteral("prod-mars");
    QTest::newRow("blank override reason") << QStringList{
        QStringLiteral("promote"), QStringLiteral("--from"),  QStringLiteral("staging"),
        QStringLiteral("--to"),    QStringLiteral("prod-eu"), QStringLiteral("--override-reason"),
        QStringLiteral(" ")} << 2 << QStringLiteral("--override-reason needs the reason");
    QTest::newRow("rollback without a target")
        << QStringList{QStringLiteral("rollback"), QStringLiteral("--env"),
                       QStringLiteral("prod-eu")}
        << 2 << QStringLiteral("--env and --to are required");
    QTest::newRow("rollback to an approval that does not exist")
        << QStringList{QStringLiteral("rollback"), QStringLiteral("--env"),
                       QStringLiteral("prod-eu"), QStringLiteral("--to"),
                       QStringLiteral("1999-01-01-r0")}
        << 2 << QStringLiteral("1999-01-01-r0");
}

void TestApproveCli::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString head = GitFixture(m_demo).head();
    arguments.insert(1, m_demo);
    arguments << QStringLiteral("--offline");
    const CliRun run = envdeck(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(GitFixture(m_demo).head(), head);
    QCOMPARE(status(), QString());
}

void TestApproveCli::checklistAnswersAreRecorded()
{
    QVERIFY(checkoutMain());
    const DemoPick pick = bumpStaging();
    QVERIFY(pick.isValid());
    Validation::LoadOptions options;
    options.offline = true;
    auto input = Validation::loadValidationInput(m_demo, options);
    QVERIFY(input.ok());
    auto review = Promotion::reviewEnvironment(*input, QStringLiteral("staging"));
    QVERIFY(review.ok());
    const QStringList checklist = review->checklist;
    QVERIFY(checklist.size() >= 2);

    // One answer short: refused, and the message names the item nobody answered.
    QStringList answers;
    for (const QString &item : checklist.mid(0, checklist.size() - 1))
        answers << QStringLiteral("--checklist") << item + QStringLiteral("=passed");
    const QString head = GitFixture(m_demo).head();
    const QStringList approve{QStringLiteral("approve"), m_demo, QStringLiteral("--env"),
                              QStringLiteral("staging"), QStringLiteral("--offline")};
    const CliRun partial = envdeck(approve + answers);
    QCOMPARE(partial.exitCode, 2);
    QVERIFY2(partial.err.contains(QStringLiteral("missing: ") + checklist.last()),
             qPrintable(partial.err));
    QCOMPARE(GitFixture(m_demo).head(), head);
    QCOMPARE(status(), QString());

    // Every item answered, one with remarks and a note: recorded as given.
    answers << QStringLiteral("--checklist")
            << checklist.last() + QStringLiteral("=passed with remarks:p95 up 4%, accepted");
    const CliRun full = envdeck(approve + answers);
    QVERIFY2(full.exitCode == 0, qPrintable(full.outText() + full.err));
    const ApprovalList approvals = readApprovals(m_demo, QStringLiteral("staging"));
    const Approval *latest = approvals.latestApproved();
    QVERIFY(latest);
    QVERIFY(!latest->id.isEmpty());
    m_approvalId = latest->id; // kept: the next tests start from this approval
    QCOMPARE(latest->checklist.size(), checklist.size());
    for (qsizetype i = 0; i < checklist.size(); ++i)
        QCOMPARE(latest->checklist.at(i).item, checklist.at(i));
    QCOMPARE(latest->checklist.last().result, QStringLiteral("passed with remarks"));
    QCOMPARE(latest->checklist.last().note, QStringLiteral("p95 up 4%, accepted"));
    QCOMPARE(status(), QString());
}

void TestApproveCli::approvingTwiceIsRefused()
{
    QVERIFY(checkoutMain());
    // Staging runs exactly what m_approvalId approved: a second approval would say nothing new.
    const QString head = GitFixture(m_demo).head();
    const CliRun run = envdeck({QStringLiteral("approve"), m_demo, QStringLiteral("--env"),
                                QStringLiteral("staging"), QStringLiteral("--offline")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("approved already (%1)").arg(m_approvalId)),
             qPrintable(run.err));
    QCOMPARE(GitFixture(m_demo).head(), head);
    QCOMPARE(status(), QString());
}

void TestApproveCli::rejectionIsRecorded()
{
    QVERIFY(checkoutMain());
    const QString start = GitFixture(m_demo).head();
    const DemoPick pick = bumpStaging();
    QVERIFY(pick.isValid());
    const CliRun run = envdeck({QStringLiteral("approve"), m_demo, QStringLiteral("--env"),
                                QStringLiteral("staging"), QStringLiteral("--reject"),
                                QStringLiteral("--comment"), QStringLiteral("login broken"),
                                QStringLiteral("--offline")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.outText() + run.err));
    const ApprovalList approvals = readApprovals(m_demo, QStringLiteral("staging"));
    QVERIFY(!approvals.approvals.isEmpty());
    const Approval &newest = approvals.approvals.constLast();
    QCOMPARE(newest.decision, QStringLiteral("rejected"));
    QCOMPARE(newest.comment, QStringLiteral("login broken"));
    QCOMPARE(newest.versions.value(pick.component), pick.to);
    QCOMPARE(approvals.latestApproved()->id, m_approvalId);
    QVERIFY(git({QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B")})
                .contains(QStringLiteral("login broken")));
    QCOMPARE(status(), QString());
    QVERIFY(resetMainTo(start));
}

void TestApproveCli::helpNamesTheOptions_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("options");
    QTest::newRow("approve") << QStringLiteral("approve")
                             << QStringList{QStringLiteral("--env"), QStringLiteral("--comment"),
                                            QStringLiteral("--reject"),
                                            QStringLiteral("--checklist"),
                                            QStringLiteral("--open-mr")};
    QTest::newRow("promote") << QStringLiteral("promote")
                             << QStringList{QStringLiteral("--from"), QStringLiteral("--to"),
                                            QStringLiteral("--components"),
                                            QStringLiteral("--override-reason"),
                                            QStringLiteral("--branch")};
    QTest::newRow("rollback") << QStringLiteral("rollback")
                              << QStringList{QStringLiteral("--env"), QStringLiteral("--to"),
                                             QStringLiteral("--provider")};
}

void TestApproveCli::helpNamesTheOptions()
{
    QFETCH(QString, command);
    QFETCH(QStringList, options);
    const CliRun run = envdeck({command, QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.outText().startsWith(QStringLiteral("Usage: envdeck ") + command),
             qPrintable(run.outText()));
    for (const QString &option : options)
        QVERIFY2(run.outText().contains(option), qPrintable(option));
    const CliRun usage = envdeck({QStringLiteral("--help")});
    QVERIFY(usage.outText().contains(u"  " + command + u' '));
}

ENVDECK_TEST_MAIN_CORE(TestApproveCli)
#include "tst_approve_cli.moc"
