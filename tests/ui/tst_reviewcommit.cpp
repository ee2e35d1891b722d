// SPDX-License-Identifier: GPL-3.0-or-later
// The review & commit dialog, driven as a user does: keys, clicks, and the caller's reports
// (step, progress, finished, failed); Git's branch name rules; the diff highlighter.
#include <QApplication>

#include "BranchName.h"
#include "DiffView.h"
#include "ReviewCommitDialog.h"
#include "Screenshots.h"
#include "TestSupport.h"

#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeWidget>

#include <git2.h>

using namespace EnvDeck;

namespace {

const QString StagingPatch = QStringLiteral(
    R"(diff --git a/environments/staging/versions.yaml b/environments/staging/versions.yaml
index 3b18e51..a9f2c04 100644
--- a/environments/staging/versions.yaml
+++ b/environments/staging/versions.yaml
@@ -14,10 +14,12 @@ components:
   payments-api:
     chart: payments-api
-    version: 2.7.3
+    version: 2.8.0
   cert-manager:
     chart: jetstack/cert-manager
-    version: v1.14.4
+    version: v1.14.5
+    locked: true
+    lock_reason: waiting for QA sign-off
   external-dns:
     chart: bitnami/external-dns
     version: 7.2.0
)");

const QString ProductionPatch = QStringLiteral(
    R"(diff --git a/environments/prod-eu/versions.yaml b/environments/prod-eu/versions.yaml
index 8c0d2f7..41e9b3a 100644
--- a/environments/prod-eu/versions.yaml
+++ b/environments/prod-eu/versions.yaml
@@ -21,7 +21,7 @@ components:
   # promoted from staging after QA (ticket PLAT-2291)
   payments-api:
     chart: payments-api
-    version: 2.7.1
+    version: 2.7.3
   ledger-worker:
     chart: ledger-worker
     version: 1.19.0
\ No newline at end of file
)");

ReviewProposal proposal()
{
    ReviewProposal p;
    p.files = {
        {QStringLiteral("environments/staging/versions.yaml"), QStringLiteral("modified"),
         StagingPatch, 4, 2},
        {QStringLiteral("environments/prod-eu/versions.yaml"), QStringLiteral("modified"),
         ProductionPatch, 1, 1},
    };
    p.changes = {
        {QStringLiteral("staging"),
         QStringLiteral("payments-api"),
         QStringLiteral("2.7.3"),
         QStringLiteral("2.8.0"),
         {}},
        {QStringLiteral("staging"), QStringLiteral("cert-manager"), QStringLiteral("v1.14.4"),
         QStringLiteral("v1.14.5"), QStringLiteral("locked: waiting for QA sign-off")},
        {QStringLiteral("prod-eu"),
         QStringLiteral("payments-api"),
         QStringLiteral("2.7.1"),
         QStringLiteral("2.7.3"),
         {}},
    };
    p.currentBranch = QStringLiteral("main");
    p.suggestedBranch = QStringLiteral("envdeck/payments-api-2.8.0");
    p.message = QStringLiteral("Promote payments-api 2.7.3 to prod-eu, 2.8.0 to staging\n\n"
                               "cert-manager v1.14.5 is locked in staging until QA signs off.");
    p.validationSummary = QStringLiteral("Validation: 0 errors, 1 warning");
    p.warnings = 1;
    p.providerName = QStringLiteral("GitLab");
    return p;
}

ReviewDecision decisionAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<ReviewDecision>();
}

bool showActive(QWidget *widget)
{
    widget->show();
    widget->activateWindow();
    return QTest::qWaitForWindowActive(widget);
}

} // namespace

