// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs the real `envdeck` binary the way CI and users do: no display, no Qt platform plugin,
// HOME and the XDG folders in a test folder. The test's CMake target defines ENVDECK_BINARY.

#include <QProcess>
#include <QString>
#include <QStringList>

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QString err;

    QString outText() const { return QString::fromUtf8(out); }
};

inline CliRun runEnvdeck(const QStringList &arguments, const QString &home)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Headless means headless: with no display and no platform override a GUI start would abort.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(ENVDECK_BINARY), arguments);
    CliRun run;
    if (!process.waitForFinished(300000)) {
        process.kill();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
