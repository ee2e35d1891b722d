// SPDX-License-Identifier: GPL-3.0-or-later
// The local, git-only merge requests: records under refs/envdeck/merge-requests/ that plain git
// can read, reuse of an open request, and merges through libgit2, checked with the git CLI.

#include "GitFixture.h"
#include "TestSupport.h"
#include "forge/LocalRecords.h"

#include <QTemporaryDir>

using namespace EnvDeck;
using namespace EnvDeck::Forge;

namespace {

Git::Signature reviewer()
{
    return {QStringLiteral("Rita Reviewer"), QStringLiteral("rita@example.io"), 1764150000, 60};
}

MergeRequestSpec spec(const QString &source, const QString &title = QStringLiteral("Bump billing"))
{
    return {source, QStringLiteral("main"), title, QStringLiteral("| a | b |\n")};
}

} // namespace

class TestLocalRecords : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<GitFixture> m_git;

    // main: versions.yaml with billing 1.0.0 and api 2.0.0; branch `feature` bumps billing.
    void makeRepository()
    {
        QVERIFY(m_dir.isValid());
        m_git = std::make_unique<GitFixture>(m_dir.path() + QStringLiteral("/repo"));
        QVERIFY(m_git->init());
        QVERIFY(m_git->write(QStringLiteral("versions.yaml"),
                             "billing: 1.0.0\nspacer: 1\nspacer2: 2\napi: 2.0.0\n"));
        QVERIFY(m_git->commit(QStringLiteral("Initial")));
        QVERIFY(!m_git
                     ->git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"),
                            QStringLiteral("feature")})
                     .isNull());
        QVERIFY(m_git->write(QStringLiteral("versions.yaml"),
                             "billing: 1.1.0\nspacer: 1\nspacer2: 2\napi: 2.0.0\n"));
        QVERIFY(m_git->commit(QStringLiteral("Bump billing")));
        QVERIFY(
            !m_git->git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")})
                 .isNull());
    }

