// SPDX-License-Identifier: GPL-3.0-or-later
// Repository's local operations, checked against the git command line on the same repositories.
#include "GitFixture.h"
#include "TestSupport.h"
#include "git/Repository.h"

#include <QTemporaryDir>

using namespace EnvDeck;
using namespace EnvDeck::Git;

class TestGitRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void commitFiles_data();
    void commitFiles();
    void commitFilesRefuses_data();
    void commitFilesRefuses();
    void identity_data();
    void identity();
    void branches();
    void switchBranchKeepsLocalChanges();
    void status();
    void diffWorkTree_data();
    void diffWorkTree();
    void diffCommitsAndStat_data();
    void diffCommitsAndStat();
    void rebaseBranchNotCheckedOut();
    void rebaseKeepsLocalEdits();

private:
    // A repository with a.txt, b.txt, dir/c.txt committed on main, u.txt modified (unstaged) and
    // s.txt modified and staged.
    std::unique_ptr<GitFixture> makeRepository();
    QString read(const QString &path) const;

    QTemporaryDir m_configDir; // stands in for $HOME and /etc so no real git config leaks in
    std::unique_ptr<QTemporaryDir> m_dir;
};

static const Signature kAuthor{QStringLiteral("Edith Editor"), QStringLiteral("edith@example.io"),
                               1767607200, 60};

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

    QTest::newRow("repository config") << "Repo Person|repo@example.io"
                                       << ""
                                       << ""
                                       << "Repo Person|repo@example.io";
    QTest::newRow("global config") << ""
                                   << "Global Person|global@example.io"
                                   << ""
                                   << "Global Person|global@example.io";
    QTest::newRow("repository wins over global") << "Repo Person|repo@example.io"
                                                 << "Global Person|global@example.io"
                                                 << ""
                                                 << "Repo Person|repo@example.io";
    QTest::newRow("environment wins") << "Repo Person|repo@example.io"
                                      << ""
                                      << "Env Person|env@example.io"
                                      << "Env Person|env@example.io";
    QTest::newRow("missing") << ""
                             << ""
                             << ""
                             << "no commit identity: set user.name and user.email";
    QTest::newRow("name only") << ""
                               << "Global Person|"
                               << ""
                               << "no commit identity: set user.name and user.email";
}

void TestGitRepository::identity()
{
    QFETCH(QString, repoConfig);
    QFETCH(QString, globalConfig);
    QFETCH(QString, environment);
    QFETCH(QString, expected);

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

void TestGitRepository::status()
{
    auto git = makeRepository();
    QVERIFY(git);
    git->write(QStringLiteral("new/n.txt"), "new\n");
    QVERIFY(QFile::remove(git->root() + QStringLiteral("/b.txt")));
    auto repository = Repository::open(git->root());
    QVERIFY(repository);
    const auto status = repository->status();
    QVERIFY(status);
    QStringList summary;
    for (const StatusEntry &entry : *status)
        summary << QStringLiteral("%1:%2%3%4%5%6")
                       .arg(entry.path)
                       .arg(entry.staged ? "S" : "")
                       .arg(entry.modified ? "M" : "")
                       .arg(entry.untracked ? "U" : "")
                       .arg(entry.deleted ? "D" : "")
                       .arg(entry.conflicted ? "C" : "");
    QCOMPARE(summary, (QStringList{"b.txt:D", "new/n.txt:U", "s.txt:S", "u.txt:M"}));
}

void TestGitRepository::diffWorkTree_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::newRow("everything") << QStringList{};
    QTest::newRow("one file") << QStringList{"a.txt"};
    QTest::newRow("staged and unstaged") << QStringList{"s.txt", "u.txt"};
    QTest::newRow("a folder") << QStringList{"dir"};
    QTest::newRow("a rename") << QStringList{"b.txt", "b-moved.txt"};
    QTest::newRow("one side of a rename") << QStringList{"b.txt"};
    QTest::newRow("no such path") << QStringList{"nothing/here"};
}

void TestGitRepository::diffWorkTree()
{
    QFETCH(QStringList, paths);
    auto git = makeRepository();
    QVERIFY(git);
    QByteArray longFile;
    for (int i = 1; i <= 40; ++i)
        longFile += "line " + QByteArray::number(i) + "\n";
    git->write(QStringLiteral("dir/c.txt"), longFile);
    git->write(QStringLiteral("a.txt"), "alpha\nand more\n");
    git->write(QStringLiteral("dir/new.txt"), "staged new file\n");
    git->git({"add", "dir/new.txt"});
    git->git({"mv", "b.txt", "b-moved.txt"});

    auto repository = Repository::open(git->root());
    QVERIFY(repository);
    const Result<QString> diff = repository->diffWorkTreeToHead(paths);
    QVERIFY(diff);
    QStringList arguments{"diff", "HEAD", "--"};
    QCOMPARE(*diff, git->git(arguments + paths));
    if (paths.isEmpty())
        QVERIFY(diff->contains(QLatin1String("+line 40")));
}

void TestGitRepository::diffCommitsAndStat_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::newRow("one commit") << "HEAD~1"
                                << "HEAD";
    QTest::newRow("two commits") << "HEAD~2"
                                 << "HEAD";
    QTest::newRow("backwards") << "HEAD"
                               << "HEAD~2";
    QTest::newRow("branch names") << "main"
                                  << "feature";
}

