// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QFlags>
#include <QList>
#include <QString>
#include <QUrl>

class QAbstractButton;
class QCheckBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTableWidget;
class QTreeWidget;

namespace EnvDeck {

class DiffView;

// One file of the working tree that the commit will contain.
struct ChangedFile
{
    QString path;
    QString status; // "modified", "added", "deleted"
    QString patch;  // unified diff
    int insertions = 0;
    int deletions = 0;
};

// One version edit, shown as a row of the table on top of the dialog.
struct VersionChangeRow
{
    QString environment;
    QString component;
    QString from;
    QString to;
    QString lockChange; // "locked: waiting for QA", "unlocked", or empty
};

// Everything the dialog shows; the caller prepares it, the dialog runs nothing.
struct ReviewProposal
{
    QList<ChangedFile> files;
    QList<VersionChangeRow> changes;
    QString currentBranch;
    QString suggestedBranch;
    QString message;           // prefilled commit message (first line = title)
    QString validationSummary; // "Validation: 0 errors, 1 warning"
    int errors = 0;            // the summary's colour: red with errors, orange with warnings
    int warnings = 0;
    QString providerName;  // "GitLab", "Local (git only)"; empty = no forge, no merge request
    bool hasRemote = true; // false: nothing can be pushed, so neither push nor merge request
};

// What the user chose.
struct ReviewDecision
{
    QString branch; // empty = commit on the current branch
    QString message;
    bool push = true;
    bool openMergeRequest = true;

    friend bool operator==(const ReviewDecision &, const ReviewDecision &) = default;
};

// Ways out of a failed commit, push or merge request that the worker can offer.
enum class Recovery {
    None = 0,
    Retry = 1,
    FetchAndRebase = 2,  // the remote branch moved on: rebase the commit onto it, push again
    PushAsNewBranch = 4, // pushing to this branch is refused: push to a new one instead
};
Q_DECLARE_FLAGS(Recoveries, Recovery)
Q_DECLARE_OPERATORS_FOR_FLAGS(Recoveries)

// Review and commit: the version changes, the validation summary, the changed files with their
// diffs; where to commit, the message, whether to push and open a merge request. The dialog
// only reports the user's choice (commitRequested, recoveryRequested); the caller does the work
// and reports back through the slots, which move the dialog through its states.
class ReviewCommitDialog : public QDialog
{
    Q_OBJECT

public:
    enum class State { Review, Working, Done, Failed };
    Q_ENUM(State)

    explicit ReviewCommitDialog(const ReviewProposal &proposal, QWidget *parent = nullptr);
    ~ReviewCommitDialog() override;

    State state() const { return m_state; }
    // The choice the inputs describe now.
    ReviewDecision decision() const;
    // Why Commit is disabled ("Enter a commit message."), or empty when it is enabled.
    QString commitBlocker() const;

    // For tests and the lead's wiring.
    QPushButton *commitButton() const { return m_commitButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QLineEdit *branchEdit() const { return m_branchEdit; }
    QRadioButton *currentBranchButton() const { return m_currentBranch; }
    QRadioButton *newBranchButton() const { return m_newBranch; }
    QPlainTextEdit *messageEdit() const { return m_message; }
    QCheckBox *pushCheck() const { return m_push; }
    QCheckBox *mergeRequestCheck() const { return m_mergeRequest; }
    QTreeWidget *fileList() const { return m_files; }
    DiffView *diffView() const { return m_diff; }
    QTableWidget *changesTable() const { return m_changes; }
    QLabel *resultLabel() const { return m_resultLabel; }
    QList<QPushButton *> recoveryButtons() const;

signals:
    void commitRequested(const EnvDeck::ReviewDecision &decision); // Commit, or Ctrl+Return
    void recoveryRequested(EnvDeck::Recovery choice);

public slots:
    void setStep(const QString &text); // "Committing…", "Pushing…", "Opening merge request…"
    void setProgress(qint64 done, qint64 total); // total 0 = busy indicator
    void setFinished(const QString &commitId, const QUrl &mergeRequestUrl,
                     const QString &mergeRequestReference);
    void setFailed(const QString &message, EnvDeck::Recoveries offered);
    void reject() override; // Esc and Cancel: ignored while working

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createChangesPart(const ReviewProposal &proposal);
    QWidget *createFilesPart(const ReviewProposal &proposal);
    QWidget *createCommitPart(const ReviewProposal &proposal);
    QWidget *createStatusPart();
    void showFile(int index);
    // Why the new branch's name cannot be used, or empty.
    QString branchProblem() const;
    void setState(State state);
    void updateInputs();
    void requestCommit();
    void copyCommitId();

    ReviewProposal m_proposal;
    State m_state = State::Review;
    QString m_commitId;

    QTableWidget *m_changes = nullptr;
    QTreeWidget *m_files = nullptr;
    DiffView *m_diff = nullptr;
    QRadioButton *m_currentBranch = nullptr;
    QRadioButton *m_newBranch = nullptr;
    QLineEdit *m_branchEdit = nullptr;
    QLabel *m_branchProblem = nullptr;
    QLabel *m_validation = nullptr;
    QPlainTextEdit *m_message = nullptr;
    QCheckBox *m_push = nullptr;
    QCheckBox *m_mergeRequest = nullptr;
    QLabel *m_stepLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QFrame *m_failureFrame = nullptr;
    QLabel *m_failureLabel = nullptr;
    QList<QPushButton *> m_recoveryButtons;
    QFrame *m_resultFrame = nullptr;
    QLabel *m_resultLabel = nullptr;
    QLabel *m_commitLabel = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_commitButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace EnvDeck

Q_DECLARE_METATYPE(EnvDeck::ReviewDecision)
