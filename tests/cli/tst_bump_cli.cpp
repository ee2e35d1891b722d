// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck bump` and `envdeck merge-requests` end to end on the demo repository and its bare
// origin: bump on a branch → local merge request (pushed with its record) → merge → the change
// is on main, locally and on the origin; and what bump refuses, with nothing changed.

#include "CliRunner.h"
#include "DemoPicks.h"
#include "GitFixture.h"
#include "TestSupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>

using namespace EnvDeck;

class TestBumpCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_demo;
    QString m_origin;
    QString m_free;     // a staging component that is not locked
    QString m_freeFrom; // its version
    QString m_freeTo;   // a newer version from its git tags
    QString m_locked;   // a staging component that is locked

    QString stagingFile() const
    {
        return m_demo + QStringLiteral("/environments/staging/versions.yaml");
    }
    QByteArray stagingBytes() const
    {
        QFile file(stagingFile());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    CliRun envdeck(const QStringList &arguments) const
    {
        return runEnvdeck(arguments, m_home.path());
    }

private slots:
    void initTestCase();
    void lockedComponentIsRefused();
    void bumpOnBranchThenLocalMergeRequestThenMerge();
    void bumpOnTheCurrentBranch();
    void refusals_data();
    void refusals();
};

void TestBumpCli::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("GIT_AUTHOR_NAME", "Bea Bumper");
    qputenv("GIT_AUTHOR_EMAIL", "bea@example.io");
    qputenv("GIT_COMMITTER_NAME", "Bea Bumper");
    qputenv("GIT_COMMITTER_EMAIL", "bea@example.io");
    m_demo = m_home.filePath(QStringLiteral("infra"));
    const CliRun made = envdeck({QStringLiteral("demo-repo"), m_demo, QStringLiteral("--quiet"),
                                 QStringLiteral("--end-date"), QStringLiteral("2026-11-20")});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    m_origin = m_home.filePath(QStringLiteral("infra-origin.git"));
    QVERIFY(QFileInfo::exists(m_origin));

    const DemoPick pick = newerTaggedVersion(m_demo, QStringLiteral("staging"));
    m_free = pick.component;
    m_freeFrom = pick.from;
    m_freeTo = pick.to;
    m_locked = lockedComponent(m_demo, QStringLiteral("staging"));
    QVERIFY2(!m_free.isEmpty(), "the demo's staging has a component with a newer tagged version");
    QVERIFY2(!m_locked.isEmpty(), "the demo's staging has a locked component");
}

