// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/NodeItem.h"

#include "diagram/DiagramScene.h"
#include "diagram/DiagramStyle.h"

#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace EnvDeck::Diagram {

namespace {

constexpr double Radius = 6;

} // namespace

NodeItem::NodeItem(const Node &node, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_node(node)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemIsFocusable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(10);
    updateTexts();
}

void NodeItem::setNode(const Node &node)
{
    m_node = node;
    m_geometry.reset();
    updateTexts();
    update();
}

void NodeItem::setSize(const QSizeF &size)
{
    if (size == m_size)
        return;
    prepareGeometryChange();
    m_size = size;
}

void NodeItem::setDiffState(DiffState state)
{
    if (state == m_state)
        return;
    m_state = state;
    updateTexts();
    update();
}

void NodeItem::setMatch(bool match, bool current)
{
    if (match == m_match && current == m_currentMatch)
        return;
    m_match = match;
    m_currentMatch = current;
    update();
}

QRectF NodeItem::boundingRect() const
{
    // Room for the selection and match outlines drawn outside the box.
    return QRectF(QPointF(0, 0), m_size).adjusted(-4, -4, 4, 4);
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(QRectF(QPointF(0, 0), m_size), Radius, Radius);
    return path;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget);
    const auto *diagram = qobject_cast<DiagramScene *>(scene());
    const DiagramStyle fallback;
    const DiagramStyle &style = diagram ? diagram->style() : fallback;
    const QRectF box(QPointF(0, 0), m_size);

    // Zoomed far out the labels are a few pixels high and unreadable: a plain box then keeps
    // panning and zooming a thousand-node diagram within a frame.
    const double detail
        = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (detail < LowDetail) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        const QColor border = (option->state & QStyle::State_Selected) ? style.selectionColour()
                              : m_state == DiffState::Same ? style.nodeBorder(m_node.kind)
                                                           : style.diffColour(m_state);
        painter->setPen(QPen(border, 0));
        painter->setBrush(m_match ? style.matchColour() : style.diffFill(m_state, m_node.kind));
        painter->drawRect(box);
        return;
    }
    const NodeGeometry &g = geometry(diagram ? diagram->font() : QFont());
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_match) {
        painter->setPen(Qt::NoPen);
        QColor glow = style.matchColour();
        glow.setAlphaF(m_currentMatch ? 0.75f : 0.4f);
        painter->setBrush(glow);
        painter->drawRoundedRect(box.adjusted(-4, -4, 4, 4), Radius + 3, Radius + 3);
    }
    QPen border(m_state == DiffState::Same ? style.nodeBorder(m_node.kind)
                                           : style.diffColour(m_state),
                m_state == DiffState::Same ? 1.2 : 2.2);
    if (m_state == DiffState::Removed)
        border.setStyle(Qt::DashLine);
    if (option->state & QStyle::State_Selected) {
        border.setColor(style.selectionColour());
        border.setWidthF(2.6);
        border.setStyle(Qt::SolidLine);
    }
    painter->setPen(border);
    painter->setBrush(style.diffFill(m_state, m_node.kind));
    painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), Radius, Radius);

    DiagramStyle::drawKindIcon(painter, g.icon, m_node.kind, style.kindColour(m_node.kind));
    painter->setPen(style.text());
    painter->setFont(style.nameFont());
    painter->drawText(g.name, Qt::AlignLeft | Qt::AlignVCenter, g.nameText);
    if (!g.lock.isNull())
        DiagramStyle::drawPadlock(painter, g.lock, style.diffColour(DiffState::Changed));
    painter->setFont(style.detailFont());
    painter->setPen(style.mutedText());
    if (!g.source.isNull())
        painter->drawText(g.source, Qt::AlignLeft | Qt::AlignVCenter, g.sourceText);
    if (!g.version.isNull()) {
        painter->setPen(style.text());
        painter->drawText(g.version, Qt::AlignLeft | Qt::AlignVCenter, g.versionText);
    }
    if (!g.badge.isNull()) {
        painter->setPen(Qt::NoPen);
        const QColor badge = style.nodeBorder(m_node.kind);
        painter->setBrush(badge);
        painter->drawRoundedRect(g.badge, g.badge.height() / 2, g.badge.height() / 2);
        // Dark text on a light pill and the reverse, whatever the palette.
        painter->setPen(badge.lightness() > 150 ? QColor(0x10, 0x10, 0x10) : QColor(Qt::white));
        painter->drawText(g.badge, Qt::AlignCenter, g.badgeText);
    }
}

const NodeGeometry &NodeItem::geometry(const QFont &font) const
{
    if (!m_geometry || m_geometryFont != font) {
        m_geometry = nodeGeometry(m_node, font);
        m_geometryFont = font;
    }
    return *m_geometry;
}

QString NodeItem::detailsToolTip() const
{
    const auto row = [](const QString &name, const QString &value) {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                                     .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString state;
    switch (m_state) {
    case DiffState::Added:
        state = QObject::tr("added");
        break;
    case DiffState::Removed:
        state = QObject::tr("removed");
        break;
    case DiffState::Changed:
        state = QObject::tr("changed");
        break;
    case DiffState::Same:
        break;
    }
    return QStringLiteral("<table>") + row(QObject::tr("Kind"), nodeKindTitle(m_node.kind))
           + row(QObject::tr("Name"), m_node.label) + row(QObject::tr("Id"), m_node.id)
           + row(QObject::tr("Source"), m_node.source) + row(QObject::tr("Version"), m_node.version)
           + row(QObject::tr("Multiplicity"), m_node.multiplicity)
           + row(QObject::tr("Locked"),
                 m_node.locked
                     ? m_node.lockReason.isEmpty() ? QObject::tr("yes") : m_node.lockReason
                     : QString())
           + row(QObject::tr("Compared"), state)
           + row(QObject::tr("Declared at"), m_node.location.toString())
           + QStringLiteral("</table>");
}

QString NodeItem::lockToolTip() const
{
    if (!m_node.locked)
        return {};
    return m_node.lockReason.isEmpty() ? QObject::tr("Locked")
                                       : QObject::tr("Locked: %1").arg(m_node.lockReason);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        if (auto *diagram = qobject_cast<DiagramScene *>(scene()))
            diagram->nodeItemDragged(this);
    }
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    // The padlock has its own tooltip (the reason); the rest of the box shows the details.
    const auto *diagram = qobject_cast<DiagramScene *>(scene());
    const NodeGeometry g = nodeGeometry(m_node, diagram ? diagram->font() : QFont());
    const bool onLock = !g.lock.isNull() && g.lock.adjusted(-3, -3, 3, 3).contains(event->pos());
    setToolTip(onLock ? lockToolTip() : detailsToolTip());
    QGraphicsItem::hoverMoveEvent(event);
}

void NodeItem::updateTexts()
{
    setData(IdKey, m_node.id);
    QString name = nodeKindTitle(m_node.kind) + QLatin1Char(' ') + m_node.label;
    setData(AccessibleNameKey, name);
    QStringList description;
    if (!m_node.shortSource.isEmpty())
        description << QObject::tr("source %1").arg(m_node.shortSource);
    if (!m_node.version.isEmpty())
        description << QObject::tr("version %1").arg(m_node.version);
    if (!m_node.multiplicity.isEmpty())
        description << m_node.multiplicity;
    if (m_node.locked)
        description << lockToolTip();
    setData(AccessibleDescriptionKey, description.join(QStringLiteral(", ")));
    setToolTip(detailsToolTip());
}

} // namespace EnvDeck::Diagram
