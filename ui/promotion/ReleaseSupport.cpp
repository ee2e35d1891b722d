// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReleaseSupport.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace EnvDeck::Release {

QTableWidget *createTable(const QString &objectName, const QString &accessibleName,
                          const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setBanner(QLabel *label, const QString &text, Tone tone)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    Formatting::styleBanner(label, tone);
}

QList<Change::VersionChange> changeRows(const Promotion::Plan &plan,
                                        const Validation::ValidationInput &input)
{
    QList<Change::VersionChange> rows;
    for (const Promotion::VersionChange &change : plan.changes) {
        const Validation::EnvironmentInput *environment = input.findEnvironment(change.environment);
        rows.append({change.environment,
                     change.component,
                     change.from,
                     change.to,
                     {},
                     environment ? environment->versionsFile : QString()});
    }
    return rows;
}

PlanRunner::PlanRunner(Planner planner, std::function<Promotion::Request()> request,
                       QObject *parent)
    : QObject(parent)
    , m_planner(std::move(planner))
    , m_request(std::move(request))
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(300);
    connect(m_timer, &QTimer::timeout, this, &PlanRunner::start);
    connect(&m_watcher, &QFutureWatcher<Promotion::Plan>::finished, this, &PlanRunner::finish);
}

PlanRunner::~PlanRunner()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void PlanRunner::start()
{
    m_timer->stop();
    m_plan = {};
    m_planning = true;
    emit started();
    m_watcher.setFuture(QtConcurrent::run(m_planner, m_request()));
}

void PlanRunner::schedule()
{
    m_timer->start();
}

void PlanRunner::clear()
{
    m_timer->stop();
    m_plan = {};
    m_planning = false;
    m_watcher.setFuture(QFuture<Promotion::Plan>());
}

void PlanRunner::finish()
{
    // Only the newest request's plan counts; an empty future is what clear() left.
    if (m_watcher.isRunning() || m_watcher.future().resultCount() == 0)
        return;
    m_planning = false;
    m_plan = m_watcher.result();
    emit planned();
}

PlanPreview::PlanPreview(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("planStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    layout->addWidget(m_busy);
    m_basis = new QLabel(this);
    m_basis->setObjectName(QStringLiteral("planBasis"));
    m_basis->setWordWrap(true);
    layout->addWidget(m_basis);

    m_table = createTable(QStringLiteral("planChanges"), tr("Version changes"),
                          {tr("Environment"), tr("Component"), tr("From"), tr("To")}, this);
    layout->addWidget(m_table, 1);

    m_findingsTitle = new QLabel(tr("Validation with the change applied:"), this);
    layout->addWidget(m_findingsTitle);
    m_findings = new QListWidget(this);
    m_findings->setObjectName(QStringLiteral("planFindings"));
    m_findings->setAccessibleName(tr("Validation findings"));
    m_findings->setMaximumHeight(90);
    layout->addWidget(m_findings);
    clear();
}

void PlanPreview::clear()
{
    m_busy->hide();
    m_status->hide();
    m_basis->clear();
    m_table->setRowCount(0);
    m_findings->clear();
    m_findingsTitle->hide();
    m_findings->hide();
}

void PlanPreview::setBusy(const QString &text)
{
    clear();
    setBanner(m_status, text, Tone::Neutral);
    m_busy->show();
}

void PlanPreview::setPlan(const Promotion::Plan &plan)
{
    clear();
    using Outcome = Promotion::Plan::Outcome;
    if (plan.outcome == Outcome::Ready) {
        setBanner(
            m_status,
            tr("%1: %n version change(s).", nullptr, int(plan.changes.size())).arg(plan.title),
            Tone::Good);
    } else {
        setBanner(m_status, plan.error.toString(),
                  plan.outcome == Outcome::Refused ? Tone::Warning : Tone::Bad);
    }
    if (!plan.basis.isEmpty())
        m_basis->setText(tr("Versions from %1.").arg(plan.basis));

    const QColor unapproved = Formatting::toneColor(this, Tone::Warning);
    m_table->setRowCount(int(plan.changes.size()));
    for (int row = 0; row < plan.changes.size(); ++row) {
        const Promotion::VersionChange &change = plan.changes[row];
        const QString from = change.from.isEmpty() ? tr("(not there)") : change.from;
        QString to = change.to;
        if (!change.approved)
            to += tr(" (never approved)");
        const QStringList cells{change.environment, change.component, from, to};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (!change.approved)
                item->setForeground(unapproved);
            if (change.followsBase && column == 0)
                item->setToolTip(tr("%1 follows its base for the components they share")
                                     .arg(change.environment));
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();

    if (plan.outcome == Outcome::Ready) {
        m_findingsTitle->show();
        m_findings->show();
        if (plan.findings.isEmpty()) {
            auto *item = new QListWidgetItem(tr("No new errors or warnings."), m_findings);
            item->setForeground(Formatting::toneColor(this, Tone::Good));
        }
        for (const Validation::Finding &finding : plan.findings) {
            const QString where = finding.location.file.isEmpty()
                                      ? QString()
                                      : finding.location.toString() + QStringLiteral(": ");
            auto *item = new QListWidgetItem(where + Validation::severityName(finding.severity)
                                                 + QStringLiteral(": ") + finding.message,
                                             m_findings);
            if (finding.severity == Validation::Severity::Error)
                item->setForeground(Formatting::toneColor(this, Tone::Bad));
            else if (finding.severity == Validation::Severity::Warning)
                item->setForeground(Formatting::toneColor(this, Tone::Warning));
        }
    }
}

} // namespace EnvDeck::Release
