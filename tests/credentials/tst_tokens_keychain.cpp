// SPDX-License-Identifier: GPL-3.0-or-later
// Keychains that are not there or never answer. The D-Bus session connection is made once per
// process, so each situation runs a fresh tokenprobe with its own environment.
#include "tst_tokens.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QtTest>

using namespace EnvDeck::Credentials;

QList<TstTokens::ProbeRead> TstTokens::runProbe(const QProcessEnvironment &environment,
                                                const QString &service, int keychainTimeoutMs,
                                                int reads, const QString &write)
{
    QList<ProbeRead> result;
    QProcess probe;
    probe.setProcessEnvironment(environment);
    probe.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QSignalSpy finished(&probe, &QProcess::finished);
    QStringList arguments{service, "forge.example.test", QString::number(keychainTimeoutMs),
                          QString::number(reads)};
    if (!write.isEmpty())
        arguments.append(write);
    probe.start(ENVDECK_TOKEN_PROBE, arguments);
    // Waiting with the event loop running, so a server in this process keeps accepting.
    if (!finished.wait(30000)) {
        probe.kill();
        probe.waitForFinished();
        qWarning("tokenprobe did not finish within 30 s");
        return result;
    }
    const QString output = QString::fromUtf8(probe.readAllStandardOutput());
    for (const QString &line : output.split('\n', Qt::SkipEmptyParts)) {
        if (line.startsWith("read ") || line.startsWith("write ")) {
            result.append(ProbeRead{});
            result.last().ms = line.section("ms=", 1).toLongLong();
        } else if (result.isEmpty()) {
            continue;
        } else if (line.startsWith("source=")) {
            result.last().source = line.mid(7);
        } else if (line.startsWith("value=")) {
            result.last().value = line.mid(6);
        } else if (line.startsWith("error=")) {
            result.last().error = line.mid(6);
        } else if (line.startsWith("note=")) {
            result.last().notes.append(line.mid(5));
        }
    }
    return result;
}

namespace {

QProcessEnvironment probeEnvironment(const QString &home, const QString &token)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("HOME", home);
    environment.insert("GIT_CONFIG_NOSYSTEM", "1");
    environment.insert("GITLAB_TOKEN", token);
    environment.remove("XDG_CONFIG_HOME");
    environment.remove("XDG_DATA_HOME");
    return environment;
}

} // namespace

void TstTokens::keychainUnavailable_data()
{
    QTest::addColumn<QString>("busAddress"); // "-": unset
    QTest::addColumn<QString>("expectedNote");

    QTest::newRow("no D-Bus session") << "-"
                                      << "keychain not available: no D-Bus session";
    QTest::newRow("dead socket") << "unix:path=" + m_root.filePath("dead-bus")
                                 << "keychain not available: Could not connect";
    QTest::newRow("garbage address") << "no-such-transport:x=1"
                                     << "keychain not available:";
}

void TstTokens::keychainUnavailable()
{
    QFETCH(QString, busAddress);
    QFETCH(QString, expectedNote);

    const QString value = token("probe");
    QProcessEnvironment environment = probeEnvironment(m_home, value);
    const QString runtime = m_root.filePath("empty-runtime"); // no "bus" in it
    QVERIFY(QDir().mkpath(runtime));
    environment.insert("XDG_RUNTIME_DIR", runtime);
    environment.remove("DISPLAY"); // no bus autolaunch through X11
    if (busAddress == "-")
        environment.remove("DBUS_SESSION_BUS_ADDRESS");
    else
        environment.insert("DBUS_SESSION_BUS_ADDRESS", busAddress);

    const QList<ProbeRead> reads = runProbe(environment, "gitlab", 5000, 2);
    QCOMPARE(reads.size(), 2);
    for (const ProbeRead &read : reads) {
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.source, QString::number(int(Source::Environment)));
        QCOMPARE(read.value, value);
        QVERIFY2(read.ms < 2000, qPrintable(QString::number(read.ms)));
        QVERIFY2(read.notes.size() == 1 && read.notes.first().startsWith(expectedNote),
                 qPrintable(read.notes.join(" | ")));
    }
}

