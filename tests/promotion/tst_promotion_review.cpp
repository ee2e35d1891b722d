// SPDX-License-Identifier: GPL-3.0-or-later
// The staging review on the demo: rows against the last approval, the merge requests that brought
// each change, lock changes, the checklist from .envdeck.yaml, and stale approvals.

#include "PromotionFixture.h"
#include "TestSupport.h"
#include "demo/VersionSet.h"

using namespace EnvDeck;
using namespace EnvDeck::Promotion;

class TestPromotionReview : public QObject
{
    Q_OBJECT

private:
    PromotionFixture m_demo;

    // The rows the review must show: every component of the approval and of the versions file,
    // changed ones first, each group by name.
    QList<ReviewRow> expectedRows(const QMap<QString, QString> &approved,
                                  const QMap<QString, QString> &current,
                                  const QMap<QString, QStringList> &mergeRequests) const
    {
        QStringList names = approved.keys() + current.keys();
        names.removeDuplicates();
        names.sort();
        QList<ReviewRow> changed, same;
        for (const QString &name : std::as_const(names)) {
            ReviewRow row;
            row.component = name;
            row.approvedVersion = approved.value(name);
            row.currentVersion = current.value(name);
            row.mergeRequests = mergeRequests.value(name);
            (row.changed() ? changed : same).append(row);
        }
        return changed + same;
    }

    static QString describe(const QList<ReviewRow> &rows)
    {
        QStringList lines;
        for (const ReviewRow &row : rows)
            lines.append(QStringLiteral("%1 %2 -> %3 [%4]%5")
                             .arg(row.component, row.approvedVersion, row.currentVersion,
                                  row.mergeRequests.join(u','),
                                  row.lockChanged ? QStringLiteral(" lock changed") : QString()));
        return lines.join(u'\n');
    }

private slots:
    void initTestCase() { QVERIFY(m_demo.generate()); }
    void cleanup()
    {
        QVERIFY(m_demo.reset());
        m_demo.resetClock();
    }

    void freshDemoIsApproved()
    {
        auto review = reviewEnvironment(m_demo.load(), QStringLiteral("staging"));
        QVERIFY2(review.ok(), qPrintable(review ? QString() : review.error().toString()));
        QVERIFY(review->problems.isEmpty());
        QVERIFY(review->lastApproved());
        QCOMPARE(review->versions, m_demo.versions(QStringLiteral("staging")));
        QCOMPARE(review->versionSetHash, versionSetHash(review->versions));
        QVERIFY(!review->lastApprovalIsStale());
        QCOMPARE(describe(review->rows),
                 describe(expectedRows(review->lastApproved()->versions, review->versions, {})));
    }

    void rowsAfterBumps_data()
    {
        QTest::addColumn<QStringList>("messages"); // one bump per message, of the next component
        QTest::addColumn<QStringList>("expectedRequests");
        QTest::newRow("one bump, Azure DevOps PR")
            << QStringList{QStringLiteral("Merged PR 77: staging: bump")}
            << QStringList{QStringLiteral("PR 77")};
        QTest::newRow("two bumps, GitLab and GitHub")
            << QStringList{QStringLiteral("staging: bump\n\nSee merge request platform/infra!12"),
                           QStringLiteral("Merge pull request #31 from team/bump")}
            << QStringList{QStringLiteral("!12"), QStringLiteral("#31")};
        QTest::newRow("bump without a merge request")
            << QStringList{QStringLiteral("staging: bump by hand")} << QStringList{QString()};
    }
    void rowsAfterBumps()
    {
        QFETCH(QStringList, messages);
        QFETCH(QStringList, expectedRequests);
        const QString staging = QStringLiteral("staging");
        const QStringList candidates = m_demo.unlockedShared(staging, QStringLiteral("prod-eu"));
        QVERIFY(candidates.size() >= messages.size());
        const QMap<QString, QString> before = m_demo.versions(staging);
        QMap<QString, QStringList> requests;
        for (int i = 0; i < messages.size(); ++i) {
            const QString component = candidates.at(i);
            QVERIFY(m_demo.bump(staging, component, PromotionFixture::nextPatch(before[component]),
                                messages.at(i)));
            if (!expectedRequests.at(i).isEmpty())
                requests.insert(component, {expectedRequests.at(i)});
        }

        auto review = reviewEnvironment(m_demo.load(), staging);
        QVERIFY(review.ok());
        QVERIFY(review->lastApprovalIsStale());
        QCOMPARE(review->versions, m_demo.versions(staging));
        const QList<ReviewRow> expected
            = expectedRows(review->lastApproved()->versions, review->versions, requests);
        QCOMPARE(describe(review->rows), describe(expected));
        QCOMPARE(int(std::count_if(review->rows.cbegin(), review->rows.cend(),
                                   [](const ReviewRow &row) { return row.changed(); })),
                 int(messages.size()));
    }

