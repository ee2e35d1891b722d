// SPDX-License-Identifier: GPL-3.0-or-later
// Approving and rejecting: the file renderDecision() writes reads back through readApprovals()
// with every field and the hash intact, gets an id nobody used, and writeEdits() leaves nothing
// half written.

#include "PromotionFixture.h"
#include "TestSupport.h"
#include "demo/VersionSet.h"

#include <QRegularExpression>

using namespace EnvDeck;
using namespace EnvDeck::Promotion;

class TestPromotionDecision : public QObject
{
    Q_OBJECT

private:
    PromotionFixture m_demo;

    Decision stagingDecision(bool approve, const QString &comment) const
    {
        Decision decision;
        decision.environment = QStringLiteral("staging");
        decision.approve = approve;
        decision.comment = comment;
        decision.by = QStringLiteral("Quinn Tester <quinn@example.io>");
        decision.at = QDateTime(QDate(2026, 3, 21), QTime(9, 30, 15), Qt::UTC);
        decision.commit = m_demo.git().head();
        decision.versions = m_demo.versions(QStringLiteral("staging"));
        decision.answers
            = {{QStringLiteral("Smoke tests pass"), QStringLiteral("passed"), {}},
               {QStringLiteral("Performance baseline"), QStringLiteral("passed with remarks"),
                QStringLiteral("p95 up 7%, accepted")}};
        return decision;
    }

    // The highest N of the demo's `<date>-r<N>` approvals of staging.
    int highestRelease() const
    {
        const QStringList files = QDir(m_demo.root() + QStringLiteral("/approvals/staging"))
                                      .entryList({QStringLiteral("*.yaml")}, QDir::Files);
        int highest = 0;
        for (const QString &file : files)
            highest = std::max(highest,
                               file.section(QStringLiteral("-r"), 1).section(u'.', 0, 0).toInt());
        return highest;
    }

private slots:
    void initTestCase() { QVERIFY(m_demo.generate()); }
    void cleanup() { QVERIFY(m_demo.reset()); }

    void roundTrip_data()
    {
        QTest::addColumn<bool>("approve");
        QTest::addColumn<QString>("comment");
        QTest::addColumn<QString>("note"); // of the second checklist answer
        QTest::newRow("approve") << true << QString() << QStringLiteral("p95 up 7%, accepted");
        QTest::newRow("approve with a comment")
            << true << QStringLiteral("Ship it") << QStringLiteral("p95 up 7%, accepted");
        QTest::newRow("reject") << false
                                << QStringLiteral("Payments sandbox fails: INC-12, see #qa")
                                << QString();
        QTest::newRow("text YAML would misread")
            << true
            << QStringLiteral("key: value # not a comment\n\"quoted\" \\ back\ttab — ünïcode")
            << QStringLiteral("- [a, b] & *ref ! % @ `");
    }
    void roundTrip()
    {
        QFETCH(bool, approve);
        QFETCH(QString, comment);
        QFETCH(QString, note);
        Decision decision = stagingDecision(approve, comment);
        decision.answers[1].note = note;
        const int next = highestRelease() + 1;
        QVERIFY(next > 1);

        auto edit = renderDecision(m_demo.root(), decision);
        QVERIFY2(edit.ok(), qPrintable(edit ? QString() : edit.error().toString()));
        const QString id = QStringLiteral("2026-03-21-r") + QString::number(next);
        QCOMPARE(edit->file, QStringLiteral("approvals/staging/") + id + QStringLiteral(".yaml"));
        QCOMPARE(edit->absolutePath, QDir(m_demo.root()).filePath(edit->file));
        QVERIFY(edit->before.isEmpty());
        QVERIFY(edit->after.startsWith(approve ? "# QA approval of staging, recorded by EnvDeck."
                                               : "# QA rejection of staging, recorded by EnvDeck"));
        QVERIFY(writeEdits({*edit}).ok());

        const ApprovalList list = readApprovals(m_demo.root(), QStringLiteral("staging"));
        QCOMPARE(list.problems.size(), 0);
        const auto read = std::find_if(list.approvals.cbegin(), list.approvals.cend(),
                                       [&](const Approval &a) { return a.id == id; });
        QVERIFY(read != list.approvals.cend());
        QCOMPARE(read->file, edit->file);
        QCOMPARE(read->environment, QStringLiteral("staging"));
        QCOMPARE(read->release, approve ? QStringLiteral("r") + QString::number(next) : QString());
        QCOMPARE(read->approvedBy, decision.by);
        QCOMPARE(read->approvedAt, decision.at);
        QCOMPARE(read->commit, decision.commit);
        QCOMPARE(read->decision, approve ? QStringLiteral("approved") : QStringLiteral("rejected"));
        QCOMPARE(read->comment, comment);
        QCOMPARE(read->versions, decision.versions);
        QCOMPARE(read->versionSetHash, versionSetHash(decision.versions));
        QVERIFY(read->isConsistent());
        QCOMPARE(read->checklist.size(), decision.answers.size());
        for (qsizetype i = 0; i < decision.answers.size(); ++i) {
            QCOMPARE(read->checklist[i].item, decision.answers[i].item);
            QCOMPARE(read->checklist[i].result, decision.answers[i].result);
            QCOMPARE(read->checklist[i].note, decision.answers[i].note);
        }
        // The newest file: an approval is what the plans take from now on, a rejection is not.
        QCOMPARE(list.approvals.last().id, id);
        QCOMPARE(list.latestApproved()->id == id, approve);
    }

