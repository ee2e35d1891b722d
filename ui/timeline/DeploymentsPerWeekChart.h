// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/Environment.h"

#include <QChartView>
#include <QHash>
#include <QPointer>

class QAbstractItemModel;
class QStackedBarSeries;

namespace EnvDeck::Timeline {

// Deployments (Deploy events) per ISO week, stacked per environment.
class DeploymentsPerWeekChart : public QChartView
{
    Q_OBJECT
public:
    explicit DeploymentsPerWeekChart(QWidget *parent = nullptr);

    // The chart counts the rows of `model` (a DeploymentEventModel or a filter over one) and
    // follows its changes.
    void setModel(QAbstractItemModel *model);
    // Orders the stack: dev at the bottom, production on top.
    void setTiers(const QHash<QString, Tier> &tiers);

    QStackedBarSeries *series() const { return m_series; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    QPointer<QAbstractItemModel> m_model;
    QHash<QString, Tier> m_tiers;
    QStackedBarSeries *m_series = nullptr;
};

} // namespace EnvDeck::Timeline
