// SPDX-License-Identifier: GPL-3.0-or-later
// The whole flow as a user goes through it in the window, on the demo repository: change a
// version in the Versions tab, save, Git ▸ Review & Commit, commit on a new branch with a merge
// request (the demo's local, git-only provider), see it in the Merge requests panel, merge it.

#include "DemoPicks.h"
#include "GitFixture.h"
#include "MainWindow.h"
#include "MergeRequestsController.h"
#include "MergeRequestsPanel.h"
#include "PublishController.h"
#include "ReviewCommitDialog.h"
#include "Screenshots.h"
#include "TestSupport.h"
#include "VersionMatrixView.h"

#include "demo/DemoRepository.h"
#include "forge/MergeRequestListModel.h"
#include "matrix/VersionWorkspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace EnvDeck;

class TestPublishFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("GIT_AUTHOR_NAME", "Paula Platform");
        qputenv("GIT_AUTHOR_EMAIL", "paula@example.io");
        qputenv("GIT_COMMITTER_NAME", "Paula Platform");
        qputenv("GIT_COMMITTER_EMAIL", "paula@example.io");
        m_demo = m_dir.filePath(QStringLiteral("infra"));
        Demo::Options options;
        options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
        auto made = Demo::generate(m_demo, options);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));
    }

    void bumpReviewCommitMergeRequestMerge()
    {
        const DemoPick pick = newerTaggedVersion(m_demo, QStringLiteral("staging"));
        QVERIFY(pick.isValid());
        const GitFixture git(m_demo);
        const GitFixture origin(Demo::originPathFor(m_demo));
        const QString mainBefore = git.head();

        MainWindow window;
        window.resize(1280, 820);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
        window.openRepository(m_demo);
        QVERIFY(loaded.wait(60000));
        VersionMatrixView *matrix = window.findChild<VersionMatrixView *>();
        QVERIFY(matrix);
        QTRY_VERIFY_WITH_TIMEOUT(!matrix->isLoading() && !matrix->workspace()->isEmpty(), 60000);
        matrix->setQuestion([](const QString &, const QString &, QMessageBox::StandardButtons,
                               QMessageBox::StandardButton) { return QMessageBox::Save; });

        // Edit and save in the Versions tab.
        QVERIFY(matrix->setVersion(QStringLiteral("staging"), pick.component, pick.to).ok());
        QVERIFY(matrix->save());
        QCOMPARE(matrix->workspace()->savedFiles(),
                 QStringList{QStringLiteral("environments/staging/versions.yaml")});

        // Git ▸ Review & Commit.
        window.reviewAndCommit();
        QTRY_VERIFY_WITH_TIMEOUT(window.publishController()->dialog(), 30000);
        ReviewCommitDialog *dialog = window.publishController()->dialog();
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->fileList()->topLevelItemCount(), 1);
        QCOMPARE(dialog->changesTable()->rowCount(), 1);
        const QString expectedBranch
            = QStringLiteral("envdeck/staging-") + pick.component + u'-' + pick.to;
        QCOMPARE(dialog->branchEdit()->text(), expectedBranch);
        QVERIFY(dialog->mergeRequestCheck()->isChecked());
        QVERIFY(dialog->mergeRequestCheck()->isEnabled());
        QVERIFY(dialog->messageEdit()->toPlainText().startsWith(
            QStringLiteral("staging: %1 %2 → %3").arg(pick.component, pick.from, pick.to)));
        dialog->newBranchButton()->setChecked(true);
        saveScreenshot(dialog, QStringLiteral("demo-review-commit.png"));

        QVERIFY(dialog->commitButton()->isEnabled());
        dialog->commitButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->state() == ReviewCommitDialog::State::Done
                                     || dialog->state() == ReviewCommitDialog::State::Failed,
                                 60000);
        QVERIFY2(dialog->state() == ReviewCommitDialog::State::Done,
                 qPrintable(dialog->resultLabel()->text()));
        QVERIFY2(dialog->resultLabel()->text().contains(QStringLiteral("local 1")),
                 qPrintable(dialog->resultLabel()->text()));
        saveScreenshot(dialog, QStringLiteral("demo-review-commit-done.png"));

        // The commit is on the new branch, pushed, with exactly the saved file, and recorded.
        const QString tip = git.git({QStringLiteral("rev-parse"), expectedBranch}).trimmed();
        QCOMPARE(
            git.git({QStringLiteral("rev-parse"), expectedBranch + QStringLiteral("~1")}).trimmed(),
            mainBefore);
        QCOMPARE(origin.git({QStringLiteral("rev-parse"), expectedBranch}).trimmed(), tip);
        QCOMPARE(git.git({QStringLiteral("diff"), QStringLiteral("--name-only"), mainBefore, tip})
                     .trimmed(),
                 QStringLiteral("environments/staging/versions.yaml"));
        QVERIFY(origin
                    .git({QStringLiteral("show"),
                          QStringLiteral("refs/envdeck/merge-requests/1:merge-request.yaml")})
                    .contains(QStringLiteral("source_branch: ") + expectedBranch));
        dialog->close();

        // The Merge requests panel shows it; after the reload it is read back from the refs.
        QTRY_VERIFY(window.mergeRequestsDock()->isVisible());
        MergeRequestsPanel *panel = window.mergeRequestsPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!window.mergeRequestsController()->isRefreshing()
                                     && panel->model()->rowCount() == 1,
                                 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.mergeRequestsController()->isRefreshing(), 60000);
        QCOMPARE(panel->model()->rowCount(), 1);
        const Forge::MergeRequest &request = panel->model()->items().first();
        QCOMPARE(request.reference, QStringLiteral("local 1"));
        QCOMPARE(request.sourceBranch, expectedBranch);
        QCOMPARE(request.state, Forge::MergeRequestState::Open);

        // Merge it from the panel.
        QVERIFY(panel->selectMergeRequest(1));
        QAction *merge = window.mergeRequestsController()->mergeAction();
        QTRY_VERIFY(merge->isEnabled());
        saveScreenshot(&window, QStringLiteral("demo-merge-requests.png"));
        QSignalSpy merged(window.mergeRequestsController(), &MergeRequestsController::merged);
        merge->trigger();
        QVERIFY(merged.wait(60000));
        QCOMPARE(panel->model()->items().first().state, Forge::MergeRequestState::Merged);
        const QString mainAfter
            = git.git({QStringLiteral("rev-parse"), QStringLiteral("main")}).trimmed();
        QCOMPARE(git.git({QStringLiteral("rev-parse"), QStringLiteral("main^2")}).trimmed(), tip);
        QCOMPARE(origin.git({QStringLiteral("rev-parse"), QStringLiteral("main")}).trimmed(),
                 mainAfter);
        QVERIFY(git.git({QStringLiteral("show"),
                         QStringLiteral("main:environments/staging/versions.yaml")})
                    .contains(QStringLiteral("version: ") + pick.to + u'\n'));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
    }

    void askedForTheIdentityOnce()
    {
        // No identity anywhere: a fresh global configuration folder and no GIT_* variables.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QByteArray keep[] = {"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                                   "GIT_COMMITTER_EMAIL"};
        for (const char *name : keep)
            qunsetenv(name);
        QVERIFY(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL,
                                 home.path().toUtf8().constData())
                == 0);
        const DemoPick pick = newerTaggedVersion(m_demo, QStringLiteral("dev"));
        QVERIFY(pick.isValid());
        const GitFixture git(m_demo);
        QVERIFY(!git.git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")}).isNull());

        MainWindow window;
        window.show();
        int asked = 0;
        window.publishController()->setIdentityPrompt(
            [&asked](QWidget *) -> std::optional<std::pair<QString, QString>> {
                ++asked;
                return std::pair{QStringLiteral("Nora New"), QStringLiteral("nora@example.io")};
            });
        QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
        window.openRepository(m_demo);
        QVERIFY(loaded.wait(60000));
        VersionMatrixView *matrix = window.findChild<VersionMatrixView *>();
        QTRY_VERIFY_WITH_TIMEOUT(!matrix->isLoading() && !matrix->workspace()->isEmpty(), 60000);
        matrix->setQuestion([](const QString &, const QString &, QMessageBox::StandardButtons,
                               QMessageBox::StandardButton) { return QMessageBox::Save; });
        QVERIFY(matrix->setVersion(QStringLiteral("dev"), pick.component, pick.to).ok());
        QVERIFY(matrix->save());
        window.reviewAndCommit();
        QTRY_VERIFY_WITH_TIMEOUT(window.publishController()->dialog(), 30000);
        ReviewCommitDialog *dialog = window.publishController()->dialog();
        dialog->newBranchButton()->setChecked(true);
        dialog->branchEdit()->setText(QStringLiteral("envdeck/identity-test"));
        dialog->mergeRequestCheck()->setChecked(false);
        dialog->pushCheck()->setChecked(false);
        dialog->commitButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->state() == ReviewCommitDialog::State::Done
                                     || dialog->state() == ReviewCommitDialog::State::Failed,
                                 60000);
        QVERIFY2(dialog->state() == ReviewCommitDialog::State::Done,
                 qPrintable(dialog->resultLabel()->text()));
        QCOMPARE(asked, 1);
        QCOMPARE(git.git({QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%an <%ae>"),
                          QStringLiteral("envdeck/identity-test")})
                     .trimmed(),
                 QStringLiteral("Nora New <nora@example.io>"));
        QFile config(home.filePath(QStringLiteral(".gitconfig")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QByteArray text = config.readAll();
        QVERIFY2(text.contains("name = Nora New") && text.contains("email = nora@example.io"), text.constData());
        dialog->close();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
    }
};

ENVDECK_TEST_MAIN_GUI(TestPublishFlow)
#include "tst_publishflow.moc"
