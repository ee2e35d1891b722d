// SPDX-License-Identifier: GPL-3.0-or-later
// The real main window in German, as a user with the language setting "de" sees it: the
// translator is installed the way Application::run does it (QSettings "language", then the
// "envdeck" catalogue from :/i18n), the default locale is German, and the menus, actions, welcome
// page and repository tabs show the texts of translations/envdeck_de.ts. Every action in the menu
// bar is checked against the .ts sources, so a string that stays English is found by name.

#include "MainWindow.h"
#include "RepositoryPage.h"
#include "TestSupport.h"
#include "TsFile.h"

#include "demo/DemoRepository.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>

using namespace EnvDeck;

namespace {

constexpr int LoadTimeout = 60000;

// Every action of `menu` and of its submenus, depth first.
void collectActions(const QMenu *menu, QList<QAction *> &actions)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        actions.append(action);
        if (action->menu())
            collectActions(action->menu(), actions);
    }
}

} // namespace

class tst_GermanWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    // English source → its German translations, from translations/envdeck_de.ts.
    QMultiHash<QString, QString> m_german;

    // The same steps as Application's start-up: the language setting picks the locale, Qt's own
    // catalogue is optional, EnvDeck's must load from the resources.
    void installTranslators()
    {
        const QString language = QSettings().value(QStringLiteral("language")).toString();
        const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
        QCOMPARE(locale.language(), QLocale::German);

        auto *qtTranslator = new QTranslator(qApp);
        if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(qtTranslator);
        auto *translator = new QTranslator(qApp);
        QVERIFY2(translator->load(locale, QStringLiteral("envdeck"), QStringLiteral("_"),
                                  QStringLiteral(":/i18n")),
                 "no German catalogue under :/i18n (is envdeck_de.qm compiled into envdeck_ui?)");
        QVERIFY(QApplication::installTranslator(translator));
        QCOMPARE(translator->language(), QStringLiteral("de_DE"));
    }

    QList<QAction *> menuBarActions() const
    {
        QList<QAction *> actions;
        for (QAction *action : m_window->menuBar()->actions()) {
            actions.append(action);
            if (action->menu())
                collectActions(action->menu(), actions);
        }
        return actions;
    }

    // Texts of menu-bar actions that are an English source with a different German translation.
    QStringList englishActionTexts() const
    {
        QStringList english;
        for (QAction *action : menuBarActions()) {
            const QString text = action->text();
            const QList<QString> translations = m_german.values(text);
            if (!translations.isEmpty() && !translations.contains(text))
                english.append(QStringLiteral("%1 (%2)").arg(text, action->objectName()));
        }
        return english;
    }

    // The menu-bar menu that holds the action named `name`, directly or in a submenu.
    QMenu *menuHolding(const QString &name) const
    {
        for (QAction *top : m_window->menuBar()->actions()) {
            if (!top->menu())
                continue;
            QList<QAction *> actions;
            collectActions(top->menu(), actions);
            for (const QAction *action : actions) {
                if (action->objectName() == name)
                    return top->menu();
            }
        }
        return nullptr;
    }

    QLabel *labelWithText(const QString &text) const
    {
        for (QLabel *label : m_window->findChildren<QLabel *>()) {
            if (label->text() == text)
                return label;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto ts = TsFile::read(QStringLiteral(ENVDECK_TRANSLATIONS_DIR "/envdeck_de.ts"));
        QVERIFY2(ts, qPrintable(ts ? QString() : ts.error().toString()));
        for (const TsFile::Message &message : ts->messages) {
            if (!message.numerus && !message.translations.isEmpty())
                m_german.insert(message.source, message.translations.constFirst());
        }
        QVERIFY(m_german.size() > 100);

        QSettings().setValue(QStringLiteral("language"), QStringLiteral("de"));
        installTranslators();
        if (QTest::currentTestFailed())
            return;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));

        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QSettings().remove(QStringLiteral("language"));
        QLocale::setDefault(QLocale::c());
    }

    void windowUsesTheGermanLocale()
    {
        QCOMPARE(m_window->locale().language(), QLocale::German);
        QCOMPARE(m_window->findChild<QWidget *>(QStringLiteral("welcomePage"))->locale().language(),
                 QLocale::German);
    }

    // Each menu found by an action it holds, so that a new menu elsewhere changes nothing here.
    void menuTitles_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("german");
        QTest::newRow("File") << QStringLiteral("actionOpenRepository") << QStringLiteral("&Datei");
        QTest::newRow("Edit") << QStringLiteral("actionUndo") << QStringLiteral("&Bearbeiten");
        QTest::newRow("Git") << QStringLiteral("actionReviewCommit") << QStringLiteral("&Git");
        QTest::newRow("View") << QStringLiteral("actionShowEnvironments")
                              << QStringLiteral("&Ansicht");
        QTest::newRow("Help") << QStringLiteral("actionAbout") << QStringLiteral("&Hilfe");
    }

    void menuTitles()
    {
        QFETCH(QString, action);
        QFETCH(QString, german);
        const QMenu *menu = menuHolding(action);
        QVERIFY2(menu, qPrintable(QStringLiteral("no menu in the menu bar holds ") + action));
        QCOMPARE(menu->title(), german);
        QCOMPARE(menu->menuAction()->text(), german);
    }

    void actionTexts_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("german");
        const auto row = [](const char *name, const QString &german) {
            QTest::newRow(name) << QString::fromLatin1(name) << german;
        };
        row("actionOpenRepository", QStringLiteral("&Repository öffnen…"));
        row("actionOpenDemo", QStringLiteral("&Demo-Repository öffnen"));
        row("actionReload", QStringLiteral("&Neu laden"));
        row("actionCloseRepository", QStringLiteral("Repository &schließen"));
        row("actionQuit", QStringLiteral("&Beenden"));
        row("actionShowEnvironments", QStringLiteral("&Umgebungsbereich"));
        row("actionFilterEnvironments", QStringLiteral("Umgebungen &filtern"));
        row("actionReviewCommit", QStringLiteral("Durchsicht && &Commit…"));
        row("actionShowMergeRequests", QStringLiteral("&Merge-Request-Bereich"));
        row("actionRefreshMergeRequests", QStringLiteral("Merge Requests a&ktualisieren"));
        row("actionShowPendingChanges", QStringLiteral("&Ausstehende Änderungen"));
        row("actionAbout", QStringLiteral("&Über EnvDeck"));
        row("actionAboutQt", QStringLiteral("Über &Qt"));
        row("actionUndo", QStringLiteral("&Rückgängig"));
        row("actionRedo", QStringLiteral("&Wiederherstellen"));
        row("actionSaveVersions", QStringLiteral("&Versionen speichern"));
        row("actionLock", QStringLiteral("&Sperren…"));
        row("actionUnlock", QStringLiteral("&Entsperren…"));
        row("actionOpenVersionFile", QStringLiteral("&Datei an der Versionsstelle öffnen"));
    }

    void actionTexts()
    {
        QFETCH(QString, name);
        QFETCH(QString, german);
        const QList<QAction *> actions = m_window->findChildren<QAction *>(name);
        QVERIFY2(!actions.isEmpty(), qPrintable(QStringLiteral("no action ") + name));
        for (const QAction *action : actions)
            QCOMPARE(action->text(), german);
    }

    void recentMenuTitle()
    {
        const QMenu *file = menuHolding(QStringLiteral("actionOpenRepository"));
        QVERIFY(file);
        QStringList submenus;
        for (const QAction *action : file->actions()) {
            if (action->menu())
                submenus.append(action->text());
        }
        QCOMPARE(submenus, QStringList{QStringLiteral("&Zuletzt geöffnet")});
    }

    void welcomePage_data()
    {
        QTest::addColumn<QString>("name"); // a button's object name, or empty for a label
        QTest::addColumn<QString>("german");
        QTest::newRow("title") << QString() << QStringLiteral("Willkommen bei EnvDeck");
        QTest::newRow("description") << QString()
                                     << QStringLiteral("Umgebungen eines in Git verwalteten "
                                                       "Terraform-Repositorys einsehen, prüfen und "
                                                       "hochstufen.");
        QTest::newRow("open button")
            << QStringLiteral("welcomeOpenButton") << QStringLiteral("Repository öffnen…");
        QTest::newRow("demo button")
            << QStringLiteral("welcomeDemoButton") << QStringLiteral("Demo öffnen");
    }

    void welcomePage()
    {
        QFETCH(QString, name);
        QFETCH(QString, german);
        QWidget *welcome = m_window->findChild<QWidget *>(QStringLiteral("welcomePage"));
        QVERIFY(welcome);
        QVERIFY(welcome->isVisible());
        if (name.isEmpty()) {
            QLabel *label = labelWithText(german);
            QVERIFY2(label, qPrintable(QStringLiteral("no label \"%1\"").arg(german)));
            QVERIFY(welcome->isAncestorOf(label));
            QVERIFY(label->isVisible());
            return;
        }
        auto *button = welcome->findChild<QAbstractButton *>(name);
        QVERIFY(button);
        QCOMPARE(button->text(), german);
    }

    // Known English texts that must not show anywhere in the window.
    void noKnownEnglishText_data()
    {
        QTest::addColumn<QString>("english");
        for (const char *text : {"&File",
                                 "&Edit",
                                 "&View",
                                 "&Help",
                                 "&Open Repository…",
                                 "Open &Demo Repository",
                                 "Re&load",
                                 "&Close Repository",
                                 "&Quit",
                                 "&Environments Panel",
                                 "&Filter Environments",
                                 "Review && &Commit…",
                                 "&Merge Requests Panel",
                                 "&Pending Changes",
                                 "&Read-only Mode",
                                 "&About EnvDeck",
                                 "&Undo",
                                 "&Redo",
                                 "&Save Versions",
                                 "Open &Recent",
                                 "&Clear Recent",
                                 "&Preferences…",
                                 "&Keyboard Shortcuts…",
                                 "&Diagram",
                                 "&Timelines",
                                 "Welcome to EnvDeck",
                                 "Open Repository…",
                                 "Open Demo",
                                 "Recent repositories"})
            QTest::newRow(text) << QString::fromUtf8(text);
    }

    void noKnownEnglishText()
    {
        QFETCH(QString, english);
        QVERIFY(m_german.contains(english)); // the row names a string EnvDeck translates
        for (const QAction *action : m_window->findChildren<QAction *>()) {
            QVERIFY2(action->text() != english,
                     qPrintable(QStringLiteral("action %1 is English").arg(action->objectName())));
            if (action->menu())
                QVERIFY2(action->menu()->title() != english, "a menu title is English");
        }
        for (const QAbstractButton *button : m_window->findChildren<QAbstractButton *>())
            QVERIFY2(button->text() != english,
                     qPrintable(QStringLiteral("button %1 is English").arg(button->objectName())));
        QVERIFY2(!labelWithText(english), "a label is English");
    }

    // Every action the menu bar offers, against every source in envdeck_de.ts.
    void noMenuActionLeftEnglish()
    {
        QVERIFY(menuBarActions().size() >= 20);
        const QStringList english = englishActionTexts();
        QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("English in the menus: ")
                                               + english.join(QStringLiteral(", "))));
    }

    // The rest runs with a repository open (slots run in the order declared).
    void openDemoRepository()
    {
        const QString demo = m_dir.filePath(QStringLiteral("infra"));
        Demo::Options options;
        options.commits = 20;
        options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
        const auto made = Demo::generate(demo, options);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));
        QSignalSpy loaded(m_window.get(), &MainWindow::repositoryLoaded);
        m_window->openRepository(demo);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, LoadTimeout);
        auto *page = m_window->findChild<RepositoryPage *>();
        QVERIFY(page);
        QTRY_VERIFY(page->isVisible());
    }

    void repositoryTabs_data()
    {
        QTest::addColumn<int>("tab");
        QTest::addColumn<QString>("german");
        QTest::newRow("overview") << 0 << QStringLiteral("Übersicht");
        QTest::newRow("diagram") << 1 << QStringLiteral("Diagramm");
        QTest::newRow("terraform") << 2 << QStringLiteral("Terraform");
        QTest::newRow("versions") << 3 << QStringLiteral("Versionen");
        QTest::newRow("timelines") << 4 << QStringLiteral("Zeitachsen");
    }

    void repositoryTabs()
    {
        QFETCH(int, tab);
        QFETCH(QString, german);
        auto *page = m_window->findChild<RepositoryPage *>();
        QVERIFY(page && page->isVisible());
        QVERIFY(tab < page->tabs()->count());
        QCOMPARE(page->tabs()->tabText(tab), german);
    }

    // Actions change with a repository (the recent list, the merge action): all checked again.
    void noMenuActionLeftEnglishWithRepository()
    {
        QVERIFY(m_window->findChild<RepositoryPage *>()->isVisible());
        noMenuActionLeftEnglish();
    }
};

ENVDECK_TEST_MAIN_GUI(tst_GermanWindow)
#include "tst_germanwindow.moc"
