// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/DiagramAccessible.h"

#include "diagram/DiagramScene.h"
#include "diagram/DiagramStyle.h"
#include "diagram/DiagramView.h"
#include "diagram/NodeItem.h"

#include <QWidget>
#include <QWindow>

namespace EnvDeck::Diagram {

namespace {

DiagramScene *sceneOf(const DiagramView *view)
{
    return view ? qobject_cast<DiagramScene *>(view->scene()) : nullptr;
}

QAccessibleInterface *createInterface(const QString &className, QObject *object)
{
    if (className != QLatin1String("EnvDeck::Diagram::DiagramView"))
        return nullptr;
    if (auto view = qobject_cast<DiagramView *>(object))
        return new DiagramViewAccessible(view);
    return nullptr;
}

} // namespace

DiagramViewAccessible::DiagramViewAccessible(DiagramView *view)
    : QAccessibleWidget(view, QAccessible::List)
{
    watchScene();
}

DiagramViewAccessible::~DiagramViewAccessible()
{
    QObject::disconnect(m_selectionConnection);
    for (QAccessible::Id id : std::as_const(m_children)) {
        if (QAccessible::accessibleInterface(id))
            QAccessible::deleteAccessibleInterface(id);
    }
}

DiagramView *DiagramViewAccessible::view() const
{
    return static_cast<DiagramView *>(widget());
}

void DiagramViewAccessible::watchScene() const
{
    QGraphicsScene *scene = view()->scene();
    if (scene == m_watched)
        return;
    QObject::disconnect(m_selectionConnection);
    m_watched = scene;
    if (!scene)
        return;
    // The view is the context: the connection ends with it, before this interface is deleted.
    m_selectionConnection = QObject::connect(scene, &QGraphicsScene::selectionChanged, view(),
                                             [this, scene] { notifySelection(scene); });
}

void DiagramViewAccessible::notifySelection(const QGraphicsScene *scene) const
{
    // A scene the view no longer shows, such as one whose items are being deleted.
    if (view()->scene() != scene)
        return;
    // Like Qt's own widgets, always: updateAccessibility() does nothing when no tool listens.
    QList<NodeItem *> selected;
    for (QGraphicsItem *item : scene->selectedItems()) {
        if (item->type() == NodeItem::Type)
            selected << static_cast<NodeItem *>(item);
    }
    if (selected.size() != 1) {
        QAccessibleEvent within(view(), QAccessible::SelectionWithin);
        QAccessible::updateAccessibility(&within);
        return;
    }
    QAccessibleInterface *node = interfaceFor(selected.first()->id());
    QAccessibleEvent selection(node, QAccessible::Selection);
    QAccessible::updateAccessibility(&selection);
    if (view()->hasFocus()) {
        QAccessibleEvent focus(node, QAccessible::Focus);
        QAccessible::updateAccessibility(&focus);
    }
}

QList<NodeItem *> DiagramViewAccessible::items() const
{
    watchScene();
    const DiagramScene *scene = sceneOf(view());
    return scene ? scene->nodeItems() : QList<NodeItem *>();
}

int DiagramViewAccessible::childCount() const
{
    return int(items().size());
}

QAccessibleInterface *DiagramViewAccessible::child(int index) const
{
    const QList<NodeItem *> nodes = items();
    if (index < 0 || index >= nodes.size())
        return nullptr;
    return interfaceFor(nodes.at(index)->id());
}

int DiagramViewAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    // The viewport and the scroll bars also name the view as their parent, but the view's
    // children are its nodes only.
    const auto *node = dynamic_cast<const NodeItemAccessible *>(child);
    if (!node || child->parent() != this)
        return -1;
    const QString id = node->nodeId();
    const QList<NodeItem *> nodes = items();
    for (int i = 0; i < nodes.size(); ++i) {
        if (nodes.at(i)->id() == id)
            return i;
    }
    return -1;
}

QAccessibleInterface *DiagramViewAccessible::childAt(int x, int y) const
{
    DiagramView *diagram = view();
    const QPoint local = diagram->viewport()->mapFromGlobal(QPoint(x, y));
    // The topmost node under the point, also when a label or an edge is drawn over it.
    for (QGraphicsItem *item : diagram->items(local)) {
        if (item->type() == NodeItem::Type)
            return interfaceFor(static_cast<NodeItem *>(item)->id());
    }
    return nullptr;
}

QAccessibleInterface *DiagramViewAccessible::focusChild() const
{
    const DiagramScene *scene = sceneOf(view());
    if (!scene || !view()->hasFocus())
        return nullptr;
    QGraphicsItem *focus = scene->focusItem();
    if (focus && focus->type() == NodeItem::Type)
        return interfaceFor(static_cast<NodeItem *>(focus)->id());
    const QList<QGraphicsItem *> selected = scene->selectedItems();
    if (selected.size() == 1 && selected.first()->type() == NodeItem::Type)
        return interfaceFor(static_cast<NodeItem *>(selected.first())->id());
    return nullptr;
}

QAccessibleInterface *DiagramViewAccessible::interfaceFor(const QString &nodeId) const
{
    if (QAccessibleInterface *known = QAccessible::accessibleInterface(m_children.value(nodeId)))
        return known;
    auto created = new NodeItemAccessible(view(), nodeId);
    m_children.insert(nodeId, QAccessible::registerAccessibleInterface(created));
    return created;
}

NodeItemAccessible::NodeItemAccessible(DiagramView *view, const QString &nodeId)
    : m_view(view)
    , m_nodeId(nodeId)
{}

NodeItem *NodeItemAccessible::item() const
{
    const DiagramScene *scene = sceneOf(m_view);
    return scene ? scene->nodeItem(m_nodeId) : nullptr;
}

bool NodeItemAccessible::isValid() const
{
    return item() != nullptr;
}

QWindow *NodeItemAccessible::window() const
{
    return m_view ? m_view->window()->windowHandle() : nullptr;
}

QAccessibleInterface *NodeItemAccessible::parent() const
{
    return m_view ? QAccessible::queryAccessibleInterface(m_view.data()) : nullptr;
}

QString NodeItemAccessible::text(QAccessible::Text t) const
{
    const NodeItem *node = item();
    if (!node)
        return {};
    switch (t) {
    case QAccessible::Name:
        return node->node().label;
    case QAccessible::Description: {
        QStringList parts{nodeKindTitle(node->node().kind)};
        const QString details = node->data(NodeItem::AccessibleDescriptionKey).toString();
        if (!details.isEmpty())
            parts << details;
        return parts.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QRect NodeItemAccessible::rect() const
{
    const NodeItem *node = item();
    if (!node)
        return {};
    const QRect inViewport = m_view->mapFromScene(node->sceneBoundingRect()).boundingRect();
    return QRect(m_view->viewport()->mapToGlobal(inViewport.topLeft()), inViewport.size());
}

QAccessible::State NodeItemAccessible::state() const
{
    QAccessible::State state;
    const NodeItem *node = item();
    if (!node) {
        state.invalid = true;
        return state;
    }
    state.selectable = true;
    state.selected = node->isSelected();
    state.focusable = true;
    state.focused = node->hasFocus()
                    || (m_view->hasFocus() && node->isSelected()
                        && node->scene()->selectedItems().size() == 1);
    state.invisible = !node->isVisible();
    state.offscreen
        = !m_view->visibleSceneRect().intersects(node->sceneBoundingRect()) || !m_view->isVisible();
    return state;
}

void installDiagramAccessibility()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    QAccessible::installFactory(createInterface);
}

} // namespace EnvDeck::Diagram
