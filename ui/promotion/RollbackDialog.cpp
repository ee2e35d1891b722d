// SPDX-License-Identifier: GPL-3.0-or-later
#include "RollbackDialog.h"

#include "ReleaseSupport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>

namespace EnvDeck {

RollbackDialog::RollbackDialog(const Validation::ValidationInput &input, const QString &environment,
                               Planner planner, QWidget *parent)
    : QDialog(parent)
    , m_input(input)
{
    setObjectName(QStringLiteral("rollbackDialog"));
    setWindowTitle(tr("Roll Back"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Sets the environment's versions back to an earlier QA approval "
                                "or to what it ran at an earlier commit. Only the components "
                                "that differ change; nothing else is reverted."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_environment = new QComboBox(this);
    m_environment->setObjectName(QStringLiteral("rollbackEnvironment"));
    for (const Validation::EnvironmentInput &candidate : m_input.environments) {
        if (!candidate.versionsFile.isEmpty())
            m_environment->addItem(candidate.name);
    }
    m_environment->setCurrentText(environment);
    form->addRow(tr("&Environment:"), m_environment);

    m_toApproval = new QRadioButton(tr("To the QA &approval:"), this);
    m_toApproval->setObjectName(QStringLiteral("rollbackToApproval"));
    m_approval = new QComboBox(this);
    m_approval->setObjectName(QStringLiteral("rollbackApproval"));
    m_approval->setAccessibleName(tr("Earlier approval"));
    form->addRow(m_toApproval, m_approval);
    m_toRevision = new QRadioButton(tr("To the &revision:"), this);
    m_toRevision->setObjectName(QStringLiteral("rollbackToRevision"));
    m_revision = new QLineEdit(this);
    m_revision->setObjectName(QStringLiteral("rollbackRevision"));
    m_revision->setAccessibleName(tr("Earlier revision"));
    m_revision->setPlaceholderText(tr("A commit, tag or branch: HEAD~3, v2.4.0, 1a2b3c4d"));
    form->addRow(m_toRevision, m_revision);
    layout->addLayout(form);

    m_preview = new Release::PlanPreview(this);
    layout->addWidget(m_preview, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_rollBack = buttons->addButton(tr("Roll &Back…"), QDialogButtonBox::AcceptRole);
    m_rollBack->setObjectName(QStringLiteral("rollBackButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_rollBack->isEnabled())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_runner = new Release::PlanRunner(
        std::move(planner), [this] { return request(); }, this);
    connect(m_runner, &Release::PlanRunner::started, this, [this] {
        m_preview->setBusy(tr("Working out the rollback and validating it…"));
        updateButton();
    });
    connect(m_runner, &Release::PlanRunner::planned, this, [this] {
        m_preview->setPlan(m_runner->plan());
        updateButton();
        emit planned();
    });
    connect(m_environment, &QComboBox::currentTextChanged, this, &RollbackDialog::fillApprovals);
    connect(m_approval, &QComboBox::currentIndexChanged, this, [this] {
        m_toApproval->setChecked(true);
        schedulePlan();
    });
    connect(m_revision, &QLineEdit::textEdited, this, [this] {
        m_toRevision->setChecked(true);
        schedulePlan();
    });
    connect(m_toApproval, &QRadioButton::toggled, this, &RollbackDialog::schedulePlan);

    resize(760, 520);
    fillApprovals();
}

RollbackDialog::~RollbackDialog() = default;

void RollbackDialog::fillApprovals()
{
    const QString name = m_environment->currentText();
    const Validation::EnvironmentInput *environment = m_input.findEnvironment(name);
    QMap<QString, QString> current;
    if (environment) {
        for (const auto &component : environment->components)
            current.insert(component.name, component.version);
    }
    // The environment's own approvals and those of the one it promotes from, newest first.
    QList<Approval> approvals;
    QStringList sources{name};
    if (environment && !environment->promotesFrom.isEmpty())
        sources << environment->promotesFrom;
    for (const QString &source : sources) {
        for (const Approval &approval : m_input.approvals.value(source).approvals) {
            if (approval.isApproved())
                approvals << approval;
        }
    }
    std::stable_sort(approvals.begin(), approvals.end(), [](const Approval &a, const Approval &b) {
        return a.approvedAt > b.approvedAt;
    });

    const QSignalBlocker blocker(m_approval);
    m_approval->clear();
    int preferred = -1;
    for (const Approval &approval : std::as_const(approvals)) {
        m_approval->addItem(
            tr("%1 (%2, approved by %3 on %4)")
                .arg(approval.id, approval.environment, approval.approvedBy,
                     QLocale().toString(approval.approvedAt.toLocalTime(), QLocale::ShortFormat)),
            approval.id);
        // The default: the newest approval that differs from what the environment runs.
        bool differs = false;
        for (auto it = approval.versions.cbegin(); it != approval.versions.cend(); ++it)
            differs = differs || (current.contains(it.key()) && current.value(it.key()) != *it);
        if (differs && preferred < 0)
            preferred = m_approval->count() - 1;
    }
    m_approval->setCurrentIndex(std::max(preferred, 0));
    m_toApproval->setEnabled(m_approval->count() > 0);
    m_approval->setEnabled(m_approval->count() > 0);
    if (m_approval->count() > 0)
        m_toApproval->setChecked(true);
    else
        m_toRevision->setChecked(true);
    startPlanning();
}

Promotion::Request RollbackDialog::request() const
{
    Promotion::Request request;
    request.targets = {m_environment->currentText()};
    request.rollbackTo = m_toApproval->isChecked() ? m_approval->currentData().toString()
                                                   : m_revision->text().trimmed();
    return request;
}

bool RollbackDialog::isPlanning() const
{
    return m_runner->isPlanning();
}

const Promotion::Plan &RollbackDialog::plan() const
{
    return m_runner->plan();
}

void RollbackDialog::schedulePlan()
{
    if (request().rollbackTo.isEmpty()) {
        startPlanning(); // says what to choose, at once
        return;
    }
    m_runner->schedule();
    updateButton();
}

void RollbackDialog::startPlanning()
{
    if (request().rollbackTo.isEmpty()) {
        m_runner->clear();
        m_preview->clear();
        Release::setBanner(m_preview->statusLabel(),
                           tr("Choose an earlier approval, or type a revision."),
                           Release::Tone::Neutral);
        updateButton();
        return;
    }
    m_runner->start();
}

void RollbackDialog::updateButton()
{
    m_rollBack->setEnabled(!isPlanning() && plan().outcome == Promotion::Plan::Outcome::Ready);
}

} // namespace EnvDeck
