// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_tokens.h"

#include "TestSupport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QProcess>

using namespace EnvDeck::Credentials;

namespace {

// Every message logged during the run, to prove no token reached a log line.
QMutex logMutex;
QStringList logged;
QtMessageHandler previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        logged.append(message);
    }
    previousHandler(type, context, message);
}

const QStringList allVariables
    = {"GITLAB_TOKEN", "GH_TOKEN", "GITHUB_TOKEN", "AZURE_DEVOPS_EXT_PAT"};

void clearVariables()
{
    for (const QString &name : allVariables)
        qunsetenv(name.toLatin1().constData());
}

} // namespace

void TstTokens::initTestCase()
{
    QVERIFY(m_root.isValid());
    m_home = m_root.filePath("home");
    QVERIFY(QDir().mkpath(m_home));
    qputenv("HOME", m_home.toUtf8());
    qunsetenv("XDG_CONFIG_HOME");
    qunsetenv("XDG_DATA_HOME");
    qputenv("XDG_RUNTIME_DIR", m_root.filePath("run").toUtf8());
    QVERIFY(QDir().mkpath(m_root.filePath("run")));
    // A bus address that leads nowhere: the keychain answers "not available" at once, every time.
    qputenv("DBUS_SESSION_BUS_ADDRESS", ("unix:path=" + m_root.filePath("no-bus")).toUtf8());
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    previousHandler = qInstallMessageHandler(recordMessage);
}

void TstTokens::init()
{
    clearVariables();
    QFile::remove(m_home + "/.gitconfig");
    m_store = std::make_unique<TokenStore>();
    m_store->setKeychainTimeout(std::chrono::seconds(1));
    m_store->setGitTimeout(std::chrono::seconds(5));
}

void TstTokens::cleanupTestCase()
{
    m_store.reset();
    clearVariables();
    qInstallMessageHandler(previousHandler);
}

QString TstTokens::token(const QString &name)
{
    const QString value = "tok-" + name + "-" + QString::number(m_tokens.size()) + "-x9Qz";
    m_tokens.append(value);
    return value;
}

void TstTokens::checkNoLeak(const TokenJob &job)
{
    const QString text
        = job.notes().join('\n') + (job.result() ? QString() : job.result().error().toString());
    for (const QString &value : std::as_const(m_tokens))
        QVERIFY2(!text.contains(value), qPrintable("token in notes or error: " + text));
}

void TstTokens::setGitCredentialStore(const QString &contents)
{
    // The credential file is the test's fixture: it lives outside HOME so that noTokenLeaks()
    // looks only at what EnvDeck wrote.
    const QString store = m_root.filePath("fixtures/git-credentials");
    QVERIFY(QDir().mkpath(QFileInfo(store).absolutePath()));
    QFile file(store);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(contents.toUtf8());
    file.close();
    QCOMPARE(QProcess::execute(
                 "git", {"config", "--global", "credential.helper", "store --file=" + store}),
             0);
}

void TstTokens::environment_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QStringList>("variables");  // set, in this order
    QTest::addColumn<QString>("expectedDetail"); // empty: no token expected

    QTest::newRow("gitlab") << "gitlab" << QStringList{"GITLAB_TOKEN"} << "GITLAB_TOKEN";
    QTest::newRow("github GH_TOKEN") << "github" << QStringList{"GH_TOKEN"} << "GH_TOKEN";
    QTest::newRow("github GITHUB_TOKEN")
        << "github" << QStringList{"GITHUB_TOKEN"} << "GITHUB_TOKEN";
    QTest::newRow("github GH_TOKEN wins")
        << "github" << QStringList{"GITHUB_TOKEN", "GH_TOKEN"} << "GH_TOKEN";
    QTest::newRow("azure-devops") << "azure-devops" << QStringList{"AZURE_DEVOPS_EXT_PAT"}
                                  << "AZURE_DEVOPS_EXT_PAT";
    QTest::newRow("gitlab ignores GitHub's")
        << "gitlab" << QStringList{"GH_TOKEN", "GITHUB_TOKEN"} << "";
    QTest::newRow("git has no variable") << "git" << QStringList{"GITLAB_TOKEN", "GH_TOKEN"} << "";
    QTest::newRow("azure-devops unset") << "azure-devops" << QStringList{} << "";
}

