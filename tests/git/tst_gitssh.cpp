// SPDX-License-Identifier: GPL-3.0-or-later
// Push over SSH against a real OpenSSH server on 127.0.0.1, with keys in a real ssh-agent:
// known_hosts honoured, an unknown host shown with its SHA-256 fingerprint (as `ssh-keygen -l`
// prints it) to accept or refuse, a changed host key refused without asking.

#include "GitFixture.h"
#include "TestSupport.h"
#include "git/KnownHosts.h"
#include "git/Repository.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace EnvDeck;
using namespace EnvDeck::Git;

class TestGitSsh : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_sshd;
    QProcess m_agent;
    quint16 m_port = 0;
    QString m_user;
    QString m_fingerprint; // "SHA256:…" of the server's host key
    QByteArray m_hostLine; // "ssh-ed25519 AAAA…" of the server's host key
    QByteArray m_otherLine;
    int m_pushes = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString url() const
    {
        return QStringLiteral("ssh://%1@127.0.0.1:%2%3")
            .arg(m_user)
            .arg(m_port)
            .arg(path(QStringLiteral("srv/infra.git")));
    }

    static QString run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            return {};
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        return out.isNull() ? QStringLiteral("") : out;
    }

    static bool listening(quint16 port)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (socket.waitForConnected(200))
                return true;
            QThread::msleep(50);
        }
        return false;
    }

    void writeKnownHosts(const QByteArray &keyLine)
    {
        QFile file(path(QStringLiteral("known_hosts")));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        if (!keyLine.isEmpty())
            file.write(KnownHosts::hostPattern(QStringLiteral("127.0.0.1"), m_port).toUtf8() + ' '
                       + keyLine + '\n');
    }

    // A new commit in the work repository, pushed to the SSH remote.
    Result<PushResult> pushNewCommit(const RemoteOptions &options, int *credentialCalls = nullptr)
    {
        const GitFixture work(path(QStringLiteral("work")));
        work.write(QStringLiteral("versions.yaml"),
                   "push: " + QByteArray::number(++m_pushes) + '\n');
        work.commit(QStringLiteral("Push %1").arg(m_pushes));
        auto repository = Repository::open(work.root());
        if (!repository)
            return repository.error();
        RemoteOptions withCount = options;
        withCount.credentials
            = [credentialCalls, user = m_user](const QString &, const QString &userFromUrl, bool,
                                               bool sshAllowed) -> std::optional<Credential> {
            if (credentialCalls)
                ++*credentialCalls;
            if (!sshAllowed)
                return std::nullopt;
            Credential credential;
            credential.kind = Credential::Kind::SshAgent;
            credential.username = userFromUrl.isEmpty() ? user : userFromUrl;
            return credential;
        };
        withCount.knownHostsFiles = {path(QStringLiteral("known_hosts"))};
        withCount.timeoutSeconds = 20;
        return repository->push(QStringLiteral("origin"), QStringLiteral("main"),
                                QStringLiteral("main"), withCount);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral("/usr/sbin/sshd")),
                 "sshd is missing: scripts/install-deps.sh installs openssh-server");
        m_user = run(QStringLiteral("id"), {QStringLiteral("-un")}).trimmed();
        QVERIFY(!m_user.isEmpty());
        for (const char *key : {"hostkey", "userkey", "otherkey"})
            QVERIFY(!run(QStringLiteral("ssh-keygen"),
                         {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                          QStringLiteral("-N"), QString(), QStringLiteral("-f"),
                          path(QLatin1String(key))})
                         .isNull());
        const auto publicLine = [this](const char *key) {
            QFile file(path(QLatin1String(key) + QStringLiteral(".pub")));
            file.open(QIODevice::ReadOnly);
            const QList<QByteArray> fields = file.readAll().trimmed().split(' ');
            return fields.size() >= 2 ? fields[0] + ' ' + fields[1] : QByteArray();
        };
        m_hostLine = publicLine("hostkey");
        m_otherLine = publicLine("otherkey");
        QVERIFY(!m_hostLine.isEmpty() && !m_otherLine.isEmpty());
        m_fingerprint = run(QStringLiteral("ssh-keygen"),
                            {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                             QStringLiteral("-f"), path(QStringLiteral("hostkey.pub"))})
                            .section(u' ', 1, 1);
        QVERIFY(m_fingerprint.startsWith(QStringLiteral("SHA256:")));
        QVERIFY(QFile::copy(path(QStringLiteral("userkey.pub")),
                            path(QStringLiteral("authorized_keys"))));

        // The server: a bare repository behind sshd on a free port, keys only.
        QVERIFY(!run(QStringLiteral("git"),
                     {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                      path(QStringLiteral("srv/infra.git"))})
                     .isNull());
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            m_port = probe.serverPort();
        }
        QFile config(path(QStringLiteral("sshd_config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\nPidFile %3\n"
                                    "AuthorizedKeysFile %4\nPermitRootLogin prohibit-password\n"
                                    "PasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                                    "UsePAM no\nStrictModes no\n")
                         .arg(m_port)
                         .arg(path(QStringLiteral("hostkey")), path(QStringLiteral("sshd.pid")),
                              path(QStringLiteral("authorized_keys")))
                         .toUtf8());
        config.close();
        QDir().mkpath(QStringLiteral("/run/sshd")); // sshd's privilege separation folder
        m_sshd.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_sshd.start(QStringLiteral("/usr/sbin/sshd"),
                     {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                      path(QStringLiteral("sshd_config"))});
        QVERIFY2(m_sshd.waitForStarted(10000) && listening(m_port),
                 "sshd does not listen (it needs to run as root)");

        // The user's agent, holding the user's key.
        const QString socket = path(QStringLiteral("agent.sock"));
        m_agent.start(QStringLiteral("ssh-agent"),
                      {QStringLiteral("-D"), QStringLiteral("-a"), socket});
        QVERIFY(m_agent.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), 10000);
        qputenv("SSH_AUTH_SOCK", socket.toUtf8());
        QVERIFY(
            !run(QStringLiteral("ssh-add"), {QStringLiteral("-q"), path(QStringLiteral("userkey"))})
                 .isNull());

        const GitFixture work(path(QStringLiteral("work")));
        QVERIFY(work.init());
        QVERIFY(!work.git({QStringLiteral("remote"), QStringLiteral("add"),
                           QStringLiteral("origin"), url()})
                     .isNull());
    }

    void cleanupTestCase()
    {
        for (QProcess *process : {&m_sshd, &m_agent}) {
            process->terminate();
            if (!process->waitForFinished(5000))
                process->kill();
        }
    }

    void knownHostPushesWithTheAgent()
    {
        writeKnownHosts(m_hostLine);
        int asked = 0;
        int credentialCalls = 0;
        RemoteOptions options;
        options.acceptHostKey = [&asked](const HostKey &) { return ++asked, false; };
        auto pushed = pushNewCommit(options, &credentialCalls);
        QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.error().toString()));
        QVERIFY(pushed->pushed);
        QCOMPARE(asked, 0);
        QCOMPARE(credentialCalls, 1);
        QCOMPARE(run(QStringLiteral("git"),
                     {QStringLiteral("--git-dir"), path(QStringLiteral("srv/infra.git")),
                      QStringLiteral("rev-parse"), QStringLiteral("main")}),
                 GitFixture(path(QStringLiteral("work"))).head() + u'\n');
    }

    void unknownHostIsShownWithItsFingerprint_data()
    {
        QTest::addColumn<bool>("accept");
        QTest::newRow("refused") << false;
        QTest::newRow("accepted") << true;
    }
    void unknownHostIsShownWithItsFingerprint()
    {
        QFETCH(bool, accept);
        writeKnownHosts({});
        QList<HostKey> shown;
        RemoteOptions options;
        options.acceptHostKey = [&shown, accept](const HostKey &key) {
            shown.append(key);
            return accept;
        };
        auto pushed = pushNewCommit(options);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().host, QStringLiteral("127.0.0.1"));
        QCOMPARE(shown.first().type, QStringLiteral("ssh-ed25519"));
        QCOMPARE(shown.first().sha256, m_fingerprint);
        const KnownHosts::Verdict listed
            = KnownHosts::check({path(QStringLiteral("known_hosts"))}, QStringLiteral("127.0.0.1"),
                                m_port, QStringLiteral("ssh-ed25519"),
                                QByteArray::fromBase64(m_hostLine.split(' ').at(1)))
                  .verdict;
        if (!accept) {
            QVERIFY(!pushed.ok());
            QVERIFY2(pushed.error().message().contains(QStringLiteral("was not accepted")),
                     qPrintable(pushed.error().message()));
            QCOMPARE(listed, KnownHosts::Verdict::Unknown);
            return;
        }
        QVERIFY2(pushed.ok() && pushed->pushed,
                 qPrintable(pushed.ok() ? pushed->rejectedReason : pushed.error().toString()));
        // Accepted once, known from now on: ssh finds it too, and EnvDeck does not ask again.
        QCOMPARE(listed, KnownHosts::Verdict::Known);
        QVERIFY(!run(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-F"), QStringLiteral("[127.0.0.1]:%1").arg(m_port),
                      QStringLiteral("-f"), path(QStringLiteral("known_hosts"))})
                     .isEmpty());
        auto again = pushNewCommit(options);
        QVERIFY(again.ok() && again->pushed);
        QCOMPARE(shown.size(), 1);
    }

    void changedHostKeyIsRefusedWithoutAsking()
    {
        writeKnownHosts(m_otherLine);
        int asked = 0;
        RemoteOptions options;
        options.acceptHostKey = [&asked](const HostKey &) { return ++asked, true; };
        const QString before
            = run(QStringLiteral("git"),
                  {QStringLiteral("--git-dir"), path(QStringLiteral("srv/infra.git")),
                   QStringLiteral("rev-parse"), QStringLiteral("main")});
        auto pushed = pushNewCommit(options);
        QVERIFY(!pushed.ok());
        QVERIFY2(pushed.error().message().contains(QStringLiteral("someone may be intercepting")),
                 qPrintable(pushed.error().message()));
        QVERIFY(pushed.error().message().contains(path(QStringLiteral("known_hosts"))
                                                  + QStringLiteral(":1")));
        QCOMPARE(asked, 0);
        QCOMPARE(run(QStringLiteral("git"),
                     {QStringLiteral("--git-dir"), path(QStringLiteral("srv/infra.git")),
                      QStringLiteral("rev-parse"), QStringLiteral("main")}),
                 before);
    }
};

ENVDECK_TEST_MAIN_CORE(TestGitSsh)
#include "tst_gitssh.moc"
