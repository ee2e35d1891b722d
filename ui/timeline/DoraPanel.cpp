// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/DoraPanel.h"

#include "timeline/ChartSupport.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace EnvDeck::Timeline {

namespace {

QColor bandColor(DoraBand band)
{
    switch (band) {
    case DoraBand::Elite:
        return QColor(0x15, 0x80, 0x3d);
    case DoraBand::High:
        return QColor(0x25, 0x63, 0xeb);
    case DoraBand::Medium:
        return QColor(0xb4, 0x53, 0x09);
    case DoraBand::Low:
        return QColor(0xb9, 0x1c, 0x1c);
    case DoraBand::None:
        break;
    }
    return QColor(0x64, 0x74, 0x8b);
}

QString hoursText(double hours)
{
    if (hours < 1)
        return DoraPanel::tr("%1 min").arg(qRound(hours * 60));
    if (hours < 48)
        return DoraPanel::tr("%1 h").arg(QLocale().toString(hours, 'f', 1));
    return DoraPanel::tr("%1 days").arg(QLocale().toString(hours / 24, 'f', 1));
}

} // namespace

DoraPanel::DoraPanel(QWidget *parent)
    : QWidget(parent)
    , m_metrics(new QStandardItemModel(this))
{
    m_period = new QComboBox(this);
    m_period->addItems({tr("Last 30 days"), tr("Last 90 days"), tr("Last 365 days"), tr("Custom")});
    m_customFrom = new QDateEdit(this);
    m_customTo = new QDateEdit(this);
    for (QDateEdit *edit : {m_customFrom, m_customTo}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
    }
    m_environment = new QComboBox(this);
    m_component = new QComboBox(this);
    m_range = new QLabel(this);
    m_period->setAccessibleName(tr("Period"));
    m_customFrom->setAccessibleName(tr("Period start"));
    m_customTo->setAccessibleName(tr("Period end"));
    m_environment->setAccessibleName(tr("Environment"));
    m_component->setAccessibleName(tr("Component"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Period:"), this));
    filters->addWidget(m_period);
    filters->addWidget(m_customFrom);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_customTo);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("Environment:"), this));
    filters->addWidget(m_environment);
    filters->addWidget(new QLabel(tr("Component:"), this));
    filters->addWidget(m_component);
    filters->addStretch();

    const QStringList titles{tr("Deployment frequency"), tr("Lead time for changes"),
                             tr("Change failure rate"), tr("Time to restore service")};
    auto *cards = new QGridLayout;
    for (int i = 0; i < titles.size(); ++i) {
        auto *card = new QFrame(this);
        card->setFrameShape(QFrame::StyledPanel);
        auto *layout = new QVBoxLayout(card);
        auto *title = new QLabel(titles.at(i), card);
        QFont titleFont = title->font();
        titleFont.setBold(true);
        title->setFont(titleFont);
        auto *value = new QLabel(card);
        QFont valueFont = value->font();
        valueFont.setPointSizeF(valueFont.pointSizeF() * 1.8);
        value->setFont(valueFont);
        auto *band = new QLabel(card);
        band->setAutoFillBackground(false);
        auto *detail = new QLabel(card);
        detail->setWordWrap(true);
        layout->addWidget(title);
        layout->addWidget(value);
        layout->addWidget(band);
        layout->addWidget(detail);
        layout->addStretch();
        cards->addWidget(card, i / 2, i % 2);
        m_values.append(value);
        m_bands.append(band);
        m_details.append(detail);
    }

    auto *note = new QLabel(tr("Bands: 2023 Accelerate State of DevOps Report. Production "
                               "deployments are version changes in production-tier environments."),
                            this);
    note->setWordWrap(true);
    QFont noteFont = note->font();
    noteFont.setItalic(true);
    note->setFont(noteFont);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_range);
    layout->addLayout(cards);
    layout->addWidget(note);
    layout->addStretch();

    const auto changed = [this] { recompute(); };
    connect(m_period, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_customFrom->setEnabled(index == Custom);
        m_customTo->setEnabled(index == Custom);
        recompute();
    });
    connect(m_customFrom, &QDateEdit::dateChanged, this, changed);
    connect(m_customTo, &QDateEdit::dateChanged, this, changed);
    connect(m_environment, &QComboBox::currentIndexChanged, this, changed);
    connect(m_component, &QComboBox::currentIndexChanged, this, changed);
    fillFilters();
    recompute();
}

void DoraPanel::setData(const QList<History::DeploymentEvent> &events,
                        const QList<Pipelines::PipelineRun> &runs,
                        const QHash<QString, Tier> &tiers)
{
    m_events = events;
    m_runs = runs;
    m_tiers = tiers;
    fillFilters();
    recompute();
}

void DoraPanel::setReferenceTime(const QDateTime &now)
{
    m_reference = now;
    recompute();
}

void DoraPanel::setPeriod(Period period)
{
    m_period->setCurrentIndex(period);
}

