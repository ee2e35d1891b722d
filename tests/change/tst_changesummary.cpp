// SPDX-License-Identifier: GPL-3.0-or-later
// What a commit message and a merge request description say about a version change.

#include "TestSupport.h"
#include "change/ChangeSummary.h"

using namespace EnvDeck;
using namespace EnvDeck::Change;
using Validation::ComponentEntry;

namespace {

ComponentEntry entry(const QString &name, const QString &version, bool locked = false,
                     const QString &reason = {})
{
    ComponentEntry e;
    e.name = name;
    e.version = version;
    e.locked = locked;
    e.lockReason = reason;
    return e;
}

Validation::EnvironmentInput environment(const QString &name, QList<ComponentEntry> before,
                                         QList<ComponentEntry> now)
{
    Validation::EnvironmentInput env;
    env.name = name;
    env.versionsFile = QStringLiteral("environments/") + name + QStringLiteral("/versions.yaml");
    env.baseComponents = std::move(before);
    env.components = std::move(now);
    return env;
}

} // namespace

class TestChangeSummary : public QObject
{
    Q_OBJECT

private slots:
    void changes_data()
    {
        QTest::addColumn<QList<ComponentEntry>>("before");
        QTest::addColumn<QList<ComponentEntry>>("now");
        QTest::addColumn<QStringList>("expected"); // component:from:to:lock

        const auto billing = entry(QStringLiteral("billing"), QStringLiteral("1.9.0"));
        QTest::newRow("nothing") << QList{billing} << QList{billing} << QStringList{};
        QTest::newRow("version") << QList{billing}
                                 << QList{entry(QStringLiteral("billing"), QStringLiteral("1.9.1"))}
                                 << QStringList{QStringLiteral("billing:1.9.0:1.9.1:")};
        QTest::newRow("lock") << QList{billing}
                              << QList{entry(QStringLiteral("billing"), QStringLiteral("1.9.0"),
                                             true, QStringLiteral("R-118"))}
                              << QStringList{QStringLiteral("billing:1.9.0:1.9.0:locked: R-118")};
        QTest::newRow("unlock and bump")
            << QList{entry(QStringLiteral("billing"), QStringLiteral("1.9.0"), true,
                           QStringLiteral("x"))}
            << QList{entry(QStringLiteral("billing"), QStringLiteral("2.0.0"))}
            << QStringList{QStringLiteral("billing:1.9.0:2.0.0:unlocked")};
        QTest::newRow("added and removed, sorted")
            << QList{billing} << QList{entry(QStringLiteral("api"), QStringLiteral("1.0.0"))}
            << QStringList{QStringLiteral("api::1.0.0:"), QStringLiteral("billing:1.9.0::")};
    }
    void changes()
    {
        QFETCH(QList<ComponentEntry>, before);
        QFETCH(QList<ComponentEntry>, now);
        QFETCH(QStringList, expected);
        Validation::ValidationInput input;
        input.environments.append(environment(QStringLiteral("staging"), before, now));
        Validation::EnvironmentInput noBase;
        noBase.name = QStringLiteral("dev");
        noBase.components = now;
        input.environments.append(noBase);
        QStringList actual;
        for (const VersionChange &c : versionChanges(input)) {
            QCOMPARE(c.environment, QStringLiteral("staging"));
            QCOMPARE(c.file, QStringLiteral("environments/staging/versions.yaml"));
            actual.append(c.component + u':' + c.from + u':' + c.to + u':' + c.lockChange);
        }
        QCOMPARE(actual, expected);
    }

    void names_data()
    {
        QTest::addColumn<QList<VersionChange>>("changes");
        QTest::addColumn<QString>("branch");
        QTest::addColumn<QString>("title");
        const VersionChange bump{QStringLiteral("staging"),
                                 QStringLiteral("billing"),
                                 QStringLiteral("1.9.0"),
                                 QStringLiteral("1.9.1"),
                                 {},
                                 {}};
        const VersionChange lock{QStringLiteral("prod-eu"),     QStringLiteral("API Gateway"),
                                 QStringLiteral("2.4.1"),       QStringLiteral("2.4.1"),
                                 QStringLiteral("locked: R-1"), {}};
        const VersionChange other{QStringLiteral("staging"),
                                  QStringLiteral("api"),
                                  QStringLiteral("1.0.0"),
                                  QStringLiteral("1.1.0"),
                                  {},
                                  {}};
        const VersionChange prod{QStringLiteral("prod-eu"),
                                 QStringLiteral("billing"),
                                 QStringLiteral("1.9.0"),
                                 QStringLiteral("1.9.1"),
                                 {},
                                 {}};
        QTest::newRow("one bump") << QList{bump} << "envdeck/staging-billing-1.9.1"
                                  << "staging: billing 1.9.0 → 1.9.1";
        QTest::newRow("a lock") << QList{lock} << "envdeck/prod-eu-lock-api-gateway"
                                << "prod-eu: lock API Gateway";
        QTest::newRow("two components")
            << QList{bump, other} << "envdeck/staging-2-components-2026-11-26"
            << "staging: update 2 components";
        QTest::newRow("one component, two environments")
            << QList{bump, prod} << "envdeck/2-environments-billing-2026-11-26"
            << "2 environments: update 2 components";
        QTest::newRow("nothing") << QList<VersionChange>{} << "envdeck/change-2026-11-26"
                                 << "Update versions";
    }
    void names()
    {
        QFETCH(QList<VersionChange>, changes);
        QFETCH(QString, branch);
        QFETCH(QString, title);
        QCOMPARE(suggestBranchName(changes, QDate(2026, 11, 26)), branch);
        QCOMPARE(mergeRequestTitle(changes), title);
        QVERIFY(commitMessage(changes).startsWith(title + u'\n'));
    }

