// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/Thinning.h"

#include <algorithm>

namespace EnvDeck::Timeline {

QList<QPointF> thin(const QList<QPointF> &points, int pixelWidth, qsizetype threshold)
{
    if (points.size() <= threshold || pixelWidth <= 0)
        return points;
    const double minX = points.first().x();
    const double span = points.last().x() - minX;
    QList<QPointF> result;
    result.reserve(2 * qsizetype(pixelWidth) + 2);
    qsizetype start = 0;
    while (start < points.size()) {
        // The column of a point; all points of one column are next to each other since x is sorted.
        const auto columnOf = [&](const QPointF &p) {
            return span > 0 ? std::min(pixelWidth - 1, int((p.x() - minX) / span * pixelWidth)) : 0;
        };
        const int column = columnOf(points.at(start));
        qsizetype end = start;
        qsizetype low = start;
        qsizetype high = start;
        while (end < points.size() && columnOf(points.at(end)) == column) {
            if (points.at(end).y() < points.at(low).y())
                low = end;
            if (points.at(end).y() > points.at(high).y())
                high = end;
            ++end;
        }
        result.append(points.at(std::min(low, high)));
        if (low != high)
            result.append(points.at(std::max(low, high)));
        start = end;
    }
    return result;
}

} // namespace EnvDeck::Timeline
