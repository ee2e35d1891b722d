// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QWidget>
#include <QtTest>

// Saves `widget` as <ENVDECK_SCREENSHOT_DIR>/<name> when that variable is set (the README's
// screenshots are made this way).
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString directory = qEnvironmentVariable("ENVDECK_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return;
    QDir().mkpath(directory);
    // Let pending layout requests and repaints run first, as they would before a real paint.
    QTest::qWait(100);
    const QString path = QDir(directory).filePath(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo().noquote() << "Saved" << path;
}
