// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/DiagramStyle.h"
#include "diagram/GraphCompare.h"

#include <QListWidget>
#include <QWidget>

namespace EnvDeck::Diagram {

// What the compare colours mean, drawn with the diagram's own colours.
class CompareLegend : public QWidget
{
    Q_OBJECT

public:
    explicit CompareLegend(QWidget *parent = nullptr);

    void setStyle(const DiagramStyle &style);
    void setEnvironments(const QString &ours, const QString &theirs);
    QStringList entries() const; // the legend's texts, in order
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    DiagramStyle m_style;
    QString m_ours;
    QString m_theirs;
};

// Comparison::differences, one row each in its state's colour; a click selects the node.
class DifferencesList : public QListWidget
{
    Q_OBJECT

public:
    explicit DifferencesList(QWidget *parent = nullptr);

    void setComparison(const Comparison &comparison, const DiagramStyle &style);
    QString nodeIdAt(int row) const;

signals:
    void nodeActivated(const QString &id);
};

} // namespace EnvDeck::Diagram
