// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck approve`, `promote` and `rollback` end to end on the demo repository and its bare
// origin: a staging bump → QA approval → promotion to prod-eu and prod-us in one local merge
// request → merged → validate and history agree → prod-eu rolled back to exactly what it ran
// before; a customer cluster follows its base; unapproved versions refused unless overridden;
// a failed commit leaves the files as they were.

#include "PromotionCliFixture.h"
#include "TestSupport.h"

#include "approval/Approval.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace EnvDeck;

namespace {

// The errors `envdeck validate --format json` reports, as "rule|environment|component".
QSet<QString> validationErrors(const QByteArray &json)
{
    QSet<QString> errors;
    const QJsonArray findings = QJsonDocument::fromJson(json).object().value(u"findings").toArray();
    for (const QJsonValue &value : findings) {
        const QJsonObject finding = value.toObject();
        if (finding.value(u"severity").toString() != u"error")
            continue;
        errors.insert(QStringList{finding.value(u"rule").toString(),
                                  finding.value(u"environment").toString(),
                                  finding.value(u"component").toString()}
                          .join(u'|'));
    }
    return errors;
}

} // namespace

class TestPromotionCli : public QObject, private PromotionCliFixture
{
    Q_OBJECT

private:
    QSet<QString> m_errorsBefore; // validation errors of the untouched demo
    DemoPick m_pick;              // the staging component the flow bumps
    QString m_approvalId;         // the approval the flow makes
    QString m_beforePromotion;    // main before the promotion was merged
    QString m_promotionCommit;
    QString m_mergeRequest; // "#N" as the history names it

private slots:
    void initTestCase();
    void approvePromoteMergeValidate();
    void historyShowsThePromotion();
    void customerClusterFollowsItsBase();
    void rollbackRestoresTheVersionsBefore();
    void unapprovedVersions_data();
    void unapprovedVersions();
    void failedCommitPutsTheFileBack();
};

