// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QKeySequence>

class QLineEdit;
class QMenuBar;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace EnvDeck {

// Help ▸ Keyboard Shortcuts: every action of the menu bar with its menu path and shortcuts. The
// list is read from the menus when the dialog opens, so it cannot disagree with them; hidden
// actions (read-only mode hides the editing ones) are left out.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    // One row: the menu path ("Edit ▸ Diagram"), the action's text without mnemonic and its
    // shortcuts in the platform's notation.
    struct Entry
    {
        QString menuPath;
        QString text;
        QString shortcut;
    };

    explicit ShortcutsDialog(QMenuBar *menuBar, QWidget *parent = nullptr);

    // The visible actions with text reachable from `menuBar`, depth first in menu order, except
    // the entries of lists such as File ▸ Open Recent: they are places, not commands.
    static QList<Entry> entries(const QMenuBar *menuBar);
    // Marks `action` as an entry of such a list (a dynamic property), so it is not listed.
    static void markAsListEntry(QAction *action);
    static bool isListEntry(const QAction *action);
    // "&Save && Close" → "Save & Close".
    static QString withoutMnemonic(const QString &text);

    QLineEdit *filterEdit() const { return m_filter; }
    QTreeView *view() const { return m_view; }
    // The rows the filter lets through.
    int visibleRowCount() const;

private:
    QLineEdit *m_filter = nullptr;
    QTreeView *m_view = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
};

} // namespace EnvDeck
