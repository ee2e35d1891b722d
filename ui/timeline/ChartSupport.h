// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QPalette>
#include <QPointer>
#include <QString>

#include <functional>

class QAbstractAxis;
class QChart;
class QComboBox;
class QWidget;

// What the timeline charts share: colours that read on light and dark palettes, and exports.
namespace EnvDeck::Timeline {

// The chart's background, title, legend and plot follow `palette`, so a dark desktop theme gives
// a dark chart rather than a white box.
void applyChartPalette(QChart *chart, const QPalette &palette);
// Labels, titles and grid lines of an axis in the palette's text colours.
void applyAxisPalette(QAbstractAxis *axis, const QPalette &palette);

// Empties `chart` for a rebuild (its series and axes are deleted), applies `palette` and sets
// `title`: how every timeline chart starts drawing its model again.
void clearChart(QChart *chart, const QPalette &palette, const QString &title);

// Fills a filter combo box: `allText` (data: empty) first, then `names` sorted without repeats
// (data: the name), keeping the selected entry when it is still offered. Emits no signals.
void fillFilterCombo(QComboBox *combo, const QString &allText, QStringList names);

// A colour per component (cycled), distinct enough next to each other and on either background.
QColor componentColor(int index);

// Makes `chart` follow `model` (reset, layout, rows, data: any change calls `rebuild`), leaving the
// one it followed before; `current` is the chart's pointer to its model.
void followModel(QObject *chart, QPointer<QAbstractItemModel> &current, QAbstractItemModel *model,
                 const std::function<void()> &rebuild);
// succeeded: green, failed: red, anything else (canceled, skipped): grey.
QColor resultColor(const QString &result);

// The widget as it is drawn now, saved as PNG; the Error names the file.
Result<void> exportWidgetPng(QWidget *widget, const QString &path);

} // namespace EnvDeck::Timeline
