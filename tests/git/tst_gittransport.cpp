// SPDX-License-Identifier: GPL-3.0-or-later
// Clone, fetch, push and the rebase after a rejected push, against real servers on 127.0.0.1:
// `git daemon` (git://) and lighttpd + git-http-backend with Basic auth (http://).
#include "GitFixture.h"
#include "GitServers.h"
#include "TestSupport.h"
#include "git/Repository.h"

#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtConcurrent>

using namespace EnvDeck;
using namespace EnvDeck::Git;

namespace {
const QString kUser = QStringLiteral("alice");
const QString kToken = QStringLiteral("glpat-S3cr3tT0ken-xyz");
const Signature kAuthor{QStringLiteral("Edith Editor"), QStringLiteral("edith@example.io"), 0, 0};
} // namespace

class TestGitTransport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cloneWithProgress_data();
    void cloneWithProgress();
    void fetchAndPush_data();
    void fetchAndPush();
    void wrongToken_data();
    void wrongToken();
    void noCredentials();
    void nonFastForwardThenRebase_data();
    void nonFastForwardThenRebase();
    void conflictingRebase();
    void cancelFromProgress();
    void protectedBranch_data();
    void protectedBranch();
    void silentServerTimesOut();
    void workerThreads();

private:
    QString url(const QString &transport) const;
    RemoteOptions options(int *credentialCalls = nullptr, const QString &token = kToken) const;
    // A clone of infra.git in a fresh folder, over `transport`.
    Result<Repository> cloneInfra(const QString &transport, const QString &folder);
    // Someone else pushes a commit that writes `contents` into `file`, with the git command line.
    bool pushFromElsewhere(const QString &file, const QByteArray &contents);

    std::unique_ptr<GitServers> m_servers;
    QTemporaryDir m_configDir;
    std::unique_ptr<QTemporaryDir> m_work;
    int m_elsewhere = 0;
};

void TestGitTransport::initTestCase()
{
    // The tools come with scripts/install-deps.sh: missing ones fail the test, never skip it.
    QVERIFY2(QFile::exists(GitServers::lighttpdPath()),
             "lighttpd is missing: run scripts/install-deps.sh");
    QVERIFY2(QFile::exists(GitServers::httpBackendPath()), "git-http-backend is missing");
    const QByteArray path = m_configDir.path().toUtf8();
    for (const git_config_level_t level :
         {GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_SYSTEM})
        QCOMPARE(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path.constData()), 0);
    qputenv("GIT_AUTHOR_NAME", "Edith Editor");
    qputenv("GIT_AUTHOR_EMAIL", "edith@example.io");

    m_servers = std::make_unique<GitServers>();
    QVERIFY2(m_servers->startDaemon(), qPrintable(m_servers->errorString()));
    QVERIFY2(m_servers->startHttp(kUser, kToken), qPrintable(m_servers->errorString()));
    QVERIFY2(m_servers->createRepository(QStringLiteral("infra")),
             qPrintable(m_servers->errorString()));
    GitFixture seed(m_servers->root() + QStringLiteral("/seed"));
    QVERIFY(seed.init());
    for (int i = 0; i < 20; ++i)
        QVERIFY(seed.write(QStringLiteral("env/e%1/main.tf").arg(i),
                           QByteArray("module \"m\" {\n  source = \"x\"\n  n = ")
                               + QByteArray::number(i) + "\n}\n"));
    QVERIFY(seed.write(QStringLiteral("shared.tf"), "line 1\nline 2\nline 3\n"));
    QVERIFY(seed.commit(QStringLiteral("seed")));
    QVERIFY(!seed.git({"push", "-q", m_servers->repositoryPath(QStringLiteral("infra")), "main",
                       "main:protected"})
                 .isNull());
    // After seeding: the git command line runs hooks even when pushing to a folder.
    QVERIFY(m_servers->installHook(
        QStringLiteral("infra"), QStringLiteral("pre-receive"),
        "#!/bin/sh\n"
        "while read old new ref; do\n"
        "  if [ \"$ref\" = refs/heads/protected ]; then\n"
        "    echo \"protected branch: $ref only changes through a merge request\" >&2\n"
        "    exit 1\n"
        "  fi\n"
        "done\n"));
}

