// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerraformView.h"

#include "repo/Environment.h"
#include "terraform/TerraformTableModels.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace EnvDeck {

static QLabel *sectionTitle(QWidget *parent)
{
    auto label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

TerraformView::TerraformView(QWidget *parent)
    : QWidget(parent)
    , m_modules(new Terraform::ModuleTableModel(this))
    , m_releases(new Terraform::HelmReleaseTableModel(this))
{
    setObjectName(QStringLiteral("terraformView"));

    auto modulesPane = new QWidget(this);
    m_modulesTitle = sectionTitle(modulesPane);
    QTableView *modules = createTable(QStringLiteral("moduleTable"), tr("Modules"));
    auto moduleSort = new QSortFilterProxyModel(this);
    moduleSort->setSourceModel(m_modules);
    modules->setModel(moduleSort);
    auto modulesLayout = new QVBoxLayout(modulesPane);
    modulesLayout->setContentsMargins(0, 0, 0, 0);
    modulesLayout->addWidget(m_modulesTitle);
    modulesLayout->addWidget(modules);

    auto releasesPane = new QWidget(this);
    m_releasesTitle = sectionTitle(releasesPane);
    QTableView *releases = createTable(QStringLiteral("helmReleaseTable"), tr("Helm releases"));
    auto releaseSort = new QSortFilterProxyModel(this);
    releaseSort->setSourceModel(m_releases);
    releases->setModel(releaseSort);
    auto releasesLayout = new QVBoxLayout(releasesPane);
    releasesLayout->setContentsMargins(0, 0, 0, 0);
    releasesLayout->addWidget(m_releasesTitle);
    releasesLayout->addWidget(releases);

    auto splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(modulesPane);
    splitter->addWidget(releasesPane);
    splitter->setChildrenCollapsible(false);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(splitter);
    setEnvironment(nullptr);
}

QTableView *TerraformView::createTable(const QString &objectName, const QString &accessibleName)
{
    auto table = new QTableView(this);
    table->setObjectName(objectName);
    // Tab leaves the table (arrows move between cells), so the keyboard does not get stuck in it.
    table->setTabKeyNavigation(false);
    table->setAccessibleName(accessibleName);
    table->setSortingEnabled(true);
    table->sortByColumn(-1, Qt::AscendingOrder); // source order until a header is clicked
    table->setAlternatingRowColors(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return table;
}

void TerraformView::setEnvironment(const Environment *environment)
{
    m_modules->setModules(environment ? environment->terraform.modules
                                      : QList<Terraform::ModuleCall>{});
    m_releases->setReleases(environment ? environment->terraform.helmReleases
                                        : QList<Terraform::HelmRelease>{});
    m_modulesTitle->setText(tr("Modules (%n)", nullptr, m_modules->rowCount()));
    m_releasesTitle->setText(tr("Helm releases (%n)", nullptr, m_releases->rowCount()));
    for (QTableView *table : findChildren<QTableView *>())
        table->resizeColumnsToContents();
}

} // namespace EnvDeck
