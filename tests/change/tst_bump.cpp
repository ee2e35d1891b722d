// SPDX-License-Identifier: GPL-3.0-or-later
// Planning a bump: the exact bytes it writes, and what it refuses, on the validation fixture.

#include "../validation/ValidationFixture.h"
#include "TestSupport.h"
#include "change/Bump.h"
#include "validation/ValidationLoader.h"

#include <QTemporaryDir>

using namespace EnvDeck;
using namespace EnvDeck::Change;

Q_DECLARE_METATYPE(EnvDeck::Change::BumpPlan::Outcome)

class TestBump : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<GitFixture> m_git;

    Validation::ValidationInput load()
    {
        auto input = Validation::loadValidationInput(m_git->root(), {QStringLiteral("HEAD"), true});
        if (!input.ok())
            qFatal("cannot load the fixture: %s", qPrintable(input.error().toString()));
        return *input;
    }

private slots:
    void init()
    {
        m_git = std::make_unique<GitFixture>(m_dir.path() + QStringLiteral("/shop"));
        QVERIFY(ValidationFixture::write(*m_git));
        // staging's web is locked for a QA run.
        QVERIFY(m_git->write(QStringLiteral("environments/staging/versions.yaml"),
                             ValidationFixture::versionsYaml("staging", "1.1.0")
                                 .replace("    chart: web\n", "    chart: web\n    locked: true\n"
                                                              "    lock_reason: QA run R-7\n")));
        QVERIFY(m_git->commit(QStringLiteral("Lock web in staging")));
    }
    void cleanup()
    {
        m_git.reset();
        QDir(m_dir.path() + QStringLiteral("/shop")).removeRecursively();
    }

    void plan_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("component");
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("lock");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<BumpPlan::Outcome>("outcome");
        QTest::addColumn<QString>("expected"); // the error text, or the changed lines

        using O = BumpPlan::Outcome;
        const int keep = int(BumpRequest::Lock::Keep), lock = int(BumpRequest::Lock::Lock),
                  unlock = int(BumpRequest::Lock::Unlock);
        QTest::newRow("bump") << "dev"
                              << "api"
                              << "2.0.0" << keep << "" << O::Ready
                              << "-    version: 1.2.0\n+    version: 2.0.0\n";
        QTest::newRow("bump and lock") << "prod"
                                       << "web"
                                       << "3.0.0" << lock << "rollback R-9" << O::Ready
                                       << "-    version: 3.1.0\n+    version: 3.0.0\n+    locked: "
                                          "true\n+    lock_reason: rollback R-9\n";
        QTest::newRow("locked") << "staging"
                                << "web"
                                << "3.0.0" << keep << "" << O::Refused
                                << "web is locked in staging (QA run R-7). Nothing was changed; "
                                   "pass --unlock --reason R to change it.";
        QTest::newRow("unlock and bump") << "staging"
                                         << "web"
                                         << "3.0.0" << unlock << "QA done" << O::Ready
                                         << "-    version: 3.1.0\n+    version: 3.0.0\n-    "
                                            "locked: true\n-    lock_reason: QA run R-7\n";
        QTest::newRow("same version") << "dev"
                                      << "api"
                                      << "1.2.0" << keep << "" << O::Refused
                                      << "Nothing to change: api in dev is already at 1.2.0";
        QTest::newRow("lock without reason")
            << "dev"
            << "api"
            << "" << lock << " " << O::Invalid << "--lock needs --reason: say why it is locked";
        QTest::newRow("unknown environment")
            << "qa"
            << "api"
            << "1.0.0" << keep << "" << O::Invalid
            << "Unknown environment \"qa\"; the repository has: dev, staging, prod";
        QTest::newRow("unknown component") << "dev"
                                           << "db"
                                           << "1.0.0" << keep << "" << O::Invalid
                                           << "environments/dev/versions.yaml has no component "
                                              "\"db\"; it has: api, web, ingress-nginx";
    }
    void plan()
    {
        QFETCH(QString, environment);
        QFETCH(QString, component);
        QFETCH(QString, version);
        QFETCH(int, lock);
        QFETCH(QString, reason);
        QFETCH(BumpPlan::Outcome, outcome);
        QFETCH(QString, expected);
        const auto input = load();
        const BumpPlan plan
            = planBump(input, {environment, component, version, BumpRequest::Lock(lock), reason});
        QCOMPARE(plan.outcome, outcome);
        if (outcome != BumpPlan::Outcome::Ready) {
            QCOMPARE(plan.error.message(), expected);
            return;
        }
        // The lines that changed, in file order: "-" lines of the old, "+" lines of the new.
        const QList<QByteArray> before = plan.edit.before.split('\n');
        const QList<QByteArray> after = plan.edit.after.split('\n');
        QString changed;
        qsizetype i = 0, j = 0;
        while (i < before.size() || j < after.size()) {
            if (i < before.size() && j < after.size() && before[i] == after[j]) {
                ++i, ++j;
            } else if (i < before.size() && !after.mid(j).contains(before[i])) {
                changed += QStringLiteral("-") + QString::fromUtf8(before[i++]) + u'\n';
            } else {
                changed += QStringLiteral("+") + QString::fromUtf8(after[j++]) + u'\n';
            }
        }
        QCOMPARE(changed, expected);
        QCOMPARE(plan.edit.file,
                 QStringLiteral("environments/") + environment + QStringLiteral("/versions.yaml"));
    }

    void newFindingsAreOnlyTheEditsOwn()
    {
        const auto input = load();
        // web requires api <2.0.0: bumping api to 2.0.0 in dev breaks that requirement.
        const BumpPlan plan = planBump(input, {QStringLiteral("dev"),
                                               QStringLiteral("api"),
                                               QStringLiteral("2.0.0"),
                                               BumpRequest::Lock::Keep,
                                               {}});
        QCOMPARE(plan.outcome, BumpPlan::Outcome::Ready);
        const auto findings = newFindings(input, plan.edit, QStringLiteral("dev"));
        QStringList rules;
        for (const auto &f : findings)
            rules.append(f.ruleId);
        QCOMPARE(rules, QStringList{QStringLiteral("requires-violated")});
        const BumpPlan fine = planBump(input, {QStringLiteral("dev"),
                                               QStringLiteral("api"),
                                               QStringLiteral("1.1.0"),
                                               BumpRequest::Lock::Keep,
                                               {}});
        QCOMPARE(fine.outcome, BumpPlan::Outcome::Ready);
        // 1.2.0 → 1.1.0 is a downgrade against HEAD, and nothing else.
        QStringList fineRules;
        for (const auto &f : newFindings(input, fine.edit, QStringLiteral("dev")))
            fineRules.append(f.ruleId);
        QCOMPARE(fineRules, QStringList{QStringLiteral("downgrade")});
    }
};

ENVDECK_TEST_MAIN_CORE(TestBump)
#include "tst_bump.moc"
