// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_gitrepository.h"

#include "git/Repository.h"

#include <QtTest>

using namespace EnvDeck;
using namespace EnvDeck::Git;

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
    // The index on either side, as `git diff --cached` and `git diff` show it.
    const Result<QString> staged = repository->diffIndexToHead(paths);
    QVERIFY(staged);
    QCOMPARE(*staged, git->git(QStringList{"diff", "--cached", "--"} + paths));
    const Result<QString> unstaged = repository->diffWorkTreeToIndex(paths);
    QVERIFY(unstaged);
    QCOMPARE(*unstaged, git->git(QStringList{"diff", "--"} + paths));
    if (paths.isEmpty() || paths.contains(QStringLiteral("s.txt"))) {
        // s.txt is staged and u.txt is not (see makeRepository): each diff has its own.
        QVERIFY(staged->contains(QLatin1String("s.txt")));
        QVERIFY(!staged->contains(QLatin1String("u.txt")));
    }
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
