// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/CompareWidgets.h"

#include <QEvent>
#include <QPainter>

namespace EnvDeck::Diagram {

namespace {

constexpr int Swatch = 14;
constexpr int RowHeight = 22;

const DiffState LegendStates[] = {DiffState::Added, DiffState::Removed, DiffState::Changed};

} // namespace

CompareLegend::CompareLegend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("compareLegend"));
    setAccessibleName(tr("Compare legend"));
}

void CompareLegend::setEnvironments(const QString &ours, const QString &theirs)
{
    m_ours = ours;
    m_theirs = theirs;
    setAccessibleDescription(entries().join(QStringLiteral("; ")));
    updateGeometry();
    update();
}

QStringList CompareLegend::entries() const
{
    const QString ours = m_ours.isEmpty() ? tr("this environment") : m_ours;
    const QString theirs = m_theirs.isEmpty() ? tr("the other one") : m_theirs;
    return {tr("Added: only in %1").arg(ours), tr("Removed: only in %1").arg(theirs),
            tr("Changed: differs between them")};
}

QSize CompareLegend::sizeHint() const
{
    int width = 0;
    for (const QString &entry : entries())
        width = std::max(width, fontMetrics().horizontalAdvance(entry));
    return {width + Swatch + 20, RowHeight * 3 + 8};
}

void CompareLegend::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QStringList texts = entries();
    const DiagramStyle style(palette(), font());
    for (int i = 0; i < 3; ++i) {
        const DiffState state = LegendStates[i];
        const QRectF swatch(4, 4 + i * RowHeight + (RowHeight - Swatch) / 2.0, Swatch, Swatch);
        QPen pen(style.diffColour(state), 2);
        if (state == DiffState::Removed)
            pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        painter.setBrush(style.diffFill(state, NodeKind::Module));
        painter.drawRoundedRect(swatch, 3, 3);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRectF(swatch.right() + 8, 4 + i * RowHeight, width(), RowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, texts.at(i));
    }
}

DifferencesList::DifferencesList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("differencesList"));
    setAccessibleName(tr("Differences"));
    setWordWrap(true);
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        emit nodeActivated(item->data(Qt::UserRole).toString());
    });
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit nodeActivated(item->data(Qt::UserRole).toString());
    });
}

void DifferencesList::setComparison(const Comparison &comparison)
{
    m_comparison = comparison;
    fill();
}

void DifferencesList::changeEvent(QEvent *event)
{
    QListWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        fill();
}

void DifferencesList::fill()
{
    const Comparison &comparison = m_comparison;
    const DiagramStyle style(palette(), font());
    clear();
    for (const Difference &difference : comparison.differences) {
        auto item = new QListWidgetItem(
            difference.text.isEmpty() ? difference.nodeId : difference.text, this);
        item->setData(Qt::UserRole, difference.nodeId);
        item->setData(Qt::UserRole + 1, int(difference.state));
        item->setForeground(style.diffColour(difference.state));
        QPixmap swatch(12, 12);
        swatch.fill(style.diffColour(difference.state));
        item->setIcon(QIcon(swatch));
        if (!difference.fields.isEmpty())
            item->setToolTip(
                tr("Differs in: %1").arg(difference.fields.join(QStringLiteral(", "))));
    }
    if (comparison.differences.isEmpty() && !comparison.isEmpty()) {
        auto item = new QListWidgetItem(
            tr("%1 and %2 have the same diagram.").arg(comparison.ours, comparison.theirs), this);
        item->setFlags(Qt::ItemIsEnabled);
    }
}

QString DifferencesList::nodeIdAt(int row) const
{
    const QListWidgetItem *found = item(row);
    return found ? found->data(Qt::UserRole).toString() : QString();
}

} // namespace EnvDeck::Diagram
