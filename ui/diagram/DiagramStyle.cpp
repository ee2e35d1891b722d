// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/DiagramStyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>

namespace EnvDeck::Diagram {

namespace {

// Mixes `a` towards `b`: 0 keeps a, 1 gives b.
QColor mix(const QColor &a, const QColor &b, double amount)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amount),
                            float(a.greenF() + (b.greenF() - a.greenF()) * amount),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amount));
}

double textWidth(const QFont &font, const QString &text)
{
    // Rounded up with a pixel to spare: fractional advances must never clip the last glyph.
    return std::ceil(QFontMetricsF(font).horizontalAdvance(text)) + 1;
}

} // namespace

DiagramStyle::DiagramStyle(const QPalette &palette, const QFont &font)
    : m_palette(palette)
    , m_font(font)
    , m_dark(palette.color(QPalette::Base).lightness() < 128)
{}

QColor DiagramStyle::background() const
{
    return m_palette.color(QPalette::Base);
}

QColor DiagramStyle::text() const
{
    return m_palette.color(QPalette::Text);
}

QColor DiagramStyle::mutedText() const
{
    return mix(text(), background(), 0.35);
}

QColor DiagramStyle::kindColour(NodeKind kind) const
{
    // Hues apart from the diff colours (green, red, amber), so a kind never reads as a state.
    switch (kind) {
    case NodeKind::Input:
        return m_dark ? QColor(0x9a, 0xa4, 0xb1) : QColor(0x5f, 0x6b, 0x7a);
    case NodeKind::Module:
        return m_dark ? QColor(0x6c, 0xa8, 0xf0) : QColor(0x1f, 0x5f, 0xb4);
    case NodeKind::HelmRelease:
        return m_dark ? QColor(0x4f, 0xc8, 0xd8) : QColor(0x0e, 0x7c, 0x8c);
    case NodeKind::Secret:
        return m_dark ? QColor(0xc3, 0x9b, 0xf0) : QColor(0x7b, 0x3f, 0xb8);
    case NodeKind::ConfigMap:
        return m_dark ? QColor(0xe0, 0x8f, 0xc4) : QColor(0xa3, 0x3c, 0x82);
    }
    return text();
}

QColor DiagramStyle::nodeFill(NodeKind kind) const
{
    return mix(background(), kindColour(kind), m_dark ? 0.18 : 0.08);
}

QColor DiagramStyle::nodeBorder(NodeKind kind) const
{
    return mix(kindColour(kind), background(), 0.25);
}

QColor DiagramStyle::diffColour(DiffState state) const
{
    switch (state) {
    case DiffState::Added:
        return m_dark ? QColor(0x5c, 0xc8, 0x6a) : QColor(0x1e, 0x8a, 0x32);
    case DiffState::Removed:
        return m_dark ? QColor(0xf0, 0x6a, 0x6a) : QColor(0xc6, 0x28, 0x28);
    case DiffState::Changed:
        return m_dark ? QColor(0xf0, 0xb4, 0x3c) : QColor(0xc2, 0x7c, 0x0e);
    case DiffState::Same:
        break;
    }
    return {};
}

QColor DiagramStyle::diffFill(DiffState state, NodeKind kind) const
{
    if (state == DiffState::Same)
        return nodeFill(kind);
    return mix(background(), diffColour(state), m_dark ? 0.22 : 0.12);
}

QColor DiagramStyle::selectionColour() const
{
    return m_palette.color(QPalette::Highlight);
}

QColor DiagramStyle::matchColour() const
{
    return m_dark ? QColor(0xff, 0xd8, 0x4a) : QColor(0xe6, 0xa8, 0x00);
}

QColor DiagramStyle::clusterFill() const
{
    return mix(background(), text(), m_dark ? 0.06 : 0.03);
}

QColor DiagramStyle::clusterBorder() const
{
    return mix(background(), text(), 0.3);
}