void TstTokens::environment()
{
    QFETCH(QString, service);
    QFETCH(QStringList, variables);
    QFETCH(QString, expectedDetail);

    QHash<QString, QString> values;
    for (const QString &name : variables) {
        values.insert(name, token(name));
        qputenv(name.toLatin1().constData(), values.value(name).toUtf8());
    }
    TokenJob *job = m_store->read({service, "forge.example.test", {}});
    QSignalSpy finished(job, &TokenJob::finished);
    QVERIFY(!job->isFinished()); // never before the caller could connect
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    checkNoLeak(*job);
    const QString notes = job->notes().join('\n');
    QVERIFY2(notes.contains("keychain not available"), qPrintable(notes));

    if (expectedDetail.isEmpty()) {
        QVERIFY(!job->result());
        const QString error = job->result().error().message();
        QVERIFY2(error.contains("forge.example.test"), qPrintable(error));
        QVERIFY2(error.contains("git credential fill"), qPrintable(error));
        for (const QString &name : environmentVariables(service))
            QVERIFY2(error.contains(name), qPrintable(error));
        return;
    }
    QVERIFY2(job->result(), qPrintable(errorText(job->result())));
    QCOMPARE(job->result()->source, Source::Environment);
    QCOMPARE(job->result()->detail, expectedDetail);
    QCOMPARE(job->result()->value, values.value(expectedDetail));
}

void TstTokens::gitCredential_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("found");

    QTest::newRow("stored host") << "git.example.test"
                                 << "" << true;
    QTest::newRow("stored host and user") << "git.example.test"
                                          << "alice" << true;
    QTest::newRow("other user") << "git.example.test"
                                << "bob" << false;
    QTest::newRow("other host") << "other.example.test"
                                << "" << false;
    QTest::newRow("port") << "git.example.test:8443"
                          << "" << false;
}

void TstTokens::gitCredential()
{
    QFETCH(QString, host);
    QFETCH(QString, user);
    QFETCH(bool, found);

    const QString stored = token("git");
    setGitCredentialStore("https://alice:" + stored + "@git.example.test\n");

    QStringList notes;
    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = m_store->readBlocking({"git", host, user}, &notes);
    QVERIFY2(elapsed.elapsed() < 4000, "git must not prompt");
    const QString text = notes.join('\n');
    QVERIFY(!text.contains(stored));
    if (!found) {
        QVERIFY(!result);
        QVERIFY(!result.error().message().contains(stored));
        QVERIFY2(text.contains("git credential fill: no credential for " + host), qPrintable(text));
        return;
    }
    QVERIFY2(result, qPrintable(errorText(result)));
    QCOMPARE(result->source, Source::GitCredential);
    QCOMPARE(result->value, stored);
    QCOMPARE(result->detail, "git credential fill");
}