void TstTokens::keychainSilent()
{
    // A bus that accepts the connection and then never says a word: what a session bus whose
    // secret service waits for an unlock prompt looks like from here.
    QLocalServer server;
    const QString socketPath = m_root.filePath("silent-bus");
    QVERIFY(server.listen(socketPath));
    QList<QLocalSocket *> accepted;
    connect(&server, &QLocalServer::newConnection, &server, [&] {
        while (QLocalSocket *socket = server.nextPendingConnection())
            accepted.append(socket); // read nothing, answer nothing
    });

    const QString value = token("silent");
    QProcessEnvironment environment = probeEnvironment(m_home, value);
    environment.insert("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + socketPath);

    QElapsedTimer elapsed;
    elapsed.start();
    const QList<ProbeRead> reads = runProbe(environment, "gitlab", 1000, 3);
    QCOMPARE(reads.size(), 3);
    QVERIFY2(!accepted.isEmpty(), "the keychain never tried the bus");

    // The first read waits for the timeout, says so, and the fallback answers.
    QVERIFY2(reads[0].error.isEmpty(), qPrintable(reads[0].error));
    QCOMPARE(reads[0].source, QString::number(int(Source::Environment)));
    QCOMPARE(reads[0].value, value);
    QVERIFY2(reads[0].ms >= 900 && reads[0].ms < 3000, qPrintable(QString::number(reads[0].ms)));
    QVERIFY2(reads[0].notes.contains("keychain did not answer within 1 s"),
             qPrintable(reads[0].notes.join(" | ")));
    // Later reads do not queue behind the unanswered call: they skip the keychain at once.
    for (int i = 1; i < reads.size(); ++i) {
        QCOMPARE(reads[i].value, value);
        QVERIFY2(reads[i].ms < 500, qPrintable(QString::number(reads[i].ms)));
        QVERIFY2(reads[i].notes.size() == 1
                     && reads[i].notes.first().startsWith("keychain skipped:"),
                 qPrintable(reads[i].notes.join(" | ")));
    }
    qDeleteAll(accepted);
}

void TstTokens::keychainSilentWrite()
{
    // Saving a token while the keychain does not answer: it is kept for the session and said so,
    // and the next read finds it there without waiting for the keychain again.
    QLocalServer server;
    const QString socketPath = m_root.filePath("silent-bus-write");
    QVERIFY(server.listen(socketPath));
    QList<QLocalSocket *> accepted;
    connect(&server, &QLocalServer::newConnection, &server, [&] {
        while (QLocalSocket *socket = server.nextPendingConnection())
            accepted.append(socket);
    });

    const QString value = token("silent-write");
    QProcessEnvironment environment = probeEnvironment(m_home, QString());
    environment.remove("GITLAB_TOKEN");
    environment.insert("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + socketPath);

    const QList<ProbeRead> steps = runProbe(environment, "gitlab", 1000, 1, value);
    QCOMPARE(steps.size(), 2);
    const ProbeRead &written = steps[0];
    QVERIFY2(written.error.isEmpty(), qPrintable(written.error));
    QCOMPARE(written.source, QString::number(int(Source::Memory)));
    QVERIFY2(written.ms >= 900 && written.ms < 3000, qPrintable(QString::number(written.ms)));
    QCOMPARE(written.notes,
             QStringList({"keychain did not answer within 1 s", "kept for this session only"}));

    const ProbeRead &read = steps[1];
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.source, QString::number(int(Source::Memory)));
    QCOMPARE(read.value, value);
    QVERIFY2(read.ms < 2000, qPrintable(QString::number(read.ms)));
    QVERIFY2(read.notes.first().startsWith("keychain skipped:"),
             qPrintable(read.notes.join(" | ")));
    QVERIFY2(read.notes.contains("environment: GITLAB_TOKEN not set"),
             qPrintable(read.notes.join(" | ")));
    qDeleteAll(accepted);
}
