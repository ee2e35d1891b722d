// SPDX-License-Identifier: GPL-3.0-or-later
// Release ▸ QA Review, Promote and Roll Back in the window, on the demo, as QA and the release
// manager use them: each dialog shows what the promotion models work out, and its decision goes
// through Review & Commit with exactly the files it wrote; cancelling that puts them back.

#include "MainWindow.h"
#include "PromotionFixture.h"
#include "PublishController.h"
#include "ReviewCommitDialog.h"
#include "Screenshots.h"
#include "TestSupport.h"
#include "pipelines/DemoRuns.h"
#include "promotion/PromotionWizard.h"
#include "promotion/ReleaseController.h"
#include "promotion/ReleaseSupport.h"
#include "promotion/RollbackDialog.h"
#include "promotion/StagingReviewDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTreeWidget>

#include <memory>

using namespace EnvDeck;
using namespace EnvDeck::Promotion;

namespace {

QStringList tableRows(const QTableWidget *table)
{
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < table->columnCount(); ++column)
            cells << (table->item(row, column) ? table->item(row, column)->text() : QString());
        rows << cells.join(u'|');
    }
    return rows;
}

// The rows a plan preview must show: environment | component | from | to.
QStringList planRows(const Plan &plan)
{
    QStringList rows;
    for (const VersionChange &change : plan.changes)
        rows << QStringList{change.environment, change.component,
                            change.from.isEmpty() ? QStringLiteral("(not there)") : change.from,
                            change.approved ? change.to
                                            : change.to + QStringLiteral(" (never approved)")}
                    .join(u'|');
    return rows;
}

QStringList fileNames(const ReviewCommitDialog *dialog)
{
    QStringList files;
    for (int i = 0; i < dialog->fileList()->topLevelItemCount(); ++i)
        files << dialog->fileList()->topLevelItem(i)->text(0);
    return files;
}

} // namespace

class TestPromotionWindow : public QObject
{
    Q_OBJECT

private:
    PromotionFixture m_demo;
    std::unique_ptr<MainWindow> m_window;
    int m_identityQuestions = 0;

    bool open()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 820);
        m_window->publishController()->setIdentityPrompt([this](QWidget *) {
            ++m_identityQuestions;
            return std::optional<std::pair<QString, QString>>();
        });
        m_window->show();
        QSignalSpy loaded(m_window.get(), &MainWindow::repositoryLoaded);
        m_window->openRepository(m_demo.root());
        if (!loaded.wait(60000))
            return false;
        // The release actions are enabled once the Versions tab has read the repository.
        QElapsedTimer timer;
        timer.start();
        while (!release()->reviewAction()->isEnabled() && timer.elapsed() < 60000)
            QTest::qWait(20);
        return release()->reviewAction()->isEnabled();
    }

    ReleaseController *release() const { return m_window->releaseController(); }

    // Staging gets a new patch release of a component prod-eu has too, committed.
    QString bumpStaging()
    {
        const QString name
            = m_demo.unlockedShared(QStringLiteral("staging"), QStringLiteral("prod-eu")).first();
        const QString version
            = PromotionFixture::nextPatch(m_demo.versions(QStringLiteral("staging"))[name]);
        return m_demo.bump(QStringLiteral("staging"), name, version,
                           QStringLiteral("Merged PR 91: bump ") + name)
                   ? name
                   : QString();
    }

    // The Review & Commit dialog once it is on screen; null after a minute without it.
    ReviewCommitDialog *waitForReviewCommit() const
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000) {
            ReviewCommitDialog *dialog = m_window->publishController()->dialog();
            if (dialog && dialog->isVisible())
                return dialog;
            QTest::qWait(20);
        }
        return nullptr;
    }

    // Commits on the current branch without pushing, and waits for the result.
    static bool commitHere(ReviewCommitDialog *dialog)
    {
        dialog->currentBranchButton()->setChecked(true);
        dialog->mergeRequestCheck()->setChecked(false);
        dialog->pushCheck()->setChecked(false);
        if (!dialog->commitButton()->isEnabled())
            return false;
        dialog->commitButton()->click();
        QElapsedTimer timer;
        timer.start();
        while (dialog->state() != ReviewCommitDialog::State::Done
               && dialog->state() != ReviewCommitDialog::State::Failed && timer.elapsed() < 60000)
            QTest::qWait(20);
        return dialog->state() == ReviewCommitDialog::State::Done;
    }

