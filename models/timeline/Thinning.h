// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>

namespace EnvDeck::Timeline {

// Above this many points a series is thinned before it reaches a chart: more points than pixels
// only cost time to draw.
inline constexpr qsizetype ThinningThreshold = 10000;

// Points sorted by x, reduced to at most two per pixel column of a plot `pixelWidth` wide: the
// lowest and the highest, in x order, so peaks and dips stay visible. Returned unchanged when
// there are no more than `threshold` points or the width is not positive.
QList<QPointF> thin(const QList<QPointF> &points, int pixelWidth,
                    qsizetype threshold = ThinningThreshold);

} // namespace EnvDeck::Timeline
