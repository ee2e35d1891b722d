// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/Environment.h"

#include <QAbstractTableModel>

namespace EnvDeck {

// The environments of a repository, one row each, in promotion order.
class EnvironmentListModel : public QAbstractTableModel
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
    };

    explicit EnvironmentListModel(QObject *parent = nullptr);

    void setEnvironments(const QList<Environment> &environments);
    void clear();
    const Environment *environmentAt(int row) const;
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<Environment> m_environments;
};

// The components of one environment: name, version, lock and where the version is written.
class ComponentTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, VersionColumn, LockColumn, KindColumn, LocationColumn, ColumnCount };
    enum Role {
        NameRole = Qt::UserRole + 1,
        VersionRole,
        LockedRole,
        LockReasonRole,
        ThirdPartyRole
    };

    explicit ComponentTableModel(QObject *parent = nullptr);

    void setComponents(const QList<ComponentVersion> &components);
    const QList<ComponentVersion> &components() const { return m_components; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ComponentVersion> m_components;
};

} // namespace EnvDeck
