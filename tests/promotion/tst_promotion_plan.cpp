// SPDX-License-Identifier: GPL-3.0-or-later
// Promotion and rollback plans on the demo: the exact changes per target, the bytes they write,
// customer clusters following their base, and every refusal.

#include "PlanChecks.h"
#include "PromotionFixture.h"
#include "TestSupport.h"
#include "validation/Engine.h"

using namespace EnvDeck;
using namespace EnvDeck::Promotion;
using namespace PlanChecks;

Q_DECLARE_METATYPE(EnvDeck::Promotion::Plan::Outcome)

class TestPromotionPlan : public QObject
{
    Q_OBJECT

private:
    PromotionFixture m_demo;
    const QString m_staging = QStringLiteral("staging");

    // Staging gets a new patch release of its first shared component, and QA approves it.
    // Returns the approval's id; `component` names what changed.
    QString bumpAndApprove(QString *component = nullptr)
    {
        const QString name = m_demo.unlockedShared(m_staging, QStringLiteral("prod-eu")).first();
        const QString version = PromotionFixture::nextPatch(m_demo.versions(m_staging)[name]);
        if (!m_demo.bump(m_staging, name, version, QStringLiteral("Merged PR 90: bump")))
            return {};
        if (component)
            *component = name;
        return m_demo.approve(m_staging);
    }

    // What a promotion must change in `target`, worked out from the files: every component of
    // the target's file (in file order) that `wanted` has at another version, and for a customer
    // cluster only those its base's file has too.
    QStringList expectedChanges(const QString &target, const QMap<QString, QString> &wanted,
                                bool approved) const
    {
        const QString base = target == u"contoso" ? QStringLiteral("prod-eu") : QString();
        const QMap<QString, QString> baseVersions
            = base.isEmpty() ? QMap<QString, QString>() : m_demo.versions(base);
        auto document = VersionDocument::parse(m_demo.bytesOf(demoVersionsFile(target)), target);
        QStringList out;
        for (const VersionEntry &entry : document->entries()) {
            if (!wanted.contains(entry.name) || wanted[entry.name] == entry.version.text)
                continue;
            if (!base.isEmpty() && !baseVersions.contains(entry.name))
                continue;
            VersionChange change{target,   entry.name,     entry.version.text, wanted[entry.name],
                                 approved, !base.isEmpty()};
            out.append(line(change));
        }
        return out;
    }

private slots:
    void initTestCase() { QVERIFY(m_demo.generate()); }
    void cleanup()
    {
        QVERIFY(m_demo.reset());
        m_demo.resetClock();
    }

