// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "promotion/Promotion.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace EnvDeck {

namespace Release {
class PlanPreview;
class PlanRunner;
} // namespace Release

// Rolls one environment back to an earlier QA approval or to its versions at an earlier git
// revision. Only the components whose versions differ change; nothing else is reverted. The
// caller writes the plan's edits and opens the commit / merge request flow.
class RollbackDialog : public QDialog
{
    Q_OBJECT
public:
    using Planner = std::function<Promotion::Plan(const Promotion::Request &request)>;
    RollbackDialog(const Validation::ValidationInput &input, const QString &environment,
                   Planner planner, QWidget *parent = nullptr);
    ~RollbackDialog() override;

    Promotion::Request request() const;
    bool isPlanning() const;
    const Promotion::Plan &plan() const;

    QComboBox *environmentBox() const { return m_environment; }
    QRadioButton *approvalButton() const { return m_toApproval; }
    QComboBox *approvalBox() const { return m_approval; }
    QRadioButton *revisionButton() const { return m_toRevision; }
    QLineEdit *revisionEdit() const { return m_revision; }
    Release::PlanPreview *preview() const { return m_preview; }
    QPushButton *rollBackButton() const { return m_rollBack; }

signals:
    void planned();

private:
    void fillApprovals();
    void schedulePlan();
    void startPlanning();
    void updateButton();

    Validation::ValidationInput m_input;
    Release::PlanRunner *m_runner = nullptr;

    QComboBox *m_environment = nullptr;
    QRadioButton *m_toApproval = nullptr;
    QComboBox *m_approval = nullptr;
    QRadioButton *m_toRevision = nullptr;
    QLineEdit *m_revision = nullptr;
    Release::PlanPreview *m_preview = nullptr;
    QPushButton *m_rollBack = nullptr;
};

} // namespace EnvDeck
