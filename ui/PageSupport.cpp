// SPDX-License-Identifier: GPL-3.0-or-later
#include "PageSupport.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QSvgRenderer>
#include <QWidget>

namespace EnvDeck::PageSupport {

QPixmap applicationIcon(int size, const QWidget *widget)
{
    const qreal ratio = widget ? widget->devicePixelRatioF() : 1.0;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.fill(Qt::transparent);
    QSvgRenderer renderer(QStringLiteral(":/icons/envdeck.svg"));
    QPainter painter(&pixmap);
    renderer.render(&painter);
    painter.end();
    pixmap.setDevicePixelRatio(ratio);
    return pixmap;
}

QLabel *createTitle(const QString &text, QWidget *parent, qreal scale)
{
    auto label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    label->setWordWrap(true);
    return label;
}

void centre(QWidget *page, QWidget *content, int maxWidth)
{
    // The middle column takes nearly all the width up to maxWidth, so word-wrapped labels get
    // their full width instead of their (narrow) size hint; the rest goes to the sides.
    content->setMaximumWidth(maxWidth);
    content->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto layout = new QGridLayout(page);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setRowStretch(0, 1);
    layout->setRowStretch(2, 2);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 100);
    layout->setColumnStretch(2, 1);
    layout->addWidget(content, 1, 1);
}

} // namespace EnvDeck::PageSupport