class tst_ReviewCommit : public QObject
{
    Q_OBJECT

private slots:
    void branchNames_data();
    void branchNames();
    void commitEnabled_data();
    void commitEnabled();
    void ctrlReturnEmitsDecision_data();
    void ctrlReturnEmitsDecision();
    void mergeRequestImpliesPush();
    void noRemoteOrForge();
    void escape_data();
    void escape();
    void progress();
    void failedOffersRecoveries_data();
    void failedOffersRecoveries();
    void finishedShowsResult_data();
    void finishedShowsResult();
    void fileSelectionShowsDiff();
    void keyboardAndAccessibility();
    void diffLineKinds_data();
    void diffLineKinds();
    void diffViewFormats();
    void screenshots();
};

void tst_ReviewCommit::branchNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("gitValid"); // what libgit2 says about refs/heads/<name>
    QTest::addColumn<QString>("reason");

    const auto row = [](const char *tag, const QString &name, bool valid, bool gitValid,
                        const QString &reason = {}) {
        QTest::newRow(tag) << name << valid << gitValid << reason;
    };
    row("plain", QStringLiteral("bump-payments"), true, true);
    row("folders", QStringLiteral("envdeck/payments-api-2.8.0"), true, true);
    row("unicode", QStringLiteral("envdeck/übersetzung"), true, true);
    row("empty", QString(), false, false, QStringLiteral("Enter a name"));
    row("space", QStringLiteral("bump payments"), false, false, QStringLiteral("spaces"));
    row("tab", QStringLiteral("bump\tpayments"), false, false, QStringLiteral("spaces"));
    row("dot dot", QStringLiteral("envdeck/a..b"), false, false, QStringLiteral("“..”"));
    row("lock", QStringLiteral("envdeck/bump.lock"), false, false, QStringLiteral("“.lock”"));
    row("lock folder", QStringLiteral("x.lock/bump"), false, false, QStringLiteral("“.lock”"));
    row("dot part", QStringLiteral("envdeck/.hidden"), false, false,
        QStringLiteral("start with “.”"));
    row("trailing dot", QStringLiteral("bump."), false, false, QStringLiteral("end with “.”"));
    row("trailing slash", QStringLiteral("envdeck/"), false, false, QStringLiteral("“/”"));
    row("double slash", QStringLiteral("envdeck//bump"), false, false, QStringLiteral("“//”"));
    row("tilde", QStringLiteral("bump~1"), false, false, QStringLiteral("“~”"));
    row("caret", QStringLiteral("bump^"), false, false, QStringLiteral("“^”"));
    row("colon", QStringLiteral("a:b"), false, false, QStringLiteral("“:”"));
    row("question", QStringLiteral("a?"), false, false, QStringLiteral("“?”"));
    row("star", QStringLiteral("a*"), false, false, QStringLiteral("“*”"));
    row("bracket", QStringLiteral("a[1]"), false, false, QStringLiteral("“[”"));
    row("backslash", QStringLiteral("a\\b"), false, false, QStringLiteral("“\\”"));
    row("reflog", QStringLiteral("a@{1}"), false, false, QStringLiteral("“@{”"));
    row("control", QStringLiteral("a\u0001b"), false, false, QStringLiteral("control"));
    // Stricter than the reference rules, as `git branch` is.
    row("leading dash", QStringLiteral("-bump"), false, true, QStringLiteral("“-”"));
    row("HEAD", QStringLiteral("HEAD"), false, true, QStringLiteral("reserved"));
    row("at", QStringLiteral("@"), false, true, QStringLiteral("reserved"));
}

void tst_ReviewCommit::branchNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(bool, gitValid);
    QFETCH(QString, reason);

    const QString problem = BranchName::problem(name);
    QCOMPARE(problem.isEmpty(), valid);
    QVERIFY2(problem.contains(reason), qPrintable(problem));

    int libgit2Valid = 0;
    const QByteArray reference = "refs/heads/" + name.toUtf8();
    QCOMPARE(git_reference_name_is_valid(&libgit2Valid, reference.constData()), 0);
    QCOMPARE(libgit2Valid != 0, gitValid);
}