void TestGitTransport::init()
{
    m_work = std::make_unique<QTemporaryDir>();
}

QString TestGitTransport::url(const QString &transport) const
{
    return transport == QLatin1String("git") ? m_servers->gitUrl(QStringLiteral("infra"))
                                             : m_servers->httpUrl(QStringLiteral("infra"));
}

RemoteOptions TestGitTransport::options(int *credentialCalls, const QString &token) const
{
    RemoteOptions options;
    options.timeoutSeconds = 20;
    options.credentials
        = [credentialCalls, token](const QString &, const QString &, bool tokenAllowed,
                                   bool) -> std::optional<Credential> {
        if (credentialCalls)
            ++*credentialCalls;
        if (!tokenAllowed)
            return std::nullopt;
        return Credential{Credential::Kind::UserPassToken, kUser, token};
    };
    return options;
}

Result<Repository> TestGitTransport::cloneInfra(const QString &transport, const QString &folder)
{
    return Repository::clone(url(transport), m_work->filePath(folder), options());
}

bool TestGitTransport::pushFromElsewhere(const QString &file, const QByteArray &contents)
{
    const QString folder = QStringLiteral("elsewhere%1").arg(++m_elsewhere);
    if (GitFixture(m_work->path())
            .git({"clone", "-q", m_servers->repositoryPath(QStringLiteral("infra")), folder})
            .isNull())
        return false;
    GitFixture other(m_work->filePath(folder));
    return other.write(file, contents) && other.commit(QStringLiteral("from elsewhere"))
           && !other.git({"push", "-q", "origin", "main"}).isNull();
}

void TestGitTransport::cloneWithProgress_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("git://") << "git";
    QTest::newRow("http:// with a token") << "http";
}

void TestGitTransport::cloneWithProgress()
{
    QFETCH(QString, transport);
    QSet<int> phases;
    int calls = 0;
    RemoteOptions opts = options();
    opts.progress = [&](const TransferProgress &progress) {
        phases.insert(int(progress.phase));
        ++calls;
        return progress.current <= progress.total || progress.total == 0;
    };
    const auto repository
        = Repository::clone(url(transport), m_work->filePath(QStringLiteral("c")), opts);
    QVERIFY2(repository, qPrintable(repository ? QString() : repository.error().message()));
    QVERIFY(calls > 0);
    QVERIFY(phases.contains(int(TransferProgress::Phase::Receiving)));
    QVERIFY(phases.contains(int(TransferProgress::Phase::Checkout)));
    QCOMPARE(repository->headCommit().value(),
             m_servers->revParse(QStringLiteral("infra"), "main"));
    QCOMPARE(repository->currentBranch().value(), QStringLiteral("main"));
    QVERIFY(QFile::exists(m_work->filePath(QStringLiteral("c/env/e7/main.tf"))));
    QCOMPARE(repository->remoteUrl(QStringLiteral("origin")), url(transport));
}

void TestGitTransport::fetchAndPush_data()
{
    cloneWithProgress_data();
}

