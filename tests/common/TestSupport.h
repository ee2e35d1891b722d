// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/GitHandle.h"

#include <QStandardPaths>
#include <QtTest>

// Every test binary: libgit2 initialised, QStandardPaths in test mode (settings, logs and the demo
// repository go to ~/.qttest, never to the user's real folders).
#define ENVDECK_TEST_MAIN_IMPL(TestObject, AppType)                                                \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QStandardPaths::setTestModeEnabled(true);                                                  \
        EnvDeck::Git::LibGit2 libgit2;                                                             \
        AppType app(argc, argv);                                                                   \
        app.setOrganizationName(QStringLiteral("EnvDeckTests"));                                   \
        app.setApplicationName(QStringLiteral(#TestObject));                                       \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }

#define ENVDECK_TEST_MAIN_CORE(TestObject) ENVDECK_TEST_MAIN_IMPL(TestObject, QCoreApplication)
#define ENVDECK_TEST_MAIN_GUI(TestObject) ENVDECK_TEST_MAIN_IMPL(TestObject, QApplication)
