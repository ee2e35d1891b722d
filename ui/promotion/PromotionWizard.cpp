// SPDX-License-Identifier: GPL-3.0-or-later
#include "PromotionWizard.h"

#include "ReleaseSupport.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace EnvDeck {

namespace {

// A page whose Next / Finish button follows a condition of the wizard.
class ConditionPage : public QWizardPage
{
public:
    ConditionPage(std::function<bool()> complete, QWidget *parent)
        : QWizardPage(parent)
        , m_complete(std::move(complete))
    {}
    bool isComplete() const override { return m_complete(); }
    void refresh() { emit completeChanged(); }

private:
    std::function<bool()> m_complete;
};

QStringList checkedItems(const QListWidget *list)
{
    QStringList checked;
    for (int row = 0; row < list->count(); ++row) {
        const QListWidgetItem *item = list->item(row);
        if (item->checkState() == Qt::Checked)
            checked << item->data(Qt::UserRole).toString();
    }
    return checked;
}

void checkOnly(QListWidget *list, const QStringList &names)
{
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem *item = list->item(row);
        item->setCheckState(names.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                : Qt::Unchecked);
    }
}

// "Select all" and "Select none" under a checkable list.
QHBoxLayout *selectButtons(QListWidget *list, QWidget *parent)
{
    auto *row = new QHBoxLayout;
    auto *all = new QPushButton(PromotionWizard::tr("Select &All"), parent);
    auto *none = new QPushButton(PromotionWizard::tr("Select &None"), parent);
    const auto setAll = [list](Qt::CheckState state) {
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(state);
    };
    QObject::connect(all, &QPushButton::clicked, list, [setAll] { setAll(Qt::Checked); });
    QObject::connect(none, &QPushButton::clicked, list, [setAll] { setAll(Qt::Unchecked); });
    row->addWidget(all);
    row->addWidget(none);
    row->addStretch();
    return row;
}

} // namespace

QStringList PromotionWizard::sourcesOf(const Validation::ValidationInput &input)
{
    QStringList sources;
    for (const Validation::EnvironmentInput &environment : input.environments) {
        if (!environment.promotesFrom.isEmpty() && !sources.contains(environment.promotesFrom))
            sources << environment.promotesFrom;
    }
    QStringList ordered;
    for (const Validation::EnvironmentInput &environment : input.environments) {
        if (sources.contains(environment.name))
            ordered << environment.name;
    }
    return ordered;
}

QStringList PromotionWizard::targetsOf(const Validation::ValidationInput &input,
                                       const QString &from)
{
    QStringList targets;
    for (const Validation::EnvironmentInput &environment : input.environments) {
        if (environment.name == from || environment.versionsFile.isEmpty())
            continue;
        const Validation::EnvironmentInput *base
            = environment.base.isEmpty() ? nullptr : input.findEnvironment(environment.base);
        if (environment.promotesFrom == from || (base && base->promotesFrom == from))
            targets << environment.name;
    }
    return targets;
}

