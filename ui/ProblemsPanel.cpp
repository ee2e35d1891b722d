// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProblemsPanel.h"

#include "validation/FindingListModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace EnvDeck {

using Validation::FindingListModel;

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new FindingListModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("problemsPanel"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("problemsSummary"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(FindingListModel::SeverityRole);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setAccessibleName(tr("Problems"));
    m_view->setModel(m_sorted);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(FindingListModel::MessageColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(FindingListModel::SeverityColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(FindingListModel::LocationColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(FindingListModel::RuleColumn,
                                                     QHeaderView::ResizeToContents);
    const auto activate = [this](const QModelIndex &index) {
        if (const auto *finding = m_model->findingAt(m_sorted->mapToSource(index)))
            emit findingActivated(*finding);
    };
    connect(m_view, &QTableView::doubleClicked, this, activate);
    connect(m_view, &QTableView::activated, this, activate);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
}

void ProblemsPanel::setReport(const Validation::Report &report, bool validating)
{
    m_model->setReport(report);
    m_sorted->sort(FindingListModel::SeverityColumn, Qt::DescendingOrder);
    const int errors = report.count(Validation::Severity::Error);
    const int warnings = report.count(Validation::Severity::Warning);
    // English has no plural rules without a translation file, so both forms are spelled out.
    QString text = tr("Problems:") + u' '
                   + (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors))
                   + QStringLiteral(", ")
                   + (warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    if (validating)
        text += QStringLiteral(" — ") + tr("validating…");
    m_summary->setText(text);
}

} // namespace EnvDeck
