// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matrix/VersionWorkspace.h"
#include "validation/Finding.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSortFilterProxyModel>

namespace EnvDeck {

// Components × environments: which version of each component runs where, in promotion order.
// Read from a VersionWorkspace and kept in step with it (edits, reloads, validation results).
// Cells show the version; roles carry the lock, the skew between environments, the worst
// validation finding and whether the cell has unsaved edits.
class VersionMatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        VersionRole = Qt::UserRole + 1, // QString; empty when the environment lacks the component
        PresentRole,                    // bool
        LockedRole,                     // bool
        LockReasonRole,                 // QString
        SkewRole,                       // int: Skew flags
        SeverityRole,                   // int: Validation::Severity of the worst finding, or -1
        ProblemsRole,                   // QStringList: the findings' messages
        ModifiedRole,                   // bool: differs from the saved file
        ThirdPartyRole,                 // bool (row)
        ComponentRole,                  // QString (row)
        EnvironmentRole,                // QString (column)
        LocationRole,                   // QString "file:line:column" of the version
        ChartRole,                      // QString
        TerraformRole, // bool: written in a .tf/.tfvars file (cell), or only there (row)
    };
    Q_ENUM(Role)

    enum Skew {
        NoSkew = 0,
        AheadOfProduction = 1, // a staging cell newer than a production cell
        BehindStaging = 2,     // a production cell older than staging
        ProductionsDiffer = 4, // production environments run different versions
        DiffersFromBase = 8,   // a customer cluster differs from the environment it is based on
    };
    Q_DECLARE_FLAGS(SkewFlags, Skew)

    explicit VersionMatrixModel(QObject *parent = nullptr);

    void setWorkspace(VersionWorkspace *workspace);
    VersionWorkspace *workspace() const { return m_workspace; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QModelIndex indexOf(const QString &component, const QString &environment) const;
    QString componentAt(int row) const;
    QString environmentAt(int column) const;

    static QString describeSkew(int flags);

private:
    struct Cell
    {
        bool present = false;
        QString version;
        bool locked = false;
        QString lockReason;
        QString chart;
        QString location;
        int skew = NoSkew;
        int severity = -1;
        QStringList problems;
        bool modified = false;
        bool terraform = false; // written in a .tf/.tfvars file, edited through the HCL writer
    };
    struct Row
    {
        QString component;
        bool thirdParty = false;
        bool terraform = false; // no versions file lists it
        QList<Cell> cells;
    };

    void rebuild();
    void applyFindings();
    struct Columns
    {
        QStringList environments;
        QList<int> tiers;  // Tier per column
        QStringList bases; // `base` per column
        // The saved file of each column whose versions file has unsaved edits, parsed once per
        // rebuild; nullopt for the other columns.
        QList<std::optional<VersionDocument>> saved;
    };
    static void computeSkew(Row &row, const Columns &columns);
    static void markModified(Row &row, const Columns &columns);

    QPointer<VersionWorkspace> m_workspace;
    QStringList m_environments;
    QList<int> m_tiers;  // Tier per column
    QStringList m_bases; // `base` per column
    QList<Row> m_rows;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(VersionMatrixModel::SkewFlags)

// The filters of the matrix view: only locked rows, only skewed rows, third-party charts shown,
// hidden or alone, and a text that matches component names.
class VersionMatrixFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class ThirdParty { Show, Hide, Only };

    explicit VersionMatrixFilter(QObject *parent = nullptr);

    void setLockedOnly(bool on);
    void setSkewedOnly(bool on);
    void setProblemsOnly(bool on);
    void setThirdParty(ThirdParty mode);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_lockedOnly = false;
    bool m_skewedOnly = false;
    bool m_problemsOnly = false;
    ThirdParty m_thirdParty = ThirdParty::Show;
    QString m_text;
};

} // namespace EnvDeck