    void fileStatsOfAPatch()
    {
        const QString patch = QStringLiteral(
            "diff --git a/environments/dev/versions.yaml b/environments/dev/versions.yaml\n"
            "index 1111111..2222222 100644\n"
            "--- a/environments/dev/versions.yaml\n"
            "+++ b/environments/dev/versions.yaml\n"
            "@@ -1,3 +1,4 @@\n"
            " components:\n"
            "-  api: 1.0.0\n"
            "+  api: 1.1.0\n"
            "+  web: 2.0.0\n"
            "diff --git a/main.tf b/main.tf\n"
            "--- a/main.tf\n"
            "+++ b/main.tf\n"
            "@@ -4 +4 @@\n"
            "---- a comment that starts with dashes\n"
            "+-- a comment that starts with dashes\n");
        const QList<FileStat> stats = fileStats(patch);
        QCOMPARE(stats.size(), 2);
        QCOMPARE(stats[0].path, QStringLiteral("environments/dev/versions.yaml"));
        QCOMPARE(stats[0].insertions, 2);
        QCOMPARE(stats[0].deletions, 1);
        QCOMPARE(stats[1].path, QStringLiteral("main.tf"));
        QCOMPARE(stats[1].insertions, 1);
        QCOMPARE(stats[1].deletions, 1);
    }

    void unlockReasonInTheMessage()
    {
        const VersionChange unlock{QStringLiteral("staging"),
                                   QStringLiteral("billing"),
                                   QStringLiteral("2.7.0"),
                                   QStringLiteral("2.7.0"),
                                   QStringLiteral("unlocked: QA run finished"),
                                   {}};
        QCOMPARE(commitMessage({unlock}),
                 QStringLiteral(
                     "staging: unlock billing\n\n- staging: unlock billing (QA run finished)\n"));
    }

    void description()
    {
        ChangeSummary summary;
        summary.changes = {{QStringLiteral("staging"),
                            QStringLiteral("billing"),
                            QStringLiteral("1.9.0"),
                            QStringLiteral("1.9.1"),
                            QStringLiteral("locked: QA | R-7"),
                            {}},
                           {QStringLiteral("staging"),
                            QStringLiteral("erp"),
                            {},
                            QStringLiteral("0.3.0"),
                            {},
                            {}}};
        summary.files = {{QStringLiteral("environments/staging/versions.yaml"), 4, 1}};
        summary.errors = 1;
        summary.warnings = 2;
        summary.messages
            = {QStringLiteral("environments/staging/versions.yaml:3:14: error: not in catalog")};
        const QString expected
            = QStringLiteral("Opened with EnvDeck.\n\n"
                             "| Component | Environment | From | To | Lock change |\n"
                             "|---|---|---|---|---|\n"
                             "| billing | staging | 1.9.0 | 1.9.1 | locked: QA \\| R-7 |\n"
                             "| erp | staging | — | 0.3.0 | — |\n\n"
                             "**Validation:** 1 error(s), 2 warning(s)\n"
                             "- `environments/staging/versions.yaml:3:14: error: not in catalog`\n"
                             "\n```\n"
                             " environments/staging/versions.yaml | +4 -1\n"
                             " 1 file(s) changed, 4 insertion(s), 1 deletion(s)\n"
                             "```\n");
        QCOMPARE(mergeRequestDescription(summary), expected);
        QCOMPARE(commitMessage(summary.changes),
                 QStringLiteral("staging: update 2 components\n\n"
                                "- staging: billing 1.9.0 → 1.9.1 (locked: QA | R-7)\n"
                                "- staging: add erp 0.3.0\n"));
    }
};

ENVDECK_TEST_MAIN_CORE(TestChangeSummary)
#include "tst_changesummary.moc"