void tst_ReviewCommit::commitEnabled_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("newBranch");
    QTest::addColumn<QString>("branch");
    QTest::addColumn<bool>("enabled");

    QTest::newRow("prefilled") << proposal().message << true << proposal().suggestedBranch << true;
    QTest::newRow("empty message") << QString() << true << QStringLiteral("ok") << false;
    QTest::newRow("blank message") << QStringLiteral(" \n\t ") << false << QString() << false;
    QTest::newRow("invalid branch")
        << QStringLiteral("m") << true << QStringLiteral("a b") << false;
    QTest::newRow("empty branch") << QStringLiteral("m") << true << QString() << false;
    QTest::newRow("new branch named like the current")
        << QStringLiteral("m") << true << QStringLiteral("main") << false;
    QTest::newRow("invalid name, current branch")
        << QStringLiteral("m") << false << QStringLiteral("a..b") << true;
}

void tst_ReviewCommit::commitEnabled()
{
    QFETCH(QString, message);
    QFETCH(bool, newBranch);
    QFETCH(QString, branch);
    QFETCH(bool, enabled);

    ReviewCommitDialog dialog(proposal());
    dialog.messageEdit()->setPlainText(message);
    (newBranch ? dialog.newBranchButton() : dialog.currentBranchButton())->setChecked(true);
    dialog.branchEdit()->setText(branch);
    QCOMPARE(dialog.commitButton()->isEnabled(), enabled);
    QCOMPARE(dialog.commitBlocker().isEmpty(), enabled);
    if (!enabled) // the reason is where the user looks: the button's tooltip
        QCOMPARE(dialog.commitButton()->toolTip(), dialog.commitBlocker());
    const auto problem = dialog.findChild<QLabel *>(QStringLiteral("branchProblem"));
    QCOMPARE(!problem->isHidden(),
             newBranch && (!BranchName::isValid(branch) || branch == QStringLiteral("main")));

    QSignalSpy requested(&dialog, &ReviewCommitDialog::commitRequested);
    dialog.commitButton()->click();
    QCOMPARE(requested.size(), enabled ? 1 : 0);
}

void tst_ReviewCommit::ctrlReturnEmitsDecision_data()
{
    QTest::addColumn<bool>("newBranch");
    QTest::addColumn<QString>("typedBranch"); // typed after clearing; selects "new branch"
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("push");
    QTest::addColumn<bool>("mergeRequest");
    QTest::addColumn<ReviewDecision>("expected");

    const QString message = proposal().message;
    QTest::newRow("suggested branch, push, MR")
        << true << QString() << message << true << true
        << ReviewDecision{proposal().suggestedBranch, message, true, true};
    QTest::newRow("typed branch, push only")
        << true << QStringLiteral("hotfix/cert-manager") << QStringLiteral("Fix it") << true
        << false
        << ReviewDecision{QStringLiteral("hotfix/cert-manager"), QStringLiteral("Fix it"), true,
                          false};
    QTest::newRow("current branch, no push")
        << false << QString() << QStringLiteral("  Local only\n\n") << false << false
        << ReviewDecision{QString(), QStringLiteral("Local only"), false, false};
}

