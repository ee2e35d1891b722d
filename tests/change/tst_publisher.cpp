// SPDX-License-Identifier: GPL-3.0-or-later
// Publisher: commit → push → merge request, and what it offers when a step fails — checked
// against a real origin (a bare repository) that a teammate pushes to first.

#include "GitFixture.h"
#include "TestSupport.h"
#include "change/Publisher.h"
#include "forge/LocalForgeClient.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace EnvDeck;
using namespace EnvDeck::Change;

Q_DECLARE_METATYPE(EnvDeck::Change::Recoveries)

class TestPublisher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<GitFixture> m_origin;
    std::unique_ptr<GitFixture> m_work;
    std::unique_ptr<GitFixture> m_teammate;
    int m_round = 0;

    static QByteArray versions(const char *api, const char *web)
    {
        return QByteArray("components:\n  api: ") + api
               + "\n  spacer: 1\n  spacer2: 2\n  web: " + web + '\n';
    }

    // Waits for the publisher to finish or fail; returns the failure's offers (None when done).
    struct Outcome
    {
        bool finished = false;
        QString message;
        Recoveries offered;
    };
    static Outcome wait(Publisher &publisher)
    {
        QSignalSpy finished(&publisher, &Publisher::finished);
        QSignalSpy failed(&publisher, &Publisher::failed);
        QDeadlineTimer deadline(60000);
        while (finished.size() + failed.size() == 0 && !deadline.hasExpired())
            QTest::qWait(10);
        Outcome outcome;
        if (finished.size() + failed.size() == 0) {
            outcome.message
                = QStringLiteral("the publisher neither finished nor failed within 60 s");
            return outcome;
        }
        outcome.finished = !finished.isEmpty();
        if (!failed.isEmpty()) {
            outcome.message = failed.first().at(0).toString();
            outcome.offered = failed.first().at(1).value<Recoveries>();
        }
        return outcome;
    }

    PublishRequest request(bool push = true) const
    {
        PublishRequest r;
        r.repository = m_work->root();
        r.paths = {QStringLiteral("versions.yaml")};
        r.message = QStringLiteral("Bump api");
        r.push = push;
        return r;
    }

    QString rev(const GitFixture &git, const QString &what) const
    {
        return git.git({QStringLiteral("rev-parse"), what}).trimmed();
    }

