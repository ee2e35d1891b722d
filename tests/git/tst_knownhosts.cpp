// SPDX-License-Identifier: GPL-3.0-or-later
// known_hosts as OpenSSH writes it: keys made by ssh-keygen, hashed names made by `ssh-keygen -H`,
// checked by EnvDeck's reader (libgit2 1.5 leaves known_hosts to the application).

#include "TestSupport.h"
#include "git/KnownHosts.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace EnvDeck::Git;

Q_DECLARE_METATYPE(EnvDeck::Git::KnownHosts::Verdict)

class TestKnownHosts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_line[2]; // "ssh-ed25519 AAAA…" of two keys
    QByteArray m_blob[2];

    bool sshKeygen(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral("ssh-keygen"), arguments);
        return process.waitForFinished(30000) && process.exitCode() == 0;
    }

    QString writeKnownHosts(const QString &name, QByteArray text, bool hashed)
    {
        text.replace("@KEY0@", m_line[0]);
        text.replace("@KEY1@", m_line[1]);
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return {};
        file.close();
        if (hashed && !sshKeygen({QStringLiteral("-H"), QStringLiteral("-f"), path}))
            return {};
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (int i = 0; i < 2; ++i) {
            const QString key = m_dir.filePath(QStringLiteral("key%1").arg(i));
            QVERIFY(
                sshKeygen({QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                           QStringLiteral("-N"), QString(), QStringLiteral("-f"), key}));
            QFile pub(key + QStringLiteral(".pub"));
            QVERIFY(pub.open(QIODevice::ReadOnly));
            const QList<QByteArray> fields = pub.readAll().trimmed().split(' ');
            QVERIFY(fields.size() >= 2);
            m_line[i] = fields[0] + ' ' + fields[1];
            m_blob[i] = QByteArray::fromBase64(fields[1]);
            QVERIFY(m_blob[i].size() > 32);
        }
    }

    void check_data()
    {
        QTest::addColumn<QByteArray>("knownHosts");
        QTest::addColumn<bool>("hashed");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("key");
        QTest::addColumn<KnownHosts::Verdict>("verdict");
        QTest::addColumn<int>("line");

        using V = KnownHosts::Verdict;
        const QByteArray plain = "# team servers\ngit.example.io @KEY0@\n";
        QTest::newRow("listed") << plain << false << "git.example.io" << 22 << 0 << V::Known << 2;
        QTest::newRow("listed, other case")
            << plain << false << "GIT.example.io" << 22 << 0 << V::Known << 2;
        QTest::newRow("other key")
            << plain << false << "git.example.io" << 22 << 1 << V::Mismatch << 2;
        QTest::newRow("other host")
            << plain << false << "gitlab.example.io" << 22 << 0 << V::Unknown << 0;
        QTest::newRow("other port")
            << plain << false << "git.example.io" << 2222 << 0 << V::Unknown << 0;
        const QByteArray ported = "[git.example.io]:2222 @KEY0@\n";
        QTest::newRow("port") << ported << false << "git.example.io" << 2222 << 0 << V::Known << 1;
        QTest::newRow("port, asked on 22")
            << ported << false << "git.example.io" << 22 << 0 << V::Unknown << 0;
        QTest::newRow("hashed") << plain << true << "git.example.io" << 22 << 0 << V::Known << 2;
        QTest::newRow("hashed, other key")
            << plain << true << "git.example.io" << 22 << 1 << V::Mismatch << 2;
        QTest::newRow("hashed, other host")
            << plain << true << "evil.example.io" << 22 << 0 << V::Unknown << 0;
        QTest::newRow("hashed port")
            << ported << true << "git.example.io" << 2222 << 0 << V::Known << 1;
        const QByteArray list = "build.example.io,git.example.io,10.0.0.7 @KEY0@\n";
        QTest::newRow("list") << list << false << "10.0.0.7" << 22 << 0 << V::Known << 1;
        const QByteArray wildcard = "*.example.io,!evil.example.io @KEY0@\n";
        QTest::newRow("wildcard") << wildcard << false << "git.example.io" << 22 << 0 << V::Known
                                  << 1;
        QTest::newRow("wildcard is anchored")
            << wildcard << false << "git.example.io.attacker.net" << 22 << 0 << V::Unknown << 0;
        QTest::newRow("negated") << wildcard << false << "evil.example.io" << 22 << 0 << V::Unknown
                                 << 0;
        const QByteArray two = "git.example.io @KEY1@\ngit.example.io @KEY0@\n";
        QTest::newRow("second line holds the key")
            << two << false << "git.example.io" << 22 << 0 << V::Known << 2;
        const QByteArray revoked = "@revoked * @KEY0@\ngit.example.io @KEY0@\n";
        QTest::newRow("revoked") << revoked << false << "git.example.io" << 22 << 0 << V::Mismatch
                                 << 1;
        const QByteArray authority = "@cert-authority *.example.io @KEY0@\n";
        QTest::newRow("a CA is not a host key")
            << authority << false << "git.example.io" << 22 << 0 << V::Unknown << 0;
        QTest::newRow("other key type") << QByteArray("git.example.io ssh-rsa AAAAB3NzaC1yc2E=\n")
                                        << false << "git.example.io" << 22 << 0 << V::Unknown << 0;
        QTest::newRow("garbage lines") << QByteArray("junk\n\n   \ngit.example.io\n@KEY0@\n")
                                       << false << "git.example.io" << 22 << 0 << V::Unknown << 0;
    }
    void check()
    {
        QFETCH(QByteArray, knownHosts);
        QFETCH(bool, hashed);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(int, key);
        QFETCH(KnownHosts::Verdict, verdict);
        QFETCH(int, line);
        const QString path = writeKnownHosts(
            QStringLiteral("known_hosts_%1").arg(QTest::currentDataTag()), knownHosts, hashed);
        QVERIFY(!path.isEmpty());
        if (hashed) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("example.io"), "ssh-keygen -H hashed the names");
        }
        const KnownHosts::Check result
            = KnownHosts::check({m_dir.filePath(QStringLiteral("missing")), path}, host, port,
                                QStringLiteral("ssh-ed25519"), m_blob[key]);
        QCOMPARE(result.verdict, verdict);
        QCOMPARE(result.line, line);
        QCOMPARE(result.file, line > 0 ? path : QString());
    }

    void addedHostsAreKnownToSshToo()
    {
        const QString path = m_dir.filePath(QStringLiteral("new/.ssh/known_hosts"));
        QVERIFY(KnownHosts::add(path, QStringLiteral("git.example.io"), 2222,
                                QStringLiteral("ssh-ed25519"), m_blob[0])
                    .ok());
        QCOMPARE(KnownHosts::check({path}, QStringLiteral("git.example.io"), 2222,
                                   QStringLiteral("ssh-ed25519"), m_blob[0])
                     .verdict,
                 KnownHosts::Verdict::Known);
        // ssh's own reader finds the line.
        QProcess find;
        find.start(QStringLiteral("ssh-keygen"),
                   {QStringLiteral("-F"), QStringLiteral("[git.example.io]:2222"),
                    QStringLiteral("-f"), path});
        QVERIFY(find.waitForFinished(30000));
        QCOMPARE(find.exitCode(), 0);
        QVERIFY(find.readAllStandardOutput().contains(m_line[0].split(' ').at(1)));
        QCOMPARE(QFileInfo(QFileInfo(path).absolutePath()).permissions()
                     & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
    }
};

ENVDECK_TEST_MAIN_CORE(TestKnownHosts)
#include "tst_knownhosts.moc"
