// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipelines/LastRun.h"
#include "promotion/Promotion.h"

#include <QDialog>
#include <QFutureWatcher>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace EnvDeck {

// What the dialog shows for one environment, read off the GUI thread.
struct LoadedReview
{
    std::optional<Promotion::Review> review;
    QString error;   // why there is no review
    QString blocker; // why no decision can be recorded now (uncommitted versions file), or empty
    Pipelines::LastRun pipeline; // the last run that deployed to the environment
};

// QA's review of an environment, usually staging: what it runs now against its last approval,
// the checklist, and the decision. The dialog records nothing itself: decided() hands the choice
// to the caller, which writes the approval file and opens the commit / merge request flow.
class StagingReviewDialog : public QDialog
{
    Q_OBJECT
public:
    using Loader = std::function<LoadedReview(const QString &environment)>;

    static QString passed();            // "passed"
    static QString failed();            // "failed"
    static QString passedWithRemarks(); // "passed with remarks"

    // `loader` runs on a worker thread.
    StagingReviewDialog(const QStringList &environments, const QString &environment, Loader loader,
                        QWidget *parent = nullptr);
    ~StagingReviewDialog() override;

    QString environment() const;
    bool isLoading() const;
    const std::optional<Promotion::Review> &review() const { return m_loaded.review; }
    // One answer per checklist item, as recorded: result "passed", "failed" or "passed with
    // remarks", and the note.
    QList<Approval::ChecklistItem> answers() const;
    QString comment() const;
    // Why Approve (Reject) is disabled, or empty when it is enabled.
    QString approveBlocker() const;
    QString rejectBlocker() const;

    // Sets an item's answer (by its row) as the user would; for tests and keyboard users alike.
    void setAnswer(int item, const QString &result, const QString &note = {});

    QComboBox *environmentBox() const { return m_environment; }
    QLabel *bannerLabel() const { return m_banner; }
    QLabel *pipelineLabel() const { return m_pipeline; }
    QTableWidget *rowsTable() const { return m_rows; }
    QTableWidget *checklistTable() const { return m_checklist; }
    QPlainTextEdit *commentEdit() const { return m_comment; }
    QPushButton *approveButton() const { return m_approve; }
    QPushButton *rejectButton() const { return m_reject; }

signals:
    void loaded();
    // The user approved (or rejected) the review's version set with answers() and comment().
    void decided(bool approve);

private:
    void load();
    void showLoaded();
    void showPipeline();
    void fillRows();
    void fillChecklist();
    // Why neither decision can be made now (loading, unreadable, uncommitted), or empty.
    QString decisionBlocker() const;
    void updateButtons();

    Loader m_loader;
    LoadedReview m_loaded;
    QFutureWatcher<LoadedReview> m_watcher;
    QComboBox *m_environment = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_pipeline = nullptr;
    QTableWidget *m_rows = nullptr;
    QTableWidget *m_checklist = nullptr;
    QPlainTextEdit *m_comment = nullptr;
    QLabel *m_why = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
};

} // namespace EnvDeck
