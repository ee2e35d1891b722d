// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_gitrepository.h"

#include "TestSupport.h"
#include "git/Repository.h"

using namespace EnvDeck;
using namespace EnvDeck::Git;

const Signature TestGitRepository::kAuthor{QStringLiteral("Edith Editor"),
                                           QStringLiteral("edith@example.io"), 1767607200, 60};

void TestGitRepository::initTestCase()
{
    const QByteArray path = m_configDir.path().toUtf8();
    for (const git_config_level_t level :
         {GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_SYSTEM})
        QCOMPARE(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path.constData()), 0);
}

void TestGitRepository::init()
{
    qunsetenv("GIT_AUTHOR_NAME");
    qunsetenv("GIT_AUTHOR_EMAIL");
    QFile::remove(m_configDir.filePath(QStringLiteral(".gitconfig")));
    m_dir = std::make_unique<QTemporaryDir>();
}

std::unique_ptr<GitFixture> TestGitRepository::makeRepository()
{
    auto git = std::make_unique<GitFixture>(m_dir->filePath(QStringLiteral("work")));
    if (!git->init() || !git->write(QStringLiteral("a.txt"), "alpha\n")
        || !git->write(QStringLiteral("b.txt"), "bravo\n")
        || !git->write(QStringLiteral("dir/c.txt"), "charlie\n")
        || !git->write(QStringLiteral("u.txt"), "unrelated\n")
        || !git->write(QStringLiteral("s.txt"), "staged\n")
        || !git->commit(QStringLiteral("start")))
        return {};
    git->write(QStringLiteral("u.txt"), "unrelated, edited\n");
    git->write(QStringLiteral("s.txt"), "staged, edited\n");
    if (git->git({QStringLiteral("add"), QStringLiteral("s.txt")}).isNull())
        return {};
    return git;
}