private slots:
    void initTestCase()
    {
        // Who commits: the test's own identity, never the machine's git configuration.
        qputenv("GIT_AUTHOR_NAME", "Pia Publisher");
        qputenv("GIT_AUTHOR_EMAIL", "pia@example.io");
        qputenv("GIT_COMMITTER_NAME", "Pia Publisher");
        qputenv("GIT_COMMITTER_EMAIL", "pia@example.io");
    }

    void init()
    {
        const QString root = m_dir.filePath(QString::number(++m_round));
        m_origin = std::make_unique<GitFixture>(root + QStringLiteral("/origin.git"));
        QDir().mkpath(m_origin->root());
        QVERIFY(!m_origin
                     ->git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                            QStringLiteral("-b"), QStringLiteral("main")})
                     .isNull());
        m_work = std::make_unique<GitFixture>(root + QStringLiteral("/work"));
        QVERIFY(m_work->init());
        QVERIFY(m_work->write(QStringLiteral("versions.yaml"), versions("1.0.0", "2.0.0")));
        QVERIFY(m_work->write(QStringLiteral("notes.txt"), "keep me out of commits\n"));
        QVERIFY(m_work->commit(QStringLiteral("Initial")));
        QVERIFY(!m_work
                     ->git({QStringLiteral("remote"), QStringLiteral("add"),
                            QStringLiteral("origin"), m_origin->root()})
                     .isNull());
        QVERIFY(!m_work
                     ->git({QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"),
                            QStringLiteral("main")})
                     .isNull());
        QVERIFY(
            !m_work->git({QStringLiteral("fetch"), QStringLiteral("-q"), QStringLiteral("origin")})
                 .isNull());
        m_teammate = std::make_unique<GitFixture>(root + QStringLiteral("/teammate"));
        QVERIFY(!GitFixture(root)
                     .git({QStringLiteral("clone"), QStringLiteral("-q"), m_origin->root(),
                           m_teammate->root()})
                     .isNull());
        // EnvDeck's edit, and an unrelated edit of the user's that must stay out.
        QVERIFY(m_work->write(QStringLiteral("versions.yaml"), versions("1.1.0", "2.0.0")));
        QVERIFY(m_work->write(QStringLiteral("notes.txt"), "my own unsaved notes\n"));
    }

    void commitAndPush()
    {
        Publisher publisher;
        publisher.start(request());
        const Outcome outcome = wait(publisher);
        QVERIFY2(outcome.finished, qPrintable(outcome.message));
        QCOMPARE(rev(*m_origin, QStringLiteral("main")), publisher.state().commitId);
        QVERIFY(publisher.state().pushed);
        QCOMPARE(m_work
                     ->git({QStringLiteral("log"), QStringLiteral("-1"),
                            QStringLiteral("--format=%an <%ae>")})
                     .trimmed(),
                 QStringLiteral("Pia Publisher <pia@example.io>"));
        QCOMPARE(m_work->git({QStringLiteral("status"), QStringLiteral("--porcelain")}),
                 QStringLiteral(" M notes.txt\n"));
    }

    void rejectedPushThenFetchAndRebase()
    {
        // The teammate changes another line of the same file and pushes first.
        QVERIFY(m_teammate->write(QStringLiteral("versions.yaml"), versions("1.0.0", "2.1.0")));
        QVERIFY(m_teammate->commit(QStringLiteral("Bump web")));
        QVERIFY(!m_teammate->git({QStringLiteral("push"), QStringLiteral("-q")}).isNull());
        const QString theirs = rev(*m_teammate, QStringLiteral("HEAD"));

        Publisher publisher;
        publisher.start(request());
        Outcome outcome = wait(publisher);
        QVERIFY(!outcome.finished);
        QVERIFY2(outcome.message.contains(QStringLiteral("non-fast-forward")),
                 qPrintable(outcome.message));
        QCOMPARE(outcome.offered, Recoveries(Recovery::FetchAndRebase) | Recovery::PushAsNewBranch);
        // Nothing lost: the commit is on the local branch.
        const QString commit = publisher.state().commitId;
        QCOMPARE(rev(*m_work, QStringLiteral("main")), commit);
        QCOMPARE(rev(*m_origin, QStringLiteral("main")), theirs);

        publisher.recover(Recovery::FetchAndRebase);
        outcome = wait(publisher);
        QVERIFY2(outcome.finished, qPrintable(outcome.message));
        QCOMPARE(rev(*m_origin, QStringLiteral("main")), publisher.state().commitId);
        QCOMPARE(rev(*m_origin, QStringLiteral("main~1")), theirs);
        QCOMPARE(m_work->git({QStringLiteral("show"), QStringLiteral("main:versions.yaml")}),
                 QString::fromUtf8(versions("1.1.0", "2.1.0")));
    }

    void conflictingRebaseThenPushAsNewBranch()
    {
        QVERIFY(m_teammate->write(QStringLiteral("versions.yaml"), versions("1.0.9", "2.0.0")));
        QVERIFY(m_teammate->commit(QStringLiteral("Bump api differently")));
        QVERIFY(!m_teammate->git({QStringLiteral("push"), QStringLiteral("-q")}).isNull());

        Publisher publisher;
        publisher.start(request());
        Outcome outcome = wait(publisher);
        QVERIFY(!outcome.finished);
        publisher.recover(Recovery::FetchAndRebase);
        outcome = wait(publisher);
        QVERIFY(!outcome.finished);
        QCOMPARE(outcome.offered, Recoveries(Recovery::PushAsNewBranch));
        const QString commit = publisher.state().commitId;
        QCOMPARE(rev(*m_work, QStringLiteral("main")), commit);

        publisher.recover(Recovery::PushAsNewBranch);
        outcome = wait(publisher);
        QVERIFY2(outcome.finished, qPrintable(outcome.message));
        const QString branch = QStringLiteral("main-") + commit.left(7);
        QCOMPARE(publisher.state().remoteBranch, branch);
        QCOMPARE(rev(*m_origin, branch), commit);
    }

    void networkFailureThenRetry()
    {
        QVERIFY(!m_work
                     ->git({QStringLiteral("remote"), QStringLiteral("set-url"),
                            QStringLiteral("origin"),
                            QStringLiteral("git://127.0.0.1:1/nothing-listens-here.git")})
                     .isNull());
        Publisher publisher;
        publisher.start(request());
        Outcome outcome = wait(publisher);
        QVERIFY(!outcome.finished);
        QVERIFY(outcome.offered.testFlag(Recovery::Retry));
        const QString commit = publisher.state().commitId;
        QVERIFY(!commit.isEmpty());

        // The network is back: retrying pushes the same commit, the edit is not redone.
        QVERIFY(!m_work
                     ->git({QStringLiteral("remote"), QStringLiteral("set-url"),
                            QStringLiteral("origin"), m_origin->root()})
                     .isNull());
        publisher.recover(Recovery::Retry);
        outcome = wait(publisher);
        QVERIFY2(outcome.finished, qPrintable(outcome.message));
        QCOMPARE(publisher.state().commitId, commit);
        QCOMPARE(rev(*m_origin, QStringLiteral("main")), commit);
        QCOMPARE(m_work
                     ->git({QStringLiteral("rev-list"), QStringLiteral("--count"),
                            QStringLiteral("main")})
                     .trimmed(),
                 QStringLiteral("2"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("message");
        QTest::newRow("detached HEAD") << "detach"
                                       << "HEAD is detached";
        QTest::newRow("existing branch") << "branch"
                                         << "exists already";
        QTest::newRow("merge request onto its source") << "mr-on-main"
                                                       << "needs a branch of its own";
    }
    void refusals()
    {
        QFETCH(QString, setup);
        QFETCH(QString, message);
        PublishRequest r = request();
        if (setup == QStringLiteral("detach"))
            QVERIFY(!m_work
                         ->git({QStringLiteral("checkout"), QStringLiteral("-q"),
                                QStringLiteral("--detach")})
                         .isNull());
        if (setup == QStringLiteral("branch")) {
            QVERIFY(!m_work->git({QStringLiteral("branch"), QStringLiteral("taken")}).isNull());
            r.branch = QStringLiteral("taken");
        }
        if (setup == QStringLiteral("mr-on-main"))
            r.openMergeRequest = true;
        const QString head = rev(*m_work, QStringLiteral("HEAD"));
        Publisher publisher;
        publisher.start(r);
        const Outcome outcome = wait(publisher);
        QVERIFY(!outcome.finished);
        QVERIFY2(outcome.message.contains(message), qPrintable(outcome.message));
        QCOMPARE(outcome.offered, Recoveries(Recovery::None));
        QVERIFY(publisher.state().commitId.isEmpty());
        QCOMPARE(rev(*m_work, QStringLiteral("HEAD")), head);
    }

    void newBranchAndLocalMergeRequest()
    {
        Forge::LocalForgeClient forge(
            m_work->root(), {QStringLiteral("Rita"), QStringLiteral("rita@example.io"), 0, 0},
            [this](const Forge::LocalRecords::Record &record) {
                return Forge::shareLocalRecord(m_work->root(), QStringLiteral("origin"), {},
                                               record);
            });
        Publisher publisher;
        publisher.setForge(&forge);
        PublishRequest r = request(false);
        r.branch = QStringLiteral("envdeck/api-1.1.0");
        r.openMergeRequest = true;
        r.description = QStringLiteral("| api | dev | 1.0.0 | 1.1.0 | — |\n");
        publisher.start(r);
        const Outcome outcome = wait(publisher);
        QVERIFY2(outcome.finished, qPrintable(outcome.message));
        QVERIFY(publisher.state().mergeRequest.has_value());
        QCOMPARE(publisher.state().mergeRequest->reference, QStringLiteral("local 1"));
        QCOMPARE(publisher.state().mergeRequest->title, QStringLiteral("Bump api"));
        // The branch and the record reached the origin; the work tree is on the branch.
        QCOMPARE(rev(*m_origin, r.branch), publisher.state().commitId);
        QVERIFY(m_origin
                    ->git({QStringLiteral("show"),
                           QStringLiteral("refs/envdeck/merge-requests/1:description.md")})
                    .contains(QStringLiteral("| api | dev |")));
        QCOMPARE(m_work
                     ->git({QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"),
                            QStringLiteral("HEAD")})
                     .trimmed(),
                 r.branch);
    }
};

ENVDECK_TEST_MAIN_CORE(TestPublisher)
#include "tst_publisher.moc"
