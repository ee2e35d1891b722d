// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReleaseController.h"

#include "PromotionWizard.h"
#include "PublishController.h"
#include "ReleaseSupport.h"
#include "RollbackDialog.h"
#include "StagingReviewDialog.h"
#include "UiLogging.h"

#include "git/Repository.h"
#include "settings/CommitIdentity.h"

#include <QAction>
#include <QDateTime>
#include <QMessageBox>

namespace EnvDeck {

namespace {

// The environment QA reviews by default: staging by name or by tier, else the selected one.
QString defaultReviewEnvironment(const ReleaseContext &context, const QStringList &candidates)
{
    if (candidates.contains(QStringLiteral("staging")))
        return QStringLiteral("staging");
    for (const Validation::EnvironmentInput &environment : context.input.environments) {
        if (environment.tier == Tier::Staging && candidates.contains(environment.name))
            return environment.name;
    }
    return candidates.contains(context.environment) ? context.environment : candidates.value(0);
}

LoadedReview loadReview(const Validation::ValidationInput &input, const QString &root,
                        const QString &environment)
{
    LoadedReview loaded;
    auto review = Promotion::reviewEnvironment(input, environment);
    if (!review) {
        loaded.error = review.error().toString();
        return loaded;
    }
    loaded.review = *review;
    loaded.pipeline = Pipelines::lastRunFor(root, environment);
    // A decision is on a committed version set: HEAD is what gets recorded as reviewed.
    const Validation::EnvironmentInput *found = input.findEnvironment(environment);
    const QString versionsFile = found ? found->versionsFile : QString();
    auto repository = Git::Repository::open(root);
    if (!repository) {
        loaded.blocker = repository.error().toString();
        return loaded;
    }
    if (auto status = repository->status()) {
        for (const Git::StatusEntry &entry : *status) {
            if (!versionsFile.isEmpty() && entry.path == versionsFile)
                loaded.blocker
                    = StagingReviewDialog::tr("%1 has uncommitted changes: commit or discard "
                                              "them first, so the decision is on what was "
                                              "committed.")
                          .arg(versionsFile);
        }
    }
    return loaded;
}

} // namespace

ReleaseController::ReleaseController(QWidget *window, PublishController *publish,
                                     ContextProvider context, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_publish(publish)
    , m_context(std::move(context))
{
    m_reviewAction = new QAction(tr("&QA Review…"), this);
    m_reviewAction->setObjectName(QStringLiteral("actionQaReview"));
    m_reviewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_reviewAction->setStatusTip(
        tr("Review what staging runs against its last approval, then approve or reject it"));
    connect(m_reviewAction, &QAction::triggered, this, &ReleaseController::reviewEnvironment);

    m_promoteAction = new QAction(tr("&Promote…"), this);
    m_promoteAction->setObjectName(QStringLiteral("actionPromote"));
    m_promoteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_promoteAction->setStatusTip(
        tr("Promote the approved versions of staging to production and customer clusters"));
    connect(m_promoteAction, &QAction::triggered, this, &ReleaseController::promote);

    m_rollbackAction = new QAction(tr("Roll &Back…"), this);
    m_rollbackAction->setObjectName(QStringLiteral("actionRollBack"));
    m_rollbackAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_rollbackAction->setStatusTip(
        tr("Set an environment back to an earlier approval or revision"));
    connect(m_rollbackAction, &QAction::triggered, this, &ReleaseController::rollBack);
}

ReleaseController::~ReleaseController() = default;

StagingReviewDialog *ReleaseController::reviewDialog() const
{
    return m_reviewDialog;
}

PromotionWizard *ReleaseController::promotionWizard() const
{
    return m_wizard;
}

RollbackDialog *ReleaseController::rollbackDialog() const
{
    return m_rollbackDialog;
}

void ReleaseController::setEnabled(bool enabled)
{
    m_reviewAction->setEnabled(enabled);
    m_promoteAction->setEnabled(enabled);
    m_rollbackAction->setEnabled(enabled);
}

bool ReleaseController::refuseUncommitted(const ReleaseContext &context, const QString &what)
{
    if (!context.hasUncommittedEdits)
        return false;
    QMessageBox::information(
        m_window, what,
        tr("EnvDeck has changes that are not committed yet. Commit them (Git ▸ Review & Commit) "
           "or discard them first, so the %1 holds nothing else.")
            .arg(what.toLower()));
    return true;
}

void ReleaseController::reviewEnvironment()
{
    if (m_reviewDialog) {
        m_reviewDialog->raise();
        m_reviewDialog->activateWindow();
        return;
    }
    m_reviewContext = m_context();
    if (!m_reviewContext)
        return;
    QStringList candidates;
    for (const Validation::EnvironmentInput &environment : m_reviewContext->input.environments) {
        if (!environment.versionsFile.isEmpty())
            candidates << environment.name;
    }
    const Validation::ValidationInput input = m_reviewContext->input;
    const QString root = m_reviewContext->root;
    auto *dialog = new StagingReviewDialog(
        candidates, defaultReviewEnvironment(*m_reviewContext, candidates),
        [input, root](const QString &environment) { return loadReview(input, root, environment); },
        m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_reviewDialog = dialog;
    connect(dialog, &StagingReviewDialog::decided, this, &ReleaseController::decide);
    dialog->open();
}

void ReleaseController::decide(bool approve)
{
    StagingReviewDialog *dialog = m_reviewDialog;
    if (!dialog || !dialog->review() || !m_reviewContext)
        return;
    const ReleaseContext &context = *m_reviewContext;
    const Promotion::Review &review = *dialog->review();
    if (!m_publish->ensureIdentity(context.root))
        return;
    auto repository = Git::Repository::open(context.root);
    if (!repository) {
        QMessageBox::warning(dialog, dialog->windowTitle(), repository.error().toString());
        return;
    }
    // The decision is signed by whoever the commit will be authored by.
    Result<Git::Signature> identity = Error(QString());
    if (auto configured = Settings::configuredIdentity())
        identity = *configured;
    else
        identity = repository->identity();
    auto head = repository->headCommit();
    if (!identity || !head) {
        QMessageBox::warning(dialog, dialog->windowTitle(),
                             !identity ? identity.error().toString() : head.error().toString());
        return;
    }
    Promotion::Decision decision;
    decision.environment = review.environment;
    decision.approve = approve;
    decision.comment = dialog->comment();
    decision.by = QStringLiteral("%1 <%2>").arg(identity->name, identity->email);
    decision.at = QDateTime::currentDateTimeUtc();
    decision.commit = *head;
    decision.versions = review.versions;
    decision.answers = dialog->answers();
    auto edit = Promotion::renderDecision(context.root, decision);
    if (!edit) {
        QMessageBox::warning(dialog, dialog->windowTitle(), edit.error().toString());
        return;
    }
    qCInfo(lcUi) << (approve ? "approving" : "rejecting") << review.environment << "in"
                 << edit->file;
    if (publish(context, {*edit}, Promotion::describeDecision(review, decision, *edit), nullptr))
        dialog->accept();
}

void ReleaseController::promote()
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    const std::optional<ReleaseContext> context = m_context();
    if (!context || refuseUncommitted(*context, tr("Promotion")))
        return;
    if (PromotionWizard::sourcesOf(context->input).isEmpty()) {
        QMessageBox::information(m_window, tr("Promote"),
                                 tr("No environment in .envdeck.yaml has `promotes_from`, so "
                                    "there is nothing to promote to."));
        return;
    }
    const Validation::ValidationInput input = context->input;
    auto *wizard = new PromotionWizard(
        input,
        [input](const Promotion::Request &request) {
            return Promotion::planPromotion(input, request);
        },
        m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    m_wizard = wizard;
    connect(wizard, &QDialog::accepted, this, [this, wizard, context] {
        const Promotion::Plan plan = wizard->plan();
        if (plan.outcome == Promotion::Plan::Outcome::Ready)
            publish(*context, plan.edits, Promotion::describePlan(plan), &plan);
    });
    wizard->open();
}

void ReleaseController::rollBack()
{
    if (m_rollbackDialog) {
        m_rollbackDialog->raise();
        m_rollbackDialog->activateWindow();
        return;
    }
    const std::optional<ReleaseContext> context = m_context();
    if (!context || refuseUncommitted(*context, tr("Rollback")))
        return;
    const Validation::ValidationInput input = context->input;
    auto *dialog = new RollbackDialog(
        input, context->environment,
        [input](const Promotion::Request &request) {
            return Promotion::planRollback(input, request);
        },
        m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_rollbackDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, context] {
        const Promotion::Plan plan = dialog->plan();
        if (plan.outcome == Promotion::Plan::Outcome::Ready)
            publish(*context, plan.edits, Promotion::describePlan(plan), &plan);
    });
    dialog->open();
}

bool ReleaseController::publish(const ReleaseContext &context,
                                const QList<Promotion::FileEdit> &edits,
                                const Promotion::ChangeText &text, const Promotion::Plan *plan)
{
    if (auto written = Promotion::writeEdits(edits); !written) {
        QMessageBox::warning(m_window, text.title, written.error().toString());
        return false;
    }
    QStringList files;
    for (const Promotion::FileEdit &edit : edits)
        files << edit.file;
    PublishController::Wording wording;
    wording.message = text.message;
    wording.branch = text.branch;
    wording.description = text.description;
    Validation::Report report = context.report;
    if (plan) {
        wording.changes = Release::changeRows(*plan, context.input);
        // The review shows what validation says with the change applied.
        report = {};
        report.findings = plan->findings;
    }
    QPointer<ReleaseController> self(this);
    QPointer<QWidget> window(m_window);
    wording.closed = [self, window, edits, files](bool committed) {
        if (committed)
            return;
        // No commit: the files go back as they were, so nothing is left half done.
        if (auto undone = Promotion::undoEdits(edits); !undone && window)
            QMessageBox::warning(window, tr("Nothing committed"), undone.error().toString());
        if (self)
            emit self->editsUndone(files);
    };
    emit editsWritten(files);
    m_publish->review(context.root, files, context.input, report, std::move(wording));
    return true;
}

} // namespace EnvDeck
