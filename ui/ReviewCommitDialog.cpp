// SPDX-License-Identifier: GPL-3.0-or-later
// The review dialog's parts and inputs; its states (working, done, failed) are in
// ReviewCommitDialogStates.cpp.
#include "ReviewCommitDialog.h"

#include "Formatting.h"

#include "BranchName.h"
#include "DiffView.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace EnvDeck {

namespace {

// A coloured square with the status letter, as Git tools show it ("M", "A", "D").
QIcon statusIcon(const QString &status)
{
    QChar letter = u'?';
    QColor colour(0x61, 0x61, 0x61);
    if (status == QLatin1String("modified")) {
        letter = u'M';
        colour = QColor(0xa8, 0x5d, 0x00);
    } else if (status == QLatin1String("added")) {
        letter = u'A';
        colour = QColor(0x2e, 0x7d, 0x32);
    } else if (status == QLatin1String("deleted")) {
        letter = u'D';
        colour = QColor(0xc6, 0x28, 0x28);
    }
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(2, 2, 28, 28), 6, 6);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(20);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRect(0, 0, 32, 32), Qt::AlignCenter, QString(letter));
    painter.end();
    return QIcon(pixmap);
}

QString statusText(const QString &status)
{
    if (status == QLatin1String("modified"))
        return ReviewCommitDialog::tr("modified");
    if (status == QLatin1String("added"))
        return ReviewCommitDialog::tr("added");
    if (status == QLatin1String("deleted"))
        return ReviewCommitDialog::tr("deleted");
    return status;
}

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

ReviewCommitDialog::ReviewCommitDialog(const ReviewProposal &proposal, QWidget *parent)
    : QDialog(parent)
    , m_proposal(proposal)
{
    setObjectName(QStringLiteral("reviewCommitDialog"));
    setWindowTitle(tr("Review and Commit"));

    auto splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("reviewSplitter"));
    splitter->setChildrenCollapsible(false);
    if (!proposal.changes.isEmpty())
        splitter->addWidget(createChangesPart(proposal));
    splitter->addWidget(createFilesPart(proposal));
    splitter->setStretchFactor(splitter->count() - 1, 1);

    m_validation = new QLabel(proposal.validationSummary, this);
    m_validation->setObjectName(QStringLiteral("validationSummary"));
    m_validation->setVisible(!proposal.validationSummary.isEmpty());
    const QColor summaryColour
        = Formatting::toneColor(this, proposal.errors > 0     ? Formatting::Tone::Bad
                                      : proposal.warnings > 0 ? Formatting::Tone::Warning
                                                              : Formatting::Tone::Good);
    m_validation->setStyleSheet(
        QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(summaryColour.name()));

    m_commitButton = new QPushButton(tr("&Commit"), this);
    m_commitButton->setObjectName(QStringLiteral("commitButton"));
    m_commitButton->setDefault(true);
    connect(m_commitButton, &QPushButton::clicked, this, &ReviewCommitDialog::requestCommit);
    m_cancelButton = new QPushButton(tr("C&ancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setAutoDefault(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &ReviewCommitDialog::reject);
    auto buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_commitButton);
    buttons->addWidget(m_cancelButton);

    // Both Return keys: laptops often have no keypad Enter, keyboards with one use either.
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, &ReviewCommitDialog::requestCommit);
    }
    m_commitButton->setToolTip(
        tr("Commit (%1)")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));

    auto layout = new QVBoxLayout(this);
    layout->addWidget(m_validation);
    layout->addWidget(splitter, 1);
    layout->addWidget(createCommitPart(proposal));
    layout->addWidget(createStatusPart());
    layout->addLayout(buttons);

    resize(980, 780);
    if (proposal.files.isEmpty())
        showFile(-1);
    else
        m_files->setCurrentItem(m_files->topLevelItem(0));
    setState(State::Review);
    // Top to bottom: what changes, where and how to commit, then the buttons, which are made
    // before the commit part and would otherwise come between the diff and the branch.
    setTabOrder(m_diff, m_currentBranch);
    setTabOrder(m_currentBranch, m_newBranch);
    setTabOrder(m_newBranch, m_branchEdit);
    setTabOrder(m_branchEdit, m_message);
    setTabOrder(m_message, m_push);
    setTabOrder(m_push, m_mergeRequest);
    setTabOrder(m_mergeRequest, m_commitButton);
    setTabOrder(m_commitButton, m_cancelButton);
    m_message->setFocus();
}

ReviewCommitDialog::~ReviewCommitDialog() = default;

