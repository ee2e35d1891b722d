// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace EnvDeck {

// Draws one environment of EnvironmentListModel in three lines:
//   name  path                                  [tier]
//   12 modules · 8 components · 2 locked
//   Maria Silva · 3 days ago
class EnvironmentDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit EnvironmentDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    struct Metrics;
    Metrics metrics(const QStyleOptionViewItem &option) const;
};

} // namespace EnvDeck
