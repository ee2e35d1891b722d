// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace EnvDeck {

// Draws a matrix cell: the version, a padlock when locked, a tint for skew, a coloured frame for
// the worst problem and a dot for unsaved edits. Edits with a combo box of the catalog's
// versions; the new version goes to `commit` (which makes an undoable command of it), never
// straight into the model.
class VersionMatrixDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using VersionsFor = std::function<QStringList(const QModelIndex &)>;
    using Commit = std::function<void(const QModelIndex &, const QString &)>;

    VersionMatrixDelegate(VersionsFor versionsFor, Commit commit, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

    // The tints, shared with the legend.
    static QColor skewColor(int skewFlags, bool dark);

private:
    VersionsFor m_versionsFor;
    Commit m_commit;
};

} // namespace EnvDeck