    void promote_data()
    {
        QTest::addColumn<QStringList>("targets");
        QTest::addColumn<bool>("onlyTheBumped"); // components: the bumped one, else all
        QTest::newRow("prod-eu and prod-us")
            << QStringList{QStringLiteral("prod-eu"), QStringLiteral("prod-us")} << false;
        QTest::newRow("prod-eu, the bumped component")
            << QStringList{QStringLiteral("prod-eu")} << true;
        QTest::newRow("contoso through its base")
            << QStringList{QStringLiteral("contoso")} << false;
        QTest::newRow("all three")
            << QStringList{QStringLiteral("prod-eu"), QStringLiteral("prod-us"),
                           QStringLiteral("contoso")}
            << false;
    }
    void promote()
    {
        QFETCH(QStringList, targets);
        QFETCH(bool, onlyTheBumped);
        QString bumped;
        const QString approvalId = bumpAndApprove(&bumped);
        QVERIFY(!approvalId.isEmpty());
        const QMap<QString, QString> staging = m_demo.versions(m_staging);

        Request request;
        request.from = m_staging;
        request.targets = targets;
        if (onlyTheBumped)
            request.components = {bumped};
        const Plan plan = planPromotion(m_demo.load(), request);
        QVERIFY2(plan.outcome == Plan::Outcome::Ready, qPrintable(plan.error.toString()));
        QCOMPARE(plan.approvalId, approvalId);

        const QMap<QString, QString> wanted
            = onlyTheBumped ? QMap<QString, QString>{{bumped, staging[bumped]}} : staging;
        QStringList expected;
        for (const QString &target : std::as_const(targets))
            expected += expectedChanges(target, wanted, true);
        QCOMPARE(lines(plan.changes), expected);
        QVERIFY(std::any_of(plan.changes.cbegin(), plan.changes.cend(),
                            [&](const VersionChange &c) { return c.component == bumped; }));
        for (const VersionChange &change : plan.unchanged)
            QCOMPARE(change.from, change.to);

        QStringList editedFiles;
        for (const FileEdit &edit : plan.edits) {
            editedFiles.append(edit.file);
            checkEdit(m_demo, edit, plan.changes);
        }
        QStringList expectedFiles;
        for (const QString &target : std::as_const(targets)) {
            if (std::any_of(plan.changes.cbegin(), plan.changes.cend(),
                            [&](const VersionChange &c) { return c.environment == target; }))
                expectedFiles.append(demoVersionsFile(target));
        }
        QCOMPARE(editedFiles, expectedFiles);

        // The customer cluster's own services stay where they are.
        for (const VersionChange &change : plan.changes) {
            if (change.environment == u"contoso")
                QVERIFY(change.component != u"erp-connector" && change.component != u"sftp-bridge");
        }
        const QString release = approvalId.section(u'-', 3);
        QCOMPARE(plan.title, QStringLiteral("Promote %1 from staging to %2")
                                 .arg(release, targets.join(QStringLiteral(", "))));
        QVERIFY(plan.description().startsWith(QStringLiteral(
            "| environment | component | from | to |\n| --- | --- | --- | --- |\n")));
        for (const VersionChange &change : plan.changes)
            QVERIFY(plan.description().contains(
                QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                    .arg(change.environment, change.component, change.from, change.to)));
        QVERIFY(plan.description().contains(
            QStringLiteral("Based on the QA approval %1 of staging.\n").arg(approvalId)));
        QVERIFY(plan.commitMessage().startsWith(plan.title + QStringLiteral("\n\nenvironment  ")));
    }