void DoraPanel::setCustomPeriod(const QDate &from, const QDate &to)
{
    {
        const QSignalBlocker blockFrom(m_customFrom);
        const QSignalBlocker blockTo(m_customTo);
        m_customFrom->setDate(from);
        m_customTo->setDate(to);
    }
    if (m_period->currentIndex() == Custom)
        recompute();
    else
        m_period->setCurrentIndex(Custom);
}

void DoraPanel::setEnvironment(const QString &environment)
{
    const int index = m_environment->findData(environment);
    m_environment->setCurrentIndex(std::max(0, index));
}

void DoraPanel::setComponent(const QString &component)
{
    const int index = m_component->findData(component);
    m_component->setCurrentIndex(std::max(0, index));
}

void DoraPanel::fillFilters()
{
    QStringList environments;
    QStringList components;
    for (const History::DeploymentEvent &event : std::as_const(m_events)) {
        environments.append(event.environment);
        if (event.kind == History::DeploymentEvent::Kind::Deploy)
            components.append(event.component);
    }
    fillFilterCombo(m_environment, tr("All production environments"), environments);
    fillFilterCombo(m_component, tr("All components"), components);
}

DoraQuery DoraPanel::query() const
{
    DoraQuery query;
    query.from = m_from;
    query.to = m_to;
    query.environment = m_environment->currentData().toString();
    query.component = m_component->currentData().toString();
    query.tiers = m_tiers;
    return query;
}

QString DoraPanel::valueText(Metric metric) const
{
    switch (metric) {
    case Frequency:
        if (m_report.deploysPerDay >= 1)
            return tr("%1 per day").arg(QLocale().toString(m_report.deploysPerDay, 'f', 1));
        return tr("%1 per week").arg(QLocale().toString(m_report.deploysPerWeek, 'f', 1));
    case LeadTime:
        return m_report.leadTimeSamples > 0 ? hoursText(m_report.leadTimeHours) : tr("—");
    case FailureRate:
        return m_report.deployments > 0
                   ? tr("%1 %").arg(QLocale().toString(m_report.changeFailureRate * 100, 'f', 0))
                   : tr("—");
    case TimeToRestore:
        return m_report.restoreSamples > 0 ? hoursText(m_report.restoreHours) : tr("—");
    }
    return {};
}

QString DoraPanel::bandText(Metric metric) const
{
    const DoraBand bands[] = {m_report.frequencyBand, m_report.leadTimeBand,
                              m_report.failureRateBand, m_report.restoreBand};
    return doraBandName(bands[metric]);
}

void DoraPanel::recompute()
{
    const QDateTime now = m_reference.isValid() ? m_reference : QDateTime::currentDateTimeUtc();
    static constexpr int days[] = {30, 90, 365};
    if (m_period->currentIndex() == Custom) {
        m_from = m_customFrom->date().startOfDay(Qt::UTC);
        m_to = m_customTo->date().addDays(1).startOfDay(Qt::UTC);
    } else {
        m_to = now;
        m_from = now.addDays(-days[std::clamp(m_period->currentIndex(), 0, 2)]);
        const QSignalBlocker blockFrom(m_customFrom);
        const QSignalBlocker blockTo(m_customTo);
        m_customFrom->setDate(m_from.date());
        m_customTo->setDate(m_to.date());
    }
    m_report = computeDora(m_events, m_runs, query());
    m_range->setText(tr("%1 to %2 (UTC)")
                         .arg(m_from.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                              m_to.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));

    const DoraBand bands[] = {m_report.frequencyBand, m_report.leadTimeBand,
                              m_report.failureRateBand, m_report.restoreBand};
    // Counts as "label: number" so that no plural forms are needed.
    const QStringList details{tr("Deployments: %1").arg(m_report.deployments),
                              tr("Versions measured from dev: %1").arg(m_report.leadTimeSamples),
                              tr("Failed runs: %1, rollbacks: %2, deployments: %3")
                                  .arg(m_report.failedRuns)
                                  .arg(m_report.rollbacks)
                                  .arg(m_report.deployments),
                              tr("Recoveries measured: %1").arg(m_report.restoreSamples)};
    m_metrics->clear();
    m_metrics->setHorizontalHeaderLabels({tr("Metric"), tr("Value"), tr("Band"), tr("Based on")});
    const QStringList names{tr("Deployment frequency"), tr("Lead time for changes"),
                            tr("Change failure rate"), tr("Time to restore service")};
    for (int i = 0; i < 4; ++i) {
        const auto metric = Metric(i);
        m_values.at(i)->setText(valueText(metric));
        QLabel *band = m_bands.at(i);
        band->setText(bandText(metric));
        // White on the band's colour reads the same on light and dark palettes.
        band->setStyleSheet(
            QStringLiteral("QLabel { color: white; background: %1; padding: 2px 8px;"
                           " border-radius: 4px; font-weight: bold; }")
                .arg(bandColor(bands[i]).name()));
        band->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
        m_details.at(i)->setText(details.at(i));
        m_metrics->appendRow({new QStandardItem(names.at(i)), new QStandardItem(valueText(metric)),
                              new QStandardItem(bandText(metric)),
                              new QStandardItem(details.at(i))});
    }
    emit reportChanged();
}

} // namespace EnvDeck::Timeline