void tst_ReviewCommit::ctrlReturnEmitsDecision()
{
    QFETCH(bool, newBranch);
    QFETCH(QString, typedBranch);
    QFETCH(QString, message);
    QFETCH(bool, push);
    QFETCH(bool, mergeRequest);
    QFETCH(ReviewDecision, expected);

    ReviewCommitDialog dialog(proposal());
    QVERIFY(showActive(&dialog));
    (newBranch ? dialog.newBranchButton() : dialog.currentBranchButton())->setChecked(true);
    if (!typedBranch.isEmpty()) {
        dialog.currentBranchButton()->setChecked(true);
        dialog.branchEdit()->clear();
        QTest::keyClicks(dialog.branchEdit(), typedBranch);
        QVERIFY(dialog.newBranchButton()->isChecked()); // typing chose "new branch"
    }
    dialog.messageEdit()->setPlainText(message);
    dialog.pushCheck()->setChecked(push);
    dialog.mergeRequestCheck()->setChecked(mergeRequest);

    QSignalSpy requested(&dialog, &ReviewCommitDialog::commitRequested);
    dialog.messageEdit()->setFocus();
    QTest::keyClick(dialog.messageEdit(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(requested.size(), 1);
    const ReviewDecision decision = decisionAt(requested, 0);
    QCOMPARE(decision.branch, expected.branch);
    QCOMPARE(decision.message, expected.message);
    QCOMPARE(decision.push, expected.push);
    QCOMPARE(decision.openMergeRequest, expected.openMergeRequest);
    QCOMPARE(dialog.messageEdit()->toPlainText(), message); // Ctrl+Return typed no newline

    // Working: nothing can be changed or requested twice.
    QCOMPARE(dialog.state(), ReviewCommitDialog::State::Working);
    QVERIFY(!dialog.messageEdit()->isEnabled());
    QVERIFY(!dialog.branchEdit()->isEnabled());
    QVERIFY(!dialog.pushCheck()->isEnabled());
    QVERIFY(!dialog.commitButton()->isEnabled());
    QTest::keyClick(&dialog, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(requested.size(), 1);
}

void tst_ReviewCommit::mergeRequestImpliesPush()
{
    ReviewCommitDialog dialog(proposal());
    QVERIFY(dialog.pushCheck()->isChecked());
    QVERIFY(dialog.mergeRequestCheck()->isChecked());
    dialog.pushCheck()->click();
    QVERIFY(!dialog.pushCheck()->isChecked());
    QVERIFY(!dialog.mergeRequestCheck()->isChecked());
    QCOMPARE(dialog.decision().openMergeRequest, false);
    dialog.mergeRequestCheck()->click();
    QVERIFY(dialog.mergeRequestCheck()->isChecked());
    QVERIFY(dialog.pushCheck()->isChecked());
    dialog.mergeRequestCheck()->click();
    QVERIFY(dialog.pushCheck()->isChecked()); // pushing alone is fine
}

void tst_ReviewCommit::noRemoteOrForge()
{
    ReviewProposal withoutRemote = proposal();
    withoutRemote.hasRemote = false;
    ReviewCommitDialog local(withoutRemote);
    QVERIFY(!local.pushCheck()->isEnabled());
    QVERIFY(!local.mergeRequestCheck()->isEnabled());
    QVERIFY(local.pushCheck()->toolTip().contains(QStringLiteral("no remote")));
    QVERIFY(!local.mergeRequestCheck()->toolTip().isEmpty());
    QCOMPARE(local.decision().push, false);
    QCOMPARE(local.decision().openMergeRequest, false);

    ReviewProposal withoutForge = proposal();
    withoutForge.providerName.clear();
    ReviewCommitDialog pushOnly(withoutForge);
    QVERIFY(pushOnly.pushCheck()->isEnabled());
    QVERIFY(pushOnly.pushCheck()->isChecked());
    QVERIFY(!pushOnly.mergeRequestCheck()->isEnabled());
    QVERIFY(pushOnly.mergeRequestCheck()->toolTip().contains(QStringLiteral(".envdeck.yaml")));
    QCOMPARE(pushOnly.decision().openMergeRequest, false);
    QVERIFY(proposal().providerName.size() > 0);
    QVERIFY(ReviewCommitDialog(proposal())
                .mergeRequestCheck()
                ->text()
                .contains(QStringLiteral("GitLab")));
}

void tst_ReviewCommit::escape_data()
{
    QTest::addColumn<ReviewCommitDialog::State>("state");
    QTest::addColumn<bool>("closes");
    QTest::newRow("review") << ReviewCommitDialog::State::Review << true;
    QTest::newRow("working") << ReviewCommitDialog::State::Working << false;
    QTest::newRow("done") << ReviewCommitDialog::State::Done << true;
    QTest::newRow("failed") << ReviewCommitDialog::State::Failed << true;
}

void tst_ReviewCommit::escape()
{
    QFETCH(ReviewCommitDialog::State, state);
    QFETCH(bool, closes);

    ReviewCommitDialog dialog(proposal());
    QVERIFY(showActive(&dialog));
    if (state != ReviewCommitDialog::State::Review)
        dialog.commitButton()->click();
    if (state == ReviewCommitDialog::State::Done)
        dialog.setFinished(QStringLiteral("0123456789abcdef"), {}, {});
    if (state == ReviewCommitDialog::State::Failed)
        dialog.setFailed(QStringLiteral("push refused"), Recovery::Retry);
    QCOMPARE(dialog.state(), state);
    QCOMPARE(dialog.cancelButton()->isEnabled(), closes);
    QCOMPARE(dialog.cancelButton()->text(), state == ReviewCommitDialog::State::Done
                                                ? QStringLiteral("C&lose")
                                                : QStringLiteral("C&ancel"));

    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QWidget *focus = QApplication::focusWidget();
    QTest::keyClick(focus ? focus : &dialog, Qt::Key_Escape);
    QCOMPARE(rejected.size(), closes ? 1 : 0);
    QCOMPARE(dialog.isVisible(), !closes);
    if (!closes) { // closing the window is refused as well
        QVERIFY(!dialog.close());
        QVERIFY(dialog.isVisible());
    }
}

void tst_ReviewCommit::progress()
{
    ReviewCommitDialog dialog(proposal());
    const auto bar = dialog.findChild<QProgressBar *>(QStringLiteral("progress"));
    const auto step = dialog.findChild<QLabel *>(QStringLiteral("stepLabel"));
    QVERIFY(bar && step);
    QVERIFY(bar->isHidden());
    dialog.commitButton()->click();
    QVERIFY(!bar->isHidden());
    QCOMPARE(step->text(), QStringLiteral("Committing…"));
    dialog.setStep(QStringLiteral("Pushing…"));
    QCOMPARE(step->text(), QStringLiteral("Pushing…"));
    dialog.setProgress(50, 200);
    QCOMPARE(bar->maximum(), 1000);
    QCOMPARE(bar->value(), 250);
    dialog.setProgress(0, 0);
    QCOMPARE(bar->maximum(), 0);                          // busy
    dialog.setProgress(qint64(6) << 30, qint64(8) << 30); // beyond int
    QCOMPARE(bar->value(), 750);
}

void tst_ReviewCommit::failedOffersRecoveries_data()
{
    QTest::addColumn<int>("offered");
    QTest::addColumn<QList<int>>("buttons");
    const int retry = int(Recovery::Retry), rebase = int(Recovery::FetchAndRebase),
              branch = int(Recovery::PushAsNewBranch);
    QTest::newRow("none") << 0 << QList<int>{};
    QTest::newRow("retry") << retry << QList<int>{retry};
    QTest::newRow("rebase") << rebase << QList<int>{rebase};
    QTest::newRow("rebase or branch") << (rebase | branch) << QList<int>{rebase, branch};
    QTest::newRow("all") << (retry | rebase | branch) << QList<int>{retry, rebase, branch};
}

void tst_ReviewCommit::failedOffersRecoveries()
{
    QFETCH(int, offered);
    QFETCH(QList<int>, buttons);

    for (int clicked = 0; clicked < std::max<int>(int(buttons.size()), 1); ++clicked) {
        ReviewCommitDialog dialog(proposal());
        dialog.commitButton()->click();
        const QString message = QStringLiteral("The remote branch main moved on; push refused.");
        dialog.setFailed(message, Recoveries::fromInt(offered));
        QCOMPARE(dialog.state(), ReviewCommitDialog::State::Failed);
        const auto frame = dialog.findChild<QFrame *>(QStringLiteral("failureFrame"));
        QVERIFY(!frame->isHidden());
        QVERIFY(frame->styleSheet().contains(QStringLiteral("border")));
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("failureMessage"))->text(), message);

        QList<int> shown;
        for (QPushButton *button : dialog.recoveryButtons())
            shown << button->property("recovery").toInt();
        QCOMPARE(shown, buttons);
        if (buttons.isEmpty())
            break;

        QSignalSpy recovery(&dialog, &ReviewCommitDialog::recoveryRequested);
        dialog.recoveryButtons().at(clicked)->click();
        QCOMPARE(recovery.size(), 1);
        QCOMPARE(int(recovery.at(0).at(0).value<Recovery>()), buttons.at(clicked));
        QCOMPARE(dialog.state(), ReviewCommitDialog::State::Working);
        QVERIFY(frame->isHidden());
    }
}

void tst_ReviewCommit::finishedShowsResult_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("expectedText");
    QTest::addColumn<bool>("link");

    const QUrl gitlab(
        QStringLiteral("https://gitlab.example.io/platform/infra/-/merge_requests/42"));
    QTest::newRow("gitlab") << gitlab << QStringLiteral("!42")
                            << QStringLiteral("<a href=\"%1\">!42</a>").arg(gitlab.toString())
                            << true;
    QTest::newRow("url without reference") << gitlab << QString() << gitlab.toString() << true;
    QTest::newRow("local") << QUrl() << QStringLiteral("local 3") << QStringLiteral("local 3")
                           << false;
    QTest::newRow("no merge request") << QUrl() << QString() << QString() << false;
}

