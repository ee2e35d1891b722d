// SPDX-License-Identifier: GPL-3.0-or-later
// Edit ▸ Preferences in the real main window on a generated demo repository, with a screenshot
// of every page (when ENVDECK_SCREENSHOT_DIR is set).

#include "tst_settingsdialog.h"

#include "GitFixture.h"
#include "MainWindow.h"
#include "RepositoryPage.h"
#include "Screenshots.h"
#include "Theme.h"
#include "TimelineTab.h"
#include "settings/AccountsPage.h"
#include "settings/GeneralPage.h"
#include "settings/IdentityPage.h"
#include "settings/PipelinesPage.h"
#include "settings/SettingsDialog.h"
#include "timeline/TimelinePage.h"

#include "demo/DemoRepository.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

using namespace EnvDeck;
using namespace EnvDeck::Settings;

QString tst_SettingsDialog::demoRepository()
{
    const QString demo = m_dir.filePath(QStringLiteral("infra"));
    if (QFileInfo::exists(demo + QStringLiteral("/.envdeck.yaml")))
        return demo;
    Demo::Options options;
    options.commits = 20;
    options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
    auto made = Demo::generate(demo, options);
    if (!made) {
        qWarning().noquote() << made.error().toString();
        return {};
    }
    return demo;
}

void tst_SettingsDialog::forgeFallbackInTimeline_data()
{
    QTest::addColumn<QString>("fallback");
    QTest::newRow("none: the Timeline says how to name a provider") << "none";
    QTest::newRow("forge: the runs are asked of the repository's forge") << "forge";
}

void tst_SettingsDialog::forgeFallbackInTimeline()
{
    QFETCH(QString, fallback);

    const QString demo = demoRepository();
    QVERIFY(!demo.isEmpty());
    // A clone (not the generated demo, whose runs are invented) without `pipelines:`, whose
    // forge is a GitLab on a closed loopback port: asking it fails at once, and says so.
    const QString clone = m_dir.filePath(QStringLiteral("clone-") + fallback);
    GitFixture git(m_dir.path());
    QVERIFY(!git.git({QStringLiteral("clone"), QStringLiteral("-q"), demo, clone}).isNull());
    QFile config(clone + QStringLiteral("/.envdeck.yaml"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(config.readAll());
    config.close();
    const qsizetype at = text.indexOf(QStringLiteral("\npipelines:"));
    QVERIFY(at >= 0);
    text.remove(at, text.indexOf(u'\n', at + 1) - at);
    QVERIFY(!text.contains(QStringLiteral("pipelines:")));
    // The demo's forge is local (no pipelines): a GitLab in its place.
    const qsizetype forge = text.indexOf(QStringLiteral("\nforge:"));
    QVERIFY(forge >= 0);
    text.replace(forge, text.indexOf(u'\n', forge + 1) - forge,
                 QStringLiteral("\nforge: { provider: gitlab, url: \"http://127.0.0.1:9\", "
                                "project: ops/live }"));
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(text.toUtf8());
    config.close();
    QSettings().setValue(PipelinesPage::fallbackKey(), fallback);

    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    window.openRepository(clone);
    QVERIFY(loaded.wait(60000));
    RepositoryPage *page = window.findChild<RepositoryPage *>();
    TimelineTab *tab = page->timelineTab();
    QSignalSpy shown(tab, &TimelineTab::loaded);
    page->tabs()->setCurrentWidget(tab);
    QVERIFY(shown.wait(60000));
    const QString banner = tab->page()->banner()->text();
    const bool named = banner.contains(QStringLiteral("No pipeline runs: name the CI provider"));
    QVERIFY2(named == (fallback == u"none"), qPrintable(banner));
    if (fallback == u"forge")
        QVERIFY2(banner.contains(QStringLiteral("GitLab")), qPrintable(banner));
}

void tst_SettingsDialog::preferencesFromMainWindow()
{
    const QString demo = demoRepository();
    QVERIFY(!demo.isEmpty());

    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    window.openRepository(demo);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, 60000);

    auto action = window.findChild<QAction *>(QStringLiteral("actionPreferences"));
    QVERIFY(action);
    const QList<QKeySequence> platformKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    QCOMPARE(action->shortcut(), platformKeys.isEmpty() ? QKeySequence(Qt::CTRL | Qt::Key_Comma)
                                                        : platformKeys.first());
    QVERIFY(!action->shortcut().isEmpty());
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

    const QStringList names{QStringLiteral("general"), QStringLiteral("identity"),
                            QStringLiteral("accounts"), QStringLiteral("pipelines")};
    for (int page = 0; page < names.size(); ++page) {
        dialog->showPage(SettingsDialog::Page(page));
        saveScreenshot(dialog, QStringLiteral("settings-%1.png").arg(names[page]));
    }

    // The states worth seeing: a refused email, an account with its token, the dark preview.
    dialog->showPage(SettingsDialog::Page::Identity);
    QTest::keyClicks(dialog->identityPage()->nameEdit(), QStringLiteral("Olga Override"));
    QTest::keyClicks(dialog->identityPage()->emailEdit(), QStringLiteral("olga.example.org"));
    QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    saveScreenshot(dialog, QStringLiteral("settings-identity-invalid.png"));
    dialog->identityPage()->emailEdit()->clear();

    dialog->showPage(SettingsDialog::Page::Accounts);
    AccountsPage *accounts = dialog->accountsPage();
    accounts->addAccount();
    QTest::keyClicks(accounts->userEdit(), QStringLiteral("olga"));
    QTest::keyClicks(accounts->tokenEdit(), QStringLiteral("glpat-screenshot"));
    accounts->saveTokenButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        accounts->tokenStatus()->text().startsWith(QStringLiteral("Token saved")), 20000);
    saveScreenshot(dialog, QStringLiteral("settings-accounts-token.png"));
    accounts->removeTokenButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(accounts->tokenStatus()->text(), QStringLiteral("Token removed"),
                              20000);

    dialog->showPage(SettingsDialog::Page::General);
    QComboBox *theme = dialog->generalPage()->themeBox();
    theme->setCurrentIndex(2);
    emit theme->activated(2);
    QVERIFY(Theme::isDark(QApplication::palette()));
    saveScreenshot(dialog, QStringLiteral("settings-general-dark.png"));

    dialog->reject();
    QVERIFY(!Theme::isDark(QApplication::palette()));
    QTRY_VERIFY(!window.findChild<SettingsDialog *>(QStringLiteral("settingsDialog")));
}
