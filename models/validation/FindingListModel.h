// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ListTableModel.h"
#include "validation/Finding.h"

namespace EnvDeck::Validation {

// The findings of a report as a table: the Problems panel shows it.
class FindingListModel : public ListTableModel<Finding, 4>
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, MessageColumn, LocationColumn, RuleColumn };
    Q_ENUM(Column)
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int: Severity
        RuleRole,
        FileRole,
        LineRole,
        ColumnRole,
        EnvironmentRole,
        ComponentRole,
        NotCheckedRole,
        HintRole,
    };
    Q_ENUM(Role)

    using ListTableModel::ListTableModel;

    void setReport(const Report &report) { setItems(report.findings); }
    const Finding *findingAt(const QModelIndex &index) const { return itemAt(index); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace EnvDeck::Validation