void tst_ReviewCommit::finishedShowsResult()
{
    QFETCH(QUrl, url);
    QFETCH(QString, reference);
    QFETCH(QString, expectedText);
    QFETCH(bool, link);

    ReviewCommitDialog dialog(proposal());
    dialog.commitButton()->click();
    const QString commitId = QStringLiteral("9f3c2a17be04d5e6c8a1f0b2d3e4f5a6b7c8d9e0");
    dialog.setFinished(commitId, url, reference);
    QCOMPARE(dialog.state(), ReviewCommitDialog::State::Done);
    QVERIFY(dialog.commitButton()->isHidden());
    QVERIFY(dialog.cancelButton()->isEnabled());

    QLabel *result = dialog.resultLabel();
    QCOMPARE(result->isHidden(), expectedText.isEmpty());
    QVERIFY2(result->text().contains(expectedText), qPrintable(result->text()));
    QCOMPARE(result->text().contains(QStringLiteral("<a ")), link);
    QVERIFY(result->openExternalLinks());

    const auto commit = dialog.findChild<QLabel *>(QStringLiteral("commitLabel"));
    QVERIFY(commit->text().contains(QStringLiteral("9f3c2a1")));
    QVERIFY(!commit->text().contains(commitId));
    QVERIFY(commit->text().contains(proposal().suggestedBranch));
    QGuiApplication::clipboard()->clear();
    dialog.findChild<QPushButton *>(QStringLiteral("copyCommitId"))->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), commitId);
}