PromotionWizard::PromotionWizard(const Validation::ValidationInput &input, Planner planner,
                                 QWidget *parent)
    : QWizard(parent)
    , m_input(input)
{
    setObjectName(QStringLiteral("promotionWizard"));
    setWindowTitle(tr("Promote"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("&Promote…"));
    m_runner = new Release::PlanRunner(
        std::move(planner), [this] { return request(); }, this);

    setPage(TargetsPage, createTargetsPage());
    setPage(ComponentsPage, createComponentsPage());
    setPage(PreviewPage, createPreviewPage());
    fillTargets();
    resize(820, 600);
}

PromotionWizard::~PromotionWizard() = default;

QWizardPage *PromotionWizard::createTargetsPage()
{
    auto *page = new ConditionPage([this] { return !checkedItems(m_targets).isEmpty(); }, this);
    page->setTitle(tr("From where to where"));
    page->setSubTitle(tr("Customer clusters follow their base for the components they share; "
                         "their own services keep their versions."));
    auto *layout = new QFormLayout(page);
    m_from = new QComboBox(page);
    m_from->setObjectName(QStringLiteral("promoteFrom"));
    m_from->addItems(sourcesOf(m_input));
    if (m_from->findText(QStringLiteral("staging")) >= 0)
        m_from->setCurrentText(QStringLiteral("staging"));
    layout->addRow(tr("&From:"), m_from);
    m_approval = new QLabel(page);
    m_approval->setObjectName(QStringLiteral("promoteApproval"));
    m_approval->setWordWrap(true);
    layout->addRow(m_approval);
    m_targets = new QListWidget(page);
    m_targets->setObjectName(QStringLiteral("promoteTargets"));
    m_targets->setAccessibleName(tr("Target environments"));
    layout->addRow(tr("&To:"), m_targets);
    layout->addRow(selectButtons(m_targets, page));
    connect(m_from, &QComboBox::currentTextChanged, this, &PromotionWizard::fillTargets);
    connect(m_targets, &QListWidget::itemChanged, page, &ConditionPage::refresh);
    m_pages << page;
    return page;
}

QWizardPage *PromotionWizard::createComponentsPage()
{
    auto *page = new ConditionPage([this] { return !checkedItems(m_components).isEmpty(); }, this);
    page->setTitle(tr("Components"));
    page->setSubTitle(tr("By default every component of the latest valid approval."));
    auto *layout = new QVBoxLayout(page);
    m_componentsNote = new QLabel(page);
    m_componentsNote->setWordWrap(true);
    layout->addWidget(m_componentsNote);
    m_components = new QListWidget(page);
    m_components->setObjectName(QStringLiteral("promoteComponents"));
    m_components->setAccessibleName(tr("Components to promote"));
    layout->addWidget(m_components, 1);
    layout->addLayout(selectButtons(m_components, page));
    connect(m_components, &QListWidget::itemChanged, page, &ConditionPage::refresh);
    m_pages << page;
    return page;
}

QWizardPage *PromotionWizard::createPreviewPage()
{
    auto *page = new ConditionPage(
        [this] { return !isPlanning() && plan().outcome == Promotion::Plan::Outcome::Ready; },
        this);
    page->setTitle(tr("Preview"));
    page->setSubTitle(tr("What the promotion changes, and what validation says with it applied. "
                         "Finish opens the commit and merge request."));
    page->setFinalPage(true);
    auto *layout = new QVBoxLayout(page);
    m_preview = new Release::PlanPreview(page);
    layout->addWidget(m_preview, 1);
    auto *form = new QFormLayout;
    m_override = new QLineEdit(page);
    m_override->setObjectName(QStringLiteral("overrideReason"));
    m_override->setPlaceholderText(
        tr("Only to promote versions QA never approved; recorded in the commit and merge request"));
    form->addRow(tr("&Override reason:"), m_override);
    layout->addLayout(form);
    connect(m_override, &QLineEdit::textChanged, page, [this, page] {
        m_runner->schedule();
        page->refresh();
    });
    connect(m_runner, &Release::PlanRunner::started, this, [this, page] {
        m_preview->setBusy(tr("Working out the promotion and validating it…"));
        page->refresh();
    });
    connect(m_runner, &Release::PlanRunner::planned, this, [this, page] {
        m_preview->setPlan(m_runner->plan());
        page->refresh();
        emit planned();
    });
    m_pages << page;
    return page;
}

void PromotionWizard::fillTargets()
{
    const QString from = m_from->currentText();
    m_targets->clear();
    for (const QString &name : targetsOf(m_input, from)) {
        const Validation::EnvironmentInput *environment = m_input.findEnvironment(name);
        auto *item = new QListWidgetItem(
            environment->base.isEmpty()
                ? name
                : tr("%1 (customer cluster, follows %2)").arg(name, environment->base),
            m_targets);
        item->setData(Qt::UserRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    const ApprovalList approvals = m_input.approvals.value(from);
    const Approval *latest = approvals.latestApproved();
    if (!latest) {
        Release::setBanner(m_approval, tr("%1 has no QA approval.").arg(from),
                           Release::Tone::Warning);
    } else {
        const Validation::EnvironmentInput *source = m_input.findEnvironment(from);
        QMap<QString, QString> current;
        if (source) {
            for (const auto &component : source->components)
                current.insert(component.name, component.version);
        }
        const bool stale = Promotion::isStale(*latest, current);
        Release::setBanner(m_approval,
                           stale ? tr("The last approval of %1, %2, is stale: %1 changed since.")
                                       .arg(from, latest->id)
                                 : tr("Approved by %1: %2.").arg(latest->approvedBy, latest->id),
                           stale ? Release::Tone::Warning : Release::Tone::Good);
    }
    fillComponents();
    if (!m_pages.isEmpty())
        static_cast<ConditionPage *>(m_pages.first())->refresh();
}

void PromotionWizard::fillComponents()
{
    const QString from = m_from->currentText();
    const Validation::EnvironmentInput *source = m_input.findEnvironment(from);
    m_components->clear();
    if (!source)
        return;
    const ApprovalList approvals = m_input.approvals.value(from);
    const Approval *latest = approvals.latestApproved();
    for (const auto &component : source->components) {
        const bool approved = approvals.wasApproved(component.name, component.version);
        auto *item = new QListWidgetItem(
            approved ? component.name + u' ' + component.version
                     : tr("%1 %2 (never approved)").arg(component.name, component.version),
            m_components);
        item->setData(Qt::UserRole, component.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        // Default: what the latest approval holds, or everything when there is none.
        const bool inApproval = !latest || latest->versions.contains(component.name);
        item->setCheckState(inApproval ? Qt::Checked : Qt::Unchecked);
        if (!approved)
            item->setForeground(Formatting::toneColor(this, Release::Tone::Warning));
    }
    m_componentsNote->setText(
        latest ? tr("Checked: the components of %1's approval %2.").arg(from, latest->id)
               : tr("%1 has no approval: every component is checked.").arg(from));
}

void PromotionWizard::setTargets(const QStringList &targets)
{
    checkOnly(m_targets, targets);
}

void PromotionWizard::setComponents(const QStringList &components)
{
    checkOnly(m_components, components);
}

Promotion::Request PromotionWizard::request() const
{
    Promotion::Request request;
    request.from = m_from->currentText();
    request.targets = checkedItems(m_targets);
    const QStringList components = checkedItems(m_components);
    // All checked is the default set: the plan then takes the approval's versions as a whole.
    if (components.size() != m_components->count())
        request.components = components;
    request.overrideReason = m_override->text().trimmed();
    return request;
}

bool PromotionWizard::isPlanning() const
{
    return m_runner->isPlanning();
}

const Promotion::Plan &PromotionWizard::plan() const
{
    return m_runner->plan();
}

void PromotionWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    if (id == PreviewPage)
        m_runner->start();
}

} // namespace EnvDeck