    void rejectionNeedsAComment_data()
    {
        QTest::addColumn<QString>("comment");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << QStringLiteral(" \n\t ");
    }
    void rejectionNeedsAComment()
    {
        QFETCH(QString, comment);
        auto edit = renderDecision(m_demo.root(), stagingDecision(false, comment));
        QVERIFY(!edit.ok());
        QCOMPARE(edit.error().message(),
                 QStringLiteral("A rejection needs a comment: say what QA found"));
    }

    void idsAreUnique()
    {
        // Numbered after the demo's r<N> files, one after the other.
        const int next = highestRelease() + 1;
        for (int i = 0; i < 2; ++i) {
            auto edit = renderDecision(m_demo.root(), stagingDecision(true, {}));
            QVERIFY(edit.ok());
            QCOMPARE(QFileInfo(edit->file).completeBaseName(),
                     QStringLiteral("2026-03-21-r") + QString::number(next + i));
            QVERIFY(writeEdits({*edit}).ok());
        }

        // A folder without numbered files: a short hash, longer when a file already ends so.
        Decision decision = stagingDecision(true, {});
        decision.environment = QStringLiteral("prod-eu");
        decision.versions = m_demo.versions(QStringLiteral("prod-eu"));
        auto first = renderDecision(m_demo.root(), decision);
        QVERIFY(first.ok());
        const QString firstId = QFileInfo(first->file).completeBaseName();
        QVERIFY2(QRegularExpression(QStringLiteral("^2026-03-21-[0-9a-f]{7}$"))
                     .match(firstId)
                     .hasMatch(),
                 qPrintable(firstId));
        QVERIFY(writeEdits({*first}).ok());
        auto second = renderDecision(m_demo.root(), decision);
        QVERIFY(second.ok());
        const QString secondId = QFileInfo(second->file).completeBaseName();
        QCOMPARE(secondId, firstId + secondId.right(1)); // the same hash, one digit longer
        QCOMPARE(secondId.size(), firstId.size() + 1);
        QVERIFY(writeEdits({*second}).ok());
        const ApprovalList list = readApprovals(m_demo.root(), QStringLiteral("prod-eu"));
        QCOMPARE(list.approvals.size(), 2);
        QVERIFY(list.approvals[0].isConsistent() && list.approvals[1].isConsistent());
    }

    void writeEditsPutsBackOnFailure_data()
    {
        QTest::addColumn<bool>("firstIsNew");
        QTest::newRow("an existing file is restored") << false;
        QTest::newRow("a new file and its folder are removed") << true;
    }
    void writeEditsPutsBackOnFailure()
    {
        QFETCH(bool, firstIsNew);
        const QString root = m_demo.root();
        FileEdit first;
        if (firstIsNew) {
            first.file = QStringLiteral("approvals/qa/2026-03-21-r1.yaml");
        } else {
            first.file = demoVersionsFile(QStringLiteral("dev"));
            first.before = m_demo.bytesOf(first.file);
        }
        first.absolutePath = QDir(root).filePath(first.file);
        first.after = "changed: true\n";
        FileEdit second;
        second.file = QStringLiteral("README.md/impossible.yaml"); // its parent is a file
        second.absolutePath = QDir(root).filePath(second.file);
        second.after = "x: 1\n";
        QVERIFY(QFileInfo(QDir(root).filePath(QStringLiteral("README.md"))).isFile());

        const auto result = writeEdits({first, second});
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message().startsWith(
                     QStringLiteral("Cannot write README.md/impossible.yaml: ")),
                 qPrintable(result.error().message()));
        QVERIFY(result.error().message().endsWith(
            QStringLiteral("; the files written before it were put back")));
        if (firstIsNew) {
            QVERIFY(!QFileInfo::exists(first.absolutePath));
            QVERIFY(!QFileInfo::exists(QDir(root).filePath(QStringLiteral("approvals/qa"))));
        } else {
            QCOMPARE(m_demo.bytesOf(first.file), first.before);
        }
        QCOMPARE(m_demo.git().git({QStringLiteral("status"), QStringLiteral("--porcelain")}),
                 QString());
    }

    void writeEditsRefusesFilesChangedSince()
    {
        FileEdit edit;
        edit.file = demoVersionsFile(QStringLiteral("dev"));
        edit.absolutePath = QDir(m_demo.root()).filePath(edit.file);
        edit.before = m_demo.bytesOf(edit.file) + "# planned on an older state\n";
        edit.after = "changed: true\n";
        const QByteArray onDisk = m_demo.bytesOf(edit.file);
        const auto result = writeEdits({edit});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message(),
                 QStringLiteral("environments/dev/versions.yaml changed on disk since the change "
                                "was planned; nothing was written"));
        QCOMPARE(m_demo.bytesOf(edit.file), onDisk);

        FileEdit existing; // a new file whose name is taken
        existing.file = QStringLiteral("README.md");
        existing.absolutePath = QDir(m_demo.root()).filePath(existing.file);
        existing.after = "new\n";
        QCOMPARE(writeEdits({existing}).error().message(),
                 QStringLiteral("README.md already exists; nothing was written"));
    }
};

ENVDECK_TEST_MAIN_CORE(TestPromotionDecision)
#include "tst_promotion_decision.moc"