QPen DiagramStyle::edgePen(EdgeKind kind, bool removed) const
{
    QPen pen(mix(text(), background(), 0.2), 1.4);
    switch (kind) {
    case EdgeKind::Reference:
        break;
    case EdgeKind::DependsOn:
        pen.setStyle(Qt::DashLine);
        break;
    case EdgeKind::Contains:
        pen.setStyle(Qt::DotLine);
        pen.setWidthF(1.6);
        break;
    case EdgeKind::Input:
        pen.setColor(mix(text(), background(), 0.55));
        pen.setWidthF(1.0);
        break;
    }
    if (removed) {
        pen.setColor(diffColour(DiffState::Removed));
        pen.setStyle(Qt::DashLine);
    }
    pen.setCapStyle(Qt::RoundCap);
    return pen;
}

QFont DiagramStyle::nameFont() const
{
    QFont font = m_font;
    font.setBold(true);
    return font;
}

QFont DiagramStyle::detailFont() const
{
    QFont font = m_font;
    font.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.9 : 8);
    return font;
}

void DiagramStyle::drawKindIcon(QPainter *painter, const QRectF &rect, NodeKind kind,
                                const QColor &colour)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF r = rect.adjusted(1, 1, -1, -1);
    painter->setPen(QPen(colour, 1.4));
    painter->setBrush(Qt::NoBrush);
    switch (kind) {
    case NodeKind::Input: { // an arrow entering a bracket
        painter->drawLine(QPointF(r.left(), r.center().y()),
                          QPointF(r.center().x() + 2, r.center().y()));
        painter->drawLine(QPointF(r.center().x() - 2, r.top() + r.height() * 0.25),
                          QPointF(r.center().x() + 2, r.center().y()));
        painter->drawLine(QPointF(r.center().x() - 2, r.bottom() - r.height() * 0.25),
                          QPointF(r.center().x() + 2, r.center().y()));
        painter->drawPolyline(
            QPolygonF({QPointF(r.right() - 4, r.top()), QPointF(r.right(), r.top()),
                       QPointF(r.right(), r.bottom()), QPointF(r.right() - 4, r.bottom())}));
        break;
    }
    case NodeKind::Module: { // a cube
        const double d = r.width() * 0.3;
        const QRectF front(r.left(), r.top() + d, r.width() - d, r.height() - d);
        painter->drawRect(front);
        painter->drawPolyline(QPolygonF(
            {front.topLeft(), QPointF(front.left() + d, r.top()), QPointF(r.right(), r.top()),
             QPointF(r.right(), front.bottom() - d), front.bottomRight()}));
        painter->drawLine(front.topRight(), QPointF(r.right(), r.top()));
        break;
    }
    case NodeKind::HelmRelease: { // a ship's wheel
        const QPointF c = r.center();
        const double radius = r.width() * 0.32;
        painter->drawEllipse(c, radius, radius);
        for (int i = 0; i < 6; ++i) {
            const double angle = i * M_PI / 3;
            const QPointF dir(std::cos(angle), std::sin(angle));
            painter->drawLine(c + dir * radius * 0.3, c + dir * r.width() * 0.5);
        }
        break;
    }
    case NodeKind::Secret: { // a key
        const double radius = r.height() * 0.22;
        const QPointF c(r.left() + radius + 1, r.center().y());
        painter->drawEllipse(c, radius, radius);
        painter->drawLine(QPointF(c.x() + radius, c.y()), QPointF(r.right(), c.y()));
        painter->drawLine(QPointF(r.right() - 1, c.y()), QPointF(r.right() - 1, c.y() + radius));
        painter->drawLine(QPointF(r.right() - 4, c.y()), QPointF(r.right() - 4, c.y() + radius));
        break;
    }
    case NodeKind::ConfigMap: { // a sheet with lines
        const QRectF sheet(r.left() + r.width() * 0.15, r.top(), r.width() * 0.7, r.height());
        painter->drawRect(sheet);
        for (int i = 1; i <= 3; ++i) {
            const double y = sheet.top() + sheet.height() * i / 4;
            painter->drawLine(QPointF(sheet.left() + 2, y), QPointF(sheet.right() - 2, y));
        }
        break;
    }
    }
    painter->restore();
}

