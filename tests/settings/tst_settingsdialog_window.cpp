// SPDX-License-Identifier: GPL-3.0-or-later
// Edit ▸ Preferences in the real main window on a generated demo repository, with a screenshot
// of every page (to /tmp/shots-settings, or ENVDECK_SCREENSHOT_DIR when set).

#include "tst_settingsdialog.h"

#include "MainWindow.h"
#include "Theme.h"
#include "settings/AccountsPage.h"
#include "settings/GeneralPage.h"
#include "settings/IdentityPage.h"
#include "settings/PipelinesPage.h"
#include "settings/SettingsDialog.h"

#include "demo/DemoRepository.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
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

    // The states worth seeing: a refused email, an account with its token, the dark preview.
    dialog->showPage(SettingsDialog::Page::Identity);
    QTest::keyClicks(dialog->identityPage()->nameEdit(), QStringLiteral("Olga Override"));
    QTest::keyClicks(dialog->identityPage()->emailEdit(), QStringLiteral("olga.example.org"));
    QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(dialog->grab().save(QDir(directory).filePath(QStringLiteral("identity-invalid.png"))));
    dialog->identityPage()->emailEdit()->clear();

    dialog->showPage(SettingsDialog::Page::Accounts);
    AccountsPage *accounts = dialog->accountsPage();
    accounts->addAccount();
    QTest::keyClicks(accounts->userEdit(), QStringLiteral("olga"));
    QTest::keyClicks(accounts->tokenEdit(), QStringLiteral("glpat-screenshot"));
    accounts->saveTokenButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        accounts->tokenStatus()->text().startsWith(QStringLiteral("Token saved")), 20000);
    QVERIFY(dialog->grab().save(QDir(directory).filePath(QStringLiteral("accounts-token.png"))));
    accounts->removeTokenButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(accounts->tokenStatus()->text(), QStringLiteral("Token removed"),
                              20000);

    dialog->showPage(SettingsDialog::Page::General);
    QComboBox *theme = dialog->generalPage()->themeBox();
    theme->setCurrentIndex(2);
    emit theme->activated(2);
    QVERIFY(Theme::isDark(QApplication::palette()));
    QTest::qWait(100);
    QVERIFY(dialog->grab().save(QDir(directory).filePath(QStringLiteral("general-dark.png"))));

    dialog->reject();
    QVERIFY(!Theme::isDark(QApplication::palette()));
    QTRY_VERIFY(!window.findChild<SettingsDialog *>(QStringLiteral("settingsDialog")));
}
