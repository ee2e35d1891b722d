// SPDX-License-Identifier: GPL-3.0-or-later
#include "StagingReviewDialog.h"

#include "ReleaseSupport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace EnvDeck {

namespace {

enum RowColumn { ComponentColumn, ApprovedColumn, NowColumn, LockColumn, MergeRequestColumn };
enum ChecklistColumn { ItemColumn, ResultColumn, NoteColumn };

QString shortDate(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

QString StagingReviewDialog::passed()
{
    return QStringLiteral("passed");
}

QString StagingReviewDialog::failed()
{
    return QStringLiteral("failed");
}

QString StagingReviewDialog::passedWithRemarks()
{
    return QStringLiteral("passed with remarks");
}

StagingReviewDialog::StagingReviewDialog(const QStringList &environments,
                                         const QString &environment, Loader loader, QWidget *parent)
    : QDialog(parent)
    , m_loader(std::move(loader))
{
    setObjectName(QStringLiteral("stagingReviewDialog"));
    setWindowTitle(tr("QA Review"));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QFormLayout;
    m_environment = new QComboBox(this);
    m_environment->setObjectName(QStringLiteral("reviewEnvironment"));
    m_environment->addItems(environments);
    m_environment->setCurrentText(environment);
    top->addRow(tr("&Environment:"), m_environment);
    layout->addLayout(top);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    layout->addWidget(m_busy);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("reviewBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_banner);
    m_pipeline = new QLabel(this);
    m_pipeline->setObjectName(QStringLiteral("reviewPipeline"));
    m_pipeline->setWordWrap(true);
    m_pipeline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_pipeline);

    auto *rowsLabel = new QLabel(tr("&Components, now against the last approval:"), this);
    layout->addWidget(rowsLabel);
    m_rows = Release::createTable(
        QStringLiteral("reviewRows"), tr("Components against the last approval"),
        {tr("Component"), tr("Approved"), tr("Now"), tr("Lock"), tr("Merge requests")}, this);
    rowsLabel->setBuddy(m_rows);
    layout->addWidget(m_rows, 3);

    auto *checklistLabel = new QLabel(tr("Check&list:"), this);
    layout->addWidget(checklistLabel);
    m_checklist = Release::createTable(QStringLiteral("reviewChecklist"), tr("Checklist"),
                                       {tr("Item"), tr("Result"), tr("Note")}, this);
    m_checklist->setSelectionMode(QAbstractItemView::NoSelection);
    checklistLabel->setBuddy(m_checklist);
    layout->addWidget(m_checklist, 2);

    auto *commentLabel = new QLabel(tr("C&omment (the reason, when rejecting):"), this);
    layout->addWidget(commentLabel);
    m_comment = new QPlainTextEdit(this);
    m_comment->setObjectName(QStringLiteral("reviewComment"));
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setTabChangesFocus(true);
    m_comment->setMaximumHeight(70);
    commentLabel->setBuddy(m_comment);
    layout->addWidget(m_comment);

    m_why = new QLabel(this);
    m_why->setObjectName(QStringLiteral("reviewWhy"));
    m_why->setWordWrap(true);
    layout->addWidget(m_why);

    auto *buttons = new QDialogButtonBox(this);
    m_approve = buttons->addButton(tr("&Approve…"), QDialogButtonBox::AcceptRole);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_reject = buttons->addButton(tr("&Reject…"), QDialogButtonBox::ActionRole);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_approve, &QPushButton::clicked, this, [this] {
        if (approveBlocker().isEmpty())
            emit decided(true);
    });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        if (rejectBlocker().isEmpty())
            emit decided(false);
    });
    connect(m_comment, &QPlainTextEdit::textChanged, this, &StagingReviewDialog::updateButtons);
    connect(m_environment, &QComboBox::currentTextChanged, this, &StagingReviewDialog::load);
    connect(&m_watcher, &QFutureWatcher<LoadedReview>::finished, this,
            &StagingReviewDialog::showLoaded);

    resize(880, 720);
    load();
}

StagingReviewDialog::~StagingReviewDialog()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

QString StagingReviewDialog::environment() const
{
    return m_environment->currentText();
}

bool StagingReviewDialog::isLoading() const
{
    return m_watcher.isRunning();
}

void StagingReviewDialog::load()
{
    m_loaded = {};
    m_rows->setRowCount(0);
    m_checklist->setRowCount(0);
    m_pipeline->hide();
    m_busy->show();
    Release::setBanner(m_banner,
                       tr("Reading %1's versions, approvals and history…").arg(environment()),
                       Release::Tone::Neutral);
    // A newer request replaces one still running: its result is dropped in showLoaded(). The
    // buttons follow once it runs, so they are disabled while it does.
    m_watcher.setFuture(QtConcurrent::run(m_loader, environment()));
    updateButtons();
}

