// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QRectF>
#include <QString>

class QGraphicsScene;
class QGraphicsView;

namespace EnvDeck::Diagram {

// Exports of the diagram, written atomically (the file appears complete or not at all).
// The whole diagram (the CLI's export-diagram and tests):
Result<void> exportPng(QGraphicsScene *scene, const QString &path, double scale = 2);
// Text stays text (every label is a <text> element); `title` and `description` go into the SVG's
// <title> and <desc>; a DiagramScene's environment is used when they are empty.
Result<void> exportSvg(QGraphicsScene *scene, const QString &path, const QString &title = {},
                       const QString &description = {});
// What the view currently shows (the page's export buttons).
Result<void> exportVisiblePng(QGraphicsView *view, const QString &path, double scale = 2);
Result<void> exportVisibleSvg(QGraphicsView *view, const QString &path, const QString &title = {},
                              const QString &description = {});

// The same with an explicit scene rect; the functions above use it.
Result<void> exportPngRect(QGraphicsScene *scene, const QRectF &source, const QString &path,
                           double scale);
Result<void> exportSvgRect(QGraphicsScene *scene, const QRectF &source, const QString &path,
                           const QString &title, const QString &description);

} // namespace EnvDeck::Diagram
