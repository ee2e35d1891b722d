// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace EnvDeck {

namespace {

QString shortcutText(const QAction *action)
{
    QStringList parts;
    for (const QKeySequence &sequence : action->shortcuts())
        parts << sequence.toString(QKeySequence::NativeText);
    return parts.join(QStringLiteral(", "));
}

void collect(const QMenu *menu, const QString &path, QList<ShortcutsDialog::Entry> *entries)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible() || ShortcutsDialog::isListEntry(action))
            continue;
        const QString text = ShortcutsDialog::withoutMnemonic(action->text());
        if (QMenu *submenu = action->menu()) {
            collect(submenu, path + QStringLiteral(" ▸ ") + text, entries);
            continue;
        }
        if (!text.isEmpty())
            entries->append({path, text, shortcutText(action)});
    }
}

const char ListEntryProperty[] = "envdeckListEntry";

} // namespace

void ShortcutsDialog::markAsListEntry(QAction *action)
{
    action->setProperty(ListEntryProperty, true);
}

bool ShortcutsDialog::isListEntry(const QAction *action)
{
    return action->property(ListEntryProperty).toBool();
}

ShortcutsDialog::ShortcutsDialog(QMenuBar *menuBar, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));

    m_model = new QStandardItemModel(0, 3, this);
    m_model->setHorizontalHeaderLabels({tr("Menu"), tr("Action"), tr("Shortcut")});
    for (const Entry &entry : entries(menuBar)) {
        QList<QStandardItem *> row{new QStandardItem(entry.menuPath), new QStandardItem(entry.text),
                                   new QStandardItem(entry.shortcut)};
        for (QStandardItem *item : row)
            item->setEditable(false);
        m_model->appendRow(row);
    }
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // the menu, the action and the shortcut alike

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("shortcutsFilter"));
    m_filter->setPlaceholderText(tr("Filter by menu, action or shortcut"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter shortcuts"));
    auto filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("shortcutsView"));
    m_view->setAccessibleName(tr("Keyboard shortcuts"));
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setModel(m_proxy);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);

    auto buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter in the filter must not close the dialog.
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);

    auto filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    auto layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    setTabOrder(m_filter, m_view);
    setTabOrder(m_view, buttons);
    m_filter->setFocus();
    resize(720, 620);
}

QList<ShortcutsDialog::Entry> ShortcutsDialog::entries(const QMenuBar *menuBar)
{
    QList<Entry> result;
    for (QAction *action : menuBar->actions()) {
        if (action->menu() && action->isVisible())
            collect(action->menu(), withoutMnemonic(action->text()), &result);
    }
    return result;
}

QString ShortcutsDialog::withoutMnemonic(const QString &text)
{
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (i + 1 < text.size() && text.at(i + 1) == u'&') {
                result += u'&';
                ++i;
            }
            continue;
        }
        result += text.at(i);
    }
    return result;
}

int ShortcutsDialog::visibleRowCount() const
{
    return m_proxy->rowCount();
}

} // namespace EnvDeck
