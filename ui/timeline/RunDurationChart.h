// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>
#include <QPointer>

class QAbstractItemModel;
class QLineSeries;
class QScatterSeries;

namespace EnvDeck::Timeline {

// Pipeline run durations over time: a dot per finished run coloured by its result, the moving
// median of the durations, and the weekly success rate on a second axis (0-100 %).
class RunDurationChart : public QChartView
{
    Q_OBJECT
public:
    explicit RunDurationChart(QWidget *parent = nullptr);

    // The chart draws the rows of `model` (a PipelineRunModel or a filter over one) and follows
    // its changes.
    void setModel(QAbstractItemModel *model);
    // How many runs the moving median spans (at least 1).
    void setMedianWindow(int runs);
    int medianWindow() const { return m_window; }

    // One scatter series per result ("succeeded", "failed", "other").
    QList<QScatterSeries *> resultSeries() const { return m_results; }
    QLineSeries *medianSeries() const { return m_median; }
    QLineSeries *successSeries() const { return m_success; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void plotAreaChanged(const QRectF &plotArea);

    QPointer<QAbstractItemModel> m_model;
    int m_window = 5;
    int m_builtForWidth = 0; // the plot width the series were thinned for
    QList<QScatterSeries *> m_results;
    QLineSeries *m_median = nullptr;
    QLineSeries *m_success = nullptr;
};

} // namespace EnvDeck::Timeline
