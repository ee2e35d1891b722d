// SPDX-License-Identifier: GPL-3.0-or-later
// The environment diagram in the window, on the demo repository, as an architect uses it: open
// the Diagram tab of staging, add a module through the Add Module dialog, undo and redo it (the
// diagram and the Pending changes follow), compare the customer cluster with its base, search,
// and at last commit a diagram edit through Review & Commit.

#include "AddCacheModule.h"
#include "GitFixture.h"
#include "MainWindow.h"
#include "PublishController.h"
#include "RepositoryPage.h"
#include "ReviewCommitDialog.h"
#include "Screenshots.h"
#include "TestSupport.h"
#include "VersionMatrixView.h"
#include "tst_diagramediting_diffs.h"

#include "demo/DemoRepository.h"
#include "diagram/AddModuleDialog.h"
#include "diagram/CompareWidgets.h"
#include "diagram/DiagramController.h"
#include "diagram/DiagramEditor.h"
#include "diagram/DiagramPage.h"
#include "diagram/DiagramScene.h"
#include "diagram/DiagramSearchBar.h"
#include "diagram/DiagramView.h"
#include "diagram/GraphLayout.h"
#include "diagram/GraphModel.h"
#include "diagram/NodeItem.h"
#include "diagram/PendingChangesPanel.h"
#include "matrix/VersionWorkspace.h"
#include "repo/RepositoryLoader.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>

using namespace EnvDeck;
using namespace EnvDeck::Diagram;

class TestDiagramWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    std::unique_ptr<MainWindow> m_window;

    RepositoryPage *page() const { return m_window->findChild<RepositoryPage *>(); }
    DiagramPage *diagram() const { return page()->diagramPage(); }

    // Shows `environment` in the Diagram tab and waits until it is laid out.
    bool showDiagram(const QString &environment)
    {
        if (!page()->selectEnvironment(environment))
            return false;
        page()->tabs()->setCurrentWidget(diagram());
        return waitUntilLaidOut(environment);
    }

    bool waitUntilLaidOut(const QString &environment)
    {
        const auto done = [&] {
            const GraphModel *model = diagram()->model();
            return !page()->diagramController()->isBusy()
                   && model->graph().environment == environment && !model->graph().nodes.isEmpty()
                   && model->layout().nodes.size()
                          == model->graph().nodes.size() + model->comparison().removedNodes.size();
        };
        return QTest::qWaitFor(done, 60000);
    }

    // The graph the diagram must show: the environment as read from disk.
    Graph expectedGraph(const QString &environment) const
    {
        auto snapshot = RepositoryLoader::load(m_demo, {}, RepositoryLoader::History::Skip);
        if (!snapshot)
            return {};
        return graphOf(snapshot->rootPath, *snapshot->findEnvironment(environment));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("GIT_AUTHOR_NAME", "Arne Architect");
        qputenv("GIT_AUTHOR_EMAIL", "arne@example.io");
        qputenv("GIT_COMMITTER_NAME", "Arne Architect");
        qputenv("GIT_COMMITTER_EMAIL", "arne@example.io");
        m_demo = m_dir.filePath(QStringLiteral("infra"));
        Demo::Options options;
        options.commits = 20;
        options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
        auto made = Demo::generate(m_demo, options);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));

        m_window = std::make_unique<MainWindow>();
        m_window->resize(1500, 950);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QSignalSpy loaded(m_window.get(), &MainWindow::repositoryLoaded);
        m_window->openRepository(m_demo);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, 60000);
        VersionMatrixView *matrix = page()->versionMatrix();
        QTRY_VERIFY_WITH_TIMEOUT(!matrix->isLoading() && !matrix->workspace()->isEmpty(), 60000);
    }

    void cleanupTestCase()
    {
        if (m_window)
            page()->versionMatrix()->workspace()->lastValidation().waitForFinished();
        m_window.reset();
    }

    void stagingIsDrawnAsGenerated()
    {
        QVERIFY(showDiagram(QStringLiteral("staging")));
        const GraphModel *model = diagram()->model();
        const Graph expected = expectedGraph(QStringLiteral("staging"));
        QCOMPARE(model->graph().nodeIds(), expected.nodeIds());
        QCOMPARE(model->graph().edges.size(), expected.edges.size());
        QStringList overlapping;
        QVERIFY2(!hasOverlaps(model->layout(), &overlapping),
                 qPrintable(overlapping.join(QStringLiteral(", "))));
        // Every node is on screen as an item at the place the layout gave it.
        for (const QString &id : expected.nodeIds()) {
            NodeItem *item = diagram()->scene()->nodeItem(id);
            QVERIFY2(item && item->isVisible(), qPrintable(id));
        }
        QCOMPARE(diagram()->compareChoice(), QString()); // staging has no base
        // Selecting a node fills the inspector with what it is and where it is written.
        diagram()->selectNode(QStringLiteral("module.platform"));
        QCOMPARE(diagram()->scene()->selectedNodeId(), QStringLiteral("module.platform"));
        saveScreenshot(m_window.get(), QStringLiteral("demo-diagram-staging.png"));
        diagram()->scene()->clearSelection();
    }

    void addModuleUndoRedo()
    {
        QVERIFY(showDiagram(QStringLiteral("staging")));
        DiagramEditor *editor = page()->diagramEditor();
        QUndoStack *undo = page()->versionMatrix()->undoStack();
        PendingChangesPanel *pending = m_window->pendingChangesPanel();
        QVERIFY(pending->files().isEmpty());

        bool dialogShown = false;
        editor->setAddModulePrompt([&](AddModuleDialog &dialog) {
            const std::optional<AddModuleRequest> request = fillInCacheModule(dialog);
            if (!request)
                return request;
            dialog.resize(760, 560);
            dialog.show();
            dialogShown = true;
            saveScreenshot(&dialog, QStringLiteral("demo-diagram-add-module.png"));
            dialog.hide();
            return request;
        });
        QVERIFY(editor->addModuleAction()->isEnabled());
        editor->addModuleAction()->trigger();
        QVERIFY(dialogShown);

        // The diagram is rebuilt from the unsaved text: the new module and its references.
        const QString cache = QStringLiteral("module.cache");
        QTRY_VERIFY_WITH_TIMEOUT(diagram()->model()->graph().node(cache) != nullptr, 30000);
        QVERIFY(waitUntilLaidOut(QStringLiteral("staging")));
        QVERIFY(diagram()->scene()->nodeItem(cache)->isVisible());
        QCOMPARE(diagram()->model()->graph().node(cache)->shortSource,
                 QStringLiteral("modules/redis"));
        bool referencesNetwork = false;
        for (const Edge &edge : diagram()->model()->graph().edgesTo(cache))
            referencesNetwork
                = referencesNetwork
                  || (edge.from == u"module.network" && edge.kind == EdgeKind::Reference
                      && edge.labels == QStringList{QStringLiteral("resource_group_name")});
        QVERIFY(referencesNetwork);
        QVERIFY(!hasOverlaps(diagram()->model()->layout()));
        QTRY_VERIFY(m_window->pendingChangesDock()->isVisible());
        QCOMPARE(pending->diffText(), DiagramEditingDiffs::addCacheDiff);
        QCOMPARE(undo->undoText(), QStringLiteral("Add module cache"));

        undo->undo();
        QTRY_VERIFY_WITH_TIMEOUT(diagram()->model()->graph().node(cache) == nullptr, 30000);
        QVERIFY(pending->files().isEmpty());
        QCOMPARE(pending->diffText(), QString());

        undo->redo();
        QTRY_VERIFY_WITH_TIMEOUT(diagram()->model()->graph().node(cache) != nullptr, 30000);
        QCOMPARE(pending->diffText(), DiagramEditingDiffs::addCacheDiff);
        QVERIFY(waitUntilLaidOut(QStringLiteral("staging")));
        saveScreenshot(m_window.get(), QStringLiteral("demo-diagram-edited.png"));

        // Leave the repository as generated for the next tests.
        undo->undo();
        QTRY_VERIFY_WITH_TIMEOUT(diagram()->model()->graph().node(cache) == nullptr, 30000);
        QVERIFY(!page()->versionMatrix()->workspace()->isModified());
    }

    void customerClusterIsComparedWithItsBase()
    {
        QVERIFY(showDiagram(QStringLiteral("contoso")));
        // contoso is built like prod-eu: the comparison starts with its base.
        QCOMPARE(diagram()->compareChoice(), QStringLiteral("prod-eu"));
        QCOMPARE(page()->diagramController()->comparedWith(), QStringLiteral("prod-eu"));
        QTRY_VERIFY_WITH_TIMEOUT(diagram()->model()->isComparing(), 30000);
        QVERIFY(waitUntilLaidOut(QStringLiteral("contoso")));

        const Comparison expected = compareGraphs(expectedGraph(QStringLiteral("contoso")),
                                                  expectedGraph(QStringLiteral("prod-eu")));
        QVERIFY(!expected.differences.isEmpty());
        QStringList expectedTexts;
        for (const Difference &difference : expected.differences)
            expectedTexts << difference.text;
        QStringList shown;
        DifferencesList *list = diagram()->differencesList();
        for (int row = 0; row < list->count(); ++row)
            shown << list->item(row)->text();
        QCOMPARE(shown, expectedTexts);
        QVERIFY(shown.contains(QStringLiteral("module.integrations: added")));
        QVERIFY(list->isVisibleTo(m_window.get()));
        m_window->pendingChangesDock()->hide();
        if (auto splitter = diagram()->findChild<QSplitter *>()) {
            const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
            splitter->setSizes({total - 560, 560}); // room for the differences' full lines
        }
        QCoreApplication::processEvents();
        diagram()->selectNode(QStringLiteral("module.integrations"));
        saveScreenshot(m_window.get(), QStringLiteral("demo-diagram-compare.png"));

        // "(none)" leaves compare mode.
        QComboBox *compare = diagram()->compareCombo();
        compare->setFocus();
        QTest::keyClick(compare, Qt::Key_Home);
        QCOMPARE(compare->currentIndex(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!diagram()->model()->isComparing(), 30000);
        QVERIFY(waitUntilLaidOut(QStringLiteral("contoso")));
        QVERIFY(diagram()->model()->comparison().removedNodes.isEmpty());
    }

    void findFocusesTheDiagramSearch()
    {
        QVERIFY(showDiagram(QStringLiteral("staging")));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QAction *find = m_window->findChild<QAction *>(QStringLiteral("actionFilterEnvironments"));
        QVERIFY(find);
        find->trigger();
        DiagramSearchBar *search = diagram()->searchBar();
        QTRY_VERIFY(search->isVisible());
        search->setText(QStringLiteral("redis"));
        QCOMPARE(search->matches(), QStringList{QStringLiteral("module.redis")});
        search->close();

        // Elsewhere Ctrl+F still filters the environments.
        page()->tabs()->setCurrentIndex(0);
        find->trigger();
        QTRY_VERIFY(
            page()->findChild<QLineEdit *>(QStringLiteral("environmentFilter"))->hasFocus());
    }

    // Last, because it commits: a module added in the diagram goes through the Pending changes
    // panel's Review button into a commit on a new branch, with exactly the diff it showed.
    void diagramEditIsReviewedAndCommitted()
    {
        QVERIFY(showDiagram(QStringLiteral("staging")));
        const GitFixture git(m_demo);
        const QString before = git.head();
        DiagramEditor *editor = page()->diagramEditor();
        editor->setAddModulePrompt(
            [](AddModuleDialog &dialog) { return fillInCacheModule(dialog); });
        editor->addModuleAction()->trigger();
        PendingChangesPanel *pending = m_window->pendingChangesPanel();
        QTRY_VERIFY_WITH_TIMEOUT(pending->diffText() == DiagramEditingDiffs::addCacheDiff, 30000);
        page()->versionMatrix()->setQuestion(
            [](const QString &, const QString &, QMessageBox::StandardButtons,
               QMessageBox::StandardButton) { return QMessageBox::Save; });

        QVERIFY(pending->reviewButton()->isEnabled());
        pending->reviewButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->publishController()->dialog(), 30000);
        ReviewCommitDialog *dialog = m_window->publishController()->dialog();
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->fileList()->topLevelItemCount(), 1);
        QCOMPARE(dialog->fileList()->topLevelItem(0)->text(0),
                 QStringLiteral("environments/staging/main.tf"));
        dialog->newBranchButton()->setChecked(true);
        dialog->branchEdit()->setText(QStringLiteral("envdeck/staging-add-cache"));
        dialog->messageEdit()->setPlainText(QStringLiteral("staging: add the cache module"));
        QVERIFY(dialog->commitButton()->isEnabled());
        dialog->commitButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->state() == ReviewCommitDialog::State::Done
                                     || dialog->state() == ReviewCommitDialog::State::Failed,
                                 60000);
        QVERIFY2(dialog->state() == ReviewCommitDialog::State::Done,
                 qPrintable(dialog->resultLabel()->text()));
        dialog->close();

        // The commit holds exactly what Pending changes showed, and nothing is pending any more.
        const QString tip
            = git.git({QStringLiteral("rev-parse"), QStringLiteral("envdeck/staging-add-cache")})
                  .trimmed();
        QCOMPARE(git.git({QStringLiteral("rev-parse"), tip + QStringLiteral("~1")}).trimmed(),
                 before);
        QCOMPARE(git.git({QStringLiteral("log"), QStringLiteral("-1"),
                          QStringLiteral("--format=%s"), tip})
                     .trimmed(),
                 QStringLiteral("staging: add the cache module"));
        QCOMPARE(git.git({QStringLiteral("diff"), before, tip}), DiagramEditingDiffs::addCacheDiff);
        QTRY_VERIFY_WITH_TIMEOUT(pending->files().isEmpty(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLoading(), 60000);
        // After the reload the diagram reads the committed module from disk.
        QVERIFY(showDiagram(QStringLiteral("staging")));
        QVERIFY(diagram()->model()->graph().node(QStringLiteral("module.cache")) != nullptr);
        QVERIFY(!page()->versionMatrix()->workspace()->isModified());
    }
};

ENVDECK_TEST_MAIN_GUI(TestDiagramWindow)
#include "tst_diagramwindow.moc"
