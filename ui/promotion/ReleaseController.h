// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "promotion/ChangeText.h"
#include "validation/Finding.h"
#include "validation/ValidationInput.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QWidget;

namespace EnvDeck {

class PromotionWizard;
class PublishController;
class RollbackDialog;
class StagingReviewDialog;

// The repository a release action works on, as the window has it loaded.
struct ReleaseContext
{
    QString root;
    Validation::ValidationInput input; // loaded with HEAD as its base
    Validation::Report report;         // its latest validation
    QString environment;               // the one selected in the window
    bool hasUncommittedEdits = false;  // versions or modules EnvDeck changed and did not commit
};

// Release ▸ QA Review, Promote and Roll Back: opens their dialogs, writes what they decide and
// hands the files to the commit / merge request flow, exactly like the window's other edits.
// When no commit is made (the review is cancelled), the written files are put back.
class ReleaseController : public QObject
{
    Q_OBJECT
public:
    using ContextProvider = std::function<std::optional<ReleaseContext>()>;
    ReleaseController(QWidget *window, PublishController *publish, ContextProvider context,
                      QObject *parent = nullptr);
    ~ReleaseController() override;

    QAction *reviewAction() const { return m_reviewAction; }
    QAction *promoteAction() const { return m_promoteAction; }
    QAction *rollbackAction() const { return m_rollbackAction; }
    void setEnabled(bool enabled);

    void reviewEnvironment();
    void promote();
    void rollBack();

    // The dialog on screen, for tests and screenshots; null when none is open.
    StagingReviewDialog *reviewDialog() const;
    PromotionWizard *promotionWizard() const;
    RollbackDialog *rollbackDialog() const;

signals:
    // Files were written and handed to the Review & Commit dialog.
    void editsWritten(const QStringList &files);
    // Files written for a review that ended without a commit were put back.
    void editsUndone(const QStringList &files);

private:
    void decide(bool approve);
    // Writes `edits` and opens the Review & Commit dialog for them. False: nothing was written.
    bool publish(const ReleaseContext &context, const QList<Promotion::FileEdit> &edits,
                 const Promotion::ChangeText &text, const Promotion::Plan *plan);
    bool refuseUncommitted(const ReleaseContext &context, const QString &what);

    QWidget *m_window = nullptr;
    PublishController *m_publish = nullptr;
    ContextProvider m_context;
    QAction *m_reviewAction = nullptr;
    QAction *m_promoteAction = nullptr;
    QAction *m_rollbackAction = nullptr;
    QPointer<StagingReviewDialog> m_reviewDialog;
    QPointer<PromotionWizard> m_wizard;
    QPointer<RollbackDialog> m_rollbackDialog;
    std::optional<ReleaseContext> m_reviewContext;
};

} // namespace EnvDeck