void TestBumpCli::lockedComponentIsRefused()
{
    const GitFixture git(m_demo);
    const QString head = git.head();
    const QByteArray before = stagingBytes();
    const CliRun run = envdeck({QStringLiteral("bump"), m_demo, QStringLiteral("--env"),
                                QStringLiteral("staging"), QStringLiteral("--component"), m_locked,
                                QStringLiteral("--version"), QStringLiteral("99.0.0"),
                                QStringLiteral("--branch"), QStringLiteral("envdeck/locked"),
                                QStringLiteral("--offline")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(m_locked + QStringLiteral(" is locked in staging")),
             qPrintable(run.err));
    QCOMPARE(git.head(), head);
    QCOMPARE(stagingBytes(), before);
    QVERIFY(git.git({QStringLiteral("branch"), QStringLiteral("--list"),
                     QStringLiteral("envdeck/locked")})
                .trimmed()
                .isEmpty());
}

void TestBumpCli::bumpOnBranchThenLocalMergeRequestThenMerge()
{
    const GitFixture git(m_demo);
    const GitFixture origin(m_origin);
    const QString mainBefore
        = git.git({QStringLiteral("rev-parse"), QStringLiteral("main")}).trimmed();
    const QString branch = QStringLiteral("envdeck/bump-") + m_free;
    const CliRun run = envdeck({QStringLiteral("bump"), m_demo, QStringLiteral("--env"),
                                QStringLiteral("staging"), QStringLiteral("--component"), m_free,
                                QStringLiteral("--version"), m_freeTo, QStringLiteral("--branch"),
                                branch, QStringLiteral("--open-mr"), QStringLiteral("--provider"),
                                QStringLiteral("local"), QStringLiteral("--offline")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.outText() + run.err));
    const QRegularExpression commitLine(QStringLiteral("^commit ([0-9a-f]{40}) on (.+)$"),
                                        QRegularExpression::MultilineOption);
    const auto match = commitLine.match(run.outText());
    QVERIFY2(match.hasMatch(), qPrintable(run.outText()));
    QCOMPARE(match.captured(2), branch);
    QVERIFY2(run.outText().contains(QStringLiteral("merge request local 1")),
             qPrintable(run.outText()));

    // The branch is checked out, clean, one commit above main that changes exactly one line.
    QCOMPARE(git.git({QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"),
                      QStringLiteral("HEAD")})
                 .trimmed(),
             branch);
    QCOMPARE(git.git({QStringLiteral("status"), QStringLiteral("--porcelain")}).trimmed(),
             QString());
    QCOMPARE(git.git({QStringLiteral("rev-parse"), branch + QStringLiteral("~1")}).trimmed(),
             mainBefore);
    QCOMPARE(git.git({QStringLiteral("diff"), QStringLiteral("--numstat"), mainBefore, branch})
                 .trimmed(),
             QStringLiteral("1\t1\tenvironments/staging/versions.yaml"));
    QCOMPARE(git.git({QStringLiteral("log"), QStringLiteral("-1"),
                      QStringLiteral("--format=%an <%ae>|%s"), branch})
                 .trimmed(),
             QStringLiteral("Bea Bumper <bea@example.io>|staging: %1 %2 → %3")
                 .arg(m_free, m_freeFrom, m_freeTo));
    // Pushed: the branch and the record are on the origin.
    QCOMPARE(origin.git({QStringLiteral("rev-parse"), branch}).trimmed(), match.captured(1));
    const QString record
        = origin.git({QStringLiteral("show"),
                      QStringLiteral("refs/envdeck/merge-requests/1:merge-request.yaml")});
    QVERIFY2(record.contains(QStringLiteral("source_branch: ") + branch), qPrintable(record));
    const QString description = git.git(
        {QStringLiteral("show"), QStringLiteral("refs/envdeck/merge-requests/1:description.md")});
    QVERIFY2(
        description.contains(
            QStringLiteral("| %1 | staging | %2 | %3 | — |").arg(m_free, m_freeFrom, m_freeTo)),
        qPrintable(description));
    QVERIFY2(description.contains(QStringLiteral("**Validation:** 0 error(s)")),
             qPrintable(description));
    QVERIFY(description.contains(QStringLiteral("environments/staging/versions.yaml | +1 -1")));

    const CliRun listed = envdeck({QStringLiteral("merge-requests"), m_demo});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.outText().startsWith(QStringLiteral("1\topen\t") + branch
                                         + QStringLiteral(" -> main\t")),
             qPrintable(listed.outText()));

    // Merge it (from main, as a reviewer would).
    QVERIFY(!git.git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")})
                 .isNull());
    const CliRun merged = envdeck(
        {QStringLiteral("merge-requests"), m_demo, QStringLiteral("--merge"), QStringLiteral("1")});
    QVERIFY2(merged.exitCode == 0, qPrintable(merged.outText() + merged.err));
    QVERIFY(merged.outText().startsWith(QStringLiteral("local 1 merged as ")));
    const QString mainAfter
        = git.git({QStringLiteral("rev-parse"), QStringLiteral("main")}).trimmed();
    QCOMPARE(git.git({QStringLiteral("rev-parse"), QStringLiteral("main^1")}).trimmed(),
             mainBefore);
    QCOMPARE(origin.git({QStringLiteral("rev-parse"), QStringLiteral("main")}).trimmed(),
             mainAfter);
    QVERIFY(stagingBytes().contains(QStringLiteral("version: %1\n").arg(m_freeTo).toUtf8()));
    QCOMPARE(git.git({QStringLiteral("status"), QStringLiteral("--porcelain")}).trimmed(),
             QString());
    // The merged repository validates clean.
    const CliRun validated
        = envdeck({QStringLiteral("validate"), m_demo, QStringLiteral("--offline")});
    QVERIFY2(validated.exitCode == 0, qPrintable(validated.outText() + validated.err));
}