void TestGitTransport::fetchAndPush()
{
    QFETCH(QString, transport);
    auto repository = cloneInfra(transport, QStringLiteral("c"));
    QVERIFY2(repository, qPrintable(repository ? QString() : repository.error().message()));
    QVERIFY(pushFromElsewhere(QStringLiteral("from-elsewhere-%1.txt").arg(transport), "x\n"));
    QVERIFY(repository->fetch(QStringLiteral("origin"), options()));
    QCOMPARE(GitFixture(repository->workTree()).git({"rev-parse", "origin/main"}).trimmed(),
             m_servers->revParse(QStringLiteral("infra"), "main"));
    QVERIFY(repository->rebaseOnto(QStringLiteral("main"), QStringLiteral("origin/main")));

    GitFixture work(repository->workTree());
    QVERIFY(
        work.write(QStringLiteral("env/e1/main.tf"), "edited over " + transport.toUtf8() + "\n"));
    const Result<QString> commit = repository->commitFiles({QStringLiteral("env/e1/main.tf")},
                                                           QStringLiteral("Edit e1"), kAuthor);
    QVERIFY(commit);
    int pushedPhases = 0;
    RemoteOptions opts = options();
    opts.progress = [&](const TransferProgress &) {
        ++pushedPhases;
        return true;
    };
    const Result<PushResult> pushed
        = repository->push(QStringLiteral("origin"), QStringLiteral("main"), QString(), opts);
    QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message()));
    QVERIFY2(pushed->pushed, qPrintable(pushed->rejectedReason));
    QCOMPARE(m_servers->revParse(QStringLiteral("infra"), "main"), *commit);
    QCOMPARE(work.git({"rev-parse", "origin/main"}).trimmed(), *commit);
    QVERIFY(pushedPhases > 0);
}

void TestGitTransport::wrongToken_data()
{
    QTest::addColumn<bool>("tokenInUrl");
    QTest::newRow("token from the callback") << false;
    QTest::newRow("wrong token in the URL, then the callback") << true;
}

void TestGitTransport::wrongToken()
{
    QFETCH(bool, tokenInUrl);
    const QString wrong = QStringLiteral("wrong-T0ken-value");
    int calls = 0;
    const QString cloneUrl
        = tokenInUrl ? m_servers->httpUrl(QStringLiteral("infra"), kUser + QLatin1Char(':') + wrong)
                     : url(QStringLiteral("http"));
    const auto repository = Repository::clone(cloneUrl, m_work->filePath(QStringLiteral("c")),
                                              options(&calls, wrong));
    QVERIFY(!repository);
    const QString message = repository.error().message();
    QVERIFY2(message.startsWith(
                 QStringLiteral("authentication failed for http://127.0.0.1:%1/git/infra.git")
                     .arg(m_servers->httpPort())),
             qPrintable(message));
    QVERIFY2(!message.contains(wrong), qPrintable(message));
    QVERIFY2(!message.contains(kToken), qPrintable(message));
    // libgit2 tries the user info of the URL by itself first; the callback is asked once only.
    QCOMPARE(calls, 1);

    // The right token: the same server lets us in.
    int rightCalls = 0;
    const auto good = Repository::clone(
        url(QStringLiteral("http")), m_work->filePath(QStringLiteral("d")), options(&rightCalls));
    QVERIFY2(good, qPrintable(good ? QString() : good.error().message()));
    QCOMPARE(rightCalls, 1);
}

void TestGitTransport::noCredentials()
{
    RemoteOptions opts; // no credential callback at all
    const auto repository = Repository::clone(url(QStringLiteral("http")),
                                              m_work->filePath(QStringLiteral("c")), opts);
    QVERIFY(!repository);
    QVERIFY2(repository.error().message().startsWith(
                 QStringLiteral("authentication failed for http://")),
             qPrintable(repository.error().message()));
}

void TestGitTransport::nonFastForwardThenRebase_data()
{
    cloneWithProgress_data();
}

