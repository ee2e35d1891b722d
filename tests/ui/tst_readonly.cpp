// SPDX-License-Identifier: GPL-3.0-or-later
// Read-only mode in the real window on a generated demo repository, as QA uses it: the editing
// actions and buttons are hidden (and their shortcuts inert), the version matrix opens no
// editor and writes nothing, viewing stays, approvals stay, and `envdeck --read-only` forces
// the mode for the session.

#include "Application.h"
#include "DemoPicks.h"
#include "MainWindow.h"
#include "ReadOnlyMode.h"
#include "RepositoryPage.h"
#include "Screenshots.h"
#include "TestSupport.h"
#include "VersionMatrixView.h"

#include "demo/DemoRepository.h"
#include "diagram/DiagramEditor.h"
#include "diagram/DiagramPage.h"
#include "diagram/DiagramView.h"
#include "diagram/PendingChangesPanel.h"
#include "matrix/VersionMatrixModel.h"
#include "matrix/VersionWorkspace.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QUndoStack>

using namespace EnvDeck;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The menu bar's menu titled `title` (mnemonic ignored), or null.
QMenu *menuNamed(QMainWindow *window, const QString &title)
{
    for (QAction *action : window->menuBar()->actions()) {
        if (action->menu() && action->text().remove(u'&') == title)
            return action->menu();
    }
    return nullptr;
}

} // namespace