void TestBumpCli::bumpOnTheCurrentBranch()
{
    const GitFixture git(m_demo);
    QVERIFY(!git.git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")})
                 .isNull());
    const QString before = git.head();
    const CliRun run = envdeck({QStringLiteral("bump"), m_demo, QStringLiteral("--env"),
                                QStringLiteral("staging"), QStringLiteral("--component"), m_locked,
                                QStringLiteral("--unlock"), QStringLiteral("--reason"),
                                QStringLiteral("QA run finished"), QStringLiteral("--offline")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.outText() + run.err));
    QCOMPARE(git.git({QStringLiteral("rev-parse"), QStringLiteral("HEAD~1")}).trimmed(), before);
    QCOMPARE(git.git({QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"),
                      QStringLiteral("HEAD")})
                 .trimmed(),
             QStringLiteral("main"));
    QCOMPARE(git.git({QStringLiteral("status"), QStringLiteral("--porcelain")}).trimmed(),
             QString());
    const QString message
        = git.git({QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B")});
    QVERIFY2(message.startsWith(QStringLiteral("staging: unlock ") + m_locked),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("QA run finished")), qPrintable(message));
    // Put the lock back for the other tests.
    QVERIFY(
        !git.git({QStringLiteral("reset"), QStringLiteral("-q"), QStringLiteral("--hard"), before})
             .isNull());
}

void TestBumpCli::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown environment")
        << QStringList{QStringLiteral("--env"),       QStringLiteral("qa"),
                       QStringLiteral("--component"), QStringLiteral("x"),
                       QStringLiteral("--version"),   QStringLiteral("1.0.0")}
        << 2 << "Unknown environment \"qa\"";
    QTest::newRow("no version or lock")
        << QStringList{QStringLiteral("--env"), QStringLiteral("staging"),
                       QStringLiteral("--component"), QStringLiteral("x")}
        << 2 << "give --version, --lock or --unlock";
    QTest::newRow("lock and unlock")
        << QStringList{QStringLiteral("--env"),       QStringLiteral("staging"),
                       QStringLiteral("--component"), QStringLiteral("x"),
                       QStringLiteral("--lock"),      QStringLiteral("--unlock")}
        << 2 << "exclude each other";
    QTest::newRow("merge request onto its own branch")
        << QStringList{QStringLiteral("--env"),       QStringLiteral("staging"),
                       QStringLiteral("--component"), QStringLiteral("@free"),
                       QStringLiteral("--version"),   QStringLiteral("@to"),
                       QStringLiteral("--branch"),    QStringLiteral("main"),
                       QStringLiteral("--open-mr"),   QStringLiteral("--provider"),
                       QStringLiteral("local")}
        << 1 << "A merge request needs a branch of its own";
    QTest::newRow("unknown provider")
        << QStringList{QStringLiteral("--env"),       QStringLiteral("staging"),
                       QStringLiteral("--component"), QStringLiteral("@free"),
                       QStringLiteral("--version"),   QStringLiteral("@to"),
                       QStringLiteral("--provider"),  QStringLiteral("bitbucket")}
        << 2 << "--provider must be local, gitlab, github or azure-devops";
}

void TestBumpCli::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const GitFixture git(m_demo);
    QVERIFY(!git.git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")})
                 .isNull());
    // A change that would go through, but for the one thing each row gets wrong.
    const DemoPick pick = newerTaggedVersion(m_demo, QStringLiteral("staging"));
    QVERIFY(pick.isValid());
    arguments.replaceInStrings(QStringLiteral("@free"), pick.component);
    arguments.replaceInStrings(QStringLiteral("@to"), pick.to);
    const QString head = git.head();
    const QByteArray before = stagingBytes();
    const CliRun run = envdeck(
        QStringList{QStringLiteral("bump"), m_demo, QStringLiteral("--offline")} + arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(git.head(), head);
    QCOMPARE(stagingBytes(), before);
    QCOMPARE(git.git({QStringLiteral("status"), QStringLiteral("--porcelain")}).trimmed(),
             QString());
}

ENVDECK_TEST_MAIN_CORE(TestBumpCli)
#include "tst_bump_cli.moc"