void tst_ReviewCommit::fileSelectionShowsDiff()
{
    ReviewCommitDialog dialog(proposal());
    QTreeWidget *files = dialog.fileList();
    QCOMPARE(files->topLevelItemCount(), 2);
    QCOMPARE(files->topLevelItem(0)->text(0), QStringLiteral("environments/staging/versions.yaml"));
    QCOMPARE(files->topLevelItem(0)->text(1), QStringLiteral("+4 \u22122"));
    QVERIFY(!files->topLevelItem(0)->icon(0).isNull());
    QCOMPARE(dialog.diffView()->toPlainText(), StagingPatch);
    files->setCurrentItem(files->topLevelItem(1));
    QCOMPARE(dialog.diffView()->toPlainText(), ProductionPatch);
    QVERIFY(dialog.diffView()->isReadOnly());

    ReviewProposal nothing = proposal();
    nothing.files.clear();
    ReviewCommitDialog empty(nothing);
    QVERIFY(empty.diffView()->toPlainText().isEmpty());
    QVERIFY(!empty.diffView()->placeholderText().isEmpty());

    QTableWidget *table = dialog.changesTable();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Component"));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("cert-manager"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("staging"));
    QCOMPARE(table->item(1, 4)->text(), QStringLiteral("locked: waiting for QA sign-off"));
}

