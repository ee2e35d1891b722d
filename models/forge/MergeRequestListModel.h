// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ListTableModel.h"
#include "forge/MergeRequest.h"

namespace EnvDeck::Forge {

// The merge requests EnvDeck opened, as the Merge requests panel shows them. Created is a
// QDateTime in EditRole (for sorting and "2 hours ago", which the view formats) and ISO 8601 in
// DisplayRole.
class MergeRequestListModel : public ListTableModel<MergeRequest, 6>
{
    Q_OBJECT

public:
    enum Column {
        ReferenceColumn,
        TitleColumn,
        BranchesColumn, // "feature → main"
        StateColumn,
        ProviderColumn,
        CreatedColumn,
    };
    Q_ENUM(Column)
    enum Role {
        UrlRole = Qt::UserRole + 1, // QUrl; empty for local records
        NumberRole,
        ProviderRole, // int: Provider
        StateRole,    // int: MergeRequestState
        SourceBranchRole,
        TargetBranchRole,
        AuthorRole,
    };
    Q_ENUM(Role)

    using ListTableModel::ListTableModel;

    const MergeRequest *mergeRequestAt(const QModelIndex &index) const { return itemAt(index); }
    // The row of merge request `number`, or -1.
    int rowOf(int number) const;
    // A refresh found merge request `number` in `state`: only its row changes, so the view
    // keeps its selection. False when no row has that number.
    bool updateItem(int number, MergeRequestState state);

    static QString stateName(MergeRequestState state);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace EnvDeck::Forge
