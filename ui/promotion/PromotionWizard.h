// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "promotion/Promotion.h"

#include <QWizard>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace EnvDeck {

namespace Release {
class PlanPreview;
class PlanRunner;
} // namespace Release

// Promotion from one environment (usually staging) to production environments and customer
// clusters: where from and to, which components, then the preview with the validation result.
// Finish is enabled only for a plan that is Ready; the caller writes its edits and opens the
// commit / merge request flow.
class PromotionWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { TargetsPage, ComponentsPage, PreviewPage };

    // `input` is the repository as loaded; `planner` runs planPromotion on a worker thread.
    using Planner = std::function<Promotion::Plan(const Promotion::Request &request)>;
    PromotionWizard(const Validation::ValidationInput &input, Planner planner,
                    QWidget *parent = nullptr);
    ~PromotionWizard() override;

    // The environments `from` promotes to: those that promote from it, and the customer clusters
    // built on them, in promotion order.
    static QStringList targetsOf(const Validation::ValidationInput &input, const QString &from);
    // The environments something promotes from, in promotion order.
    static QStringList sourcesOf(const Validation::ValidationInput &input);

    Promotion::Request request() const;
    bool isPlanning() const;
    // The plan of the preview page; Invalid until it has been worked out.
    const Promotion::Plan &plan() const;

    QComboBox *fromBox() const { return m_from; }
    QListWidget *targetList() const { return m_targets; }
    QListWidget *componentList() const { return m_components; }
    QLineEdit *overrideEdit() const { return m_override; }
    Release::PlanPreview *preview() const { return m_preview; }
    void setTargets(const QStringList &targets);
    void setComponents(const QStringList &components);

signals:
    void planned();

protected:
    void initializePage(int id) override;

private:
    QWizardPage *createTargetsPage();
    QWizardPage *createComponentsPage();
    QWizardPage *createPreviewPage();
    void fillTargets();
    void fillComponents();

    Validation::ValidationInput m_input;
    Release::PlanRunner *m_runner = nullptr;

    QComboBox *m_from = nullptr;
    QLabel *m_approval = nullptr;
    QListWidget *m_targets = nullptr;
    QListWidget *m_components = nullptr;
    QLabel *m_componentsNote = nullptr;
    QLineEdit *m_override = nullptr;
    Release::PlanPreview *m_preview = nullptr;
    QList<QWizardPage *> m_pages;
};

} // namespace EnvDeck
