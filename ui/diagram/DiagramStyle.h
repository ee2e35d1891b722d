// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Colours, fonts, icons and the geometry of a node box for the environment diagram. Colours are
// derived from the palette so the diagram reads well in light and dark themes; the node geometry
// is shared by painting and by nodeSizes(), so the size the layout reserves is exactly what the
// item paints into.

#include "diagram/Graph.h"
#include "diagram/GraphCompare.h"
#include "diagram/GraphLayout.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QPen>
#include <QRectF>

class QPainter;

namespace EnvDeck::Diagram {

class DiagramStyle
{
public:
    explicit DiagramStyle(const QPalette &palette = QPalette(), const QFont &font = QFont());

    bool isDark() const { return m_dark; }
    const QPalette &palette() const { return m_palette; }

    QColor background() const;
    QColor text() const;
    QColor mutedText() const;
    QColor nodeFill(NodeKind kind) const;
    QColor nodeBorder(NodeKind kind) const;
    QColor kindColour(NodeKind kind) const;
    // Added green, removed red, changed amber; Same: an invalid colour.
    QColor diffColour(DiffState state) const;
    QColor diffFill(DiffState state, NodeKind kind) const;
    QColor selectionColour() const;
    QColor matchColour() const; // search matches
    QColor clusterFill() const;
    QColor clusterBorder() const;
    QPen edgePen(EdgeKind kind, bool removed) const;

    QFont nameFont() const;
    QFont detailFont() const;

    // Kind icons drawn with the painter, so they follow the palette and stay sharp when zoomed
    // or exported to SVG.
    static void drawKindIcon(QPainter *painter, const QRectF &rect, NodeKind kind,
                             const QColor &colour);
    static void drawPadlock(QPainter *painter, const QRectF &rect, const QColor &colour);

private:
    QPalette m_palette;
    QFont m_font;
    bool m_dark = false;
};

// What a person calls the kind: "Module", "Helm release", "Secret", ...
QString nodeKindTitle(NodeKind kind);

// The badge shown for a node's multiplicity: "count = 3" -> "×3", "for_each = ..." -> "for_each",
// "count = var.n" -> "count"; empty for a single instance.
QString multiplicityBadge(const QString &multiplicity);

// Where each part of a node box goes, relative to the box's top-left corner.
struct NodeGeometry
{
    static constexpr double Padding = 10;
    static constexpr double IconSize = 18;
    static constexpr double Gap = 6;
    static constexpr double BadgeSize = 14;

    QSizeF size;
    QRectF icon;
    QRectF name;
    QRectF lock;    // null when not locked
    QRectF source;  // null when the node has no short source
    QRectF version; // null when the node has neither version nor multiplicity
    QRectF badge;   // multiplicity badge; null when single
    QString nameText;
    QString sourceText;
    QString versionText;
    QString badgeText;
};

NodeGeometry nodeGeometry(const Node &node, const QFont &font);
// The size each node needs so its name, short source, version, lock badge and multiplicity fit.
SizeMap nodeSizes(const Graph &graph, const QFont &font);
// The same for any nodes, e.g. a comparison's removed nodes, which the layout places too.
SizeMap nodeSizes(const QList<Node> &nodes, const QFont &font);

} // namespace EnvDeck::Diagram
