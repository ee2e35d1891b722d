// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvironmentOverview.h"

#include "Formatting.h"
#include "Icons.h"
#include "PageSupport.h"
#include "repo/EnvironmentListModel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace EnvDeck {

// Adds a padlock to the lock column of locked components, so locks stand out while scrolling.
class LockDecorationModel : public QIdentityProxyModel
{
public:
    explicit LockDecorationModel(QObject *parent)
        : QIdentityProxyModel(parent)
        , m_lock(Icons::icon(QStringLiteral("lock"), Formatting::tierColor(Tier::Staging)))
    {}

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole && index.column() == ComponentTableModel::LockColumn
            && index.data(ComponentTableModel::LockedRole).toBool())
            return m_lock;
        return QIdentityProxyModel::data(index, role);
    }

private:
    QIcon m_lock;
};

static QLabel *createSectionTitle(QWidget *parent)
{
    auto label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

static QLabel *createField(QWidget *parent)
{
    auto label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

EnvironmentOverview::EnvironmentOverview(QWidget *parent)
    : QWidget(parent)
    , m_componentModel(new ComponentTableModel(this))
{
    setObjectName(QStringLiteral("environmentOverview"));

    m_placeholder = new QLabel(tr("Select an environment to see its components."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(createDetails());

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    setEnvironment(nullptr);
}

QWidget *EnvironmentOverview::createDetails()
{
    auto details = new QWidget(this);

    m_name = PageSupport::createTitle({}, details, 1.5);
    m_name->setObjectName(QStringLiteral("overviewName"));
    m_name->setWordWrap(false);
    m_tier = new QLabel(details);
    m_tier->setObjectName(QStringLiteral("overviewTier"));
    auto header = new QHBoxLayout;
    header->setSpacing(10);
    header->addWidget(m_name);
    header->addWidget(m_tier, 0, Qt::AlignVCenter);
    header->addStretch();

    m_path = createField(details);
    m_promotesFrom = createField(details);
    m_base = createField(details);
    m_terraform = createField(details);
    m_versionsFile = createField(details);
    m_discoveredBy = createField(details);
    m_lastChange = createField(details);
    m_lastChange->setObjectName(QStringLiteral("overviewLastChange"));
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setHorizontalSpacing(16);
    m_form->setVerticalSpacing(4);
    m_form->addRow(tr("Path:"), m_path);
    m_form->addRow(tr("Promotes from:"), m_promotesFrom);
    m_form->addRow(tr("Based on:"), m_base);
    m_form->addRow(tr("Terraform:"), m_terraform);
    m_form->addRow(tr("Versions file:"), m_versionsFile);
    m_form->addRow(tr("Found by:"), m_discoveredBy);
    m_form->addRow(tr("Last change:"), m_lastChange);

    m_componentsTitle = createSectionTitle(details);
    auto decorated = new LockDecorationModel(this);
    decorated->setSourceModel(m_componentModel);
    auto sortModel = new QSortFilterProxyModel(this);
    sortModel->setSourceModel(decorated);
    sortModel->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_componentTable = new QTableView(details);
    m_componentTable->setObjectName(QStringLiteral("componentTable"));
    // Tab leaves the table (arrows move between cells), so the keyboard does not get stuck in it.
    m_componentTable->setTabKeyNavigation(false);
    m_componentTable->setAccessibleName(tr("Components"));
    m_componentTable->setModel(sortModel);
    m_componentTable->setSortingEnabled(true);
    m_componentTable->sortByColumn(-1, Qt::AscendingOrder); // file order until a header is clicked
    m_componentTable->setAlternatingRowColors(true);
    m_componentTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_componentTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_componentTable->setWordWrap(false);
    m_componentTable->verticalHeader()->hide();
    m_componentTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_componentTable->horizontalHeader()->setStretchLastSection(true);
    m_componentTable->horizontalHeader()->setHighlightSections(false);
    m_componentTable->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_problemsTitle = createSectionTitle(details);
    m_problems = new QListWidget(details);
    m_problems->setObjectName(QStringLiteral("problemList"));
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setMaximumHeight(120);
    m_problems->setIconSize(QSize(16, 16));

    auto layout = new QVBoxLayout(details);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addLayout(m_form);
    layout->addSpacing(6);
    layout->addWidget(m_componentsTitle);
    layout->addWidget(m_componentTable, 1);
    layout->addWidget(m_problemsTitle);
    layout->addWidget(m_problems);
    return details;
}

void EnvironmentOverview::setRow(QLabel *field, const QString &text)
{
    field->setText(text);
    m_form->setRowVisible(field, !text.isEmpty());
}

void EnvironmentOverview::setEnvironment(const Environment *environment)
{
    if (!environment) {
        m_componentModel->setComponents({});
        m_stack->setCurrentIndex(0);
        return;
    }
    const Environment &env = *environment;
    m_name->setText(env.name);
    m_tier->setText(Formatting::tierLabel(env.tier));
    m_tier->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; font-weight: bold;"
                                         " border-radius: 9px; padding: 2px 10px; }")
                              .arg(Formatting::tierColor(env.tier).name()));

    setRow(m_path, env.path);
    setRow(m_promotesFrom, env.promotesFrom);
    setRow(m_base, env.base);
    setRow(m_terraform, env.terraformFiles == 1
                            ? tr("%1 in 1 file").arg(Formatting::moduleCount(env.moduleCount))
                            : tr("%1 in %n files", nullptr, env.terraformFiles)
                                  .arg(Formatting::moduleCount(env.moduleCount)));
    setRow(m_versionsFile, env.versionsFile.isEmpty() ? tr("none") : env.versionsFile);
    setRow(m_discoveredBy, env.discoveredBy);
    const CommitInfo &change = env.lastChange;
    if (change.isValid()) {
        setRow(m_lastChange,
               tr("%1 %2 — %3")
                   .arg(change.shortId(), change.summary,
                        Formatting::authorAndTime(change.authorName, change.authorTime)));
        m_lastChange->setToolTip(
            tr("%1\n%2 <%3>\n%4")
                .arg(change.id, change.authorName, change.authorEmail,
                     QLocale().toString(change.authorTime.toLocalTime(), QLocale::LongFormat)));
    } else {
        setRow(m_lastChange, tr("No commit has changed this environment yet"));
        m_lastChange->setToolTip({});
    }

    m_componentModel->setComponents(env.components);
    const int locked = env.lockedCount();
    m_componentsTitle->setText(
        locked > 0 ? tr("Components (%1, %2)")
                         .arg(Formatting::componentCount(env.componentCount()),
                              Formatting::lockedCount(locked))
                   : tr("Components (%1)").arg(Formatting::componentCount(env.componentCount())));
    m_componentTable->resizeColumnsToContents();

    m_problems->clear();
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const Error &problem : env.problems)
        m_problems->addItem(new QListWidgetItem(warning, problem.toString()));
    m_problemsTitle->setText(env.problems.size() == 1
                                 ? tr("1 problem")
                                 : tr("%n problems", nullptr, int(env.problems.size())));
    m_problemsTitle->setVisible(!env.problems.isEmpty());
    m_problems->setVisible(!env.problems.isEmpty());

    m_stack->setCurrentIndex(1);
}

} // namespace EnvDeck