void StagingReviewDialog::showLoaded()
{
    if (m_watcher.isRunning())
        return;
    m_loaded = m_watcher.result();
    m_busy->hide();
    if (!m_loaded.review) {
        Release::setBanner(m_banner, m_loaded.error, Release::Tone::Bad);
        updateButtons();
        emit loaded();
        return;
    }
    const Promotion::Review &review = *m_loaded.review;
    int changed = 0;
    for (const Promotion::ReviewRow &row : review.rows)
        changed += row.changed() ? 1 : 0;
    QString text;
    Release::Tone tone = Release::Tone::Good;
    if (const Approval *last = review.lastApproved()) {
        const QString who = tr("%1, approved by %2 on %3")
                                .arg(last->id, last->approvedBy, shortDate(last->approvedAt));
        if (review.lastApprovalIsStale()) {
            text = tr("The last approval (%1) is stale: %n component(s) changed since.", nullptr,
                      changed)
                       .arg(who);
            tone = Release::Tone::Warning;
        } else {
            text = tr("%1 runs exactly the approved set (%2).").arg(review.environment, who);
        }
    } else {
        text = tr("%1 has no QA approval yet: all %n component(s) are new to QA.", nullptr,
                  int(review.rows.size()))
                   .arg(review.environment);
        tone = Release::Tone::Warning;
    }
    if (!review.approvals.approvals.isEmpty()) {
        const Approval &newest = review.approvals.approvals.constLast();
        if (!newest.isApproved())
            text += u'\n'
                    + tr("Last decision: %1 rejected by %2: %3")
                          .arg(newest.id, newest.approvedBy, newest.comment);
    }
    for (const Error &problem : review.problems)
        text += u'\n' + problem.toString();
    if (!m_loaded.blocker.isEmpty()) {
        text += u'\n' + m_loaded.blocker;
        tone = Release::Tone::Bad;
    }
    Release::setBanner(m_banner, text, tone);
    showPipeline();
    fillRows();
    fillChecklist();
    updateButtons();
    emit loaded();
}

void StagingReviewDialog::showPipeline()
{
    const Pipelines::LastRun &last = m_loaded.pipeline;
    if (!last.run) {
        Release::setBanner(
            m_pipeline, tr("Last pipeline of %1: none known (%2).").arg(environment(), last.note),
            Release::Tone::Neutral);
        return;
    }
    const Pipelines::PipelineRun &run = *last.run;
    const QString outcome = run.result.isEmpty() ? run.status : run.result;
    const QDateTime when = run.finished.isValid() ? run.finished : run.started;
    QString text
        = tr("Last pipeline of %1: %2 #%3 %4 on %5, commit %6.")
              .arg(environment(), run.name, run.id, outcome, shortDate(when), run.commit.left(8));
    if (last.demoData)
        text += u' ' + tr("(Demo data, not from a CI server.)");
    else if (last.refreshed.isValid())
        text += u' ' + tr("(As of %1.)").arg(shortDate(last.refreshed));
    Release::setBanner(m_pipeline, text,
                       run.succeeded() ? Release::Tone::Good
                       : run.failed()  ? Release::Tone::Bad
                                       : Release::Tone::Neutral);
}

void StagingReviewDialog::fillRows()
{
    const Promotion::Review &review = *m_loaded.review;
    QColor highlight = Formatting::toneColor(this, Release::Tone::Warning);
    highlight.setAlpha(40);
    m_rows->setRowCount(int(review.rows.size()));
    for (int r = 0; r < review.rows.size(); ++r) {
        const Promotion::ReviewRow &row = review.rows[r];
        QString lock = row.locked ? tr("locked: %1").arg(row.lockReason) : QString();
        if (row.lockChanged)
            lock = row.locked ? tr("%1 (new since the approval)").arg(lock)
                              : tr("unlocked since the approval");
        const QStringList cells{
            row.component,
            row.approvedVersion.isEmpty() ? tr("(new)") : row.approvedVersion,
            row.currentVersion.isEmpty() ? tr("(removed)") : row.currentVersion,
            lock,
            row.mergeRequests.join(QStringLiteral(", ")),
        };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (row.changed() || (column == LockColumn && row.lockChanged)) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setBackground(highlight);
            }
            m_rows->setItem(r, column, item);
        }
    }
    m_rows->resizeColumnsToContents();
}

