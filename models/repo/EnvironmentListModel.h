// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ListTableModel.h"
#include "repo/Environment.h"

namespace EnvDeck {

// The environments of a repository, one row each, in promotion order.
class EnvironmentListModel : public ListTableModel<Environment, 7>
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        TierColumn,
        PathColumn,
        ModulesColumn,
        ComponentsColumn,
        LockedColumn,
        LastChangeColumn,
        ColumnCount
    };
    static_assert(ColumnCount == 7);

    enum Role {
        NameRole = Qt::UserRole + 1,
        TierRole, // QString: "dev", "staging", "production", "unknown"
        PathRole,
        ModuleCountRole,
        ComponentCountRole,
        LockedCountRole,
        LastChangeIdRole,
        LastChangeSummaryRole,
        LastChangeAuthorRole,
        LastChangeTimeRole, // QDateTime
        ProblemCountRole,
        LastApprovalRole,      // QString: the newest approval's id, empty when none
        LastApprovalStaleRole, // bool: the versions changed since that approval
    };

    explicit EnvironmentListModel(QObject *parent = nullptr);

    void setEnvironments(const QList<Environment> &environments) { setItems(environments); }
    void clear() { setItems({}); }
    const Environment *environmentAt(int row) const;
    int rowOf(const QString &name) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
};

// The components of one environment: name, version, lock and where the version is written.
class ComponentTableModel : public ListTableModel<ComponentVersion, 5>
{
    Q_OBJECT

public:
    enum Column { NameColumn, VersionColumn, LockColumn, KindColumn, LocationColumn, ColumnCount };
    static_assert(ColumnCount == 5);
    enum Role {
        NameRole = Qt::UserRole + 1,
        VersionRole,
        LockedRole,
        LockReasonRole,
        ThirdPartyRole
    };

    explicit ComponentTableModel(QObject *parent = nullptr);

    void setComponents(const QList<ComponentVersion> &components) { setItems(components); }
    const QList<ComponentVersion> &components() const { return items(); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace EnvDeck