void TestGitTransport::nonFastForwardThenRebase()
{
    QFETCH(QString, transport);
    auto repository = cloneInfra(transport, QStringLiteral("c"));
    QVERIFY(repository);
    GitFixture work(repository->workTree());
    QVERIFY(pushFromElsewhere(QStringLiteral("env/e2/main.tf"),
                              "changed elsewhere " + transport.toUtf8()));

    QVERIFY(work.write(QStringLiteral("env/e3/main.tf"), "changed here " + transport.toUtf8()));
    const Result<QString> mine = repository->commitFiles({QStringLiteral("env/e3/main.tf")},
                                                         QStringLiteral("Edit e3"), kAuthor);
    QVERIFY(mine);
    const Result<PushResult> rejected
        = repository->push(QStringLiteral("origin"), QStringLiteral("main"), QString(), options());
    QVERIFY2(rejected, qPrintable(rejected ? QString() : rejected.error().message()));
    QVERIFY(!rejected->pushed);
    QVERIFY(rejected->isNonFastForward);
    QVERIFY2(rejected->rejectedReason.startsWith(QStringLiteral("non-fast-forward")),
             qPrintable(rejected->rejectedReason));
    QCOMPARE(repository->headCommit().value(), *mine); // the commit is not lost

    QVERIFY(repository->fetch(QStringLiteral("origin"), options()));
    const Result<QString> rebased
        = repository->rebaseOnto(QStringLiteral("main"), QStringLiteral("origin/main"));
    QVERIFY2(rebased, qPrintable(rebased ? QString() : rebased.error().message()));
    QCOMPARE(repository->headCommit().value(), *rebased);
    QCOMPARE(work.git({"rev-parse", "HEAD~1"}).trimmed(),
             m_servers->revParse(QStringLiteral("infra"), "main"));
    QCOMPARE(work.git({"log", "-1", "--format=%an|%s"}), QStringLiteral("Edith Editor|Edit e3\n"));
    QCOMPARE(work.git({"status", "--porcelain"}), QString(""));
    QVERIFY(QFile::exists(repository->workTree() + QStringLiteral("/env/e2/main.tf")));
    QCOMPARE(work.git({"show", "HEAD:env/e2/main.tf"}),
             QStringLiteral("changed elsewhere ") + transport);

    const Result<PushResult> pushed
        = repository->push(QStringLiteral("origin"), QStringLiteral("main"), QString(), options());
    QVERIFY(pushed);
    QVERIFY2(pushed->pushed, qPrintable(pushed->rejectedReason));
    QCOMPARE(m_servers->revParse(QStringLiteral("infra"), "main"), *rebased);
}

void TestGitTransport::conflictingRebase()
{
    auto repository = cloneInfra(QStringLiteral("git"), QStringLiteral("c"));
    QVERIFY(repository);
    GitFixture work(repository->workTree());
    QVERIFY(
        pushFromElsewhere(QStringLiteral("shared.tf"), "line 1\nline 2 from elsewhere\nline 3\n"));
    QVERIFY(work.write(QStringLiteral("shared.tf"), "line 1\nline 2 from here\nline 3\n"));
    const Result<QString> mine = repository->commitFiles({QStringLiteral("shared.tf")},
                                                         QStringLiteral("Edit shared"), kAuthor);
    QVERIFY(mine);
    QVERIFY(repository->fetch(QStringLiteral("origin"), options()));

    const Result<QString> rebased
        = repository->rebaseOnto(QStringLiteral("main"), QStringLiteral("origin/main"));
    QVERIFY(!rebased);
    QVERIFY2(rebased.error().message().contains(QLatin1String("conflicts in shared.tf")),
             qPrintable(rebased.error().message()));
    QCOMPARE(repository->headCommit().value(), *mine);
    QCOMPARE(work.git({"status", "--porcelain"}), QString(""));
    QCOMPARE(work.git({"show", "HEAD:shared.tf"}),
             QStringLiteral("line 1\nline 2 from here\nline 3\n"));
    QCOMPARE(repository->state(), Repository::State::Clean);
}

void TestGitTransport::cancelFromProgress()
{
    RemoteOptions opts = options();
    opts.progress = [](const TransferProgress &) { return false; };
    const auto repository = Repository::clone(url(QStringLiteral("git")),
                                              m_work->filePath(QStringLiteral("c")), opts);
    QVERIFY(!repository);
    QCOMPARE(repository.error().message(), QStringLiteral("cancelled"));
    QVERIFY(!QFile::exists(m_work->filePath(QStringLiteral("c/shared.tf"))));
}