void TestPromotionCli::initTestCase()
{
    QVERIFY(makeDemo());
    const CliRun validated
        = envdeck({QStringLiteral("validate"), m_demo, QStringLiteral("--offline"),
                   QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(validated.exitCode == 0 || validated.exitCode == 1, qPrintable(validated.err));
    m_errorsBefore = validationErrors(validated.out);
}

void TestPromotionCli::approvePromoteMergeValidate()
{
    // A staging change, then QA approves it: every checklist item passed, committed on main.
    m_pick = bumpStaging();
    QVERIFY2(m_pick.isValid(), "a staging component can be bumped");
    const QString bumped = GitFixture(m_demo).head();
    const CliRun approved = envdeck({QStringLiteral("approve"), m_demo, QStringLiteral("--env"),
                                     QStringLiteral("staging"), QStringLiteral("--comment"),
                                     QStringLiteral("R-200 green"), QStringLiteral("--offline")});
    QVERIFY2(approved.exitCode == 0, qPrintable(approved.outText() + approved.err));
    QVERIFY2(approved.outText().contains(QStringLiteral("  %1 ").arg(m_pick.component)),
             qPrintable(approved.outText()));
    QCOMPARE(git({QStringLiteral("rev-parse"), QStringLiteral("HEAD~1")}).trimmed(), bumped);
    QCOMPARE(status(), QString());
    const QStringList added = git({QStringLiteral("diff"), QStringLiteral("--name-only"),
                                   QStringLiteral("HEAD~1"), QStringLiteral("HEAD")})
                                  .split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(added.size(), 1);
    QVERIFY2(added.first().startsWith(QStringLiteral("approvals/staging/")),
             qPrintable(added.first()));
    m_approvalId = QFileInfo(added.first()).completeBaseName();
    const ApprovalList approvals = readApprovals(m_demo, QStringLiteral("staging"));
    const Approval *latest = approvals.latestApproved();
    QVERIFY(latest);
    QCOMPARE(latest->id, m_approvalId);
    QCOMPARE(latest->approvedBy, QStringLiteral("Quinn Tester <quinn@example.io>"));
    QCOMPARE(latest->commit, bumped);
    QVERIFY(latest->isConsistent());
    QCOMPARE(latest->versions.value(m_pick.component), m_pick.to);
    QCOMPARE(latest->versions,
             versionsOfBytes(
                 fileAt(QStringLiteral("HEAD"), demoVersionsFile(QStringLiteral("staging")))));
    QVERIFY(!latest->checklist.isEmpty());
    for (const Approval::ChecklistItem &item : latest->checklist)
        QCOMPARE(item.result, QStringLiteral("passed"));
    QVERIFY(git({QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B")})
                .contains(QStringLiteral("R-200 green")));

    // Both production regions in one commit on a branch, proposed as one local merge request.
    m_beforePromotion = GitFixture(m_demo).head();
    const QString branch = QStringLiteral("envdeck/promote-") + m_approvalId;
    const CliRun promoted = envdeck(
        {QStringLiteral("promote"), m_demo, QStringLiteral("--from"), QStringLiteral("staging"),
         QStringLiteral("--to"), QStringLiteral("prod-eu,prod-us"), QStringLiteral("--branch"),
         branch, QStringLiteral("--open-mr"), QStringLiteral("--provider"), QStringLiteral("local"),
         QStringLiteral("--offline")});
    QVERIFY2(promoted.exitCode == 0, qPrintable(promoted.outText() + promoted.err));
    m_promotionCommit = commitOf(promoted);
    QVERIFY2(!m_promotionCommit.isEmpty(), qPrintable(promoted.outText()));
    static const QRegularExpression mrLine(QStringLiteral("^merge request local (\\d+)"),
                                           QRegularExpression::MultilineOption);
    const QString number = mrLine.match(promoted.outText()).captured(1);
    QVERIFY2(!number.isEmpty(), qPrintable(promoted.outText()));
    m_mergeRequest = u'#' + number;
    QCOMPARE(git({QStringLiteral("rev-parse"), branch + QStringLiteral("~1")}).trimmed(),
             m_beforePromotion);
    QCOMPARE(git({QStringLiteral("diff"), QStringLiteral("--name-only"), m_beforePromotion, branch})
                 .split(u'\n', Qt::SkipEmptyParts),
             (QStringList{demoVersionsFile(QStringLiteral("prod-eu")),
                          demoVersionsFile(QStringLiteral("prod-us"))}));
    const QString description
        = git({QStringLiteral("show"), QStringLiteral("refs/envdeck/merge-requests/") + number
                                           + QStringLiteral(":description.md")});
    QVERIFY2(description.contains(m_approvalId), qPrintable(description));
    QVERIFY2(description.contains(u'|'), qPrintable(description));
    const QMap<QString, QString> staging = latest->versions;
    for (const QString &environment : {QStringLiteral("prod-eu"), QStringLiteral("prod-us")}) {
        const QMap<QString, QString> before
            = versionsOfBytes(fileAt(m_beforePromotion, demoVersionsFile(environment)));
        const QMap<QString, QString> after
            = versionsOfBytes(fileAt(branch, demoVersionsFile(environment)));
        QCOMPARE(after.keys(), before.keys()); // nothing added, nothing removed
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (staging.contains(it.key()))
                QCOMPARE(it.value(), staging.value(it.key()));
            if (before.value(it.key()) != it.value())
                QVERIFY2(description.contains(it.key()), qPrintable(it.key()));
        }
    }

    // Merged from main as a reviewer would; the merged repository has no new validation errors.
    QVERIFY(checkoutMain());
    const CliRun merged
        = envdeck({QStringLiteral("merge-requests"), m_demo, QStringLiteral("--merge"), number});
    QVERIFY2(merged.exitCode == 0, qPrintable(merged.outText() + merged.err));
    QCOMPARE(git({QStringLiteral("rev-parse"), QStringLiteral("main^2")}).trimmed(),
             m_promotionCommit);
    QCOMPARE(GitFixture(m_origin).git({QStringLiteral("rev-parse"), QStringLiteral("main")}),
             git({QStringLiteral("rev-parse"), QStringLiteral("main")}));
    const CliRun validated
        = envdeck({QStringLiteral("validate"), m_demo, QStringLiteral("--offline"),
                   QStringLiteral("--format"), QStringLiteral("json")});
    const QSet<QString> addedErrors = validationErrors(validated.out) - m_errorsBefore;
    QVERIFY2(addedErrors.isEmpty(),
             qPrintable(QStringList(addedErrors.cbegin(), addedErrors.cend()).join(u'\n')));
    QCOMPARE(validated.exitCode, m_errorsBefore.isEmpty() ? 0 : 1);
}

void TestPromotionCli::historyShowsThePromotion()
{
    QVERIFY(!m_promotionCommit.isEmpty());
    const CliRun run
        = envdeck({QStringLiteral("history"), m_demo, QStringLiteral("--env"),
                   QStringLiteral("prod-eu"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QMap<QString, QString> before
        = versionsOfBytes(fileAt(m_beforePromotion, demoVersionsFile(QStringLiteral("prod-eu"))));
    const QMap<QString, QString> after
        = versionsOfBytes(fileAt(m_promotionCommit, demoVersionsFile(QStringLiteral("prod-eu"))));
    QStringList expected;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value())
            expected << it.key() + u'|' + before.value(it.key()) + u'|' + it.value();
    }
    QVERIFY(!expected.isEmpty());
    QStringList printed;
    const QJsonArray events = QJsonDocument::fromJson(run.out).array();
    for (const QJsonValue &value : events) {
        const QJsonObject event = value.toObject();
        if (event.value(u"commit").toString() != m_promotionCommit)
            continue;
        QCOMPARE(event.value(u"environment").toString(), QStringLiteral("prod-eu"));
        QCOMPARE(event.value(u"merge_request").toString(), m_mergeRequest);
        printed << event.value(u"component").toString() + u'|' + event.value(u"from").toString()
                       + u'|' + event.value(u"to").toString();
    }
    printed.sort();
    expected.sort();
    QCOMPARE(printed, expected);
}

void TestPromotionCli::customerClusterFollowsItsBase()
{
    QVERIFY(!m_promotionCommit.isEmpty());
    const QString head = GitFixture(m_demo).head();
    const QByteArray before = fileAt(head, demoVersionsFile(QStringLiteral("contoso")));
    const QMap<QString, QString> contosoBefore = versionsOfBytes(before);
    const QMap<QString, QString> prodEu
        = versionsOfBytes(fileAt(head, demoVersionsFile(QStringLiteral("prod-eu"))));
    QVERIFY(contosoBefore.contains(QStringLiteral("erp-connector")));
    QVERIFY(contosoBefore.contains(QStringLiteral("sftp-bridge")));

    const CliRun run = envdeck({QStringLiteral("promote"), m_demo, QStringLiteral("--from"),
                                QStringLiteral("staging"), QStringLiteral("--to"),
                                QStringLiteral("contoso"), QStringLiteral("--offline")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.outText() + run.err));
    QCOMPARE(status(), QString());
    const QMap<QString, QString> after = versionsOfBytes(
        fileAt(QStringLiteral("HEAD"), demoVersionsFile(QStringLiteral("contoso"))));
    QCOMPARE(after.keys(), contosoBefore.keys());
    // Its own integration services keep their versions; what it shares with prod-eu follows it.
    for (const QString &own : {QStringLiteral("erp-connector"), QStringLiteral("sftp-bridge")})
        QCOMPARE(after.value(own), contosoBefore.value(own));
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (prodEu.contains(it.key()))
            QCOMPARE(it.value(), prodEu.value(it.key()));
    }
    QVERIFY(resetMainTo(head));
}

void TestPromotionCli::rollbackRestoresTheVersionsBefore()
{
    QVERIFY(!m_promotionCommit.isEmpty());
    const QByteArray before
        = fileAt(m_beforePromotion, demoVersionsFile(QStringLiteral("prod-eu")));
    const QMap<QString, QString> versionsBefore = versionsOfBytes(before);
    // The approval prod-eu ran before the promotion: the newest earlier one that agrees with it.
    const ApprovalList approvals = readApprovals(m_demo, QStringLiteral("staging"));
    QString previous;
    for (auto it = approvals.approvals.crbegin(); it != approvals.approvals.crend(); ++it) {
        if (!it->isApproved() || it->id == m_approvalId)
            continue;
        bool agrees = true;
        for (auto v = it->versions.cbegin(); v != it->versions.cend() && agrees; ++v)
            agrees
                = !versionsBefore.contains(v.key()) || versionsBefore.value(v.key()) == v.value();
        if (agrees) {
            previous = it->id;
            break;
        }
    }
    QVERIFY2(!previous.isEmpty(), "prod-eu ran an approved version set before the promotion");

    const QString head = GitFixture(m_demo).head();
    const CliRun run = envdeck({QStringLiteral("rollback"), m_demo, QStringLiteral("--env"),
                                QStringLiteral("prod-eu"), QStringLiteral("--to"), previous,
                                QStringLiteral("--offline")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.outText() + run.err));
    QCOMPARE(git({QStringLiteral("rev-parse"), QStringLiteral("HEAD~1")}).trimmed(), head);
    QCOMPARE(
        git({QStringLiteral("diff"), QStringLiteral("--name-only"), head, QStringLiteral("HEAD")})
            .trimmed(),
        demoVersionsFile(QStringLiteral("prod-eu")));
    QCOMPARE(fileAt(QStringLiteral("HEAD"), demoVersionsFile(QStringLiteral("prod-eu"))), before);
    QVERIFY2(git({QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B")})
                 .contains(previous),
             "the commit names the approval it rolls back to");
    QCOMPARE(status(), QString());
}

void TestPromotionCli::unapprovedVersions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message"); // in stderr when refused, in the commit when done
    QTest::newRow("stale approval") << QStringList{} << 1 << QStringLiteral("stale");
    QTest::newRow("never approved")
        << QStringList{QStringLiteral("--components"), QStringLiteral("@component")} << 1
        << QStringLiteral("@component");
    QTest::newRow("override") << QStringList{QStringLiteral("--components"),
                                             QStringLiteral("@component"),
                                             QStringLiteral("--override-reason"),
                                             QStringLiteral("hotfix for INC-4711")}
                              << 0 << QStringLiteral("hotfix for INC-4711");
    QTest::newRow("override with a message of one's own")
        << QStringList{QStringLiteral("--components"),      QStringLiteral("@component"),
                       QStringLiteral("--override-reason"), QStringLiteral("hotfix for INC-4712"),
                       QStringLiteral("--message"),         QStringLiteral("Hotfix to prod-eu")}
        << 0 << QStringLiteral("Override: hotfix for INC-4712");
}

void TestPromotionCli::unapprovedVersions()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QVERIFY(checkoutMain());
    const QString start = GitFixture(m_demo).head();
    // After the approval staging moves on: the approval is stale, the new version never approved.
    const DemoPick pick = bumpStaging();
    QVERIFY(pick.isValid());
    arguments.replaceInStrings(QStringLiteral("@component"), pick.component);
    message.replace(QStringLiteral("@component"), pick.component);
    const QString head = GitFixture(m_demo).head();
    const CliRun run
        = envdeck(QStringList{QStringLiteral("promote"), m_demo, QStringLiteral("--from"),
                              QStringLiteral("staging"), QStringLiteral("--to"),
                              QStringLiteral("prod-eu"), QStringLiteral("--offline")}
                  + arguments);
    QCOMPARE(run.exitCode, exitCode);
    if (exitCode == 0) {
        const QString body
            = git({QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B")});
        QVERIFY2(body.contains(message), qPrintable(body));
        QCOMPARE(versionsOfBytes(
                     fileAt(QStringLiteral("HEAD"), demoVersionsFile(QStringLiteral("prod-eu"))))
                     .value(pick.component),
                 pick.to);
    } else {
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(GitFixture(m_demo).head(), head);
    }
    QCOMPARE(status(), QString());
    QVERIFY(resetMainTo(start));
}

void TestPromotionCli::failedCommitPutsTheFileBack()
{
    QVERIFY(checkoutMain());
    const QString head = GitFixture(m_demo).head();
    const QByteArray before = fileAt(head, demoVersionsFile(QStringLiteral("prod-us")));
    // No identity anywhere (HOME is the test folder): the plan is fine, the commit fails.
    const QList<QByteArray> identity{"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                                     "GIT_COMMITTER_EMAIL"};
    QList<QByteArray> saved;
    for (const QByteArray &name : identity) {
        saved << qgetenv(name.constData());
        qunsetenv(name.constData());
    }
    const CliRun run = envdeck({QStringLiteral("rollback"), m_demo, QStringLiteral("--env"),
                                QStringLiteral("prod-us"), QStringLiteral("--to"),
                                m_beforePromotion, QStringLiteral("--offline")});
    for (qsizetype i = 0; i < identity.size(); ++i)
        qputenv(identity.at(i).constData(), saved.at(i));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("identity")), qPrintable(run.err));
    QVERIFY2(run.outText().contains(QStringLiteral("prod-us")), qPrintable(run.outText()));
    QCOMPARE(GitFixture(m_demo).head(), head);
    QCOMPARE(status(), QString());
    QFile file(m_demo + u'/' + demoVersionsFile(QStringLiteral("prod-us")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

ENVDECK_TEST_MAIN_CORE(TestPromotionCli)
#include "tst_promotion_cli.moc"