private slots:
    void init() { makeRepository(); }
    void cleanup()
    {
        m_git.reset();
        QDir(m_dir.path() + QStringLiteral("/repo")).removeRecursively();
    }

    void openWritesARecordPlainGitCanRead()
    {
        auto record
            = LocalRecords::open(m_git->root(), spec(QStringLiteral("feature")), reviewer());
        QVERIFY2(record.ok(), qPrintable(record.ok() ? QString() : record.error().toString()));
        QCOMPARE(record->request.number, 1);
        QCOMPARE(record->request.reference, QStringLiteral("local 1"));
        QCOMPARE(record->request.state, MergeRequestState::Open);
        QVERIFY(!record->request.reused);
        QCOMPARE(record->sourceCommit,
                 m_git->git({QStringLiteral("rev-parse"), QStringLiteral("feature")}).trimmed());

        const QString yaml
            = m_git->git({QStringLiteral("show"),
                          QStringLiteral("refs/envdeck/merge-requests/1:merge-request.yaml")});
        QVERIFY(yaml.contains(QStringLiteral("title: \"Bump billing\"")));
        QVERIFY(yaml.contains(QStringLiteral("source_branch: feature")));
        QVERIFY(yaml.contains(QStringLiteral("target_branch: main")));
        QVERIFY(yaml.contains(QStringLiteral("state: open")));
        QVERIFY(yaml.contains(QStringLiteral("author: \"Rita Reviewer <rita@example.io>\"")));
        QCOMPARE(m_git->git({QStringLiteral("show"),
                             QStringLiteral("refs/envdeck/merge-requests/1:description.md")}),
                 QStringLiteral("| a | b |\n"));
    }

    void openReusesTheOpenRequestOfABranch()
    {
        QVERIFY(
            LocalRecords::open(m_git->root(), spec(QStringLiteral("feature")), reviewer()).ok());
        auto again = LocalRecords::open(
            m_git->root(), spec(QStringLiteral("feature"), QStringLiteral("Other")), reviewer());
        QVERIFY(again.ok());
        QCOMPARE(again->request.number, 1);
        QVERIFY(again->request.reused);
        QCOMPARE(again->request.title, QStringLiteral("Bump billing"));
        auto all = LocalRecords::list(m_git->root());
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 1);
    }

    void openRefuses_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing source") << "nope"
                                        << "main"
                                        << "Branch \"nope\" does not exist";
        QTest::newRow("missing target") << "feature"
                                        << "gone"
                                        << "Branch \"gone\" does not exist";
        QTest::newRow("same branch") << "main"
                                     << "main"
                                     << "source and target branch are both";
    }
    void openRefuses()
    {
        QFETCH(QString, source);
        QFETCH(QString, target);
        QFETCH(QString, message);
        auto record = LocalRecords::open(m_git->root(), {source, target, QStringLiteral("t"), {}},
                                         reviewer());
        QVERIFY(!record.ok());
        QVERIFY2(record.error().message().contains(message), qPrintable(record.error().message()));
        QVERIFY(m_git->git({QStringLiteral("for-each-ref"), QStringLiteral("refs/envdeck/")})
                    .isEmpty());
    }

    void mergeMakesAMergeCommitAndUpdatesTheWorkTree()
    {
        QVERIFY(
            LocalRecords::open(m_git->root(), spec(QStringLiteral("feature")), reviewer()).ok());
        const QString before = m_git->head();
        auto merged = LocalRecords::merge(m_git->root(), 1, reviewer());
        QVERIFY2(merged.ok(), qPrintable(merged.ok() ? QString() : merged.error().toString()));
        QCOMPARE(merged->request.state, MergeRequestState::Merged);
        QCOMPARE(merged->mergeCommit, m_git->head());
        QCOMPARE(m_git->git({QStringLiteral("rev-parse"), QStringLiteral("HEAD^1")}).trimmed(),
                 before);
        QCOMPARE(m_git->git({QStringLiteral("rev-parse"), QStringLiteral("HEAD^2")}).trimmed(),
                 m_git->git({QStringLiteral("rev-parse"), QStringLiteral("feature")}).trimmed());
        QVERIFY(
            m_git->git({QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B")})
                .contains(QStringLiteral("Local merge request 1")));
        // The checked-out branch moved with its work tree: nothing shows as changed.
        QCOMPARE(m_git->git({QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
        QFile file(m_git->root() + QStringLiteral("/versions.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("billing: 1.1.0\n"));
        // The record's history: opened, then merged.
        QCOMPARE(m_git
                     ->git({QStringLiteral("rev-list"), QStringLiteral("--count"),
                            QStringLiteral("refs/envdeck/merge-requests/1")})
                     .trimmed(),
                 QStringLiteral("2"));
        auto again = LocalRecords::merge(m_git->root(), 1, reviewer());
        QVERIFY(!again.ok());
        QVERIFY(again.error().message().contains(QStringLiteral("already merged")));
    }

    void mergeRefusesLocalChangesToTheSameFile()
    {
        QVERIFY(
            LocalRecords::open(m_git->root(), spec(QStringLiteral("feature")), reviewer()).ok());
        const QString before = m_git->head();
        QVERIFY(m_git->write(QStringLiteral("versions.yaml"),
                             "billing: 1.0.0\nspacer: 1\nspacer2: 2\napi: 2.0.1\n"));
        auto merged = LocalRecords::merge(m_git->root(), 1, reviewer());
        QVERIFY(!merged.ok());
        QVERIFY2(merged.error().message().contains(QStringLiteral("uncommitted changes")),
                 qPrintable(merged.error().message()));
        QCOMPARE(m_git->head(), before);
        QFile file(m_git->root() + QStringLiteral("/versions.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("billing: 1.0.0\nspacer: 1\nspacer2: 2\napi: 2.0.1\n"));
        auto record = LocalRecords::get(m_git->root(), 1);
        QVERIFY(record.ok());
        QCOMPARE(record->request.state, MergeRequestState::Open);
    }

    void mergeRefusesConflicts()
    {
        QVERIFY(m_git->write(QStringLiteral("versions.yaml"),
                             "billing: 1.0.5\nspacer: 1\nspacer2: 2\napi: 2.0.0\n"));
        QVERIFY(m_git->commit(QStringLiteral("Hotfix billing on main")));
        QVERIFY(
            LocalRecords::open(m_git->root(), spec(QStringLiteral("feature")), reviewer()).ok());
        const QString before = m_git->head();
        auto merged = LocalRecords::merge(m_git->root(), 1, reviewer());
        QVERIFY(!merged.ok());
        QVERIFY2(merged.error().message().contains(QStringLiteral("conflicts in versions.yaml")),
                 qPrintable(merged.error().message()));
        QCOMPARE(m_git->head(), before);
    }

    void mergeOfABranchThatIsNotCheckedOut()
    {
        QVERIFY(!m_git
                     ->git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"),
                            QStringLiteral("other")})
                     .isNull());
        QVERIFY(
            LocalRecords::open(m_git->root(), spec(QStringLiteral("feature")), reviewer()).ok());
        auto merged = LocalRecords::merge(m_git->root(), 1, reviewer());
        QVERIFY(merged.ok());
        QCOMPARE(m_git->git({QStringLiteral("rev-parse"), QStringLiteral("main")}).trimmed(),
                 merged->mergeCommit);
        QCOMPARE(m_git
                     ->git({QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"),
                            QStringLiteral("HEAD")})
                     .trimmed(),
                 QStringLiteral("other"));
        QCOMPARE(m_git->git({QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
    }

    void closeAndNumbering()
    {
        QVERIFY(
            LocalRecords::open(m_git->root(), spec(QStringLiteral("feature")), reviewer()).ok());
        auto closed = LocalRecords::close(m_git->root(), 1, reviewer());
        QVERIFY(closed.ok());
        QCOMPARE(closed->request.state, MergeRequestState::Closed);
        // A closed request is not reused: the branch gets a new number.
        auto reopened
            = LocalRecords::open(m_git->root(), spec(QStringLiteral("feature")), reviewer());
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->request.number, 2);
        QVERIFY(!reopened->request.reused);
        auto all = LocalRecords::list(m_git->root());
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).request.state, MergeRequestState::Closed);
        QCOMPARE(all->at(1).request.state, MergeRequestState::Open);
        QVERIFY(!LocalRecords::get(m_git->root(), 7).ok());
    }
};

ENVDECK_TEST_MAIN_CORE(TestLocalRecords)
#include "tst_localrecords.moc"
