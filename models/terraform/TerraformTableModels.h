// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "terraform/TerraformModel.h"

#include <QAbstractTableModel>

namespace EnvDeck::Terraform {

// The module calls of a root module: name, source, kind, version or ref, references, location.
class ModuleTableModel : public QAbstractTableModel
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
    void setModules(const QList<ModuleCall> &modules);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ModuleCall> m_modules;
};

// The Helm releases a root module creates, itself or through its modules, and where each
// version is written.
class HelmReleaseTableModel : public QAbstractTableModel
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
    void setReleases(const QList<HelmRelease> &releases);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<HelmRelease> m_releases;
};

} // namespace EnvDeck::Terraform
