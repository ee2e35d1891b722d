// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Formatting.h"

#include "change/ChangeSummary.h"
#include "promotion/Promotion.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QProgressBar;
class QTableWidget;

// What the staging review, the promotion wizard and the rollback dialog share: coloured
// banners and the preview of a plan.
namespace EnvDeck::Release {

using Tone = Formatting::Tone;

// A read-only table with these column headers, rows selected whole, the last column stretched.
QTableWidget *createTable(const QString &objectName, const QString &accessibleName,
                          const QStringList &headers, QWidget *parent);

// Shows `text` in `label` in a framed box tinted by `tone`; hides the label when text is empty.
void setBanner(QLabel *label, const QString &text, Tone tone);

// The rows of the Review & Commit table for a plan: one per version change, with the versions
// file it is written to.
QList<Change::VersionChange> changeRows(const Promotion::Plan &plan,
                                        const Validation::ValidationInput &input);

// Works out a plan on a worker thread: at once, or after 300 ms without another request (while
// the user types). A newer request replaces the one still running; only its plan is reported.
class PlanRunner : public QObject
{
    Q_OBJECT
public:
    using Planner = std::function<Promotion::Plan(const Promotion::Request &request)>;
    PlanRunner(Planner planner, std::function<Promotion::Request()> request, QObject *parent);
    ~PlanRunner() override; // waits for a plan still being worked out

    void start();    // now, with request()
    void schedule(); // in 300 ms, unless asked again before
    void clear();    // nothing to plan: no plan, nothing running
    bool isPlanning() const { return m_planning || m_timer->isActive(); }
    const Promotion::Plan &plan() const { return m_plan; }

signals:
    void started();
    void planned();

private:
    void finish();

    Planner m_planner;
    std::function<Promotion::Request()> m_request;
    Promotion::Plan m_plan;
    QFutureWatcher<Promotion::Plan> m_watcher;
    QTimer *m_timer = nullptr;
    bool m_planning = false; // from start() until its plan is reported
};

// The preview of a promotion or rollback plan: a banner with the outcome, where the versions
// come from, the table environment | component | from | to, and the new validation findings.
class PlanPreview : public QWidget
{
    Q_OBJECT
public:
    explicit PlanPreview(QWidget *parent = nullptr);

    void setBusy(const QString &text); // "Working out the promotion…"
    void setPlan(const Promotion::Plan &plan);
    void clear();

    QTableWidget *table() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *basisLabel() const { return m_basis; }
    QListWidget *findingsList() const { return m_findings; }

private:
    QLabel *m_status = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_basis = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_findingsTitle = nullptr;
    QListWidget *m_findings = nullptr;
};

} // namespace EnvDeck::Release
