// SPDX-License-Identifier: GPL-3.0-or-later
#include "forge/MergeRequestListModel.h"

namespace EnvDeck::Forge {

int MergeRequestListModel::rowOf(int number) const
{
    const QList<MergeRequest> &requests = items();
    for (int row = 0; row < int(requests.size()); ++row) {
        if (requests.at(row).number == number)
            return row;
    }
    return -1;
}

bool MergeRequestListModel::updateItem(int number, MergeRequestState state)
{
    const int row = rowOf(number);
    if (row < 0)
        return false;
    // ListTableModel hands out its list read-only; the list itself is this model's own
    // (non-const) member, so writing one field through it is well defined and avoids a reset
    // that would drop the view's selection.
    auto &requests = const_cast<QList<MergeRequest> &>(items());
    if (requests[row].state == state)
        return true;
    requests[row].state = state;
    emit dataChanged(index(row, StateColumn), index(row, StateColumn));
    return true;
}

QString MergeRequestListModel::stateName(MergeRequestState state)
{
    switch (state) {
    case MergeRequestState::Open:
        return tr("open");
    case MergeRequestState::Merged:
        return tr("merged");
    case MergeRequestState::Closed:
        return tr("closed");
    }
    return {};
}

QVariant MergeRequestListModel::data(const QModelIndex &index, int role) const
{
    const MergeRequest *request = itemAt(index);
    if (!request)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (Column(index.column())) {
        case ReferenceColumn:
            return request->reference;
        case TitleColumn:
            return request->title;
        case BranchesColumn:
            return QString(request->sourceBranch + QStringLiteral(" → ") + request->targetBranch);
        case StateColumn:
            return stateName(request->state);
        case ProviderColumn:
            return providerDisplayName(request->provider);
        case CreatedColumn:
            if (role == Qt::EditRole)
                return request->created;
            return request->created.isValid() ? request->created.toString(Qt::ISODate) : QString();
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn && !request->author.isEmpty())
            return tr("%1\nby %2").arg(request->title, request->author);
        if (index.column() == ReferenceColumn && !request->webUrl.isEmpty())
            return request->webUrl.toDisplayString();
        return {};
    case UrlRole:
        return request->webUrl;
    case NumberRole:
        return request->number;
    case ProviderRole:
        return int(request->provider);
    case StateRole:
        return int(request->state);
    case SourceBranchRole:
        return request->sourceBranch;
    case TargetBranchRole:
        return request->targetBranch;
    case AuthorRole:
        return request->author;
    default:
        return {};
    }
}

QVariant MergeRequestListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case ReferenceColumn:
        return tr("Reference");
    case TitleColumn:
        return tr("Title");
    case BranchesColumn:
        return tr("Branches");
    case StateColumn:
        return tr("State");
    case ProviderColumn:
        return tr("Provider");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

} // namespace EnvDeck::Forge