void tst_ReviewCommit::keyboardAndAccessibility()
{
    ReviewCommitDialog dialog(proposal());
    QVERIFY(showActive(&dialog));
    dialog.setFailed(QStringLiteral("x"),
                     Recovery::Retry | Recovery::FetchAndRebase | Recovery::PushAsNewBranch);
    dialog.setFinished(QStringLiteral("abc"), {}, {}); // shows the Copy button as well
    QStringList texts;
    for (QAbstractButton *button : dialog.findChildren<QAbstractButton *>()) {
        if (!button->text().isEmpty()) // the table's corner button has neither text nor focus
            texts << button->text();
    }
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->buddy())
            texts << label->text();
    }
    QSet<QChar> mnemonics;
    for (const QString &text : std::as_const(texts)) {
        const qsizetype amp = text.indexOf(u'&');
        QVERIFY2(amp >= 0 && amp + 1 < text.size(), qPrintable(text));
        const QChar key = text.at(amp + 1).toLower();
        QVERIFY2(!mnemonics.contains(key),
                 qPrintable(QStringLiteral("%1 taken twice (%2)").arg(key).arg(text)));
        mnemonics.insert(key);
    }
    QVERIFY(texts.size() >= 14);
    QVERIFY(!dialog.fileList()->accessibleName().isEmpty());
    QVERIFY(!dialog.diffView()->accessibleName().isEmpty());
    QVERIFY(!dialog.changesTable()->accessibleName().isEmpty());
}

void tst_ReviewCommit::diffLineKinds_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("inHunk");
    QTest::addColumn<DiffHighlighter::Line>("kind");
    using L = DiffHighlighter::Line;
    QTest::newRow("diff header") << QStringLiteral("diff --git a/x b/x") << true << L::FileHeader;
    QTest::newRow("old file") << QStringLiteral("--- a/x") << false << L::FileHeader;
    QTest::newRow("new file") << QStringLiteral("+++ b/x") << false << L::FileHeader;
    QTest::newRow("index") << QStringLiteral("index 1..2 100644") << false << L::FileHeader;
    QTest::newRow("hunk") << QStringLiteral("@@ -1,2 +1,3 @@ components:") << false << L::Hunk;
    QTest::newRow("added") << QStringLiteral("+    version: 2.8.0") << true << L::Added;
    QTest::newRow("removed") << QStringLiteral("-    version: 2.7.3") << true << L::Removed;
    QTest::newRow("removed yaml marker") << QStringLiteral("---") << true << L::Removed;
    QTest::newRow("added like header") << QStringLiteral("+++ x") << true << L::Added;
    QTest::newRow("context") << QStringLiteral("   chart: x") << true << L::Context;
    QTest::newRow("empty context") << QString() << true << L::Context;
    QTest::newRow("note") << QStringLiteral("\\ No newline at end of file") << true << L::Note;
}

void tst_ReviewCommit::diffLineKinds()
{
    QFETCH(QString, line);
    QFETCH(bool, inHunk);
    QFETCH(DiffHighlighter::Line, kind);
    QCOMPARE(DiffHighlighter::classify(line, inHunk), kind);
}

