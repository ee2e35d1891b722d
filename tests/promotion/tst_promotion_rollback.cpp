// SPDX-License-Identifier: GPL-3.0-or-later
// Rolling an environment back to an earlier approval or to a git revision: exactly the earlier
// versions come back, nothing else changes, locks and unknown names refuse.

#include "PlanChecks.h"
#include "TestSupport.h"

using namespace EnvDeck;
using namespace EnvDeck::Promotion;
using namespace PlanChecks;

Q_DECLARE_METATYPE(EnvDeck::Promotion::Plan::Outcome)

class TestPromotionRollback : public QObject
{
    Q_OBJECT

private:
    PromotionFixture m_demo;
    const QString m_staging = QStringLiteral("staging");
    const QString m_prodEu = QStringLiteral("prod-eu");
    QString m_previousApproval; // the newest approval of staging before the test's own
    QString m_beforePromotion;  // the commit before prod-eu was promoted

    // Staging gets a new patch release that QA approves, and prod-eu is promoted to it.
    bool promoteANewRelease()
    {
        const ApprovalList approvals = readApprovals(m_demo.root(), m_staging);
        if (!approvals.latestApproved())
            return false;
        m_previousApproval = approvals.latestApproved()->id;
        const QString name = m_demo.unlockedShared(m_staging, m_prodEu).first();
        if (!m_demo.bump(m_staging, name,
                         PromotionFixture::nextPatch(m_demo.versions(m_staging)[name]),
                         QStringLiteral("staging: bump")))
            return false;
        if (m_demo.approve(m_staging).isEmpty())
            return false;
        m_beforePromotion = m_demo.git().head();
        const Plan plan = planPromotion(m_demo.load(), {m_staging, {m_prodEu}, {}, {}, {}});
        return plan.outcome == Plan::Outcome::Ready && writeEdits(plan.edits).ok()
               && m_demo.commit(plan.commitMessage());
    }

    // What prod-eu must run after the rollback: the source's version for every component prod-eu
    // has, its own version for the rest.
    QMap<QString, QString> rolledBack(const QMap<QString, QString> &source) const
    {
        QMap<QString, QString> versions = m_demo.versions(m_prodEu);
        for (auto it = versions.begin(); it != versions.end(); ++it)
            it.value() = source.value(it.key(), it.value());
        return versions;
    }

private slots:
    void initTestCase() { QVERIFY(m_demo.generate()); }
    void init() { QVERIFY(promoteANewRelease()); }
    void cleanup()
    {
        QVERIFY(m_demo.reset());
        m_demo.resetClock();
    }

    void rollback_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("approval id") << "id";
        QTest::newRow("release name") << "release";
        QTest::newRow("commit id") << "commit";
        QTest::newRow("relative revision") << "HEAD~1";
    }
    void rollback()
    {
        QFETCH(QString, kind);
        const ApprovalList approvals = readApprovals(m_demo.root(), m_staging);
        const auto previous
            = std::find_if(approvals.approvals.cbegin(), approvals.approvals.cend(),
                           [&](const Approval &a) { return a.id == m_previousApproval; });
        QVERIFY(previous != approvals.approvals.cend());

        QString to, title, approvalId;
        QMap<QString, QString> source;
        if (kind == u"id" || kind == u"release") {
            to = kind == u"id" ? previous->id : previous->release;
            QVERIFY(!to.isEmpty());
            source = previous->versions;
            title = QStringLiteral("Roll prod-eu back to ") + previous->id;
            approvalId = previous->id;
        } else {
            to = kind == u"commit" ? m_beforePromotion : kind;
            source = m_demo.versionsAt(m_beforePromotion, m_prodEu);
            title = QStringLiteral("Roll prod-eu back to ")
                    + (kind == u"commit" ? m_beforePromotion.left(8) : kind);
        }
        const QMap<QString, QString> expected = rolledBack(source);
        QVERIFY(expected != m_demo.versions(m_prodEu)); // there is something to roll back

        Request request;
        request.targets = {m_prodEu};
        request.rollbackTo = to;
        const Plan plan = planRollback(m_demo.load(), request);
        QVERIFY2(plan.outcome == Plan::Outcome::Ready, qPrintable(plan.error.toString()));
        QCOMPARE(plan.title, title);
        QCOMPARE(plan.approvalId, approvalId);
        QCOMPARE(plan.edits.size(), 1);
        QCOMPARE(plan.edits.first().file, demoVersionsFile(m_prodEu));
        QCOMPARE(versionsOfBytes(plan.edits.first().after), expected);
        checkEdit(m_demo, plan.edits.first(), plan.changes);
        const QMap<QString, QString> now = m_demo.versions(m_prodEu);
        QStringList changed;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            if (now[it.key()] != it.value())
                changed.append(it.key());
        }
        QStringList planned;
        for (const VersionChange &change : plan.changes)
            planned.append(change.component);
        planned.sort();
        QCOMPARE(planned, changed);
        if (kind != u"id" && kind != u"release") // the promotion commit is undone exactly
            QCOMPARE(versionsOfBytes(plan.edits.first().after),
                     m_demo.versionsAt(m_beforePromotion, m_prodEu));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("lockFirst");
        QTest::addColumn<Plan::Outcome>("outcome");
        QTest::addColumn<QString>("message"); // %1: the locked component
        QTest::newRow("unknown")
            << "no-such-thing" << false << Plan::Outcome::Invalid
            << "\"no-such-thing\" is neither an approval of prod-eu or staging nor a git revision "
               "(unknown revision `no-such-thing`)";
        QTest::newRow("already there")
            << "HEAD" << false << Plan::Outcome::Refused
            << "Nothing to roll back: prod-eu already runs the versions of HEAD";
        QTest::newRow("locked") << "HEAD~1" << true << Plan::Outcome::Refused
                                << "%1 is locked in prod-eu (incident INC-9). Nothing was changed; "
                                   "unlock it first.";
        QTest::newRow("empty") << " " << false << Plan::Outcome::Invalid
                               << "Name the approval or the git revision to roll prod-eu back to";
    }
    void refusals()
    {
        QFETCH(QString, to);
        QFETCH(bool, lockFirst);
        QFETCH(Plan::Outcome, outcome);
        QFETCH(QString, message);
        QString locked;
        if (lockFirst) {
            // The component the promotion changed, locked after it: rolling it back is refused.
            const QMap<QString, QString> then = m_demo.versionsAt(m_beforePromotion, m_prodEu);
            const QMap<QString, QString> now = m_demo.versions(m_prodEu);
            for (auto it = now.cbegin(); it != now.cend() && locked.isEmpty(); ++it) {
                if (then.value(it.key()) != it.value())
                    locked = it.key();
            }
            QVERIFY(!locked.isEmpty());
            QVERIFY(m_demo.edit(
                m_prodEu,
                [&](VersionDocument &document) {
                    return document.lock(locked, QStringLiteral("incident INC-9"));
                },
                QStringLiteral("prod-eu: lock")));
            to = QStringLiteral("HEAD~2"); // before the promotion
        }
        Request request;
        request.targets = {m_prodEu};
        request.rollbackTo = to;
        const Plan plan = planRollback(m_demo.load(), request);
        QCOMPARE(plan.outcome, outcome);
        QCOMPARE(plan.error.message(), lockFirst ? message.arg(locked) : message);
        QVERIFY(plan.edits.isEmpty());
    }
};

ENVDECK_TEST_MAIN_CORE(TestPromotionRollback)
#include "tst_promotion_rollback.moc"