void TstTokens::gitCredentialTimeout()
{
    // A helper that never answers (think of one waiting for a window nobody sees).
    QCOMPARE(QProcess::execute("git",
                               {"config", "--global", "credential.helper", "!f() { sleep 4; }; f"}),
             0);
    m_store->setGitTimeout(std::chrono::seconds(1));
    QStringList notes;
    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = m_store->readBlocking({"gitlab", "slow.example.test", {}}, &notes);
    QVERIFY(elapsed.elapsed() >= 900);
    QVERIFY2(elapsed.elapsed() < 3500, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(!result);
    QVERIFY2(notes.join('\n').contains("git credential fill did not answer within 1 s"),
             qPrintable(notes.join('\n')));
}

void TstTokens::memory()
{
    const Account account{"gitlab", "gitlab.example.test", {}};
    const QString value = token("memory");
    TokenJob *written = m_store->write(account, value, Persist::SessionOnly);
    QSignalSpy writeDone(written, &TokenJob::finished);
    QVERIFY(writeDone.wait(5000));
    QVERIFY(written->result());
    QCOMPARE(written->result()->source, Source::Memory);

    QStringList notes;
    auto read = m_store->readBlocking(account, &notes);
    QVERIFY2(read, qPrintable(errorText(read)));
    QCOMPARE(read->source, Source::Memory);
    QCOMPARE(read->value, value);
    // Another store (the next session) does not know it.
    TokenStore other;
    QVERIFY(!other.readBlocking(account));

    // Written "to the keychain" while there is none: kept for the session, and said so.
    const Account second{"github", "github.example.test", "carol"};
    const QString secondValue = token("fallback");
    TokenJob *fallback = m_store->write(second, secondValue);
    QSignalSpy fallbackDone(fallback, &TokenJob::finished);
    QVERIFY(fallbackDone.wait(5000));
    checkNoLeak(*fallback);
    QVERIFY(fallback->result());
    QCOMPARE(fallback->result()->source, Source::Memory);
    const QString fallbackNotes = fallback->notes().join('\n');
    QVERIFY2(fallbackNotes.contains("keychain not available"), qPrintable(fallbackNotes));
    QVERIFY2(fallbackNotes.contains("kept for this session only"), qPrintable(fallbackNotes));
    read = m_store->readBlocking(second);
    QVERIFY(read);
    QCOMPARE(read->value, secondValue);

    TokenJob *removed = m_store->remove(account);
    QSignalSpy removeDone(removed, &TokenJob::finished);
    QVERIFY(removeDone.wait(5000));
    QVERIFY2(removed->result(), qPrintable(errorText(removed->result())));
    QVERIFY2(removed->notes().join('\n').contains("removed from: this session only"),
             qPrintable(removed->notes().join('\n')));
    read = m_store->readBlocking(account, &notes);
    QVERIFY(!read);
    QVERIFY2(read.error().message().contains("Set GITLAB_TOKEN"),
             qPrintable(read.error().message()));
    QVERIFY2(notes.join('\n').contains("this session: no token entered"),
             qPrintable(notes.join('\n')));
}

void TstTokens::plainFile_data()
{
    QTest::addColumn<bool>("allowed");
    QTest::newRow("not opted in") << false;
    // Last, so that its file stays for noTokenLeaks().
    QTest::newRow("opted in") << true;
}

void TstTokens::plainFile()
{
    QFETCH(bool, allowed);
    const QString path = TokenStore::plainFilePath();
    QVERIFY2(path.startsWith(m_home), qPrintable(path));
    QFile::remove(path);

    const Account account{"azure-devops", "dev.azure.example.test", {}};
    const Account neighbour{"gitlab", "gitlab.example.test", "dave"};
    m_store->setPlainFileAllowed(allowed);
    const QString value = token("file");
    const QString neighbourValue = token("file-neighbour");
    TokenJob *job = m_store->write(account, value, Persist::PlainFile);
    QSignalSpy done(job, &TokenJob::finished);
    QVERIFY(done.wait(5000));
    checkNoLeak(*job);

    if (!allowed) {
        QVERIFY(!job->result());
        QVERIFY(job->result().error().message().contains("plain file is turned off"));
        QVERIFY(!QFile::exists(path));
        QStringList notes;
        QVERIFY(!m_store->readBlocking(account, &notes));
        QVERIFY(notes.contains("plain file: not allowed in the settings"));
        return;
    }
    m_plainFiles.append(path);
    QVERIFY2(job->result(), qPrintable(errorText(job->result())));
    QCOMPARE(job->result()->source, Source::File);
    QCOMPARE(job->result()->detail, path);
    QVERIFY(QFile::exists(path));
    const QFileDevice::Permissions loose = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                           | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                           | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFile::permissions(path) & loose, QFileDevice::Permissions());
    QVERIFY(QFile::permissions(path) & QFileDevice::ReadOwner);

    TokenJob *second = m_store->write(neighbour, neighbourValue, Persist::PlainFile);
    QSignalSpy secondDone(second, &TokenJob::finished);
    QVERIFY(secondDone.wait(5000));
    QVERIFY(second->result());
    QCOMPARE(QFile::permissions(path) & loose, QFileDevice::Permissions());

    auto read = m_store->readBlocking(account);
    QVERIFY2(read, qPrintable(errorText(read)));
    QCOMPARE(read->source, Source::File);
    QCOMPARE(read->value, value);

    // The opt-in withdrawn: the file is no longer read.
    m_store->setPlainFileAllowed(false);
    QStringList notes;
    QVERIFY(!m_store->readBlocking(account, &notes));
    QVERIFY(notes.contains("plain file: not allowed in the settings"));

    // remove() cleans the file even then; the neighbour's entry stays.
    TokenJob *removed = m_store->remove(account);
    QSignalSpy removeDone(removed, &TokenJob::finished);
    QVERIFY(removeDone.wait(5000));
    QVERIFY(removed->result());
    m_store->setPlainFileAllowed(true);
    QVERIFY(!m_store->readBlocking(account));
    read = m_store->readBlocking(neighbour);
    QVERIFY(read);
    QCOMPARE(read->value, neighbourValue);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(value.toUtf8()));
}