void StagingReviewDialog::fillChecklist()
{
    const QStringList &items = m_loaded.review->checklist;
    m_checklist->setRowCount(int(items.size()));
    for (int r = 0; r < items.size(); ++r) {
        m_checklist->setItem(r, ItemColumn, new QTableWidgetItem(items[r]));
        auto *result = new QComboBox(m_checklist);
        result->setAccessibleName(tr("Result of \"%1\"").arg(items[r]));
        result->addItem(tr("Passed"), passed());
        result->addItem(tr("Passed with remarks"), passedWithRemarks());
        result->addItem(tr("Failed"), failed());
        connect(result, &QComboBox::currentIndexChanged, this, &StagingReviewDialog::updateButtons);
        m_checklist->setCellWidget(r, ResultColumn, result);
        auto *note = new QLineEdit(m_checklist);
        note->setAccessibleName(tr("Note on \"%1\"").arg(items[r]));
        note->setPlaceholderText(tr("Note"));
        connect(note, &QLineEdit::textChanged, this, &StagingReviewDialog::updateButtons);
        m_checklist->setCellWidget(r, NoteColumn, note);
    }
    m_checklist->resizeColumnToContents(ItemColumn);
    m_checklist->resizeColumnToContents(ResultColumn);
    m_checklist->resizeRowsToContents();
    // Every item in sight without scrolling, up to about eight of them.
    int height = m_checklist->horizontalHeader()->height() + 2 * m_checklist->frameWidth();
    for (int r = 0; r < m_checklist->rowCount() && r < 8; ++r)
        height += m_checklist->rowHeight(r);
    m_checklist->setMinimumHeight(height);
    m_checklist->setMaximumHeight(height);
}

void StagingReviewDialog::setAnswer(int item, const QString &result, const QString &note)
{
    auto *box = qobject_cast<QComboBox *>(m_checklist->cellWidget(item, ResultColumn));
    auto *edit = qobject_cast<QLineEdit *>(m_checklist->cellWidget(item, NoteColumn));
    if (!box || !edit)
        return;
    box->setCurrentIndex(box->findData(result));
    edit->setText(note);
}

QList<Approval::ChecklistItem> StagingReviewDialog::answers() const
{
    QList<Approval::ChecklistItem> answers;
    for (int r = 0; r < m_checklist->rowCount(); ++r) {
        const auto *box = qobject_cast<QComboBox *>(m_checklist->cellWidget(r, ResultColumn));
        const auto *note = qobject_cast<QLineEdit *>(m_checklist->cellWidget(r, NoteColumn));
        answers.append({m_checklist->item(r, ItemColumn)->text(), box->currentData().toString(),
                        note->text().trimmed()});
    }
    return answers;
}

QString StagingReviewDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

QString StagingReviewDialog::decisionBlocker() const
{
    if (isLoading())
        return tr("Reading the environment…");
    if (!m_loaded.review)
        return m_loaded.error.isEmpty() ? tr("Reading the environment…") : m_loaded.error;
    if (!m_loaded.blocker.isEmpty())
        return m_loaded.blocker;
    return {};
}

QString StagingReviewDialog::approveBlocker() const
{
    if (const QString blocker = decisionBlocker(); !blocker.isEmpty())
        return blocker;
    const Promotion::Review &review = *m_loaded.review;
    if (review.versions.isEmpty())
        return tr("%1 has no versions to approve.").arg(review.environment);
    if (!review.approvals.approvals.isEmpty()) {
        const Approval &newest = review.approvals.approvals.constLast();
        if (newest.isApproved() && !Promotion::isStale(newest, review.versions))
            return tr("These versions are approved already (%1): nothing new to approve.")
                .arg(newest.id);
    }
    for (const Approval::ChecklistItem &answer : answers()) {
        if (answer.result == failed())
            return tr("\"%1\" failed: reject the versions, or change the answer.").arg(answer.item);
        if (answer.result == passedWithRemarks() && answer.note.isEmpty())
            return tr("\"%1\" passed with remarks: write the remarks in its note.")
                .arg(answer.item);
    }
    return {};
}

QString StagingReviewDialog::rejectBlocker() const
{
    if (const QString blocker = decisionBlocker(); !blocker.isEmpty())
        return blocker;
    if (comment().isEmpty())
        return tr("To reject, write the reason in the comment.");
    return {};
}

void StagingReviewDialog::updateButtons()
{
    const QString approve = approveBlocker();
    const QString reject = rejectBlocker();
    m_approve->setEnabled(approve.isEmpty());
    m_approve->setToolTip(approve);
    m_reject->setEnabled(reject.isEmpty());
    m_reject->setToolTip(reject);
    m_approve->setDefault(approve.isEmpty());
    // Say why the decision cannot be made, unless the banner already says it.
    QString why;
    if (!approve.isEmpty() && !reject.isEmpty() && approve != m_loaded.blocker
        && approve != m_loaded.error && !isLoading())
        why = approve + u' ' + reject;
    else if (!approve.isEmpty() && reject.isEmpty() && approve != m_loaded.blocker)
        why = approve;
    m_why->setText(why);
    m_why->setVisible(!why.isEmpty());
}

} // namespace EnvDeck
