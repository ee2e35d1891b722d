// SPDX-License-Identifier: GPL-3.0-or-later
// Edit ▸ Preferences in the real main window on a generated demo repository, with a screenshot
// of every page (to /tmp/shots-settings, or ENVDECK_SCREENSHOT_DIR when set).

#include "tst_settingsdialog.h"

#include "MainWindow.h"
#include "settings/PipelinesPage.h"
#include "settings/SettingsDialog.h"

#include "demo/DemoRepository.h"

#include <QAction>
#include <QDir>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QtTest>

using namespace EnvDeck;
using namespace EnvDeck::Settings;

void tst_SettingsDialog::preferencesFromMainWindow()
{
    const QString demo = m_dir.filePath(QStringLiteral("infra"));
    Demo::Options options;
    options.commits = 20;
    options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
    auto made = Demo::generate(demo, options);
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));

    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    window.openRepository(demo);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, 60000);

    auto action = window.findChild<QAction *>(QStringLiteral("actionPreferences"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::Preferences));
    QCOMPARE(action->menuRole(), QAction::PreferencesRole);
    QMenu *edit = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->menu() && menu->text().remove(u'&') == QStringLiteral("Edit"))
            edit = menu->menu();
    }
    QVERIFY(edit);
    QVERIFY(edit->actions().contains(action));

    action->trigger();
    SettingsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<SettingsDialog *>(QStringLiteral("settingsDialog"))));
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->pageList()->count(), 4);
    QVERIFY(!dialog->pageList()->accessibleName().isEmpty());

    // The demo's catalogs are listed, read from its .envdeck.yaml.
    QListWidget *catalogs = dialog->pipelinesPage()->catalogList();
    QVERIFY(catalogs->count() > 0);
    QVERIFY(catalogs->item(0)->text() != QStringLiteral("No repository open"));

    QString directory = qEnvironmentVariable("ENVDECK_SCREENSHOT_DIR");
    if (directory.isEmpty())
        directory = QStringLiteral("/tmp/shots-settings");
    QDir().mkpath(directory);
    const QStringList names{QStringLiteral("general"), QStringLiteral("identity"),
                            QStringLiteral("accounts"), QStringLiteral("pipelines")};
    for (int page = 0; page < names.size(); ++page) {
        dialog->showPage(SettingsDialog::Page(page));
        QTest::qWait(100);
        const QString path = QDir(directory).filePath(names[page] + QStringLiteral(".png"));
        QVERIFY2(dialog->grab().save(path), qPrintable(path));
    }

    dialog->reject();
    QTRY_VERIFY(!window.findChild<SettingsDialog *>(QStringLiteral("settingsDialog")));
}
