// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/DiagramStyle.h"
#include "diagram/GraphCompare.h"

#include <QListWidget>
#include <QWidget>

namespace EnvDeck::Diagram {

// What the compare colours mean, in the diagram's colours for the widget's palette.
class CompareLegend : public QWidget
{
    Q_OBJECT

public:
    explicit CompareLegend(QWidget *parent = nullptr);

    void setEnvironments(const QString &ours, const QString &theirs);
    QStringList entries() const; // the legend's texts, in order
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_ours;
    QString m_theirs;
};

// Comparison::differences, one row each in its state's colour; a click selects the node.
class DifferencesList : public QListWidget
{
    Q_OBJECT

public:
    explicit DifferencesList(QWidget *parent = nullptr);

    // Coloured with the list's own palette, again whenever the palette changes.
    void setComparison(const Comparison &comparison);
    QString nodeIdAt(int row) const;

signals:
    void nodeActivated(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();

    Comparison m_comparison;
};

} // namespace EnvDeck::Diagram