QWidget *ReviewCommitDialog::createChangesPart(const ReviewProposal &proposal)
{
    auto part = new QWidget(this);
    m_changes = new QTableWidget(int(proposal.changes.size()), 5, part);
    m_changes->setObjectName(QStringLiteral("versionChanges"));
    m_changes->setAccessibleName(tr("Version changes"));
    m_changes->setHorizontalHeaderLabels(
        {tr("Component"), tr("Environment"), tr("From"), tr("To"), tr("Lock change")});
    m_changes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_changes->setTabKeyNavigation(false);
    m_changes->setWordWrap(false);
    m_changes->verticalHeader()->hide();
    int row = 0;
    for (const VersionChangeRow &change : proposal.changes) {
        const QStringList cells{change.component, change.environment, change.from, change.to,
                                change.lockChange};
        for (int column = 0; column < int(cells.size()); ++column) {
            auto item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_changes->setItem(row, column, item);
        }
        ++row;
    }
    m_changes->resizeColumnsToContents();
    m_changes->horizontalHeader()->setStretchLastSection(true);
    // As tall as its rows, up to eight: the files and diffs below need the room more.
    m_changes->verticalHeader()->setDefaultSectionSize(m_changes->fontMetrics().height() + 8);
    m_changes->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    const int rows = std::clamp(int(proposal.changes.size()), 1, 8);
    m_changes->setMaximumHeight(m_changes->horizontalHeader()->sizeHint().height()
                                + 2 * m_changes->frameWidth()
                                + rows * m_changes->verticalHeader()->defaultSectionSize());

    auto layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buddyLabel(tr("&Version changes:"), m_changes, part));
    layout->addWidget(m_changes, 1);
    return part;
}

