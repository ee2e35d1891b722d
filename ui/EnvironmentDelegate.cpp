// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvironmentDelegate.h"

#include "Formatting.h"
#include "repo/EnvironmentListModel.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace EnvDeck {

namespace {
constexpr int Margin = 8;
constexpr int LineSpacing = 3;
constexpr int BadgePadding = 6;
constexpr int IconSize = 16;

QColor mix(const QColor &a, const QColor &b, qreal amountOfB)
{
    return QColor::fromRgbF(a.redF() * (1 - amountOfB) + b.redF() * amountOfB,
                            a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB,
                            a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB);
}
} // namespace

struct EnvironmentDelegate::Metrics
{
    QFont nameFont;
    QFont badgeFont;
    QFont textFont;
    int firstLine = 0;
    int line = 0;
};

EnvironmentDelegate::EnvironmentDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

EnvironmentDelegate::Metrics EnvironmentDelegate::metrics(const QStyleOptionViewItem &option) const
{
    Metrics m;
    m.textFont = option.font;
    m.nameFont = option.font;
    m.nameFont.setBold(true);
    m.nameFont.setPointSizeF(option.font.pointSizeF() * 1.1);
    m.badgeFont = option.font;
    m.badgeFont.setPointSizeF(option.font.pointSizeF() * 0.85);
    m.badgeFont.setBold(true);
    const int badgeHeight = QFontMetrics(m.badgeFont).height() + 4;
    m.firstLine = std::max({QFontMetrics(m.nameFont).height(), badgeHeight, IconSize});
    m.line = QFontMetrics(m.textFont).height();
    return m;
}

QSize EnvironmentDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const Metrics m = metrics(option);
    return QSize(240, Margin + m.firstLine + LineSpacing + m.line + LineSpacing + m.line + Margin);
}

void EnvironmentDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = {};
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const Metrics m = metrics(option);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text
        = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor background
        = option.palette.color(group, selected ? QPalette::Highlight : QPalette::Base);
    const QColor muted = mix(text, background, 0.35);

    const QString name = index.data(EnvironmentListModel::NameRole).toString();
    const QString tier = index.data(EnvironmentListModel::TierRole).toString();
    const QString path = index.data(EnvironmentListModel::PathRole).toString();
    const int modules = index.data(EnvironmentListModel::ModuleCountRole).toInt();
    const int components = index.data(EnvironmentListModel::ComponentCountRole).toInt();
    const int locked = index.data(EnvironmentListModel::LockedCountRole).toInt();
    const int problems = index.data(EnvironmentListModel::ProblemCountRole).toInt();
    const QString author = index.data(EnvironmentListModel::LastChangeAuthorRole).toString();
    const QDateTime time = index.data(EnvironmentListModel::LastChangeTimeRole).toDateTime();

    painter->save();
    const QRect area = option.rect.adjusted(Margin, Margin, -Margin, -Margin);

    // Line 1, from the right: tier badge, problem icon; then name and path in what is left.
    const QString badgeText = Formatting::tierLabel(tier);
    const QFontMetrics badgeMetrics(m.badgeFont);
    const int badgeWidth = badgeMetrics.horizontalAdvance(badgeText) + 2 * BadgePadding;
    const int badgeHeight = badgeMetrics.height() + 4;
    const QRect badge(area.right() - badgeWidth + 1, area.top() + (m.firstLine - badgeHeight) / 2,
                      badgeWidth, badgeHeight);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(Formatting::tierColor(tier));
    painter->drawRoundedRect(badge, badgeHeight / 2.0, badgeHeight / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(m.badgeFont);
    painter->drawText(badge, Qt::AlignCenter, badgeText);

    int right = badge.left() - 6;
    if (problems > 0) {
        const QIcon warning = style->standardIcon(QStyle::SP_MessageBoxWarning, &opt, widget);
        const QRect iconRect(right - IconSize + 1, area.top() + (m.firstLine - IconSize) / 2,
                             IconSize, IconSize);
        warning.paint(painter, iconRect);
        right = iconRect.left() - 6;
    }

    const QFontMetrics nameMetrics(m.nameFont);
    const QRect firstLine(area.left(), area.top(), right - area.left(), m.firstLine);
    const QString shownName = nameMetrics.elidedText(name, Qt::ElideRight, firstLine.width());
    painter->setFont(m.nameFont);
    painter->setPen(text);
    painter->drawText(firstLine, Qt::AlignLeft | Qt::AlignVCenter, shownName);
    const int pathLeft = firstLine.left() + nameMetrics.horizontalAdvance(shownName) + 8;
    if (pathLeft < firstLine.right() - 24) {
        const QFontMetrics textMetrics(m.textFont);
        const QRect pathRect(pathLeft, firstLine.top(), firstLine.right() - pathLeft,
                             firstLine.height());
        painter->setFont(m.textFont);
        painter->setPen(muted);
        painter->drawText(pathRect, Qt::AlignLeft | Qt::AlignVCenter,
                          textMetrics.elidedText(path, Qt::ElideMiddle, pathRect.width()));
    }

    // Lines 2 and 3.
    const QFontMetrics textMetrics(m.textFont);
    painter->setFont(m.textFont);
    QStringList counts{Formatting::moduleCount(modules), Formatting::componentCount(components)};
    if (locked > 0)
        counts << Formatting::lockedCount(locked);
    if (problems > 0)
        counts << (problems == 1 ? tr("1 problem") : tr("%n problems", nullptr, problems));
    if (const QString approval = index.data(EnvironmentListModel::LastApprovalRole).toString();
        !approval.isEmpty()) {
        // A stale approval goes first, where eliding a narrow row cannot hide it.
        if (index.data(EnvironmentListModel::LastApprovalStaleRole).toBool())
            counts.prepend(tr("approval %1 is stale").arg(approval));
        else
            counts << tr("approved: %1").arg(approval);
    }
    const QRect second(area.left(), firstLine.bottom() + 1 + LineSpacing, area.width(), m.line);
    painter->setPen(text);
    painter->drawText(
        second, Qt::AlignLeft | Qt::AlignVCenter,
        textMetrics.elidedText(counts.join(tr(" · ")), Qt::ElideRight, second.width()));

    QString change = Formatting::authorAndTime(author, time);
    if (change.isEmpty())
        change = tr("No commits yet");
    const QRect third(area.left(), second.bottom() + 1 + LineSpacing, area.width(), m.line);
    painter->setPen(muted);
    painter->drawText(third, Qt::AlignLeft | Qt::AlignVCenter,
                      textMetrics.elidedText(change, Qt::ElideRight, third.width()));

    // A hairline between rows keeps the three-line blocks apart.
    if (!selected) {
        painter->setPen(mix(background, text, 0.12));
        painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
    }
    painter->restore();
}

} // namespace EnvDeck