private slots:
    void initTestCase()
    {
        qputenv("GIT_AUTHOR_NAME", "Quinn Tester");
        qputenv("GIT_AUTHOR_EMAIL", "quinn@example.io");
        QVERIFY(m_demo.generate());
    }

    void cleanup()
    {
        m_window.reset();
        QVERIFY(m_demo.reset());
        m_demo.resetClock();
        QCOMPARE(m_identityQuestions, 0);
    }

    void menuAndShortcuts_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QKeySequence>("shortcut");
        QTest::newRow("QA review")
            << "actionQaReview" << QKeySequence(QStringLiteral("Ctrl+Shift+R"));
        QTest::newRow("promote") << "actionPromote" << QKeySequence(QStringLiteral("Ctrl+Shift+P"));
        QTest::newRow("roll back")
            << "actionRollBack" << QKeySequence(QStringLiteral("Ctrl+Shift+B"));
    }
    void menuAndShortcuts()
    {
        QFETCH(QString, name);
        QFETCH(QKeySequence, shortcut);
        {
            MainWindow fresh;
            const auto *idle = fresh.findChild<QAction *>(name);
            QVERIFY(idle);
            QVERIFY(!idle->isEnabled()); // nothing is open yet
        }
        QVERIFY(open());
        auto *action = m_window->findChild<QAction *>(name);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), shortcut);
        QVERIFY(action->isEnabled());
        // No other action of the window has the same shortcut.
        for (const QAction *other : m_window->findChildren<QAction *>()) {
            if (other != action)
                QVERIFY2(other->shortcut() != shortcut, qPrintable(other->objectName()));
        }
    }

    void reviewShowsTheChangeAndApproves()
    {
        const QString bumped = bumpStaging();
        QVERIFY(!bumped.isEmpty());
        const auto expected = reviewEnvironment(m_demo.load(), QStringLiteral("staging"));
        QVERIFY(expected.ok());
        QVERIFY(open());

        release()->reviewAction()->trigger();
        StagingReviewDialog *dialog = release()->reviewDialog();
        QVERIFY(dialog);
        // Nothing can be decided while the review is being read.
        QVERIFY(dialog->isLoading());
        QVERIFY(!dialog->approveButton()->isEnabled());
        QVERIFY(!dialog->rejectButton()->isEnabled());
        QSignalSpy loaded(dialog, &StagingReviewDialog::loaded);
        QVERIFY(loaded.wait(60000));
        QCOMPARE(dialog->environment(), QStringLiteral("staging"));

        // Exactly the model's rows, the changed one first and highlighted.
        QStringList rows;
        for (const ReviewRow &row : expected->rows)
            rows << row.component;
        QStringList shown;
        for (int r = 0; r < dialog->rowsTable()->rowCount(); ++r)
            shown << dialog->rowsTable()->item(r, 0)->text();
        QCOMPARE(shown, rows);
        QCOMPARE(shown.first(), bumped);
        QCOMPARE(dialog->rowsTable()->item(0, 2)->text(), expected->rows.first().currentVersion);
        QCOMPARE(dialog->rowsTable()->item(0, 1)->text(), expected->rows.first().approvedVersion);
        QVERIFY(dialog->rowsTable()->item(0, 0)->font().bold());
        QVERIFY(!dialog->rowsTable()->item(rows.size() - 1, 0)->font().bold());
        QVERIFY(dialog->bannerLabel()->text().contains(QStringLiteral("stale")));
        QCOMPARE(dialog->checklistTable()->rowCount(), expected->checklist.size());

        // The last staging pipeline, from the demo's generated runs, labelled as demo data.
        auto runs = Pipelines::demoRuns(m_demo.root());
        QVERIFY(runs.ok());
        const auto run = std::find_if(runs->cbegin(), runs->cend(), [](const auto &candidate) {
            return candidate.environment == u"staging";
        });
        QVERIFY(run != runs->cend());
        const QString pipeline = dialog->pipelineLabel()->text();
        QVERIFY2(pipeline.contains(QStringLiteral(" #%1 %2 ").arg(run->id, run->result))
                     && pipeline.contains(run->commit.left(8))
                     && pipeline.contains(QStringLiteral("Demo data")),
                 qPrintable(pipeline));

        // A failed item blocks approval; a remark needs its note; a rejection needs a reason.
        QVERIFY(dialog->approveButton()->isEnabled());
        QVERIFY(!dialog->rejectButton()->isEnabled());
        dialog->setAnswer(0, StagingReviewDialog::failed());
        QVERIFY(!dialog->approveButton()->isEnabled());
        dialog->setAnswer(0, StagingReviewDialog::passedWithRemarks());
        QVERIFY(!dialog->approveButton()->isEnabled());
        dialog->setAnswer(0, StagingReviewDialog::passedWithRemarks(),
                          QStringLiteral("slow login"));
        QVERIFY(dialog->approveButton()->isEnabled());
        dialog->commentEdit()->setPlainText(QStringLiteral("Looks good on staging"));
        QVERIFY(dialog->rejectButton()->isEnabled());
        saveScreenshot(dialog, QStringLiteral("staging-review.png"));

        dialog->approveButton()->click();
        ReviewCommitDialog *commit = waitForReviewCommit();
        QVERIFY(commit);
        QTRY_VERIFY(!release()->reviewDialog());
        const QStringList files = fileNames(commit);
        QCOMPARE(files.size(), 1);
        QVERIFY2(files.first().startsWith(QStringLiteral("approvals/staging/")),
                 qPrintable(files.first()));
        const QString path = QDir(m_demo.root()).filePath(files.first());
        QVERIFY(QFile::exists(path));
        const QString message = commit->messageEdit()->toPlainText();
        QVERIFY2(message.startsWith(QStringLiteral("staging: QA approval ")), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("slow login")));

        // Cancelled: the approval file goes again, nothing is left half done.
        commit->cancelButton()->click();
        QTRY_VERIFY(!QFile::exists(path));

        // Approve again and commit it: staging's approval is current afterwards.
        release()->reviewAction()->trigger();
        dialog = release()->reviewDialog();
        QSignalSpy again(dialog, &StagingReviewDialog::loaded);
        QVERIFY(again.wait(60000));
        dialog->setAnswer(0, StagingReviewDialog::passedWithRemarks(),
                          QStringLiteral("slow login"));
        dialog->approveButton()->click();
        commit = waitForReviewCommit();
        QVERIFY(commit);
        const QString head = m_demo.git().head();
        QVERIFY2(commitHere(commit), qPrintable(commit->resultLabel()->text()));
        QVERIFY(m_demo.git().head() != head);
        const QString committed = m_demo.git()
                                      .git({QStringLiteral("show"), QStringLiteral("--name-only"),
                                            QStringLiteral("--format="), QStringLiteral("HEAD")})
                                      .trimmed();
        QCOMPARE(committed, files.first());
        const auto after = reviewEnvironment(m_demo.load(), QStringLiteral("staging"));
        QVERIFY(after.ok());
        QVERIFY(after->lastApproved());
        QVERIFY(!after->lastApprovalIsStale());
        QCOMPARE(after->lastApproved()->checklist.first().note, QStringLiteral("slow login"));
    }

    void rejectRecordsTheReason()
    {
        QVERIFY(!bumpStaging().isEmpty());
        QVERIFY(open());
        release()->reviewAction()->trigger();
        StagingReviewDialog *dialog = release()->reviewDialog();
        QSignalSpy loaded(dialog, &StagingReviewDialog::loaded);
        QVERIFY(loaded.wait(60000));
        dialog->setAnswer(1, StagingReviewDialog::failed(), QStringLiteral("checkout broken"));
        QVERIFY(!dialog->approveButton()->isEnabled());
        dialog->commentEdit()->setPlainText(QStringLiteral("Checkout fails with the new build"));
        dialog->rejectButton()->click();
        ReviewCommitDialog *commit = waitForReviewCommit();
        QVERIFY(commit);
        QVERIFY(commit->messageEdit()->toPlainText().startsWith(
            QStringLiteral("staging: QA rejection ")));
        QVERIFY(commitHere(commit));
        const ApprovalList approvals = readApprovals(m_demo.root(), QStringLiteral("staging"));
        QCOMPARE(approvals.approvals.constLast().decision, QStringLiteral("rejected"));
        QCOMPARE(approvals.approvals.constLast().comment,
                 QStringLiteral("Checkout fails with the new build"));
    }

    void wizardPreviewIsThePlan_data()
    {
        QTest::addColumn<bool>("approved");
        QTest::newRow("approved staging") << true;
        QTest::newRow("unapproved, with an override") << false;
    }
    void wizardPreviewIsThePlan()
    {
        QFETCH(bool, approved);
        QVERIFY(!bumpStaging().isEmpty());
        if (approved)
            QVERIFY(!m_demo.approve(QStringLiteral("staging")).isEmpty());
        const QByteArray euBefore = m_demo.bytesOf(demoVersionsFile(QStringLiteral("prod-eu")));
        const QByteArray usBefore = m_demo.bytesOf(demoVersionsFile(QStringLiteral("prod-us")));
        QVERIFY(open());

        release()->promoteAction()->trigger();
        PromotionWizard *wizard = release()->promotionWizard();
        QVERIFY(wizard);
        QCOMPARE(wizard->fromBox()->currentText(), QStringLiteral("staging"));
        QStringList targets;
        for (int i = 0; i < wizard->targetList()->count(); ++i)
            targets << wizard->targetList()->item(i)->data(Qt::UserRole).toString();
        QCOMPARE(targets, (QStringList{QStringLiteral("prod-eu"), QStringLiteral("prod-us"),
                                       QStringLiteral("contoso")}));
        QVERIFY(!wizard->currentPage()->isComplete()); // no target yet
        wizard->setTargets({QStringLiteral("prod-eu"), QStringLiteral("prod-us")});
        QVERIFY(wizard->currentPage()->isComplete());
        wizard->next();
        QCOMPARE(wizard->currentId(), int(PromotionWizard::ComponentsPage));
        QVERIFY(wizard->currentPage()->isComplete());
        QSignalSpy planned(wizard, &PromotionWizard::planned);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(PromotionWizard::PreviewPage));
        QVERIFY(planned.wait(60000));

        Plan expected = planPromotion(m_demo.load(), wizard->request());
        if (!approved) {
            // Refused: Finish stays disabled until an override reason is given.
            QCOMPARE(wizard->plan().outcome, Plan::Outcome::Refused);
            QVERIFY(!wizard->currentPage()->isComplete());
            QVERIFY(wizard->preview()->statusLabel()->text().contains(
                QStringLiteral("Never approved")));
            wizard->overrideEdit()->setText(QStringLiteral("hotfix for incident 4711"));
            QVERIFY(!wizard->currentPage()->isComplete());
            QVERIFY(planned.wait(60000));
            expected = planPromotion(m_demo.load(), wizard->request());
        }
        QCOMPARE(wizard->plan().outcome, Plan::Outcome::Ready);
        QVERIFY(wizard->currentPage()->isComplete());
        QCOMPARE(tableRows(wizard->preview()->table()), planRows(expected));
        QVERIFY(!expected.changes.isEmpty());
        if (approved)
            saveScreenshot(wizard, QStringLiteral("promotion-wizard.png"));

        wizard->button(QWizard::FinishButton)->click();
        ReviewCommitDialog *commit = waitForReviewCommit();
        QVERIFY(commit);
        QCOMPARE(fileNames(commit), (QStringList{demoVersionsFile(QStringLiteral("prod-eu")),
                                                 demoVersionsFile(QStringLiteral("prod-us"))}));
        QCOMPARE(commit->changesTable()->rowCount(), expected.changes.size());
        QCOMPARE(commit->messageEdit()->toPlainText(), expected.commitMessage());
        QCOMPARE(commit->branchEdit()->text(), describePlan(expected).branch);
        if (!approved)
            QVERIFY(expected.commitMessage().contains(QStringLiteral("hotfix for incident 4711")));
        for (const FileEdit &edit : expected.edits)
            QCOMPARE(m_demo.bytesOf(edit.file), edit.after);

        // Cancelled: both files are as they were.
        commit->cancelButton()->click();
        QTRY_COMPARE(m_demo.bytesOf(demoVersionsFile(QStringLiteral("prod-eu"))), euBefore);
        QCOMPARE(m_demo.bytesOf(demoVersionsFile(QStringLiteral("prod-us"))), usBefore);
    }

    void rollbackPreviewIsThePlan_data()
    {
        QTest::addColumn<bool>("toRevision");
        QTest::newRow("to an earlier approval") << false;
        QTest::newRow("to a revision") << true;
    }
    void rollbackPreviewIsThePlan()
    {
        QFETCH(bool, toRevision);
        // prod-eu gets staging's newly approved versions, committed; then it is rolled back.
        QVERIFY(!bumpStaging().isEmpty());
        QVERIFY(!m_demo.approve(QStringLiteral("staging")).isEmpty());
        Request promotion;
        promotion.from = QStringLiteral("staging");
        promotion.targets = {QStringLiteral("prod-eu")};
        const Plan promoted = planPromotion(m_demo.load(), promotion);
        QVERIFY(promoted.outcome == Plan::Outcome::Ready);
        QVERIFY(writeEdits(promoted.edits).ok());
        QVERIFY(m_demo.commit(promoted.commitMessage()));
        const QByteArray before = m_demo.bytesOf(demoVersionsFile(QStringLiteral("prod-eu")));
        QVERIFY(open());
        QVERIFY(m_window->selectEnvironment(QStringLiteral("prod-eu")));

        release()->rollbackAction()->trigger();
        RollbackDialog *dialog = release()->rollbackDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->environmentBox()->currentText(), QStringLiteral("prod-eu"));
        QSignalSpy planned(dialog, &RollbackDialog::planned);
        if (!dialog->isPlanning() && dialog->plan().outcome != Plan::Outcome::Ready)
            QVERIFY(planned.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isPlanning(), 60000);
        if (toRevision) {
            dialog->revisionEdit()->setText(QStringLiteral("HEAD~1"));
            dialog->revisionButton()->setChecked(true);
            QVERIFY(planned.wait(60000));
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isPlanning(), 60000);
        } else {
            QVERIFY(dialog->approvalButton()->isChecked());
            // The default is the newest approval that differs from what prod-eu runs.
            QVERIFY(dialog->approvalBox()->currentData().toString() != promoted.approvalId);
        }
        const Plan expected = planRollback(m_demo.load(), dialog->request());
        QVERIFY2(expected.outcome == Plan::Outcome::Ready, qPrintable(expected.error.toString()));
        QCOMPARE(dialog->plan().outcome, Plan::Outcome::Ready);
        QCOMPARE(tableRows(dialog->preview()->table()), planRows(expected));
        QVERIFY(dialog->rollBackButton()->isEnabled());
        if (!toRevision)
            saveScreenshot(dialog, QStringLiteral("rollback-dialog.png"));

        dialog->rollBackButton()->click();
        ReviewCommitDialog *commit = waitForReviewCommit();
        QVERIFY(commit);
        QCOMPARE(fileNames(commit), QStringList{demoVersionsFile(QStringLiteral("prod-eu"))});
        QCOMPARE(commit->messageEdit()->toPlainText(), expected.commitMessage());
        if (toRevision) {
            // Back to exactly what prod-eu ran before the promotion.
            QCOMPARE(
                m_demo.bytesOf(demoVersionsFile(QStringLiteral("prod-eu"))),
                m_demo.git()
                    .git({QStringLiteral("show"),
                          QStringLiteral("HEAD~1:") + demoVersionsFile(QStringLiteral("prod-eu"))})
                    .toUtf8());
        }
        commit->cancelButton()->click();
        QTRY_COMPARE(m_demo.bytesOf(demoVersionsFile(QStringLiteral("prod-eu"))), before);
    }

    void pendingEditsBlockPromotion()
    {
        QVERIFY(open());
        // An uncommitted change to a versions file: promotion would mix it into its commit.
        const QString file = QDir(m_demo.root()).filePath(demoVersionsFile(QStringLiteral("dev")));
        QFile dev(file);
        QVERIFY(dev.open(QIODevice::Append));
        dev.write("# note\n");
        dev.close();
        // The review of dev says why no decision can be recorded.
        release()->reviewAction()->trigger();
        StagingReviewDialog *dialog = release()->reviewDialog();
        QSignalSpy loaded(dialog, &StagingReviewDialog::loaded);
        QVERIFY(loaded.wait(60000));
        dialog->environmentBox()->setCurrentText(QStringLiteral("dev"));
        QVERIFY(loaded.wait(60000));
        QVERIFY(!dialog->approveButton()->isEnabled());
        QVERIFY(dialog->approveBlocker().contains(QStringLiteral("uncommitted")));
        QVERIFY(dialog->bannerLabel()->text().contains(QStringLiteral("uncommitted")));
    }
};

ENVDECK_TEST_MAIN_GUI(TestPromotionWindow)
#include "tst_promotionwindow.moc"
