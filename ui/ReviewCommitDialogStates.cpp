// SPDX-License-Identifier: GPL-3.0-or-later
// The review dialog while the caller works (progress), when it is done (commit id, merge request
// link) and when it failed (the message and the recoveries offered).
#include "ReviewCommitDialog.h"

#include "Formatting.h"

#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QFrame>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace EnvDeck {

namespace {

constexpr int ShortIdLength = 7; // what `git log --oneline` shows

} // namespace

QWidget *ReviewCommitDialog::createStatusPart()
{
    auto part = new QWidget(this);

    m_stepLabel = new QLabel(part);
    m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
    m_progress = new QProgressBar(part);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setTextVisible(false);

    m_failureFrame = new QFrame(part);
    m_failureFrame->setObjectName(QStringLiteral("failureFrame"));
    const QColor bad = Formatting::toneColor(this, Formatting::Tone::Bad);
    m_failureFrame->setStyleSheet(QStringLiteral("QFrame#failureFrame { border: 1px solid %1; "
                                                 "border-radius: 4px; }")
                                      .arg(bad.name()));
    m_failureLabel = new QLabel(m_failureFrame);
    m_failureLabel->setObjectName(QStringLiteral("failureMessage"));
    m_failureLabel->setWordWrap(true);
    m_failureLabel->setTextFormat(Qt::PlainText);
    m_failureLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failureLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(bad.name()));
    auto recoveries = new QHBoxLayout;
    const std::pair<Recovery, QString> choices[] = {
        {Recovery::Retry, tr("Re&try")},
        {Recovery::FetchAndRebase, tr("Fetch and re&base")},
        {Recovery::PushAsNewBranch, tr("Push as ne&w branch")},
    };
    for (const auto &[choice, text] : choices) {
        auto button = new QPushButton(text, m_failureFrame);
        button->setObjectName(QStringLiteral("recovery%1").arg(int(choice)));
        button->setProperty("recovery", int(choice));
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, choice] {
            if (m_state != State::Failed)
                return;
            setState(State::Working);
            setStep(choice == Recovery::Retry            ? tr("Retrying…")
                    : choice == Recovery::FetchAndRebase ? tr("Fetching and rebasing…")
                                                         : tr("Pushing to a new branch…"));
            emit recoveryRequested(choice);
        });
        recoveries->addWidget(button);
        m_recoveryButtons.append(button);
    }
    recoveries->addStretch(1);
    auto failureLayout = new QVBoxLayout(m_failureFrame);
    failureLayout->addWidget(m_failureLabel);
    failureLayout->addLayout(recoveries);

    m_resultFrame = new QFrame(part);
    m_resultFrame->setObjectName(QStringLiteral("resultFrame"));
    m_commitLabel = new QLabel(m_resultFrame);
    m_commitLabel->setObjectName(QStringLiteral("commitLabel"));
    m_commitLabel->setTextFormat(Qt::RichText);
    m_copyButton = new QPushButton(tr("C&opy commit id"), m_resultFrame);
    m_copyButton->setObjectName(QStringLiteral("copyCommitId"));
    m_copyButton->setAutoDefault(false);
    connect(m_copyButton, &QPushButton::clicked, this, &ReviewCommitDialog::copyCommitId);
    m_resultLabel = new QLabel(m_resultFrame);
    m_resultLabel->setObjectName(QStringLiteral("mergeRequestLink"));
    m_resultLabel->setTextFormat(Qt::RichText);
    m_resultLabel->setOpenExternalLinks(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto commitRow = new QHBoxLayout;
    commitRow->addWidget(m_commitLabel);
    commitRow->addWidget(m_copyButton);
    commitRow->addStretch(1);
    auto resultLayout = new QVBoxLayout(m_resultFrame);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addLayout(commitRow);
    resultLayout->addWidget(m_resultLabel);

    auto layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stepLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_failureFrame);
    layout->addWidget(m_resultFrame);
    return part;
}

QList<QPushButton *> ReviewCommitDialog::recoveryButtons() const
{
    QList<QPushButton *> offered;
    for (QPushButton *button : m_recoveryButtons) {
        if (!button->isHidden())
            offered.append(button);
    }
    return offered;
}

