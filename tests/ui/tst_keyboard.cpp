// SPDX-License-Identifier: GPL-3.0-or-later
// Keyboard access in the real window on a generated demo repository: every action of the window
// is reachable from the menu bar and has a mnemonic or a shortcut, mnemonics are unique within
// each menu, shortcuts are unique in the window, and Help ▸ Keyboard Shortcuts (F1) lists exactly
// what the menus hold.

#include "DemoWindow.h"
#include "MainWindow.h"
#include "ReadOnlyMode.h"
#include "RecentMenu.h"
#include "RepositoryPage.h"
#include "ReviewCommitDialog.h"
#include "Screenshots.h"
#include "ShortcutsDialog.h"
#include "TestSupport.h"

#include <QAbstractItemModel>
#include <QAbstractScrollArea>
#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QSettings>
#include <QShortcut>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTreeView>
#include <QWidgetAction>

#include <array>

using namespace EnvDeck;

namespace {

QString describe(const QAction *action)
{
    const QObject *parent = action->parent();
    return QStringLiteral("'%1' (%2, parent %3 %4)")
        .arg(action->text(), action->objectName(),
             parent ? QString::fromLatin1(parent->metaObject()->className()) : QString(),
             parent ? parent->objectName() : QString());
}

void walkMenu(const QMenu *menu, QSet<const QAction *> *reached, QList<const QMenu *> *menus)
{
    menus->append(menu);
    for (QAction *action : menu->actions()) {
        reached->insert(action);
        if (action->menu())
            walkMenu(action->menu(), reached, menus);
    }
}

// Which of the window's QActions are EnvDeck's commands, and so must be in the menus:
// - separators are no commands;
// - a submenu's own action (action->menu()) is its title, checked with its menu's mnemonics;
// - a QWidgetAction only places a widget (a label, a combo box) into a tool bar;
// - "_q_" object names are Qt's own actions, such as the clear button QLineEdit adds with
//   setClearButtonEnabled();
// - every QToolBar makes a toggleViewAction() for the window's toolbar menu; the tool bars inside
//   pages (diagram, charts, merge requests) are never hidden, so those toggles are not commands;
// - the numbered paths of File ▸ Open Recent are data (&1 … &9, then plain paths), and its
//   disabled "No Recent Repositories" row is a placeholder; its Clear Recent is a command.
// Context menus EnvDeck or Qt build on a right click (line edits, the matrix, the diagram) live
// only while shown and are not children of the window here.
bool isCommand(const QAction *action)
{
    if (action->isSeparator() || action->menu() || qobject_cast<const QWidgetAction *>(action))
        return false;
    if (action->objectName().startsWith(u"_q_"))
        return false;
    if (auto toolBar = qobject_cast<const QToolBar *>(action->parent());
        toolBar && toolBar->toggleViewAction() == action)
        return false;
    if (qobject_cast<const RecentMenu *>(action->parent()) && action->objectName().isEmpty())
        return false;
    return true;
}

// The rows Help ▸ Keyboard Shortcuts must show, from the test's own walk of the menu bar.
void expectedRows(const QMenu *menu, const QString &path, QStringList *rows)
{
    for (QAction *action : menu->actions()) {
        // File ▸ Open Recent's repositories are places, not commands.
        if (action->isSeparator() || !action->isVisible()
            || action->property("envdeckListEntry").toBool())
            continue;
        QString text = action->text();
        text.replace(QStringLiteral("&&"), QStringLiteral("\x01")).remove(u'&');
        text.replace(u'\x01', u'&');
        if (action->menu()) {
            expectedRows(action->menu(), path + QStringLiteral(" ▸ ") + text, rows);
        } else if (!text.isEmpty()) {
            QStringList keys;
            for (const QKeySequence &key : action->shortcuts())
                keys << key.toString(QKeySequence::NativeText);
            *rows << path + u'|' + text + u'|' + keys.join(QStringLiteral(", "));
        }
    }
}

// The visible widget of `window` named `key` (object name, else accessible name); a tab widget
// stands for its tab bar, which is what takes the focus.
QWidget *widgetNamed(QWidget *window, const QString &key)
{
    QList<QWidget *> found;
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        // A scroll area's viewport has the name of its area, which is the one that takes focus.
        auto area = qobject_cast<QAbstractScrollArea *>(widget->parentWidget());
        if (area && area->viewport() == widget)
            continue;
        if (widget->isVisible()
            && (widget->objectName() == key
                || (widget->objectName().isEmpty() && widget->accessibleName() == key)))
            found << widget;
    }
    if (found.size() != 1) {
        qWarning("%lld visible widgets named %s", qlonglong(found.size()), qPrintable(key));
        return nullptr;
    }
    if (auto tabs = qobject_cast<QTabWidget *>(found.first()))
        return tabs->tabBar();
    return found.first();
}