QWidget *ReviewCommitDialog::createFilesPart(const ReviewProposal &proposal)
{
    m_files = new QTreeWidget(this);
    m_files->setObjectName(QStringLiteral("changedFiles"));
    m_files->setAccessibleName(tr("Changed files"));
    m_files->setColumnCount(2);
    m_files->setHeaderLabels({tr("File"), tr("Lines")});
    m_files->setRootIsDecorated(false);
    m_files->setUniformRowHeights(true);
    m_files->setTextElideMode(Qt::ElideLeft); // the file name matters more than its folders
    for (const ChangedFile &file : proposal.files) {
        auto item = new QTreeWidgetItem(m_files);
        item->setIcon(0, statusIcon(file.status));
        item->setText(0, file.path);
        const QString described
            = tr("%1: %2", "file status: path").arg(statusText(file.status), file.path);
        item->setToolTip(0, described);
        item->setData(0, Qt::AccessibleTextRole, described);
        item->setText(1, QStringLiteral("+%1 \u2212%2").arg(file.insertions).arg(file.deletions));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(1,
                         tr("%1 lines added, %2 removed").arg(file.insertions).arg(file.deletions));
    }
    m_files->header()->setStretchLastSection(false);
    m_files->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_files->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(m_files, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { showFile(m_files->indexOfTopLevelItem(current)); });

    m_diff = new DiffView(this);

    auto left = new QWidget(this);
    auto leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(buddyLabel(proposal.files.size() == 1
                                         ? tr("Changed &file:")
                                         : tr("Changed &files (%1):").arg(proposal.files.size()),
                                     m_files, left));
    leftLayout->addWidget(m_files, 1);
    auto right = new QWidget(this);
    auto rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(buddyLabel(tr("&Diff:"), m_diff, right));
    rightLayout->addWidget(m_diff, 1);

    auto splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("filesSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({380, 600});
    return splitter;
}

QWidget *ReviewCommitDialog::createCommitPart(const ReviewProposal &proposal)
{
    auto part = new QWidget(this);

    auto where = new QGroupBox(tr("Commit on"), part);
    where->setObjectName(QStringLiteral("commitOn"));
    m_currentBranch = new QRadioButton(proposal.currentBranch.isEmpty()
                                           ? tr("C&urrent branch")
                                           : tr("C&urrent branch: %1").arg(proposal.currentBranch),
                                       where);
    m_currentBranch->setObjectName(QStringLiteral("currentBranch"));
    m_newBranch = new QRadioButton(tr("&New branch:"), where);
    m_newBranch->setObjectName(QStringLiteral("newBranch"));
    auto group = new QButtonGroup(where);
    group->addButton(m_currentBranch);
    group->addButton(m_newBranch);
    m_branchEdit = new QLineEdit(proposal.suggestedBranch, where);
    m_branchEdit->setObjectName(QStringLiteral("branchName"));
    m_branchEdit->setAccessibleName(tr("New branch name"));
    m_branchProblem = new QLabel(where);
    m_branchProblem->setObjectName(QStringLiteral("branchProblem"));
    m_branchProblem->setWordWrap(true);
    m_branchProblem->setStyleSheet(
        QStringLiteral("QLabel { color: %1; }")
            .arg(Formatting::toneColor(this, Formatting::Tone::Bad).name()));
    (proposal.suggestedBranch.isEmpty() ? m_currentBranch : m_newBranch)->setChecked(true);
    connect(m_newBranch, &QRadioButton::clicked, m_branchEdit,
            [this] { m_branchEdit->setFocus(Qt::ShortcutFocusReason); });
    // Typing a name means the user wants a new branch.
    connect(m_branchEdit, &QLineEdit::textEdited, m_newBranch,
            [this] { m_newBranch->setChecked(true); });
    connect(m_branchEdit, &QLineEdit::textChanged, this, &ReviewCommitDialog::updateInputs);
    connect(group, &QButtonGroup::buttonToggled, this, &ReviewCommitDialog::updateInputs);

    auto whereLayout = new QGridLayout(where);
    whereLayout->addWidget(m_currentBranch, 0, 0, 1, 2);
    whereLayout->addWidget(m_newBranch, 1, 0);
    whereLayout->addWidget(m_branchEdit, 1, 1);
    whereLayout->addWidget(m_branchProblem, 2, 1);
    whereLayout->setColumnStretch(1, 1);

    m_message = new QPlainTextEdit(proposal.message, part);
    m_message->setObjectName(QStringLiteral("commitMessage"));
    m_message->setAccessibleName(tr("Commit message"));
    m_message->setTabChangesFocus(true);
    m_message->setFixedHeight(m_message->fontMetrics().lineSpacing() * 5
                              + 2 * m_message->frameWidth() + 8);
    connect(m_message, &QPlainTextEdit::textChanged, this, &ReviewCommitDialog::updateInputs);

    m_push = new QCheckBox(tr("&Push to remote"), part);
    m_push->setObjectName(QStringLiteral("pushToRemote"));
    m_mergeRequest = new QCheckBox(proposal.providerName.isEmpty()
                                       ? tr("Open merge &request")
                                       : tr("Open merge &request on %1").arg(proposal.providerName),
                                   part);
    m_mergeRequest->setObjectName(QStringLiteral("openMergeRequest"));
    m_push->setChecked(proposal.hasRemote);
    m_mergeRequest->setChecked(proposal.hasRemote && !proposal.providerName.isEmpty());
    if (!proposal.hasRemote) {
        m_push->setToolTip(tr("This repository has no remote to push to."));
        m_mergeRequest->setToolTip(
            tr("A merge request needs the branch on a remote, and this repository has none."));
    } else if (proposal.providerName.isEmpty()) {
        m_mergeRequest->setToolTip(tr("No forge is configured for this repository: set "
                                      "\"forge\" in .envdeck.yaml to open merge requests."));
    }
    // A merge request needs the branch on the remote.
    connect(m_push, &QCheckBox::toggled, m_mergeRequest, [this](bool push) {
        if (!push)
            m_mergeRequest->setChecked(false);
    });
    connect(m_mergeRequest, &QCheckBox::toggled, m_push, [this](bool mergeRequest) {
        if (mergeRequest)
            m_push->setChecked(true);
    });

    auto options = new QHBoxLayout;
    options->addWidget(m_push);
    options->addWidget(m_mergeRequest);
    options->addStretch(1);

    auto layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(where);
    layout->addWidget(buddyLabel(tr("&Message:"), m_message, part));
    layout->addWidget(m_message);
    layout->addLayout(options);
    return part;
}

void ReviewCommitDialog::showFile(int index)
{
    if (index < 0 || index >= m_proposal.files.size()) {
        m_diff->setPatch({}, tr("Select a file to see its changes."));
        return;
    }
    const ChangedFile &file = m_proposal.files.at(index);
    m_diff->setPatch(file.patch, tr("No textual changes in %1.").arg(file.path));
}

ReviewDecision ReviewCommitDialog::decision() const
{
    ReviewDecision decision;
    if (m_newBranch->isChecked())
        decision.branch = m_branchEdit->text();
    // Git keeps leading blank lines and trailing spaces otherwise; neither is meant.
    decision.message = m_message->toPlainText().trimmed();
    decision.push = m_push->isChecked();
    decision.openMergeRequest = m_mergeRequest->isChecked();
    return decision;
}

QString ReviewCommitDialog::branchProblem() const
{
    const QString name = m_branchEdit->text();
    if (!m_proposal.currentBranch.isEmpty() && name == m_proposal.currentBranch)
        return tr("%1 is the current branch: choose “Current branch” to commit on it.")
            .arg(QStringLiteral("“%1”").arg(name));
    return BranchName::problem(name);
}

QString ReviewCommitDialog::commitBlocker() const
{
    if (m_newBranch->isChecked()) {
        const QString problem = branchProblem();
        if (!problem.isEmpty())
            return problem;
    }
    if (m_message->toPlainText().trimmed().isEmpty())
        return tr("Enter a commit message.");
    return {};
}

void ReviewCommitDialog::requestCommit()
{
    if (m_state != State::Review || !commitBlocker().isEmpty())
        return;
    const ReviewDecision chosen = decision();
    setState(State::Working);
    setStep(tr("Committing…"));
    emit commitRequested(chosen);
}

} // namespace EnvDeck
