// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerraformTableModels.h"

namespace EnvDeck::Terraform {

ModuleTableModel::ModuleTableModel(QObject *parent)
    : ListTableModel(parent)
{}

QVariant ModuleTableModel::data(const QModelIndex &index, int role) const
{
    const ModuleCall *item = itemAt(index);
    if (!item)
        return {};
    const ModuleCall &call = *item;
    switch (role) {
    case NameRole:
        return call.name;
    case SourceKindRole:
        return sourceKindName(call.sourceKind);
    case ReferencesRole:
        return call.references;
    case LocationRole:
        return call.location.toString();
    case Qt::ToolTipRole:
        if (index.column() == ReferencesColumn && !call.references.isEmpty())
            return call.references.join(QLatin1Char('\n'));
        if (index.column() == VersionColumn) {
            const TracedValue &where
                = call.tracedVersion.found() ? call.tracedVersion : call.tracedRef;
            return where.found() ? tr("Written in %1").arg(where.location.toString()) : QString();
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return call.name;
    case SourceColumn:
        return call.source;
    case KindColumn:
        return sourceKindName(call.sourceKind);
    case VersionColumn:
        if (!call.version.isEmpty())
            return call.version;
        return call.ref.isEmpty() ? QString() : tr("ref %1").arg(call.ref);
    case ReferencesColumn: {
        QStringList names;
        // "module.network" and "dependency.vpc" show as their names; Terragrunt unit paths whole
        for (const QString &reference : call.references) {
            const bool prefixed = reference.startsWith(QLatin1String("module."))
                                  || reference.startsWith(QLatin1String("dependency."));
            names << (prefixed ? reference.mid(reference.indexOf(QLatin1Char('.')) + 1)
                               : reference);
        }
        return names.join(QStringLiteral(", "));
    }
    case MultiplicityColumn:
        if (!call.forEach.isEmpty())
            return tr("for_each %1").arg(call.forEach);
        return call.count.isEmpty() ? QString() : tr("count %1").arg(call.count);
    case LocationColumn:
        return call.location.toString();
    default:
        return {};
    }
}

QVariant ModuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Module");
    case SourceColumn:
        return tr("Source");
    case KindColumn:
        return tr("Kind");
    case VersionColumn:
        return tr("Version");
    case ReferencesColumn:
        return tr("Uses");
    case MultiplicityColumn:
        return tr("Instances");
    case LocationColumn:
        return tr("Written in");
    default:
        return {};
    }
}

HelmReleaseTableModel::HelmReleaseTableModel(QObject *parent)
    : ListTableModel(parent)
{}

QVariant HelmReleaseTableModel::data(const QModelIndex &index, int role) const
{
    const HelmRelease *item = itemAt(index);
    if (!item)
        return {};
    const HelmRelease &release = *item;
    switch (role) {
    case NameRole:
        return release.name.isEmpty() ? release.address : release.name;
    case VersionRole:
        return release.version.value;
    case VersionTracedRole:
        return release.version.found();
    case Qt::ToolTipRole:
        return index.column() == ModuleColumn ? release.location.toString() : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return release.name.isEmpty() ? release.address : release.name;
    case ChartColumn:
        return release.chart;
    case VersionColumn:
        return release.version.found() ? release.version.value : tr("not traced");
    case WrittenColumn:
        return release.version.location.toString();
    case ModuleColumn:
        return release.module.isEmpty() ? tr("(root module)") : release.module;
    default:
        return {};
    }
}

QVariant HelmReleaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Release");
    case ChartColumn:
        return tr("Chart");
    case VersionColumn:
        return tr("Version");
    case WrittenColumn:
        return tr("Version written in");
    case ModuleColumn:
        return tr("Created by");
    default:
        return {};
    }
}

} // namespace EnvDeck::Terraform
