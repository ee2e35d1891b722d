// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvironmentListModel.h"

namespace EnvDeck {

EnvironmentListModel::EnvironmentListModel(QObject *parent)
    : ListTableModel(parent)
{}

const Environment *EnvironmentListModel::environmentAt(int row) const
{
    if (row < 0 || row >= items().size())
        return nullptr;
    return &items().at(row);
}

int EnvironmentListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < items().size(); ++row) {
        if (items().at(row).name == name)
            return row;
    }
    return -1;
}

QVariant EnvironmentListModel::data(const QModelIndex &index, int role) const
{
    const Environment *item = itemAt(index);
    if (!item)
        return {};
    const Environment &environment = *item;

    switch (role) {
    case NameRole:
        return environment.name;
    case TierRole:
        return tierToString(environment.tier);
    case PathRole:
        return environment.path;
    case ModuleCountRole:
        return environment.moduleCount;
    case ComponentCountRole:
        return environment.componentCount();
    case LockedCountRole:
        return environment.lockedCount();
    case LastChangeIdRole:
        return environment.lastChange.id;
    case LastChangeSummaryRole:
        return environment.lastChange.summary;
    case LastChangeAuthorRole:
        return environment.lastChange.authorName;
    case LastChangeTimeRole:
        return environment.lastChange.authorTime;
    case ProblemCountRole:
        return int(environment.problems.size());
    case LastApprovalRole:
        return environment.lastApproval;
    case LastApprovalStaleRole:
        return environment.lastApprovalStale;
    default:
        break;
    }

    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return environment.name;
        case TierColumn:
            return tierToString(environment.tier);
        case PathColumn:
            return environment.path;
        case ModulesColumn:
            return environment.moduleCount;
        case ComponentsColumn:
            return environment.componentCount();
        case LockedColumn:
            return environment.lockedCount();
        case LastChangeColumn:
            if (!environment.lastChange.isValid())
                return {};
            return tr("%1, %2").arg(environment.lastChange.authorName,
                                    environment.lastChange.authorTime.toString(Qt::ISODate));
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && environment.lastChange.isValid()) {
        return tr("%1\n%2 by %3")
            .arg(environment.lastChange.summary, environment.lastChange.shortId(),
                 environment.lastChange.authorName);
    }
    if (role == Qt::TextAlignmentRole && index.column() >= ModulesColumn
        && index.column() <= LockedColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant EnvironmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Environment");
    case TierColumn:
        return tr("Tier");
    case PathColumn:
        return tr("Path");
    case ModulesColumn:
        return tr("Modules");
    case ComponentsColumn:
        return tr("Components");
    case LockedColumn:
        return tr("Locked");
    case LastChangeColumn:
        return tr("Last change");
    default:
        return {};
    }
}

QHash<int, QByteArray> EnvironmentListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(TierRole, "tier");
    names.insert(PathRole, "path");
    names.insert(ModuleCountRole, "moduleCount");
    names.insert(ComponentCountRole, "componentCount");
    names.insert(LockedCountRole, "lockedCount");
    names.insert(LastChangeIdRole, "lastChangeId");
    names.insert(LastChangeSummaryRole, "lastChangeSummary");
    names.insert(LastChangeAuthorRole, "lastChangeAuthor");
    names.insert(LastChangeTimeRole, "lastChangeTime");
    names.insert(ProblemCountRole, "problemCount");
    names.insert(LastApprovalRole, "lastApproval");
    names.insert(LastApprovalStaleRole, "lastApprovalStale");
    return names;
}

// ---------------------------------------------------------------------------------------------

ComponentTableModel::ComponentTableModel(QObject *parent)
    : ListTableModel(parent)
{}

QVariant ComponentTableModel::data(const QModelIndex &index, int role) const
{
    const ComponentVersion *item = itemAt(index);
    if (!item)
        return {};
    const ComponentVersion &component = *item;

    switch (role) {
    case NameRole:
        return component.name;
    case VersionRole:
        return component.version;
    case LockedRole:
        return component.locked;
    case LockReasonRole:
        return component.lockReason;
    case ThirdPartyRole:
        return component.thirdParty;
    default:
        break;
    }

    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return component.name;
        case VersionColumn:
            return component.version;
        case LockColumn:
            if (!component.locked)
                return {};
            return component.lockReason.isEmpty() ? tr("locked")
                                                  : tr("locked: %1").arg(component.lockReason);
        case KindColumn:
            return component.thirdParty ? tr("third party") : tr("service");
        case LocationColumn:
            return component.location.toString();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == LockColumn && component.locked)
        return component.lockReason;
    return {};
}

QVariant ComponentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Component");
    case VersionColumn:
        return tr("Version");
    case LockColumn:
        return tr("Lock");
    case KindColumn:
        return tr("Kind");
    case LocationColumn:
        return tr("Written in");
    default:
        return {};
    }
}

} // namespace EnvDeck