QString nameOf(const QWidget *widget)
{
    if (!widget)
        return QStringLiteral("(none)");
    return QString::fromLatin1(widget->metaObject()->className()) + u' '
           + (widget->objectName().isEmpty() ? widget->accessibleName() : widget->objectName());
}

// Focuses `from` in the active `window`, presses Tab and checks the focus went to `to`.
bool tabFrom(QWidget *window, const QString &from, const QString &to)
{
    QWidget *first = widgetNamed(window, from);
    QWidget *second = widgetNamed(window, to);
    if (!first || !second)
        return false;
    first->setFocus(Qt::TabFocusReason);
    if (!QTest::qWaitFor([&] { return QApplication::focusWidget() == first; }, 2000)) {
        qWarning("cannot focus %s", qPrintable(nameOf(first)));
        return false;
    }
    QTest::keyClick(first, Qt::Key_Tab);
    if (QApplication::focusWidget() != second) {
        qWarning("Tab from %s went to %s, not %s", qPrintable(nameOf(first)),
                 qPrintable(nameOf(QApplication::focusWidget())), qPrintable(nameOf(second)));
        return false;
    }
    return true;
}

QStringList rowsOf(const QAbstractItemModel *model)
{
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        rows << model->index(row, 0).data().toString() + u'|'
                    + model->index(row, 1).data().toString() + u'|'
                    + model->index(row, 2).data().toString();
    }
    return rows;
}

} // namespace

