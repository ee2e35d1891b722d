// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace EnvDeck {

// The plumbing every EnvDeck table model over a plain list shares: the rows, a reset when the
// list is replaced, and row/column counts. Subclasses add Q_OBJECT, their Column/Role enums,
// data() and headerData().
template<typename Item, int Columns>
class ListTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setItems(const QList<Item> &items)
    {
        beginResetModel();
        m_items = items;
        endResetModel();
    }
    const QList<Item> &items() const { return m_items; }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_items.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : Columns;
    }

protected:
    // The item of a valid index of this model, or nullptr.
    const Item *itemAt(const QModelIndex &index) const
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return nullptr;
        return &m_items.at(index.row());
    }

private:
    QList<Item> m_items;
};

} // namespace EnvDeck