void DiagramStyle::drawPadlock(QPainter *painter, const QRectF &rect, const QColor &colour)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF body(rect.left() + 1, rect.top() + rect.height() * 0.45, rect.width() - 2,
                      rect.height() * 0.55);
    painter->setPen(QPen(colour, 1.4));
    painter->setBrush(Qt::NoBrush);
    const QRectF shackle(body.left() + body.width() * 0.2, rect.top(), body.width() * 0.6,
                         rect.height() * 0.8);
    painter->drawArc(shackle, 0, 180 * 16);
    painter->drawLine(shackle.topLeft() + QPointF(0, shackle.height() / 2),
                      QPointF(shackle.left(), body.top()));
    painter->drawLine(shackle.topRight() + QPointF(0, shackle.height() / 2),
                      QPointF(shackle.right(), body.top()));
    painter->setBrush(colour);
    painter->drawRoundedRect(body, 1.5, 1.5);
    painter->restore();
}

QString nodeKindTitle(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Input:
        return QObject::tr("Input");
    case NodeKind::Module:
        return QObject::tr("Module");
    case NodeKind::HelmRelease:
        return QObject::tr("Helm release");
    case NodeKind::Secret:
        return QObject::tr("Secret");
    case NodeKind::ConfigMap:
        return QObject::tr("Config map");
    }
    return {};
}

QString multiplicityBadge(const QString &multiplicity)
{
    const QString text = multiplicity.trimmed();
    if (text.isEmpty())
        return {};
    if (text.startsWith(QLatin1String("for_each")))
        return QStringLiteral("for_each");
    static const QRegularExpression count(QStringLiteral("^count\\s*=\\s*(\\d+)$"));
    const QRegularExpressionMatch match = count.match(text);
    if (match.hasMatch())
        return QStringLiteral("×") + match.captured(1);
    return QStringLiteral("count");
}

NodeGeometry nodeGeometry(const Node &node, const QFont &font)
{
    const DiagramStyle style(QPalette(), font);
    const QFont nameFont = style.nameFont();
    const QFont detailFont = style.detailFont();
    const QFontMetricsF nameMetrics(nameFont);
    const QFontMetricsF detailMetrics(detailFont);
    constexpr double P = NodeGeometry::Padding;
    constexpr double Gap = NodeGeometry::Gap;

    NodeGeometry g;
    g.nameText = node.label.isEmpty() ? node.id : node.label;
    g.sourceText = node.shortSource;
    g.versionText = node.version;
    g.badgeText = multiplicityBadge(node.multiplicity);

    double y = P;
    const double firstRow = std::max(NodeGeometry::IconSize, nameMetrics.height());
    g.icon = QRectF(P, y + (firstRow - NodeGeometry::IconSize) / 2, NodeGeometry::IconSize,
                    NodeGeometry::IconSize);
    g.name = QRectF(g.icon.right() + Gap, y, textWidth(nameFont, g.nameText), firstRow);
    double width = g.name.right();
    if (node.locked) {
        g.lock = QRectF(g.name.right() + Gap, y + (firstRow - NodeGeometry::BadgeSize) / 2,
                        NodeGeometry::BadgeSize, NodeGeometry::BadgeSize);
        width = g.lock.right();
    }
    y += firstRow;
    const double lineHeight = detailMetrics.height();
    if (!g.sourceText.isEmpty()) {
        y += 2;
        g.source = QRectF(P, y, textWidth(detailFont, g.sourceText), lineHeight);
        width = std::max(width, g.source.right());
        y += lineHeight;
    }
    if (!g.versionText.isEmpty() || !g.badgeText.isEmpty()) {
        y += 2;
        double x = P;
        if (!g.versionText.isEmpty()) {
            g.version = QRectF(x, y, textWidth(detailFont, g.versionText), lineHeight);
            x = g.version.right() + Gap;
        }
        if (!g.badgeText.isEmpty()) {
            // The badge is a pill: its text plus a margin on each side.
            g.badge = QRectF(x, y, textWidth(detailFont, g.badgeText) + 10, lineHeight);
            x = g.badge.right();
        }
        width = std::max(width, x);
        y += lineHeight;
    }
    g.size = QSizeF(std::ceil(std::max(width + P, 120.0)), std::ceil(y + P));
    return g;
}

SizeMap nodeSizes(const Graph &graph, const QFont &font)
{
    return nodeSizes(graph.nodes, font);
}

SizeMap nodeSizes(const QList<Node> &nodes, const QFont &font)
{
    SizeMap sizes;
    for (const Node &node : nodes)
        sizes.insert(node.id, nodeGeometry(node, font).size);
    return sizes;
}

} // namespace EnvDeck::Diagram