QString TestGitRepository::read(const QString &path) const
{
    QFile file(m_dir->filePath(QStringLiteral("work/")) + path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestGitRepository::commitFiles_data()
{
    QTest::addColumn<QStringList>("toWrite");  // files written before committing
    QTest::addColumn<QStringList>("toDelete"); // files deleted before committing
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QString>("nameStatus"); // `git show --name-status` of the new commit

    QTest::newRow("one modified file")
        << QStringList{"a.txt"} << QStringList{} << QStringList{"a.txt"} << "M\ta.txt\n";
    QTest::newRow("only the listed one of two")
        << QStringList{"a.txt", "b.txt"} << QStringList{} << QStringList{"b.txt"} << "M\tb.txt\n";
    QTest::newRow("new file in a new folder")
        << QStringList{"env/dev/main.tf"} << QStringList{} << QStringList{"env/dev/main.tf"}
        << "A\tenv/dev/main.tf\n";
    QTest::newRow("deleted file") << QStringList{} << QStringList{"dir/c.txt"}
                                  << QStringList{"dir/c.txt"} << "D\tdir/c.txt\n";
    QTest::newRow("modified and deleted")
        << QStringList{"a.txt"} << QStringList{"b.txt"} << QStringList{"a.txt", "b.txt"}
        << "M\ta.txt\nD\tb.txt\n";
}

void TestGitRepository::commitFiles()
{
    QFETCH(QStringList, toWrite);
    QFETCH(QStringList, toDelete);
    QFETCH(QStringList, paths);
    QFETCH(QString, nameStatus);

    auto git = makeRepository();
    QVERIFY(git);
    const QString before = git->head();
    for (const QString &path : toWrite)
        QVERIFY(git->write(path, "changed " + path.toUtf8() + "\n"));
    for (const QString &path : toDelete)
        QVERIFY(QFile::remove(git->root() + QLatin1Char('/') + path));

    auto repository = Repository::open(git->root());
    QVERIFY2(repository, qPrintable(repository ? QString() : repository.error().message()));
    const Result<QString> commit
        = repository->commitFiles(paths, QStringLiteral("Edit\n\n"), kAuthor);
    QVERIFY2(commit, qPrintable(commit ? QString() : commit.error().message()));

    QCOMPARE(git->head(), *commit);
    QCOMPARE(git->git({"rev-parse", "HEAD~1"}).trimmed(), before);
    QCOMPARE(git->git({"show", "--name-status", "--format=", "HEAD"}), nameStatus);
    QCOMPARE(git->git({"log", "-1", "--format=%an <%ae> %at %ai|%B", "HEAD"}),
             QStringLiteral(
                 "Edith Editor <edith@example.io> 1767607200 2026-01-05 11:00:00 +0100|Edit\n\n"));
    for (const QString &path : toWrite) {
        const QString committed = git->git({"show", "HEAD:" + path});
        if (paths.contains(path))
            QCOMPARE(committed, read(path));
        else
            QCOMPARE(committed, git->git({"show", "HEAD~1:" + path}));
    }
    // The listed files are clean, the unrelated changes are exactly as they were.
    QString expectedStatus = QStringLiteral("M  s.txt\n M u.txt\n");
    for (const QString &path : toWrite) {
        if (!paths.contains(path))
            expectedStatus = QStringLiteral(" M ") + path + QLatin1Char('\n') + expectedStatus;
    }
    QCOMPARE(git->git({"status", "--porcelain", "--untracked-files=all"}), expectedStatus);
    QCOMPARE(git->git({"show", ":s.txt"}), QStringLiteral("staged, edited\n"));
    QCOMPARE(git->git({"show", "HEAD:s.txt"}), QStringLiteral("staged\n"));
    QCOMPARE(read(QStringLiteral("u.txt")), QStringLiteral("unrelated, edited\n"));
}

void TestGitRepository::commitFilesRefuses_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<QString>("message");

    QTest::newRow("merge in progress") << "merge"
                                       << "a merge is in progress: finish or abort it first";
    QTest::newRow("conflicted index") << "conflicts"
                                      << "unresolved conflicts";
    QTest::newRow("detached HEAD") << "detached"
                                   << "HEAD is detached";
    QTest::newRow("nothing changed") << "unchanged"
                                     << "nothing to commit: b.txt did not change";
    QTest::newRow("unknown file") << "missing"
                                  << "`nope.txt` exists neither in the work tree nor in HEAD";
    QTest::newRow("outside the work tree") << "outside"
                                           << "is not a relative path inside the work tree";
}

void TestGitRepository::commitFilesRefuses()
{
    QFETCH(QString, situation);
    QFETCH(QString, message);

    auto git = makeRepository();
    QVERIFY(git);
    git->git({"reset", "-q", "--hard"});
    QStringList paths{QStringLiteral("a.txt")};
    if (situation == QLatin1String("merge") || situation == QLatin1String("conflicts")) {
        QVERIFY(!git->git({"checkout", "-q", "-b", "other"}).isNull());
        git->write(QStringLiteral("a.txt"), "from other\n");
        QVERIFY(git->commit(QStringLiteral("other")));
        QVERIFY(!git->git({"checkout", "-q", "main"}).isNull());
        git->write(QStringLiteral("a.txt"), "from main\n");
        QVERIFY(git->commit(QStringLiteral("main")));
        // A real conflicted merge: git exits 1, so the fixture reports a null string.
        git->git({"-c", "user.name=T", "-c", "user.email=t@example.io", "merge", "other"});
        QVERIFY(QFile::exists(git->root() + QStringLiteral("/.git/MERGE_HEAD")));
        if (situation == QLatin1String("conflicts")) // the state file gone, the index still split
            QVERIFY(QFile::remove(git->root() + QStringLiteral("/.git/MERGE_HEAD")));
        paths = {QStringLiteral("b.txt")};
        git->write(QStringLiteral("b.txt"), "edited during the merge\n");
    } else if (situation == QLatin1String("detached")) {
        QVERIFY(!git->git({"checkout", "-q", "--detach"}).isNull());
        git->write(QStringLiteral("a.txt"), "edited\n");
    } else if (situation == QLatin1String("unchanged")) {
        paths = {QStringLiteral("b.txt")};
    } else if (situation == QLatin1String("missing")) {
        paths = {QStringLiteral("nope.txt")};
    } else if (situation == QLatin1String("outside")) {
        paths = {QStringLiteral("../a.txt")};
    }
    const QString head = git->head();
    const QString statusBefore = git->git({"status", "--porcelain"});

    auto repository = Repository::open(git->root());
    QVERIFY(repository);
    const Result<QString> commit = repository->commitFiles(paths, QStringLiteral("Edit"), kAuthor);
    QVERIFY(!commit);
    QVERIFY2(commit.error().message().contains(message), qPrintable(commit.error().message()));
    QCOMPARE(git->head(), head);
    QCOMPARE(git->git({"status", "--porcelain"}), statusBefore);
}

void TestGitRepository::identity_data()
{
    QTest::addColumn<QString>("repoConfig");   // "name|email" in .git/config, or empty
    QTest::addColumn<QString>("globalConfig"); // "name|email" in the global config, or empty
    QTest::addColumn<QString>("environment");  // "name|email" in GIT_AUTHOR_*, or empty
    QTest::addColumn<QString>("expected");     // "name|email", or the error
    // Repository::globalIdentity(): the global config and GIT_AUTHOR_*, whatever is found.
    QTest::addColumn<QString>("expectedGlobal");

    QTest::newRow("repository config") << "Repo Person|repo@example.io"
                                       << ""
                                       << ""
                                       << "Repo Person|repo@example.io"
                                       << "|";
    QTest::newRow("global config") << ""
                                   << "Global Person|global@example.io"
                                   << ""
                                   << "Global Person|global@example.io"
                                   << "Global Person|global@example.io";
    QTest::newRow("repository wins over global") << "Repo Person|repo@example.io"
                                                 << "Global Person|global@example.io"
                                                 << ""
                                                 << "Repo Person|repo@example.io"
                                                 << "Global Person|global@example.io";
    QTest::newRow("environment wins") << "Repo Person|repo@example.io"
                                      << ""
                                      << "Env Person|env@example.io"
                                      << "Env Person|env@example.io"
                                      << "Env Person|env@example.io";
    QTest::newRow("missing") << ""
                             << ""
                             << ""
                             << "no commit identity: set user.name and user.email"
                             << "|";
    QTest::newRow("name only") << ""
                               << "Global Person|"
                               << ""
                               << "no commit identity: set user.name and user.email"
                               << "Global Person|";
}

void TestGitRepository::identity()
{
    QFETCH(QString, repoConfig);
    QFETCH(QString, globalConfig);
    QFETCH(QString, environment);
    QFETCH(QString, expected);
    QFETCH(QString, expectedGlobal);

    auto git = makeRepository();
    QVERIFY(git);
    if (!repoConfig.isEmpty()) {
        git->git({"config", "user.name", repoConfig.section('|', 0, 0)});
        git->git({"config", "user.email", repoConfig.section('|', 1)});
    }
    if (!globalConfig.isEmpty()) {
        QFile global(m_configDir.filePath(QStringLiteral(".gitconfig")));
        QVERIFY(global.open(QIODevice::WriteOnly));
        global.write("[user]\n\tname = " + globalConfig.section('|', 0, 0).toUtf8() + "\n");
        if (!globalConfig.section('|', 1).isEmpty())
            global.write("\temail = " + globalConfig.section('|', 1).toUtf8() + "\n");
    }
    if (!environment.isEmpty()) {
        qputenv("GIT_AUTHOR_NAME", environment.section('|', 0, 0).toUtf8());
        qputenv("GIT_AUTHOR_EMAIL", environment.section('|', 1).toUtf8());
    }
    auto repository = Repository::open(git->root());
    QVERIFY(repository);
    const Result<Signature> identity = repository->identity();
    const QString actual = identity ? identity->name + QLatin1Char('|') + identity->email
                                    : identity.error().message();
    QCOMPARE(actual, expected);
    const Signature global = Repository::globalIdentity();
    QCOMPARE(global.name + QLatin1Char('|') + global.email, expectedGlobal);
}

void TestGitRepository::branches()
{
    auto git = makeRepository();
    QVERIFY(git);
    auto repository = Repository::open(git->root());
    QVERIFY(repository);
    QCOMPARE(repository->currentBranch().value(), QStringLiteral("main"));
    QCOMPARE(repository->state(), Repository::State::Clean);
    QVERIFY(!repository->isHeadDetached());

    QVERIFY(!repository->branchExists(QStringLiteral("feature")));
    QVERIFY(repository->createBranch(QStringLiteral("feature")));
    QVERIFY(repository->branchExists(QStringLiteral("feature")));
    const Result<void> again = repository->createBranch(QStringLiteral("feature"));
    QVERIFY(!again);
    QCOMPARE(again.error().message(), QStringLiteral("branch `feature` already exists"));
    QVERIFY(!repository->createBranch(QStringLiteral("bad..name")));
    QVERIFY(!repository->createBranch(QStringLiteral("x"), QStringLiteral("no-such-rev")));

    QVERIFY(repository->switchBranch(QStringLiteral("feature")));
    QCOMPARE(repository->currentBranch().value(), QStringLiteral("feature"));
    QCOMPARE(git->git({"symbolic-ref", "--short", "HEAD"}), QStringLiteral("feature\n"));
    // The uncommitted changes came along untouched.
    QCOMPARE(git->git({"status", "--porcelain"}), QStringLiteral("M  s.txt\n M u.txt\n"));

    git->write(QStringLiteral("a.txt"), "on feature\n");
    const Result<QString> commit = repository->commitFiles({QStringLiteral("a.txt")},
                                                           QStringLiteral("feature work"), kAuthor);
    QVERIFY(commit);
    QCOMPARE(git->git({"rev-parse", "feature"}).trimmed(), *commit);
    QCOMPARE(repository->headCommit().value(), *commit);
    QVERIFY(repository->switchBranch(QStringLiteral("main")));
    QCOMPARE(read(QStringLiteral("a.txt")), QStringLiteral("alpha\n"));
    QVERIFY(!repository->switchBranch(QStringLiteral("nope")));

    QVERIFY(!git->git({"checkout", "-q", "--detach"}).isNull());
    QVERIFY(repository->isHeadDetached());
    QVERIFY(!repository->currentBranch());
}

void TestGitRepository::switchBranchKeepsLocalChanges()
{
    auto git = makeRepository();
    QVERIFY(git);
    auto repository = Repository::open(git->root());
    QVERIFY(repository);
    QVERIFY(repository->createBranch(QStringLiteral("feature")));
    QVERIFY(repository->switchBranch(QStringLiteral("feature")));
    git->write(QStringLiteral("u.txt"), "committed on feature\n");
    QVERIFY(repository->commitFiles({QStringLiteral("u.txt")}, QStringLiteral("u"), kAuthor));
    git->write(QStringLiteral("u.txt"), "local edit\n");

    const Result<void> switched = repository->switchBranch(QStringLiteral("main"));
    QVERIFY(!switched);
    QVERIFY2(switched.error().message().contains(QLatin1String("u.txt would be overwritten")),
             qPrintable(switched.error().message()));
    QCOMPARE(repository->currentBranch().value(), QStringLiteral("feature"));
    QCOMPARE(read(QStringLiteral("u.txt")), QStringLiteral("local edit\n"));
}

ENVDECK_TEST_MAIN_CORE(TestGitRepository)