void TestGitTransport::protectedBranch_data()
{
    cloneWithProgress_data();
}

void TestGitTransport::protectedBranch()
{
    QFETCH(QString, transport);
    auto repository = cloneInfra(transport, QStringLiteral("c"));
    QVERIFY(repository);
    const QString before = m_servers->revParse(QStringLiteral("infra"), "protected");
    GitFixture work(repository->workTree());
    QVERIFY(repository->createBranch(QStringLiteral("change"), QStringLiteral("origin/protected")));
    QVERIFY(repository->switchBranch(QStringLiteral("change")));
    QVERIFY(work.write(QStringLiteral("env/e4/main.tf"), "sneaky\n"));
    const Result<QString> mine = repository->commitFiles({QStringLiteral("env/e4/main.tf")},
                                                         QStringLiteral("Sneak"), kAuthor);
    QVERIFY(mine);

    const Result<PushResult> result = repository->push(
        QStringLiteral("origin"), QStringLiteral("change"), QStringLiteral("protected"), options());
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message()));
    QVERIFY(!result->pushed);
    QVERIFY(!result->isNonFastForward);
    QVERIFY2(result->rejectedReason.contains(QLatin1String("pre-receive hook declined")),
             qPrintable(result->rejectedReason));
    QVERIFY2(result->rejectedReason.contains(QLatin1String("protected branch")),
             qPrintable(result->rejectedReason));
    QCOMPARE(m_servers->revParse(QStringLiteral("infra"), "protected"), before);
    QCOMPARE(repository->headCommit().value(), *mine);
}

void TestGitTransport::silentServerTimesOut()
{
    // Accepts connections (the kernel does, from the backlog) and never says a word.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const QString silentUrl
        = QStringLiteral("git://127.0.0.1:%1/infra.git").arg(silent.serverPort());
    RemoteOptions opts = options();
    opts.timeoutSeconds = 1;
    QElapsedTimer timer;
    timer.start();
    const auto repository
        = Repository::clone(silentUrl, m_work->filePath(QStringLiteral("c")), opts);
    QVERIFY(!repository);
    QCOMPARE(repository.error().message(),
             QStringLiteral("%1 did not answer within 1 s (retry later)").arg(silentUrl));
    QVERIFY(timer.elapsed() < 10000);
}

void TestGitTransport::workerThreads()
{
    // One Repository per thread, both transports at once; each clone pushes a branch of its own.
    auto job = [this](const QString &transport) -> QString {
        auto repository = Repository::clone(
            url(transport), m_work->filePath(QStringLiteral("t-") + transport), options());
        if (!repository)
            return repository.error().message();
        const QString branch = QStringLiteral("thread-") + transport;
        if (const auto created = repository->createBranch(branch); !created)
            return created.error().message();
        const auto pushed
            = repository->push(QStringLiteral("origin"), branch, QString(), options());
        if (!pushed)
            return pushed.error().message();
        return pushed->pushed ? repository->headCommit().value() : pushed->rejectedReason;
    };
    QFuture<QString> overGit = QtConcurrent::run(job, QStringLiteral("git"));
    QFuture<QString> overHttp = QtConcurrent::run(job, QStringLiteral("http"));
    const QString main = m_servers->revParse(QStringLiteral("infra"), "main");
    QCOMPARE(overGit.result(), main);
    QCOMPARE(overHttp.result(), main);
    QCOMPARE(m_servers->revParse(QStringLiteral("infra"), "thread-git"), main);
    QCOMPARE(m_servers->revParse(QStringLiteral("infra"), "thread-http"), main);
}

ENVDECK_TEST_MAIN_CORE(TestGitTransport)
#include "tst_gittransport.moc"