void ReviewCommitDialog::setState(State state)
{
    m_state = state;
    const bool working = state == State::Working;
    m_stepLabel->setVisible(working);
    m_progress->setVisible(working);
    m_failureFrame->setVisible(state == State::Failed);
    m_resultFrame->setVisible(state == State::Done);
    m_commitButton->setVisible(state == State::Review || working);
    // Closing while the caller commits or pushes would leave the user guessing what happened.
    m_cancelButton->setEnabled(!working);
    m_cancelButton->setText(state == State::Done ? tr("C&lose") : tr("C&ancel"));
    if (state == State::Done || state == State::Failed)
        m_cancelButton->setFocus();
    updateInputs();
}

void ReviewCommitDialog::updateInputs()
{
    const bool idle = m_state == State::Review;
    m_currentBranch->parentWidget()->setEnabled(idle);
    m_message->setReadOnly(!idle);
    m_message->setEnabled(idle);
    m_push->setEnabled(idle && m_proposal.hasRemote);
    m_mergeRequest->setEnabled(idle && m_proposal.hasRemote && !m_proposal.providerName.isEmpty());

    const bool newBranch = m_newBranch->isChecked();
    const QString problem = newBranch ? branchProblem() : QString();
    m_branchProblem->setText(problem);
    m_branchProblem->setVisible(idle && !problem.isEmpty());

    const QString blocker = commitBlocker();
    m_commitButton->setEnabled(idle && blocker.isEmpty());
    m_commitButton->setToolTip(
        blocker.isEmpty()
            ? tr("Commit (%1)")
                  .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText))
            : blocker);
}

void ReviewCommitDialog::setStep(const QString &text)
{
    // A step after a failure means the caller started a recovery of its own.
    if (m_state == State::Review || m_state == State::Failed)
        setState(State::Working);
    if (m_state != State::Working)
        return;
    m_stepLabel->setText(text);
    m_progress->setRange(0, 0);
}

void ReviewCommitDialog::setProgress(qint64 done, qint64 total)
{
    if (total <= 0) {
        m_progress->setRange(0, 0); // busy: the caller cannot say how far it is
        return;
    }
    // QProgressBar counts in int; per mille keeps pushes of several GiB exact enough.
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(std::clamp<qint64>(done, 0, total) * 1000 / total));
}

void ReviewCommitDialog::setFinished(const QString &commitId, const QUrl &mergeRequestUrl,
                                     const QString &mergeRequestReference)
{
    m_commitId = commitId;
    const ReviewDecision chosen = decision();
    const QString branch = chosen.branch.isEmpty() ? m_proposal.currentBranch : chosen.branch;
    const QString shortId = commitId.left(ShortIdLength).toHtmlEscaped();
    m_commitLabel->setText(
        branch.isEmpty()
            ? tr("Committed <b>%1</b>.").arg(shortId)
            : tr("Committed <b>%1</b> on <b>%2</b>.").arg(shortId, branch.toHtmlEscaped()));
    m_commitLabel->setToolTip(commitId);
    m_copyButton->setVisible(!commitId.isEmpty());

    QString result;
    if (!mergeRequestUrl.isEmpty()) {
        const QString text = mergeRequestReference.isEmpty() ? mergeRequestUrl.toDisplayString()
                                                             : mergeRequestReference;
        result = tr("Merge request: %1")
                     .arg(QStringLiteral("<a href=\"%1\">%2</a>")
                              .arg(QString::fromUtf8(mergeRequestUrl.toEncoded()).toHtmlEscaped(),
                                   text.toHtmlEscaped()));
        m_resultLabel->setToolTip(mergeRequestUrl.toDisplayString());
    } else if (!mergeRequestReference.isEmpty()) {
        result = tr("Merge request: %1").arg(mergeRequestReference.toHtmlEscaped());
    }
    m_resultLabel->setText(result);
    m_resultLabel->setVisible(!result.isEmpty());
    setState(State::Done);
}

void ReviewCommitDialog::setFailed(const QString &message, Recoveries offered)
{
    m_failureLabel->setText(message);
    for (QPushButton *button : std::as_const(m_recoveryButtons))
        button->setVisible(offered.testFlag(Recovery(button->property("recovery").toInt())));
    setState(State::Failed);
    if (const QList<QPushButton *> buttons = recoveryButtons(); !buttons.isEmpty())
        buttons.first()->setFocus();
}

void ReviewCommitDialog::copyCommitId()
{
    QGuiApplication::clipboard()->setText(m_commitId);
}

void ReviewCommitDialog::reject()
{
    if (m_state == State::Working)
        return;
    QDialog::reject();
}

void ReviewCommitDialog::closeEvent(QCloseEvent *event)
{
    if (m_state == State::Working) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

} // namespace EnvDeck