class tst_Keyboard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    QList<QAction *> commands() const
    {
        QList<QAction *> result;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (isCommand(action))
                result << action;
        }
        return result;
    }

    QList<const QMenu *> menus(QSet<const QAction *> *reached = nullptr) const
    {
        QSet<const QAction *> all;
        QList<const QMenu *> result;
        for (QAction *action : m_window->menuBar()->actions()) {
            all.insert(action);
            if (action->menu())
                walkMenu(action->menu(), &all, &result);
        }
        if (reached)
            *reached = all;
        return result;
    }

    QStringList menuBarRows() const
    {
        QStringList rows;
        for (QAction *action : m_window->menuBar()->actions()) {
            if (action->menu() && action->isVisible())
                expectedRows(action->menu(), action->text().remove(u'&'), &rows);
        }
        return rows;
    }

    ShortcutsDialog *openShortcutsWithF1()
    {
        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get()))
            return nullptr;
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        auto dialog = m_window->findChild<ShortcutsDialog *>();
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings().remove(ReadOnlyMode::settingsKey());
        m_window = TestSupport::openDemoWindow(m_dir.filePath(QStringLiteral("infra")));
        QVERIFY(m_window);
    }

    void cleanupTestCase()
    {
        if (m_window) {
            m_window->readOnlyMode()->setOn(false);
            m_window->findChild<RepositoryPage *>()
                ->versionMatrix()
                ->workspace()
                ->lastValidation()
                .waitForFinished();
        }
        m_window.reset();
        QSettings().remove(ReadOnlyMode::settingsKey());
    }

    void init() { m_window->readOnlyMode()->setOn(false); }

    void everyActionIsInTheMenusWithAMnemonicOrShortcut()
    {
        QSet<const QAction *> reached;
        menus(&reached);
        QStringList notInMenus;
        QStringList noKey;
        const QList<QAction *> all = commands();
        QVERIFY(all.size() > 20);
        for (QAction *action : all) {
            if (!reached.contains(action))
                notInMenus << describe(action);
            if (QKeySequence::mnemonic(action->text()).isEmpty() && action->shortcut().isEmpty())
                noKey << describe(action);
        }
        QVERIFY2(notInMenus.isEmpty(), qPrintable(QStringLiteral("Not in the menu bar:\n  ")
                                                  + notInMenus.join(QStringLiteral("\n  "))));
        QVERIFY2(noKey.isEmpty(), qPrintable(QStringLiteral("Neither mnemonic nor shortcut:\n  ")
                                             + noKey.join(QStringLiteral("\n  "))));
    }

    void menuTitlesHaveMnemonics()
    {
        QStringList missing;
        for (const QMenu *menu : menus()) {
            if (QKeySequence::mnemonic(menu->title()).isEmpty())
                missing << menu->title();
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void mnemonicsAreUniqueInEachMenu()
    {
        QList<QList<QAction *>> groups{m_window->menuBar()->actions()};
        for (const QMenu *menu : menus())
            groups << menu->actions();
        QStringList clashes;
        for (const QList<QAction *> &group : std::as_const(groups)) {
            QHash<QKeySequence, QString> seen;
            for (const QAction *action : group) {
                const QKeySequence key = QKeySequence::mnemonic(action->text());
                if (action->isSeparator() || key.isEmpty())
                    continue;
                if (seen.contains(key))
                    clashes << seen.value(key) + QStringLiteral(" / ") + action->text();
                seen.insert(key, action->text());
            }
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("\n"))));
    }

    void shortcutsAreUniqueInTheWindow()
    {
        QHash<QKeySequence, QString> seen;
        QStringList clashes;
        for (const QAction *action : commands()) {
            for (const QKeySequence &key : action->shortcuts()) {
                if (seen.contains(key)) {
                    clashes << key.toString() + QStringLiteral(": ") + seen.value(key)
                                   + QStringLiteral(" / ") + describe(action);
                }
                seen.insert(key, describe(action));
            }
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("\n"))));
    }

    void noShortcutsOutsideActions()
    {
        QStringList found;
        for (const QShortcut *shortcut : m_window->findChildren<QShortcut *>())
            found << shortcut->key().toString() + QStringLiteral(" in ")
                         + QString::fromLatin1(shortcut->parent()->metaObject()->className());
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral(", "))));
    }

    void focusOrderOfTheRepositoryPage_data()
    {
        QTest::addColumn<QString>("tab");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        // Object names, or accessible names for widgets without one; a tab widget stands for
        // its tab bar.
        const std::array<std::array<const char *, 4>, 14> rows{{
            {"filter, list", "Versions", "environmentFilter", "environmentList"},
            {"list, tabs", "Versions", "environmentList", "viewTabs"},
            {"tabs, overview", "Overview", "viewTabs", "componentTable"},
            {"overview, filter", "Overview", "componentTable", "environmentFilter"},
            {"tabs, diagram", "Diagram", "viewTabs", "diagramCompare"},
            {"compare, diagram", "Diagram", "diagramCompare", "diagramView"},
            {"tabs, terraform", "Terraform", "viewTabs", "moduleTable"},
            {"terraform tables", "Terraform", "moduleTable", "helmReleaseTable"},
            {"tabs, matrix search", "Versions", "viewTabs", "matrixSearch"},
            {"filters, matrix", "Versions", "filterThirdParty", "versionMatrix"},
            {"matrix, problems", "Versions", "versionMatrix", "problemsView"},
            {"timeline filters, charts", "Timelines", "Component", "Charts"},
            {"charts, chart", "Timelines", "Charts", "Release timeline"},
            {"chart, table", "Timelines", "Release timeline", "Deployments"},
        }};
        for (const auto &row : rows) {
            QTest::newRow(row[0]) << QString::fromUtf8(row[1]) << QString::fromUtf8(row[2])
                                  << QString::fromUtf8(row[3]);
        }
    }

    void focusOrderOfTheRepositoryPage()
    {
        QFETCH(QString, tab);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QTabWidget *tabs = m_window->findChild<RepositoryPage *>()->tabs();
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i).remove(u'&') == tab)
                tabs->setCurrentIndex(i);
        }
        QCOMPARE(tabs->tabText(tabs->currentIndex()).remove(u'&'), tab);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QVERIFY(tabFrom(m_window.get(), from, to));
    }

    void focusOrderOfReviewAndCommit_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        // Top to bottom, the buttons last. The two radio buttons of "Commit on" are one stop
        // (arrows choose between them).
        const std::array<std::array<const char *, 3>, 9> rows{{
            {"changes, files", "versionChanges", "changedFiles"},
            {"files, diff", "changedFiles", "diffView"},
            {"diff, branch choice", "diffView", "currentBranch"},
            {"branch choice, name", "currentBranch", "branchName"},
            {"name, message", "branchName", "commitMessage"},
            {"message, push", "commitMessage", "pushToRemote"},
            {"push, merge request", "pushToRemote", "openMergeRequest"},
            {"merge request, commit", "openMergeRequest", "commitButton"},
            {"commit, cancel", "commitButton", "cancelButton"},
        }};
        for (const auto &row : rows)
            QTest::newRow(row[0]) << QString::fromUtf8(row[1]) << QString::fromUtf8(row[2]);
    }

    void focusOrderOfReviewAndCommit()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        ReviewProposal proposal;
        proposal.files
            = {{QStringLiteral("environments/staging/versions.yaml"), QStringLiteral("modified"),
                QStringLiteral("--- a\n+++ b\n@@ -1 +1 @@\n-api: 1.0\n+api: 1.1\n"), 1, 1}};
        proposal.changes = {{QStringLiteral("staging"),
                             QStringLiteral("api"),
                             QStringLiteral("1.0"),
                             QStringLiteral("1.1"),
                             {}}};
        proposal.currentBranch = QStringLiteral("main");
        proposal.suggestedBranch = QStringLiteral("envdeck/api-1.1");
        proposal.message = QStringLiteral("Update api to 1.1 in staging");
        proposal.providerName = QStringLiteral("GitLab");
        proposal.hasRemote = true;
        ReviewCommitDialog dialog(proposal);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QVERIFY(tabFrom(&dialog, from, to));
    }

    void shortcutsDialogListsTheMenus_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("editing") << false;
        QTest::newRow("read-only") << true;
    }

    void shortcutsDialogListsTheMenus()
    {
        QFETCH(bool, readOnly);
        m_window->readOnlyMode()->setOn(readOnly);
        const QStringList expected = menuBarRows();
        QVERIFY(expected.size() > 10);

        ShortcutsDialog *dialog = openShortcutsWithF1();
        QVERIFY(dialog);
        QCOMPARE(rowsOf(dialog->view()->model()), expected);
        // The recent repositories are places, not commands: only Clear Recent is listed.
        QVERIFY(!m_window->findChild<QMenu *>(QStringLiteral("recentMenu"))->actions().isEmpty());
        for (const QString &row : rowsOf(dialog->view()->model())) {
            if (row.startsWith(QStringLiteral("File ▸ Open Recent|")))
                QCOMPARE(row, QStringLiteral("File ▸ Open Recent|Clear Recent|"));
        }
        QTRY_COMPARE(QApplication::focusWidget(), dialog->filterEdit());
        // Editing actions hidden by read-only mode are not listed.
        const bool listsSave = std::any_of(expected.cbegin(), expected.cend(), [](const auto &row) {
            return row.contains(QStringLiteral("|Save Versions|"));
        });
        QCOMPARE(listsSave, !readOnly);
        if (!readOnly)
            saveScreenshot(dialog, QStringLiteral("keyboard-shortcuts.png"));

        QTest::keyClick(dialog->filterEdit(), Qt::Key_Escape);
        QTRY_VERIFY(!m_window->findChild<ShortcutsDialog *>());
        m_window->readOnlyMode()->setOn(false);
    }

    void filterNarrowsTheRows_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("zoom") << "zoom";
        QTest::newRow("export") << "EXPORT";
        QTest::newRow("menu path") << "Timeline";
        QTest::newRow("nothing") << "no such action";
    }

    void filterNarrowsTheRows()
    {
        QFETCH(QString, filter);
        const QStringList all = menuBarRows();
        const qsizetype expected = all.filter(filter, Qt::CaseInsensitive).size();
        QVERIFY(expected < all.size());

        ShortcutsDialog *dialog = openShortcutsWithF1();
        QVERIFY(dialog);
        QCOMPARE(dialog->visibleRowCount(), all.size());
        QTest::keyClicks(dialog->filterEdit(), filter);
        QCOMPARE(dialog->visibleRowCount(), expected);
        for (const QString &row : rowsOf(dialog->view()->model()))
            QVERIFY2(row.contains(filter, Qt::CaseInsensitive), qPrintable(row));
        dialog->close();
        QTRY_VERIFY(!m_window->findChild<ShortcutsDialog *>());
    }
};

ENVDECK_TEST_MAIN_GUI(tst_Keyboard)
#include "tst_keyboard.moc"