void TestGitRepository::diffCommitsAndStat()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    auto git = makeRepository();
    QVERIFY(git);
    git->git({"reset", "-q", "--hard"});
    git->git({"branch", "feature"});
    QByteArray text;
    for (int i = 1; i <= 30; ++i)
        text += "row " + QByteArray::number(i) + "\n";
    git->write(QStringLiteral("dir/c.txt"), text);
    git->write(QStringLiteral("bin.dat"), QByteArray("\0\1\2binary", 9));
    QVERIFY(git->commit(QStringLiteral("second")));
    text.replace("row 3\n", "row three\n").replace("row 25\n", "");
    git->write(QStringLiteral("dir/c.txt"), text);
    QFile::remove(git->root() + QStringLiteral("/b.txt"));
    QVERIFY(git->commit(QStringLiteral("third")));

    auto repository = Repository::open(git->root());
    QVERIFY(repository);
    const Result<QString> diff = repository->diffCommits(from, to);
    QVERIFY(diff);
    QCOMPARE(*diff, git->git({"diff", from, to}));

    const Result<DiffStat> stat = repository->diffStat(from, to);
    QVERIFY(stat);
    // `git diff --numstat`: "added<TAB>deleted<TAB>path", "-" for binary files.
    QString numstat;
    int insertions = 0;
    int deletions = 0;
    for (const FileDiffStat &file : stat->perFile) {
        numstat += file.binary ? QStringLiteral("-\t-\t%1\n").arg(file.path)
                               : QStringLiteral("%1\t%2\t%3\n")
                                     .arg(file.insertions)
                                     .arg(file.deletions)
                                     .arg(file.path);
        insertions += file.insertions;
        deletions += file.deletions;
    }
    QCOMPARE(numstat, git->git({"diff", "--numstat", from, to}));
    QCOMPARE(stat->files, int(stat->perFile.size()));
    QCOMPARE(stat->insertions, insertions);
    QCOMPARE(stat->deletions, deletions);
    QVERIFY(stat->files > 0);
    QVERIFY(!repository->diffCommits(QStringLiteral("nope"), to));
}

void TestGitRepository::rebaseBranchNotCheckedOut()
{
    auto git = makeRepository();
    QVERIFY(git);
    QVERIFY(!git->git({"checkout", "-q", "-b", "feature"}).isNull());
    git->write(QStringLiteral("f.txt"), "feature file\n");
    QVERIFY(!git->git({"add", "f.txt"}).isNull());
    QVERIFY(git->commit(QStringLiteral("feature one")));
    git->write(QStringLiteral("f.txt"), "feature file, twice\n");
    QVERIFY(!git->git({"add", "f.txt"}).isNull());
    QVERIFY(git->commit(QStringLiteral("feature two")));
    QVERIFY(!git->git({"checkout", "-q", "main"}).isNull());
    git->write(QStringLiteral("a.txt"), "main moved on\n");
    QVERIFY(!git->git({"add", "a.txt"}).isNull());
    QVERIFY(git->commit(QStringLiteral("main moves")));
    const QString main = git->head();
    const QString statusBefore = git->git({"status", "--porcelain"});

    auto repository = Repository::open(git->root());
    QVERIFY(repository);
    const Result<QString> rebased
        = repository->rebaseOnto(QStringLiteral("feature"), QStringLiteral("main"));
    QVERIFY2(rebased, qPrintable(rebased ? QString() : rebased.error().message()));
    QCOMPARE(git->git({"rev-parse", "feature"}).trimmed(), *rebased);
    QCOMPARE(git->git({"log", "--format=%s", "main..feature"}),
             QStringLiteral("feature two\nfeature one\n"));
    QCOMPARE(git->git({"rev-parse", "feature~2"}).trimmed(), main);
    QCOMPARE(git->git({"show", "feature:f.txt"}), QStringLiteral("feature file, twice\n"));
    QCOMPARE(git->git({"show", "feature:a.txt"}), QStringLiteral("main moved on\n"));
    // main is checked out: neither it nor the work tree moved.
    QCOMPARE(git->head(), main);
    QCOMPARE(git->git({"status", "--porcelain"}), statusBefore);
}

void TestGitRepository::rebaseKeepsLocalEdits()
{
    auto git = makeRepository();
    QVERIFY(git);
    QVERIFY(!git->git({"branch", "upstream"}).isNull());
    QVERIFY(!git->git({"checkout", "-q", "upstream"}).isNull());
    git->write(QStringLiteral("u.txt"), "upstream changed u\n");
    QVERIFY(!git->git({"add", "u.txt"}).isNull());
    QVERIFY(!git->git({"-c", "user.name=T", "-c", "user.email=t@example.io", "commit", "-q", "-m",
                       "upstream"})
                 .isNull());
    QVERIFY(!git->git({"checkout", "-q", "main"}).isNull());
    git->write(QStringLiteral("u.txt"), "unrelated, edited\n"); // the local edit is back
    git->write(QStringLiteral("a.txt"), "mine\n");
    auto repository = Repository::open(git->root());
    QVERIFY(repository);
    const Result<QString> mine
        = repository->commitFiles({QStringLiteral("a.txt")}, QStringLiteral("mine"), kAuthor);
    QVERIFY(mine);

    // Replaying works in memory, but checking out would overwrite the local edit of u.txt.
    const Result<QString> rebased
        = repository->rebaseOnto(QStringLiteral("main"), QStringLiteral("upstream"));
    QVERIFY(!rebased);
    QVERIFY2(rebased.error().message().contains(QLatin1String("nothing was changed")),
             qPrintable(rebased.error().message()));
    QCOMPARE(git->head(), *mine);
    QCOMPARE(read(QStringLiteral("u.txt")), QStringLiteral("unrelated, edited\n"));
}

ENVDECK_TEST_MAIN_CORE(TestGitRepository)
#include "tst_gitrepository.moc"
