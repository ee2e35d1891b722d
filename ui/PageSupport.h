// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPixmap>
#include <QString>

class QLabel;
class QWidget;

namespace EnvDeck::PageSupport {

// The application icon rendered from its SVG at `size` logical pixels for `widget`'s screen.
QPixmap applicationIcon(int size, const QWidget *widget);

// A label with a bigger, bold font, for page titles.
QLabel *createTitle(const QString &text, QWidget *parent, qreal scale = 1.6);

// Puts `content` (at most `maxWidth` wide) in the middle of `page`, centred both ways.
void centre(QWidget *page, QWidget *content, int maxWidth);

} // namespace EnvDeck::PageSupport
