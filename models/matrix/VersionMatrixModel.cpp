// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionMatrixModel.h"

#include "VersionWorkspace.h"
#include "catalog/Semver.h"

#include <QSet>

namespace EnvDeck {

using Validation::ComponentEntry;
using Validation::EnvironmentInput;

VersionMatrixModel::VersionMatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void VersionMatrixModel::setWorkspace(VersionWorkspace *workspace)
{
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    if (m_workspace) {
        connect(m_workspace, &VersionWorkspace::documentChanged, this,
                &VersionMatrixModel::rebuild);
        connect(m_workspace, &VersionWorkspace::modifiedChanged, this,
                &VersionMatrixModel::rebuild);
        connect(m_workspace, &VersionWorkspace::validated, this,
                &VersionMatrixModel::applyFindings);
    }
    rebuild();
}

int VersionMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VersionMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_environments.size());
}

QString VersionMatrixModel::componentAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).component : QString();
}

QString VersionMatrixModel::environmentAt(int column) const
{
    return m_environments.value(column);
}

QModelIndex VersionMatrixModel::indexOf(const QString &component, const QString &environment) const
{
    const int column = int(m_environments.indexOf(environment));
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).component == component)
            return index(row, qMax(column, 0));
    }
    return {};
}

QString VersionMatrixModel::describeSkew(int flags)
{
    QStringList parts;
    if (flags & AheadOfProduction)
        parts << tr("ahead of production");
    if (flags & BehindStaging)
        parts << tr("behind staging");
    if (flags & ProductionsDiffer)
        parts << tr("production environments differ");
    if (flags & DiffersFromBase)
        parts << tr("differs from its base environment");
    return parts.join(QStringLiteral(", "));
}

QVariant VersionMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Cell &cell = row.cells.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return cell.present ? cell.version : QStringLiteral("—");
    case Qt::EditRole:
    case VersionRole:
        return cell.version;
    case Qt::ToolTipRole: {
        if (!cell.present)
            return tr("%1 does not run %2").arg(m_environments.at(index.column()), row.component);
        QString text
            = tr("%1 %2 in %3").arg(row.component, cell.version, m_environments.at(index.column()));
        if (cell.locked)
            text += u'\n'
                    + tr("Locked: %1")
                          .arg(cell.lockReason.isEmpty() ? tr("no reason given") : cell.lockReason);
        if (cell.skew != NoSkew)
            text += u'\n' + tr("Skew: %1").arg(describeSkew(cell.skew));
        if (cell.modified)
            text += u'\n' + tr("Unsaved edit");
        for (const QString &problem : cell.problems)
            text += u'\n' + problem;
        if (!cell.location.isEmpty())
            text += u'\n' + cell.location;
        return text;
    }
    case Qt::AccessibleTextRole:
        return cell.present ? tr("%1 in %2: %3%4")
                                  .arg(row.component, m_environments.at(index.column()),
                                       cell.version, cell.locked ? tr(", locked") : QString())
                            : tr("%1 in %2: not deployed")
                                  .arg(row.component, m_environments.at(index.column()));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case PresentRole:
        return cell.present;
    case LockedRole:
        return cell.locked;
    case LockReasonRole:
        return cell.lockReason;
    case SkewRole:
        return cell.skew;
    case SeverityRole:
        return cell.severity;
    case ProblemsRole:
        return cell.problems;
    case ModifiedRole:
        return cell.modified;
    case ThirdPartyRole:
        return row.thirdParty;
    case ComponentRole:
        return row.component;
    case EnvironmentRole:
        return m_environments.at(index.column());
    case LocationRole:
        return cell.location;
    case ChartRole:
        return cell.chart;
    case TerraformRole:
        return cell.terraform;
    default:
        return {};
    }
}

QVariant VersionMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_environments.size())
            return {};
        const QString tier = tierToString(Tier(m_tiers.at(section)));
        if (role == Qt::DisplayRole) {
            const QString second
                = m_bases.at(section).isEmpty() ? tier : tr("based on %1").arg(m_bases.at(section));
            return QString(m_environments.at(section) + u'\n' + second);
        }
        if (role == Qt::ToolTipRole)
            return tr("%1 (%2)").arg(m_environments.at(section), tier);
        if (role == EnvironmentRole)
            return m_environments.at(section);
        return {};
    }
    if (section < 0 || section >= m_rows.size())
        return {};
    const Row &row = m_rows.at(section);
    if (role == Qt::DisplayRole)
        return row.component;
    if (role == Qt::ToolTipRole) {
        if (row.terraform)
            return tr("%1 (written in Terraform files)").arg(row.component);
        return row.thirdParty ? tr("%1 (third-party chart)").arg(row.component) : row.component;
    }
    if (role == ThirdPartyRole)
        return row.thirdParty;
    if (role == ComponentRole)
        return row.component;
    if (role == TerraformRole)
        return row.terraform;
    return {};
}

