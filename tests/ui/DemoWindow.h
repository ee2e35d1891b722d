// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The real main window on a generated demo repository, shown, active and with the version
// matrix loaded: what the keyboard and accessibility tests walk.

#include "MainWindow.h"
#include "RepositoryPage.h"
#include "VersionMatrixView.h"

#include "demo/DemoRepository.h"
#include "matrix/VersionWorkspace.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace EnvDeck::TestSupport {

// Generates the demo into `directory` and opens it in a new window; null after a QTest failure.
inline std::unique_ptr<MainWindow> openDemoWindow(const QString &directory)
{
    Demo::Options options;
    options.commits = 20;
    options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
    auto made = Demo::generate(directory, options);
    if (!made.ok()) {
        QTest::qFail(qPrintable(made.error().toString()), __FILE__, __LINE__);
        return nullptr;
    }
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 900);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get())) {
        QTest::qFail("the main window did not become active", __FILE__, __LINE__);
        return nullptr;
    }
    QSignalSpy loaded(window.get(), &MainWindow::repositoryLoaded);
    window->openRepository(directory);
    VersionMatrixView *matrix = window->findChild<RepositoryPage *>()->versionMatrix();
    if (!QTest::qWaitFor(
            [&] {
                return loaded.count() == 1 && !matrix->isLoading() && matrix->workspace()
                       && !matrix->workspace()->isEmpty();
            },
            60000)) {
        QTest::qFail("the demo repository did not load", __FILE__, __LINE__);
        return nullptr;
    }
    return window;
}

} // namespace EnvDeck::TestSupport
