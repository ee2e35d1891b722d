// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/DeploymentEvent.h"
#include "pipelines/PipelineRun.h"
#include "repo/Environment.h"
#include "timeline/Dora.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QStandardItemModel;

namespace EnvDeck::Timeline {

// The four DORA metrics with their bands for the last 30, 90 or 365 days or a custom period,
// for all production environments or one environment, all components or one.
class DoraPanel : public QWidget
{
    Q_OBJECT
public:
    enum Period { Last30Days, Last90Days, Last365Days, Custom };
    enum Metric { Frequency, LeadTime, FailureRate, TimeToRestore };

    explicit DoraPanel(QWidget *parent = nullptr);

    void setData(const QList<History::DeploymentEvent> &events,
                 const QList<Pipelines::PipelineRun> &runs, const QHash<QString, Tier> &tiers);
    // The end of the "last N days" periods; the current time when not set (tests, demo data).
    void setReferenceTime(const QDateTime &now);

    void setPeriod(Period period);
    // Selects Custom with the days [from, to] (both included).
    void setCustomPeriod(const QDate &from, const QDate &to);
    void setEnvironment(const QString &environment); // empty: all production environments
    void setComponent(const QString &component);     // empty: all components

    const DoraReport &report() const { return m_report; }
    DoraQuery query() const;
    // What a metric's card shows: "2.5 per week", "High".
    QString valueText(Metric metric) const;
    QString bandText(Metric metric) const;
    // The cards as a table (Metric, Value, Band, Based on) for the CSV export.
    QStandardItemModel *metricsModel() const { return m_metrics; }

signals:
    void reportChanged();

private:
    void fillFilters();
    void recompute();

    QList<History::DeploymentEvent> m_events;
    QList<Pipelines::PipelineRun> m_runs;
    QHash<QString, Tier> m_tiers;
    QDateTime m_reference;
    DoraReport m_report;
    QDateTime m_from;
    QDateTime m_to;

    QComboBox *m_period = nullptr;
    QDateEdit *m_customFrom = nullptr;
    QDateEdit *m_customTo = nullptr;
    QComboBox *m_environment = nullptr;
    QComboBox *m_component = nullptr;
    QLabel *m_range = nullptr;
    QList<QLabel *> m_values;
    QList<QLabel *> m_bands;
    QList<QLabel *> m_details;
    QStandardItemModel *m_metrics = nullptr;
};

} // namespace EnvDeck::Timeline