Qt::ItemFlags VersionMatrixModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const Cell &cell = m_rows.at(index.row()).cells.at(index.column());
    if (cell.present && m_workspace
        && (cell.terraform || m_workspace->document(m_environments.at(index.column()))))
        result |= Qt::ItemIsEditable;
    return result;
}

void VersionMatrixModel::rebuild()
{
    Columns columns;
    QStringList &environments = columns.environments;
    QList<int> &tiers = columns.tiers;
    QStringList &bases = columns.bases;
    QList<Row> rows;
    if (m_workspace) {
        const auto &input = m_workspace->input();
        QHash<QString, int> rowOf;
        for (const EnvironmentInput &environment : input.environments) {
            environments << environment.name;
            tiers << int(environment.tier);
            bases << environment.base;
        }
        // Rows: the team's components first, then third-party charts, each in the order they
        // first appear along the promotion order.
        for (bool thirdParty : {false, true}) {
            for (const EnvironmentInput &environment : input.environments) {
                for (const ComponentEntry &component : environment.components) {
                    if (component.thirdParty != thirdParty || rowOf.contains(component.name))
                        continue;
                    rowOf.insert(component.name, int(rows.size()));
                    rows.append(
                        Row{component.name, thirdParty, false, QList<Cell>(environments.size())});
                }
            }
        }
        // Then the versions written only in Terraform files.
        for (const VersionWorkspace::TerraformVersion &version : m_workspace->terraformVersions()) {
            if (rowOf.contains(version.name))
                continue;
            rowOf.insert(version.name, int(rows.size()));
            Row row{version.name, false, true, QList<Cell>(environments.size())};
            rows.append(row);
        }
        for (const VersionWorkspace::TerraformVersion &version : m_workspace->terraformVersions()) {
            const int column = int(environments.indexOf(version.environment));
            if (column < 0)
                continue;
            Cell &cell = rows[rowOf.value(version.name)].cells[column];
            if (cell.present)
                continue; // the versions file's entry is the one EnvDeck edits
            cell.present = true;
            cell.terraform = true;
            cell.version = version.value;
            cell.location = version.location.toString();
            cell.modified = version.value != version.savedValue;
        }
        for (int column = 0; column < input.environments.size(); ++column) {
            for (const ComponentEntry &component : input.environments.at(column).components) {
                Cell &cell = rows[rowOf.value(component.name)].cells[column];
                cell.present = true;
                cell.terraform = false;
                cell.modified = false;
                cell.version = component.version;
                cell.locked = component.locked;
                cell.lockReason = component.lockReason;
                cell.chart = component.chart;
                cell.location = component.versionLocation.toString();
            }
        }
        for (const QString &environment : environments) {
            const VersionDocument *document = m_workspace->document(environment);
            std::optional<VersionDocument> saved;
            if (document && document->bytes() != m_workspace->savedBytes(environment)) {
                if (auto parsed = VersionDocument::parse(m_workspace->savedBytes(environment),
                                                         document->displayPath()))
                    saved = std::move(parsed.value());
            }
            columns.saved.append(std::move(saved));
        }
        for (Row &row : rows) {
            computeSkew(row, columns);
            markModified(row, columns);
        }
    }

    const bool sameShape
        = environments == m_environments && rows.size() == m_rows.size()
          && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                        [](const Row &a, const Row &b) { return a.component == b.component; });
    if (sameShape) {
        // Keep selections and editors: only the values changed.
        for (int r = 0; r < rows.size(); ++r) {
            for (int c = 0; c < rows.at(r).cells.size(); ++c) {
                rows[r].cells[c].severity = m_rows.at(r).cells.at(c).severity;
                rows[r].cells[c].problems = m_rows.at(r).cells.at(c).problems;
            }
        }
        m_rows = rows;
        m_tiers = tiers;
        m_bases = bases;
        if (!m_rows.isEmpty() && !m_environments.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_environments = environments;
    m_tiers = tiers;
    m_bases = bases;
    m_rows = rows;
    endResetModel();
    applyFindings();
}

void VersionMatrixModel::applyFindings()
{
    for (Row &row : m_rows) {
        for (Cell &cell : row.cells) {
            cell.severity = -1;
            cell.problems.clear();
        }
    }
    if (!m_workspace)
        return;
    for (const Validation::Finding &finding : m_workspace->report().findings) {
        if (finding.notChecked || finding.component.isEmpty() || finding.environment.isEmpty())
            continue;
        const int column = int(m_environments.indexOf(finding.environment));
        if (column < 0)
            continue;
        for (Row &row : m_rows) {
            if (row.component != finding.component)
                continue;
            Cell &cell = row.cells[column];
            cell.severity = qMax(cell.severity, int(finding.severity));
            cell.problems << QStringLiteral("%1: %2 [%3]")
                                 .arg(Validation::severityName(finding.severity), finding.message,
                                      finding.ruleId);
        }
    }
    if (!m_rows.isEmpty() && !m_environments.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void VersionMatrixModel::computeSkew(Row &row, const Columns &columns)
{
    const QList<int> &tiers = columns.tiers;
    const QStringList &bases = columns.bases;
    const QStringList &environments = columns.environments;
    auto semver = [](const QString &text) { return Semver::parse(text); };
    QSet<QString> productionVersions;
    for (int c = 0; c < row.cells.size(); ++c) {
        if (row.cells.at(c).present && Tier(tiers.value(c)) == Tier::Production
            && bases.value(c).isEmpty())
            productionVersions.insert(row.cells.at(c).version);
    }
    for (int s = 0; s < row.cells.size(); ++s) {
        Cell &staging = row.cells[s];
        if (!staging.present || Tier(tiers.value(s)) != Tier::Staging)
            continue;
        const auto stagingVersion = semver(staging.version);
        for (int p = 0; p < row.cells.size(); ++p) {
            Cell &production = row.cells[p];
            if (!production.present || Tier(tiers.value(p)) != Tier::Production)
                continue;
            const auto productionVersion = semver(production.version);
            if (stagingVersion && productionVersion && *productionVersion < *stagingVersion) {
                staging.skew |= AheadOfProduction;
                production.skew |= BehindStaging;
            }
        }
    }
    for (int c = 0; c < row.cells.size(); ++c) {
        Cell &cell = row.cells[c];
        if (!cell.present || Tier(tiers.value(c)) != Tier::Production)
            continue;
        if (bases.value(c).isEmpty() && productionVersions.size() > 1)
            cell.skew |= ProductionsDiffer;
        const int base = int(environments.indexOf(bases.value(c)));
        if (base >= 0 && row.cells.at(base).present && row.cells.at(base).version != cell.version)
            cell.skew |= DiffersFromBase;
    }
}

void VersionMatrixModel::markModified(Row &row, const Columns &columns)
{
    for (int c = 0; c < row.cells.size(); ++c) {
        Cell &cell = row.cells[c];
        // Terraform cells compare with their file's saved value when they are built.
        if (cell.terraform || !columns.saved.at(c))
            continue;
        // A cell is modified when the saved file says something else about it.
        const VersionEntry *before = columns.saved.at(c)->find(row.component);
        if (!before)
            cell.modified = cell.present;
        else
            cell.modified = !cell.present || before->version.text != cell.version
                            || before->isLocked() != cell.locked
                            || before->lockReason.text != cell.lockReason;
    }
}

VersionMatrixFilter::VersionMatrixFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void VersionMatrixFilter::setLockedOnly(bool on)
{
    m_lockedOnly = on;
    invalidateFilter();
}

void VersionMatrixFilter::setSkewedOnly(bool on)
{
    m_skewedOnly = on;
    invalidateFilter();
}

void VersionMatrixFilter::setProblemsOnly(bool on)
{
    m_problemsOnly = on;
    invalidateFilter();
}

void VersionMatrixFilter::setThirdParty(ThirdParty mode)
{
    m_thirdParty = mode;
    invalidateFilter();
}

void VersionMatrixFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool VersionMatrixFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (!first.isValid())
        return model->columnCount(sourceParent) == 0 && m_text.isEmpty();
    const bool thirdParty = first.data(VersionMatrixModel::ThirdPartyRole).toBool();
    if ((m_thirdParty == ThirdParty::Hide && thirdParty)
        || (m_thirdParty == ThirdParty::Only && !thirdParty))
        return false;
    if (!m_text.isEmpty()
        && !first.data(VersionMatrixModel::ComponentRole)
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
        return false;
    bool locked = false;
    bool skewed = false;
    bool problems = false;
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        const QModelIndex cell = model->index(sourceRow, column, sourceParent);
        locked = locked || cell.data(VersionMatrixModel::LockedRole).toBool();
        skewed = skewed || cell.data(VersionMatrixModel::SkewRole).toInt() != 0;
        problems = problems || cell.data(VersionMatrixModel::SeverityRole).toInt() >= 0;
    }
    return (!m_lockedOnly || locked) && (!m_skewedOnly || skewed) && (!m_problemsOnly || problems);
}

} // namespace EnvDeck
