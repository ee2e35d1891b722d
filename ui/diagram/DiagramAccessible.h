// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAccessibleWidget>
#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

namespace EnvDeck::Diagram {

class DiagramView;
class NodeItem;

// Graphics items have no accessibility in Qt: this interface makes the diagram view a list whose
// children are its nodes, so screen readers and UI tests can read and find them.
class DiagramViewAccessible : public QAccessibleWidget
{
public:
    explicit DiagramViewAccessible(DiagramView *view);
    ~DiagramViewAccessible() override;

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QAccessibleInterface *focusChild() const override;

    DiagramView *view() const;
    // The scene's node items in its order (the model's nodes, removed ones last).
    QList<NodeItem *> items() const;

private:
    QAccessibleInterface *interfaceFor(const QString &nodeId) const;
    // Follows the view's current scene (the page replaces it for another model) so that
    // selecting nodes tells assistive tools which node is selected and focused.
    void watchScene() const;
    void notifySelection(const QGraphicsScene *scene) const;

    mutable QPointer<QGraphicsScene> m_watched;
    mutable QMetaObject::Connection m_selectionConnection;

    // One interface per node id, kept while the view lives so screen readers see stable objects.
    mutable QHash<QString, QAccessible::Id> m_children;
};

// One node: name = the node's label, description = its kind, source, version and lock.
// It follows the node by id, so a node item replaced after a reload is picked up and a removed
// one makes it invalid rather than dangling.
class NodeItemAccessible : public QAccessibleInterface
{
public:
    NodeItemAccessible(DiagramView *view, const QString &nodeId);

    bool isValid() const override;
    QObject *object() const override { return nullptr; }
    QWindow *window() const override;
    QAccessibleInterface *parent() const override;
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override;
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override;

    QString nodeId() const { return m_nodeId; }
    NodeItem *item() const;

private:
    QPointer<DiagramView> m_view;
    QString m_nodeId;
};

// Registers the factory that gives every DiagramView the interface above. Idempotent; called
// by the view's constructor, before anything can ask for its interface.
void installDiagramAccessibility();

} // namespace EnvDeck::Diagram
