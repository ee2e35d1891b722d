// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ListTableModel.h"
#include "terraform/TerraformModel.h"

namespace EnvDeck::Terraform {

// The module calls of a root module: name, source, kind, version or ref, references, location.
class ModuleTableModel : public ListTableModel<ModuleCall, 7>
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        SourceColumn,
        KindColumn,
        VersionColumn,
        ReferencesColumn,
        MultiplicityColumn,
        LocationColumn,
        ColumnCount
    };
    enum Role { NameRole = Qt::UserRole + 1, SourceKindRole, ReferencesRole, LocationRole };

    explicit ModuleTableModel(QObject *parent = nullptr);
    void setModules(const QList<ModuleCall> &modules) { setItems(modules); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

// The Helm releases a root module creates, itself or through its modules, and where each
// version is written.
class HelmReleaseTableModel : public ListTableModel<HelmRelease, 5>
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        ChartColumn,
        VersionColumn,
        WrittenColumn,
        ModuleColumn,
        ColumnCount
    };
    enum Role { NameRole = Qt::UserRole + 1, VersionRole, VersionTracedRole };

    explicit HelmReleaseTableModel(QObject *parent = nullptr);
    void setReleases(const QList<HelmRelease> &releases) { setItems(releases); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace EnvDeck::Terraform