void tst_ReviewCommit::diffViewFormats()
{
    for (const bool dark : {false, true}) {
        DiffView view;
        QPalette palette = view.palette();
        palette.setColor(QPalette::Base, dark ? QColor(0x1e, 0x1e, 0x1e) : Qt::white);
        palette.setColor(QPalette::Text, dark ? QColor(0xdd, 0xdd, 0xdd) : Qt::black);
        view.setPalette(palette);
        QCOMPARE(view.highlighter()->isDark(), dark);
        view.setPatch(StagingPatch);

        // The format each line got, keyed by its first characters.
        const auto formatOf = [&view](const QString &start) {
            for (QTextBlock block = view.document()->begin(); block.isValid();
                 block = block.next()) {
                if (block.text().startsWith(start)) {
                    const auto formats = block.layout()->formats();
                    return formats.isEmpty() ? QTextCharFormat() : formats.first().format;
                }
            }
            return QTextCharFormat();
        };
        const QTextCharFormat context = formatOf(QStringLiteral("   payments-api"));
        const QTextCharFormat added = formatOf(QStringLiteral("+    version"));
        const QTextCharFormat removed = formatOf(QStringLiteral("-    version"));
        const QTextCharFormat hunk = formatOf(QStringLiteral("@@"));
        const QTextCharFormat header = formatOf(QStringLiteral("+++ b/"));
        QVERIFY(context.properties().isEmpty());
        QCOMPARE(added.background().color(),
                 DiffHighlighter::format(DiffHighlighter::Line::Added, dark).background().color());
        QVERIFY(added.background() != removed.background());
        QVERIFY(added != context && removed != context && hunk != context && header != context);
        QVERIFY(hunk.foreground().color().blue() > hunk.foreground().color().red());
        QCOMPARE(header.fontWeight(), int(QFont::Bold));
        // Added, removed and hunk lines are coloured to the right edge: 4 + 2 + 1 here.
        const auto selections = view.extraSelections();
        QCOMPARE(selections.size(), 7);
        QVERIFY(selections.first().format.boolProperty(QTextFormat::FullWidthSelection));
        QCOMPARE(selections.first().cursor.block().text(),
                 QStringLiteral("@@ -14,10 +14,12 @@ components:"));
        // Readable on the palette: the background keeps the base's lightness side.
        const int base = palette.color(QPalette::Base).lightness();
        QCOMPARE(added.background().color().lightness() < 128, base < 128);
        QCOMPARE(removed.background().color().lightness() < 128, base < 128);
    }
}

void tst_ReviewCommit::screenshots()
{
    ReviewCommitDialog dialog(proposal());
    QVERIFY(showActive(&dialog));
    saveScreenshot(&dialog, QStringLiteral("review-commit.png"));
    dialog.commitButton()->click();
    dialog.setStep(QStringLiteral("Opening merge request…"));
    dialog.setFinished(
        QStringLiteral("9f3c2a17be04d5e6c8a1f0b2d3e4f5a6b7c8d9e0"),
        QUrl(QStringLiteral("https://gitlab.example.io/platform/infra/-/merge_requests/43")),
        QStringLiteral("!43"));
    saveScreenshot(&dialog, QStringLiteral("review-commit-done.png"));

    ReviewCommitDialog failed(proposal());
    QVERIFY(showActive(&failed));
    failed.commitButton()->click();
    failed.setFailed(QStringLiteral("Push to origin refused: the remote branch "
                                    "envdeck/payments-api-2.8.0 has commits this one does not "
                                    "have (someone pushed to it in the meantime)."),
                     Recovery::FetchAndRebase | Recovery::PushAsNewBranch);
    saveScreenshot(&failed, QStringLiteral("review-commit-failed.png"));

    // A dark palette, as a dark desktop theme gives it: the diff and the summary stay readable.
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    QApplication::setPalette(dark);
    {
        ReviewCommitDialog darkDialog(proposal());
        QVERIFY(showActive(&darkDialog));
        QVERIFY(darkDialog.diffView()->highlighter()->isDark());
        saveScreenshot(&darkDialog, QStringLiteral("review-commit-dark.png"));
    }
    QApplication::setPalette(light);
}

ENVDECK_TEST_MAIN_GUI(tst_ReviewCommit)
#include "tst_reviewcommit.moc"