class tst_ReadOnly : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    std::unique_ptr<MainWindow> m_window;

    RepositoryPage *page() const { return m_window->findChild<RepositoryPage *>(); }
    VersionMatrixView *matrix() const { return page()->versionMatrix(); }
    ReadOnlyMode *mode() const { return m_window->readOnlyMode(); }

    // An action of the window by object name, or one of the diagram's viewing actions, which
    // have no object name.
    QAction *action(const QString &name) const
    {
        Diagram::DiagramPage *diagram = page()->diagramPage();
        if (name == u"diagramExportPng")
            return diagram->exportPngAction();
        if (name == u"diagramExportSvg")
            return diagram->exportSvgAction();
        if (name == u"diagramFind")
            return diagram->searchAction();
        if (name == u"diagramFit")
            return diagram->view()->fitAction();
        return m_window->findChild<QAction *>(name);
    }

    // A cell of staging whose version lives in its versions.yaml, with the file it is read from.
    QModelIndex versionsFileCell(QString *file) const
    {
        const QString environment = QStringLiteral("staging");
        const DemoPick pick = newerTaggedVersion(m_demo, environment);
        if (!pick.isValid())
            return {};
        const QModelIndex source = matrix()->model()->indexOf(pick.component, environment);
        if (!source.isValid() || source.data(VersionMatrixModel::TerraformRole).toBool())
            return {};
        const QString location = source.data(VersionMatrixModel::LocationRole).toString();
        *file = QDir(m_demo).filePath(location.section(u':', 0, 0));
        matrix()->selectCell(environment, pick.component);
        return matrix()->table()->currentIndex();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings().remove(ReadOnlyMode::settingsKey());
        m_demo = m_dir.filePath(QStringLiteral("infra"));
        Demo::Options options;
        options.commits = 20;
        options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
        auto made = Demo::generate(m_demo, options);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));

        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 900);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QSignalSpy loaded(m_window.get(), &MainWindow::repositoryLoaded);
        m_window->openRepository(m_demo);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!matrix()->isLoading() && !matrix()->workspace()->isEmpty(),
                                 60000);
        QVERIFY(page()->selectEnvironment(QStringLiteral("staging")));
        matrix()->setWarning([](const QString &title, const QString &text) {
            QFAIL(qPrintable(title + QStringLiteral(": ") + text));
        });
    }

    void init()
    {
        mode()->setOn(false);
        QVERIFY(!mode()->isOn());
    }

    void cleanupTestCase()
    {
        if (m_window)
            matrix()->workspace()->lastValidation().waitForFinished();
        m_window.reset();
        QSettings().remove(ReadOnlyMode::settingsKey());
    }

    void actionsFollowTheMode_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("editing"); // hidden in read-only mode

        QTest::newRow("undo") << "actionUndo" << true;
        QTest::newRow("redo") << "actionRedo" << true;
        QTest::newRow("save versions") << "actionSaveVersions" << true;
        QTest::newRow("lock") << "actionLock" << true;
        QTest::newRow("unlock") << "actionUnlock" << true;
        QTest::newRow("diagram add module") << "actionAddModule" << true;
        QTest::newRow("diagram remove module") << "actionRemoveModule" << true;
        QTest::newRow("diagram change source") << "actionChangeSource" << true;
        QTest::newRow("diagram change version") << "actionChangeVersion" << true;
        QTest::newRow("diagram connect input") << "actionConnectInput" << true;
        QTest::newRow("diagram rename") << "actionRenameModule" << true;
        QTest::newRow("review and commit") << "actionReviewCommit" << true;
        QTest::newRow("merge a merge request") << "actionMergeRequest" << true;

        QTest::newRow("open file at version") << "actionOpenVersionFile" << false;
        QTest::newRow("reload") << "actionReload" << false;
        QTest::newRow("filter environments") << "actionFilterEnvironments" << false;
        QTest::newRow("pending changes panel") << "actionShowPendingChanges" << false;
        QTest::newRow("merge requests panel") << "actionShowMergeRequests" << false;
        QTest::newRow("refresh merge requests") << "actionRefreshMergeRequests" << false;
        QTest::newRow("diagram export PNG") << "diagramExportPng" << false;
        QTest::newRow("diagram export SVG") << "diagramExportSvg" << false;
        QTest::newRow("diagram find") << "diagramFind" << false;
        QTest::newRow("diagram fit") << "diagramFit" << false;
        QTest::newRow("read-only toggle") << "actionReadOnlyMode" << false;
    }

    void actionsFollowTheMode()
    {
        QFETCH(QString, name);
        QFETCH(bool, editing);
        QAction *found = action(name);
        QVERIFY2(found, qPrintable(name));
        QVERIFY(found->isVisible());

        mode()->setOn(true);
        QCOMPARE(found->isVisible(), !editing);
        QCOMPARE(mode()->editingActions().contains(found), editing);

        mode()->setOn(false);
        QVERIFY(found->isVisible());
    }

    void toggleActionSwitchesAndRemembers()
    {
        QAction *toggle = action(QStringLiteral("actionReadOnlyMode"));
        QVERIFY(toggle->isCheckable() && toggle->isEnabled());
        QVERIFY(menuNamed(m_window.get(), QStringLiteral("View"))->actions().contains(toggle));
        auto label = m_window->findChild<QLabel *>(QStringLiteral("statusReadOnly"));
        QVERIFY(label);
        QVERIFY(!label->isVisibleTo(m_window.get()));

        QSignalSpy changed(mode(), &ReadOnlyMode::changed);
        toggle->trigger();
        QVERIFY(mode()->isOn());
        QCOMPARE(changed.count(), 1);
        QVERIFY(toggle->isChecked());
        QVERIFY(label->isVisibleTo(m_window.get()));
        QCOMPARE(label->text(), QStringLiteral("Read-only"));
        QCOMPARE(QSettings().value(ReadOnlyMode::settingsKey()).toBool(), true);
        // The next start reads the setting.
        QVERIFY(ReadOnlyMode().isOn());

        toggle->trigger();
        QVERIFY(!mode()->isOn());
        QCOMPARE(changed.count(), 2);
        QVERIFY(!label->isVisibleTo(m_window.get()));
        QCOMPARE(QSettings().value(ReadOnlyMode::settingsKey()).toBool(), false);
        QVERIFY(!ReadOnlyMode().isOn());
    }

    void pendingChangesButtonsHidden()
    {
        PendingChangesPanel *panel = m_window->pendingChangesPanel();
        QVERIFY(!panel->reviewButton()->isHidden());
        QVERIFY(!panel->discardButton()->isHidden());
        mode()->setOn(true);
        QVERIFY(panel->reviewButton()->isHidden());
        QVERIFY(panel->discardButton()->isHidden());
        mode()->setOn(false);
        QVERIFY(!panel->reviewButton()->isHidden());
        QVERIFY(!panel->discardButton()->isHidden());
    }

    void diagramToolBarShowsNoEdits()
    {
        // Wide enough that no button overflows into the toolbar's extension menu.
        const QSize size = m_window->size();
        m_window->resize(2600, size.height());
        page()->tabs()->setCurrentWidget(page()->diagramPage());
        QToolBar *toolBar = page()->diagramPage()->toolBar();
        QTRY_VERIFY(toolBar->width() > 1800);
        const QList<QAction *> edits = page()->diagramEditor()->actions();
        QVERIFY(!edits.isEmpty());
        for (QAction *edit : edits)
            QVERIFY(toolBar->widgetForAction(edit)->isVisibleTo(toolBar));
        mode()->setOn(true);
        QVERIFY(!page()->isEditable());
        for (QAction *edit : edits)
            QTRY_VERIFY2(!toolBar->widgetForAction(edit)->isVisibleTo(toolBar),
                         qPrintable(edit->objectName()));
        QAction *exportPng = page()->diagramPage()->exportPngAction();
        QVERIFY(toolBar->widgetForAction(exportPng)->isVisibleTo(toolBar));
        mode()->setOn(false);
        QVERIFY(page()->isEditable());
        page()->tabs()->setCurrentWidget(matrix());
        m_window->resize(size);
    }

    void doubleClickOnVersion_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("read-only: no editor") << true;
        QTest::newRow("editable: the editor opens") << false;
    }

    void doubleClickOnVersion()
    {
        QFETCH(bool, readOnly);
        page()->tabs()->setCurrentWidget(matrix());
        QString file;
        const QModelIndex index = versionsFileCell(&file);
        QVERIFY(index.isValid());
        QVERIFY(index.flags() & Qt::ItemIsEditable);
        const QByteArray before = readAll(file);
        QVERIFY(!before.isEmpty());

        mode()->setOn(readOnly);
        QTableView *table = matrix()->table();
        const QPoint center = table->visualRect(index).center();
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, center);
        QTest::qWait(50);
        QWidget *editor = table->indexWidget(index);
        QCOMPARE(editor != nullptr, !readOnly);
        if (editor) {
            // Put it away unchanged.
            QTest::keyClick(editor, Qt::Key_Escape);
            QTRY_VERIFY(!table->indexWidget(index));
        } else {
            // Neither the edit key nor typing opens one.
            table->setFocus();
            QTest::keyClick(table, Qt::Key_F2);
            QTest::keyClick(table, Qt::Key_1);
            QVERIFY(!table->indexWidget(index));
        }
        QVERIFY(!matrix()->workspace()->isModified());
        QCOMPARE(readAll(file), before);
    }

    void shortcutsAreInert_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("read-only: Ctrl+Z and Ctrl+S do nothing") << true;
        QTest::newRow("editable: Ctrl+Z undoes") << false;
    }

    void shortcutsAreInert()
    {
        QFETCH(bool, readOnly);
        page()->tabs()->setCurrentWidget(matrix());
        const DemoPick pick = newerTaggedVersion(m_demo, QStringLiteral("staging"));
        QVERIFY(pick.isValid());
        QString file;
        QVERIFY(versionsFileCell(&file).isValid());
        const QByteArray before = readAll(file);

        // An edit made before read-only mode was turned on.
        QVERIFY(matrix()->setVersion(QStringLiteral("staging"), pick.component, pick.to).ok());
        QVERIFY(matrix()->workspace()->isModified());
        mode()->setOn(readOnly);
        QTableView *table = matrix()->table();
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());
        QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(matrix()->workspace()->isModified(), readOnly);
        if (readOnly) {
            QTest::keyClick(table, Qt::Key_S, Qt::ControlModifier);
            QVERIFY(matrix()->workspace()->isModified());
            QCOMPARE(readAll(file), before);
            // Nor does Review & Commit, asked for without its hidden action.
            m_window->reviewAndCommit();
            QCOMPARE(readAll(file), before);
        }
        mode()->setOn(false);
        while (matrix()->undoStack()->canUndo())
            matrix()->undoStack()->undo();
        QVERIFY(!matrix()->workspace()->isModified());
        QCOMPARE(readAll(file), before);
    }

    void approvalActionsStayVisible_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("visibleWhenReadOnly");
        QTest::newRow("QA review") << "actionQaReview" << true;
        QTest::newRow("promote") << "actionPromote" << false;
        QTest::newRow("roll back") << "actionRollBack" << false;
    }

    void approvalActionsStayVisible()
    {
        QFETCH(QString, name);
        QFETCH(bool, visibleWhenReadOnly);
        QAction *releaseAction = action(name);
        QVERIFY(releaseAction);
        QMenu *release = menuNamed(m_window.get(), QStringLiteral("Release"));
        QVERIFY(release);
        QVERIFY(release->actions().contains(releaseAction));
        QCOMPARE(mode()->approvalActions().contains(releaseAction), visibleWhenReadOnly);
        mode()->setOn(true);
        QCOMPARE(releaseAction->isVisible(), visibleWhenReadOnly);
        QVERIFY(!action(QStringLiteral("actionReviewCommit"))->isVisible());
        mode()->setOn(false);
        QVERIFY(releaseAction->isVisible());
    }

    void commandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<bool>("demo");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("error");

        QTest::newRow("nothing") << QStringList{} << true << false << false << ""
                                 << "";
        QTest::newRow("--read-only") << QStringList{"--read-only"} << true << true << false << ""
                                     << "";
        QTest::newRow("--read-only --demo")
            << QStringList{"--read-only", "--demo"} << true << true << true << ""
            << "";
        QTest::newRow("repository then --read-only")
            << QStringList{"infra", "--read-only"} << true << true << false << "infra"
            << "";
        QTest::newRow("repository only")
            << QStringList{"infra"} << true << false << false << "infra"
            << "";
        QTest::newRow("misspelt") << QStringList{"--readonly"} << false << false << false << ""
                                  << "unknown option '--readonly'";
        QTest::newRow("two repositories")
            << QStringList{"a", "--read-only", "b"} << false << false << false << ""
            << "not also 'b'";
    }

    void commandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, ok);
        QFETCH(bool, readOnly);
        QFETCH(bool, demo);
        QFETCH(QString, repository);
        QFETCH(QString, error);
        const auto options = Application::parseGuiArguments(arguments);
        QCOMPARE(options.ok(), ok);
        if (!ok) {
            QVERIFY2(options.error().toString().contains(error),
                     qPrintable(options.error().toString()));
            return;
        }
        QCOMPARE(options->readOnly, readOnly);
        QCOMPARE(options->demo, demo);
        QCOMPARE(options->repository, repository);
    }

    void commandLineForcesReadOnly()
    {
        QSettings().setValue(ReadOnlyMode::settingsKey(), false);
        const auto options = Application::parseGuiArguments({QStringLiteral("--read-only")});
        QVERIFY(options.ok());
        MainWindow window;
        QVERIFY(!window.readOnlyMode()->isOn());
        Application::applyGuiOptions(window, *options);
        QCOMPARE(window.currentPage(), MainWindow::Page::Welcome); // nothing else asked for
        ReadOnlyMode *forced = window.readOnlyMode();
        QVERIFY(forced->isOn());
        QVERIFY(forced->isForced());
        QAction *toggle = forced->toggleAction();
        QVERIFY(toggle->isChecked());
        QVERIFY(!toggle->isEnabled());
        for (QAction *edit : forced->editingActions())
            QVERIFY2(!edit->isVisible(), qPrintable(edit->objectName()));
        auto label = window.findChild<QLabel *>(QStringLiteral("statusReadOnly"));
        QVERIFY(label && label->isVisibleTo(&window));
        QVERIFY(label->toolTip().contains(QStringLiteral("--read-only")));
        // Forced for the session: neither the user nor code turns it off, and the setting keeps
        // what the user chose.
        forced->setOn(false);
        QVERIFY(forced->isOn());
        QVERIFY(toggle->isChecked());
        QCOMPARE(QSettings().value(ReadOnlyMode::settingsKey()).toBool(), false);
    }

    void screenshot()
    {
        mode()->setOn(true);
        QVERIFY(page()->selectEnvironment(QStringLiteral("staging")));
        page()->tabs()->setCurrentWidget(matrix());
        saveScreenshot(m_window.get(), QStringLiteral("readonly-mainwindow.png"));
        mode()->setOn(false);
    }
};

ENVDECK_TEST_MAIN_GUI(tst_ReadOnly)
#include "tst_readonly.moc"