    void contosoKeepsItsExtraServices()
    {
        const QString approvalId = bumpAndApprove();
        QVERIFY(!approvalId.isEmpty());
        const QMap<QString, QString> before = m_demo.versions(QStringLiteral("contoso"));
        QVERIFY(before.contains(QStringLiteral("erp-connector")));
        QVERIFY(before.contains(QStringLiteral("sftp-bridge")));
        QVERIFY(
            !m_demo.versions(QStringLiteral("prod-eu")).contains(QStringLiteral("sftp-bridge")));
        // Staging runs another sftp-bridge: only the base decides what contoso follows.
        QVERIFY(
            m_demo.bump(m_staging, QStringLiteral("sftp-bridge"),
                        PromotionFixture::nextPatch(before[QStringLiteral("sftp-bridge")]) + u'1',
                        QStringLiteral("staging: sftp-bridge")));
        QVERIFY(!m_demo.approve(m_staging).isEmpty());

        const Plan plan
            = planPromotion(m_demo.load(), {m_staging, {QStringLiteral("contoso")}, {}, {}, {}});
        QVERIFY2(plan.outcome == Plan::Outcome::Ready, qPrintable(plan.error.toString()));
        QVERIFY(!plan.changes.isEmpty());
        const QMap<QString, QString> after = versionsOfBytes(plan.edits.first().after);
        QCOMPARE(after[QStringLiteral("erp-connector")], before[QStringLiteral("erp-connector")]);
        QCOMPARE(after[QStringLiteral("sftp-bridge")], before[QStringLiteral("sftp-bridge")]);
        const QMap<QString, QString> staging = m_demo.versions(m_staging);
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (it.key() != u"erp-connector" && it.key() != u"sftp-bridge")
                QCOMPARE(it.value(), staging.value(it.key(), before[it.key()]));
        }
    }

    void unapprovedNeedsAnOverride()
    {
        QVERIFY(!bumpAndApprove().isEmpty());
        const QString component
            = m_demo.unlockedShared(m_staging, QStringLiteral("prod-eu")).last();
        const QString from = m_demo.versions(QStringLiteral("prod-eu"))[component];
        const QString version = PromotionFixture::nextPatch(m_demo.versions(m_staging)[component]);
        QVERIFY(m_demo.bump(m_staging, component, version, QStringLiteral("hotfix")));

        Request request{m_staging, {QStringLiteral("prod-eu")}, {component}, {}, {}};
        const Plan refused = planPromotion(m_demo.load(), request);
        QCOMPARE(refused.outcome, Plan::Outcome::Refused);
        QCOMPARE(refused.error.message(),
                 QStringLiteral("Never approved in staging: %1 %2. Nothing was changed; approve "
                                "staging first, or give an override reason.")
                     .arg(component, version));
        QVERIFY(refused.edits.isEmpty());

        request.overrideReason = QStringLiteral("hotfix for INC-7, QA informed");
        const Plan plan = planPromotion(m_demo.load(), request);
        QVERIFY2(plan.outcome == Plan::Outcome::Ready, qPrintable(plan.error.toString()));
        QCOMPARE(lines(plan.changes),
                 QStringList{
                     QStringLiteral("prod-eu %1 %2->%3 unapproved").arg(component, from, version)});
        QCOMPARE(plan.approvalId, QString());
        QCOMPARE(plan.title, QStringLiteral("Promote staging to prod-eu"));
        QVERIFY(plan.description().contains(
            QStringLiteral("| prod-eu | %1 | %2 | **%3** (never approved) |\n")
                .arg(component, from, version)));
        QVERIFY(plan.description().contains(
            QStringLiteral("**Override:** hotfix for INC-7, QA informed\n")));
        QVERIFY(plan.commitMessage().contains(
            QStringLiteral("\nOverride: hotfix for INC-7, QA informed\nNever approved: %1 %2.\n")
                .arg(component, version)));
        checkEdit(m_demo, plan.edits.first(), plan.changes);
    }

    void staleSetNeedsAnOverride()
    {
        // Every version staging runs was approved once, but never together: the last approval
        // took A's and B's new versions, then A went back to the version an older one had.
        const QStringList names = m_demo.unlockedShared(m_staging, QStringLiteral("prod-eu"));
        QVERIFY(names.size() >= 2);
        const QString a = names.at(0), b = names.at(1);
        const QString a0 = m_demo.versions(m_staging)[a];
        const QString b0 = m_demo.versions(m_staging)[b];
        QVERIFY(m_demo.bump(m_staging, a, PromotionFixture::nextPatch(a0), QStringLiteral("a")));
        QVERIFY(!m_demo.approve(m_staging).isEmpty());
        QVERIFY(m_demo.bump(m_staging, b, PromotionFixture::nextPatch(b0), QStringLiteral("b")));
        const QString last = m_demo.approve(m_staging);
        QVERIFY(!last.isEmpty());
        QVERIFY(m_demo.bump(m_staging, a, a0, QStringLiteral("a back")));

        Request request{m_staging, {QStringLiteral("prod-eu")}, {}, {}, {}};
        const Plan refused = planPromotion(m_demo.load(), request);
        QCOMPARE(refused.outcome, Plan::Outcome::Refused);
        QCOMPARE(refused.error.message(),
                 QStringLiteral("staging changed since its last approval %1: that set was never "
                                "approved as a whole. Nothing was changed; approve staging "
                                "again, or give an override reason.")
                     .arg(last));
        for (const VersionChange &change : refused.changes)
            QVERIFY(change.approved);
        QVERIFY(refused.edits.isEmpty());

        request.overrideReason = QStringLiteral("roll a forward, keep b");
        const Plan plan = planPromotion(m_demo.load(), request);
        QCOMPARE(plan.outcome, Plan::Outcome::Ready);
        QCOMPARE(lines(plan.changes), lines(refused.changes));
        QCOMPARE(plan.basis, QStringLiteral("the versions staging runs now (its last approval, "
                                            "%1, is stale)")
                                 .arg(last));
    }

    void lockedTargetRefuses()
    {
        QString component;
        QVERIFY(!bumpAndApprove(&component).isEmpty());
        QVERIFY(m_demo.edit(
            QStringLiteral("prod-eu"),
            [&](VersionDocument &document) {
                return document.lock(component, QStringLiteral("change freeze CF-3"));
            },
            QStringLiteral("prod-eu: freeze")));
        const Plan plan = planPromotion(
            m_demo.load(),
            {m_staging, {QStringLiteral("prod-us"), QStringLiteral("prod-eu")}, {}, {}, {}});
        QCOMPARE(plan.outcome, Plan::Outcome::Refused);
        QCOMPARE(plan.error.message(),
                 QStringLiteral("%1 is locked in prod-eu (change freeze CF-3). Nothing was "
                                "changed; unlock it first or leave it out of the promotion.")
                     .arg(component));
        QCOMPARE(plan.error.location().file, QStringLiteral("environments/prod-eu/versions.yaml"));
        QVERIFY(plan.edits.isEmpty());
    }

    void nothingToPromote()
    {
        const QString approvalId = bumpAndApprove();
        const Plan first
            = planPromotion(m_demo.load(), {m_staging, {QStringLiteral("prod-eu")}, {}, {}, {}});
        QCOMPARE(first.outcome, Plan::Outcome::Ready);
        QVERIFY(writeEdits(first.edits).ok());
        const Plan again
            = planPromotion(m_demo.load(), {m_staging, {QStringLiteral("prod-eu")}, {}, {}, {}});
        QCOMPARE(again.outcome, Plan::Outcome::Refused);
        QCOMPARE(again.error.message(),
                 QStringLiteral("Nothing to promote: the versions of %1 are already in prod-eu")
                     .arg(approvalId));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QStringList>("targets");
        QTest::addColumn<QStringList>("components");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown target")
            << "staging" << QStringList{QStringLiteral("qa")} << QStringList()
            << "Unknown environment \"qa\"; the repository has: dev, staging, prod-eu, prod-us, "
               "contoso";
        QTest::newRow("not promoted from staging")
            << "staging" << QStringList{QStringLiteral("dev")} << QStringList()
            << "dev does not take promotions from staging: .envdeck.yaml gives it no "
               "`promotes_from`";
        QTest::newRow("from the wrong environment")
            << "prod-eu" << QStringList{QStringLiteral("prod-us")} << QStringList()
            << "prod-eu has no QA approval: approve it first, or give an override reason to "
               "promote versions nobody approved";
        QTest::newRow("itself") << "staging" << QStringList{QStringLiteral("staging")}
                                << QStringList() << "staging cannot be promoted to itself";
        QTest::newRow("no target") << "staging" << QStringList{QStringLiteral(" ")} << QStringList()
                                   << "Name at least one environment to promote to";
        QTest::newRow("unknown component")
            << "staging" << QStringList{QStringLiteral("prod-eu")}
            << QStringList{QStringLiteral("nope")} << "staging has no component \"nope\"; it has: ";
    }
    void invalid()
    {
        QFETCH(QString, from);
        QFETCH(QStringList, targets);
        QFETCH(QStringList, components);
        QFETCH(QString, message);
        QVERIFY(!bumpAndApprove().isEmpty());
        const Plan plan = planPromotion(m_demo.load(), {from, targets, components, {}, {}});
        QCOMPARE(plan.outcome, Plan::Outcome::Invalid);
        QVERIFY2(plan.error.message().startsWith(message), qPrintable(plan.error.message()));
        if (!message.endsWith(QStringLiteral(": ")))
            QCOMPARE(plan.error.message(), message);
        QVERIFY(plan.edits.isEmpty());
    }

    void findingsAreTheEditsOwn()
    {
        QVERIFY(!bumpAndApprove().isEmpty());
        const QStringList targets{QStringLiteral("prod-eu"), QStringLiteral("prod-us")};
        const auto before = m_demo.load();
        const Plan plan = planPromotion(before, {m_staging, targets, {}, {}, {}});
        QCOMPARE(plan.outcome, Plan::Outcome::Ready);
        QVERIFY(writeEdits(plan.edits).ok());
        const auto after = m_demo.load();
        const auto key = [](const Validation::Finding &f) -> QString {
            return f.ruleId + u'|' + f.environment + u'|' + f.component + u'|' + f.message;
        };
        QStringList expected;
        for (const QString &target : targets) {
            QStringList old;
            for (const auto &f : Validation::validate(before, {target}).findings)
                old.append(key(f));
            for (const auto &f : Validation::validate(after, {target}).findings) {
                if (!f.notChecked && !old.contains(key(f)) && !expected.contains(key(f)))
                    expected.append(key(f));
            }
        }
        QStringList actual;
        for (const auto &f : plan.findings)
            actual.append(key(f));
        expected.sort();
        actual.sort();
        QCOMPARE(actual, expected);
    }
};

ENVDECK_TEST_MAIN_CORE(TestPromotionPlan)
#include "tst_promotion_plan.moc"
