// SPDX-License-Identifier: GPL-3.0-or-later
// The real keychain: gnome-keyring's Secret Service on a private D-Bus session, started by
// scripts/with-keyring.sh (ctest runs this test through it). Without that session this test fails
// and says why: a keychain that was never reached proves nothing.
#include "credentials/TokenStore.h"

#include "TestSupport.h"

#include <QDirIterator>
#include <QProcess>

using namespace EnvDeck::Credentials;

// The error of a failed result, or nothing: Qt 6.4's QVERIFY2 evaluates its message even when the
// check passes, so the message must not call error() on a success.
template<typename T>
QString errorText(const EnvDeck::Result<T> &result)
{
    return result ? QString() : result.error().toString();
}

class TstKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void nothingReadable();

private:
    TokenJob *wait(TokenJob *job);

    TokenStore m_store;
    QStringList m_tokens;
};

void TstKeychain::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
        || qEnvironmentVariable("ENVDECK_PRIVATE_KEYRING") != "1")
        QFAIL("No private keyring: run this test through scripts/with-keyring.sh (ctest does)");
    for (const char *name : {"GITLAB_TOKEN", "GH_TOKEN", "GITHUB_TOKEN", "AZURE_DEVOPS_EXT_PAT"})
        qunsetenv(name);
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    // gnome-keyring answers in milliseconds; 5 s is the product's own limit.
    m_store.setKeychainTimeout(std::chrono::seconds(5));
}

TokenJob *TstKeychain::wait(TokenJob *job)
{
    if (!job->isFinished()) {
        QSignalSpy finished(job, &TokenJob::finished);
        if (!finished.wait(15000))
            qWarning("token job did not finish within 15 s");
    }
    return job;
}

void TstKeychain::roundTrip_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");

    QTest::newRow("gitlab") << "gitlab"
                            << "gitlab.example.test"
                            << "";
    QTest::newRow("github user") << "github"
                                 << "github.example.test"
                                 << "erin";
    QTest::newRow("azure-devops") << "azure-devops"
                                  << "dev.azure.example.test"
                                  << "";
    QTest::newRow("git port") << "git"
                              << "git.example.test:8443"
                              << "frank";
}

void TstKeychain::roundTrip()
{
    QFETCH(QString, service);
    QFETCH(QString, host);
    QFETCH(QString, user);
    const Account account{service, host, user};
    const QString first = "kc-" + service + "-first-" + QString::number(m_tokens.size());
    const QString second = "kc-" + service + "-second-" + QString::number(m_tokens.size());
    m_tokens << first << second;

    TokenJob *written = wait(m_store.write(account, first));
    QVERIFY(written->isFinished());
    QVERIFY2(written->result(), qPrintable(errorText(written->result())));
    QCOMPARE(written->result()->source, Source::Keychain);
    QVERIFY2(written->notes().isEmpty(), qPrintable(written->notes().join(" | ")));

    // Overwritten, then read back from the keychain itself.
    written = wait(m_store.write(account, second));
    QVERIFY(written->result());
    QCOMPARE(written->result()->source, Source::Keychain);
    TokenJob *read = wait(m_store.read(account));
    QVERIFY2(read->result(), qPrintable(errorText(read->result())));
    QCOMPARE(read->result()->source, Source::Keychain);
    QCOMPARE(read->result()->detail, account.key());
    QCOMPARE(read->result()->value, second);

    // A second store (the next start of EnvDeck) finds it too: it is not a session copy.
    TokenStore nextStart;
    const auto again = nextStart.readBlocking(account);
    QVERIFY2(again, qPrintable(errorText(again)));
    QCOMPARE(again->source, Source::Keychain);
    QCOMPARE(again->value, second);

    // secret-tool, another Secret Service client, sees the entry under EnvDeck's service name.
    QProcess lookup;
    lookup.start("secret-tool",
                 {"lookup", "server", TokenStore::keychainService(), "user", account.key()});
    QVERIFY(lookup.waitForFinished(10000));
    QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed(), second);

    TokenJob *removed = wait(m_store.remove(account));
    QVERIFY2(removed->result(), qPrintable(errorText(removed->result())));
    QVERIFY2(removed->notes().contains("removed from: system keychain"),
             qPrintable(removed->notes().join(" | ")));
    read = wait(m_store.read(account));
    QVERIFY(!read->result());
    QVERIFY2(read->notes().contains("keychain: no token stored"),
             qPrintable(read->notes().join(" | ")));

    for (TokenJob *job : m_store.findChildren<TokenJob *>())
        job->deleteLater();
}

void TstKeychain::nothingReadable()
{
    // The keyring lives in the throwaway HOME; it is encrypted, so no token is readable there.
    QVERIFY(!m_tokens.isEmpty());
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue; // sockets
        ++files;
        const QByteArray contents = file.readAll();
        for (const QString &value : std::as_const(m_tokens))
            QVERIFY2(!contents.contains(value.toUtf8()), qPrintable(file.fileName()));
    }
    QVERIFY2(files > 0, "the keyring wrote no file: was it really used?");
}

ENVDECK_TEST_MAIN_CORE(TstKeychain)

#include "tst_keychain.moc"