void TstTokens::invalidAccount_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown service") << "bitbucket"
                                     << "h.example.test"
                                     << ""
                                     << "Unknown token service";
    QTest::newRow("empty host") << "gitlab"
                                << ""
                                << ""
                                << "Invalid host name";
    QTest::newRow("newline in host") << "git"
                                     << "h.example.test\nhost=evil.test"
                                     << ""
                                     << "Invalid host name";
    QTest::newRow("attribute in host") << "git"
                                       << "h.example.test=x"
                                       << ""
                                       << "Invalid host name";
    QTest::newRow("newline in user") << "git"
                                     << "h.example.test"
                                     << "a\npassword=x"
                                     << "Invalid user name";
    QTest::newRow("ipv6 with port is fine") << "git"
                                            << "[::1]:8443"
                                            << ""
                                            << "";
}

void TstTokens::invalidAccount()
{
    QFETCH(QString, service);
    QFETCH(QString, host);
    QFETCH(QString, user);
    QFETCH(QString, message);

    const Account account{service, host, user};
    const auto valid = account.validate();
    QCOMPARE(valid.ok(), message.isEmpty());
    if (!message.isEmpty()) {
        QVERIFY2(valid.error().message().contains(message), qPrintable(valid.error().message()));
        const auto read = m_store->readBlocking(account);
        QVERIFY(!read);
        QVERIFY(read.error().message().contains(message));
    }
}

void TstTokens::noTokenLeaks()
{
    QVERIFY(m_tokens.size() > 10);
    // Every file under HOME (settings, caches, git config, the test-mode folders)...
    QDirIterator it(m_home, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    int files = 0;
    QStringList plainFilesSeen;
    while (it.hasNext()) {
        const QString path = it.next();
        ++files;
        if (m_plainFiles.contains(path)) {
            plainFilesSeen.append(path);
            continue;
        }
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray contents = file.readAll();
        for (const QString &value : std::as_const(m_tokens))
            QVERIFY2(!contents.contains(value.toUtf8()), qPrintable(path + " holds a token"));
    }
    // The walk did see the opted-in file, which does hold tokens.
    QVERIFY(files > 0);
    QVERIFY(!plainFilesSeen.isEmpty());
    // ...and every log line.
    QMutexLocker lock(&logMutex);
    QVERIFY(!logged.isEmpty()); // the "keychain not available" warning at least
    for (const QString &line : std::as_const(logged))
        for (const QString &value : std::as_const(m_tokens))
            QVERIFY2(!line.contains(value), "a log line holds a token");
}

ENVDECK_TEST_MAIN_CORE(TstTokens)
