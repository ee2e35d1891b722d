// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validation/Finding.h"

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace EnvDeck {

namespace Validation {
class FindingListModel;
}

// The validation engine's findings for the open repository, worst first. Double-click (or
// Enter) activates a finding: the matrix selects its cell, or the file opens at its line.
class ProblemsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    void setReport(const Validation::Report &report, bool validating);
    QTableView *view() const { return m_view; }
    Validation::FindingListModel *model() const { return m_model; }

signals:
    void findingActivated(const Validation::Finding &finding);

private:
    QLabel *m_summary = nullptr;
    QTableView *m_view = nullptr;
    Validation::FindingListModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
};

} // namespace EnvDeck