    void onlyMergeRequestsSinceTheApproval()
    {
        // A version that was reached once before the approval and again after it: only the
        // merge request after the approval brought the change QA sees.
        const QString staging = QStringLiteral("staging");
        const QString component = m_demo.unlockedShared(staging, QStringLiteral("prod-eu")).first();
        const QString old = m_demo.versions(staging)[component];
        const QString next = PromotionFixture::nextPatch(old);
        QVERIFY(m_demo.bump(staging, component, next, QStringLiteral("Merged PR 41: up")));
        QVERIFY(m_demo.bump(staging, component, old, QStringLiteral("Merged PR 42: back")));
        QVERIFY(!m_demo.approve(staging).isEmpty());
        QVERIFY(m_demo.bump(staging, component, next, QStringLiteral("Merged PR 43: up again")));

        auto review = reviewEnvironment(m_demo.load(), staging);
        QVERIFY(review.ok());
        QCOMPARE(review->rows.first().component, component);
        QCOMPARE(review->rows.first().approvedVersion, old);
        QCOMPARE(review->rows.first().currentVersion, next);
        QCOMPARE(review->rows.first().mergeRequests, QStringList{QStringLiteral("PR 43")});
    }

    void branchMergedAfterTheApproval()
    {
        // The bump was committed on a branch before QA approved main and merged after: it is
        // part of what changed since the approval, even though its date is older.
        const QString staging = QStringLiteral("staging");
        const QString component = m_demo.unlockedShared(staging, QStringLiteral("prod-eu")).first();
        const QString old = m_demo.versions(staging)[component];
        const QString next = PromotionFixture::nextPatch(old);
        const QString mainBranch
            = m_demo.git()
                  .git({QStringLiteral("branch"), QStringLiteral("--show-current")})
                  .trimmed();
        QVERIFY(!mainBranch.isEmpty());
        QVERIFY(!m_demo.git()
                     .git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"),
                           QStringLiteral("bump")})
                     .isNull());
        QVERIFY(m_demo.bump(staging, component, next, QStringLiteral("staging: bump")));
        QVERIFY(!m_demo.git()
                     .git({QStringLiteral("checkout"), QStringLiteral("-q"), mainBranch})
                     .isNull());
        QVERIFY(!m_demo.approve(staging).isEmpty());
        QVERIFY(!m_demo.git()
                     .git({QStringLiteral("merge"), QStringLiteral("-q"), QStringLiteral("--no-ff"),
                           QStringLiteral("-m"), QStringLiteral("Local merge request 12"),
                           QStringLiteral("bump")})
                     .isNull());

        auto review = reviewEnvironment(m_demo.load(), staging);
        QVERIFY(review.ok());
        QVERIFY(review->lastApprovalIsStale());
        const Approval *last = review->lastApproved();
        QCOMPARE(last->versions.value(component), old);
        QCOMPARE(review->rows.first().component, component);
        QCOMPARE(review->rows.first().currentVersion, next);
        QCOMPARE(review->rows.first().mergeRequests, QStringList{QStringLiteral("#12")});
    }

    void lockChange()
    {
        const QString staging = QStringLiteral("staging");
        const QString component = m_demo.unlockedShared(staging, QStringLiteral("prod-eu")).first();
        QVERIFY(m_demo.edit(
            staging,
            [&](VersionDocument &document) {
                return document.lock(component, QStringLiteral("load test LT-31"));
            },
            QStringLiteral("Merged PR 80: lock for the load test")));
        auto review = reviewEnvironment(m_demo.load(), staging);
        QVERIFY(review.ok());
        QVERIFY(!review->lastApprovalIsStale()); // a lock is not a version
        QStringList lockChanged;
        for (const ReviewRow &row : std::as_const(review->rows)) {
            if (row.lockChanged)
                lockChanged.append(row.component);
        }
        QCOMPARE(lockChanged, QStringList{component});
        const auto row = std::find_if(review->rows.cbegin(), review->rows.cend(),
                                      [&](const ReviewRow &r) { return r.component == component; });
        QVERIFY(row->locked);
        QCOMPARE(row->lockReason, QStringLiteral("load test LT-31"));
        QVERIFY(!row->changed());
        QCOMPARE(row->mergeRequests, QStringList{QStringLiteral("PR 80")});
    }

    void checklist_data()
    {
        QTest::addColumn<QByteArray>("configTail"); // appended to the demo's .envdeck.yaml
        QTest::addColumn<QStringList>("expected");  // empty: the default items
        QTest::addColumn<QString>("problem");
        QTest::newRow("none") << QByteArray() << QStringList() << QString();
        QTest::newRow("from the file")
            << QByteArray("approval:\n  checklist:\n    - \"Smoke tests green\"\n    - Release "
                          "notes reviewed\n")
            << QStringList{QStringLiteral("Smoke tests green"),
                           QStringLiteral("Release notes reviewed")}
            << QString();
        QTest::newRow("not a list")
            << QByteArray("approval: { checklist: smoke }\n") << QStringList()
            << QStringLiteral(
                   ".envdeck.yaml:14:24: `checklist` must be a list of the items QA checks, e.g. "
                   "[\"Smoke tests green\", \"Release notes reviewed\"]");
        QTest::newRow("an empty item")
            << QByteArray("approval:\n  checklist: [\"Smoke\", \"\", Smoke]\n")
            << QStringList{QStringLiteral("Smoke")}
            << QStringLiteral(".envdeck.yaml:15:24: a checklist item must be a non-empty text");
        QTest::newRow("not a mapping")
            << QByteArray("approval: [a, b]\n") << QStringList()
            << QStringLiteral(".envdeck.yaml:14:11: `approval` must be a mapping, e.g. "
                              "`approval: { checklist: [\"Smoke tests green\"] }`");
    }
    void checklist()
    {
        QFETCH(QByteArray, configTail);
        QFETCH(QStringList, expected);
        QFETCH(QString, problem);
        const QByteArray config = m_demo.bytesOf(QStringLiteral(".envdeck.yaml"));
        QCOMPARE(config.count('\n'), 13); // the line numbers above count on it
        QVERIFY(m_demo.git().write(QStringLiteral(".envdeck.yaml"), config + configTail));
        auto review = reviewEnvironment(m_demo.load(), QStringLiteral("staging"));
        QVERIFY(review.ok());
        QCOMPARE(review->checklist, expected.isEmpty() ? defaultChecklist() : expected);
        QStringList problems;
        for (const Error &error : std::as_const(review->problems))
            problems.append(error.toString());
        if (problem.isEmpty())
            QCOMPARE(problems, QStringList());
        else
            QVERIFY2(problems.contains(problem), qPrintable(problems.join(u'\n')));
    }

    void stale_data()
    {
        QTest::addColumn<QStringList>("approved"); // name=version
        QTest::addColumn<QStringList>("current");
        QTest::addColumn<bool>("stale");
        const QStringList base{QStringLiteral("api=1.2.0"), QStringLiteral("web=2.0.1")};
        QTest::newRow("same set") << base << base << false;
        QTest::newRow("same set, other order")
            << base << QStringList{base.at(1), base.at(0)} << false;
        QTest::newRow("a version changed")
            << base << QStringList{QStringLiteral("api=1.2.1"), base.at(1)} << true;
        QTest::newRow("a component added")
            << base << (base + QStringList{QStringLiteral("db=1.0.0")}) << true;
        QTest::newRow("a component removed") << base << QStringList{base.at(0)} << true;
        QTest::newRow("nothing against something") << QStringList() << base << true;
    }
    void stale()
    {
        QFETCH(QStringList, approved);
        QFETCH(QStringList, current);
        QFETCH(bool, stale);
        const auto toMap = [](const QStringList &pairs) {
            QMap<QString, QString> map;
            for (const QString &pair : pairs)
                map.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
            return map;
        };
        Approval approval;
        approval.versions = toMap(approved);
        approval.decision = QStringLiteral("approved");
        QCOMPARE(isStale(approval, toMap(current)), stale);

        Review review;
        review.versions = toMap(current);
        QVERIFY(!review.lastApprovalIsStale()); // no approval: nothing to be stale
        review.approvals.approvals.append(approval);
        QCOMPARE(review.lastApprovalIsStale(), stale);
        review.approvals.approvals.last().decision = QStringLiteral("rejected");
        QVERIFY(!review.lastApprovalIsStale()); // a rejection approves nothing
    }

    void unknownEnvironment()
    {
        auto review = reviewEnvironment(m_demo.load(), QStringLiteral("qa"));
        QVERIFY(!review.ok());
        QCOMPARE(review.error().message(),
                 QStringLiteral("Unknown environment \"qa\"; the repository has: dev, staging, "
                                "prod-eu, prod-us, contoso"));
    }
};

ENVDECK_TEST_MAIN_CORE(TestPromotionReview)
#include "tst_promotion_review.moc"
