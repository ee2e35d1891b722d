// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/DiagramEdits.h"

#include <QPointF>
#include <QPointer>
#include <QUndoCommand>

namespace EnvDeck {

class VersionWorkspace;

namespace Diagram {
class GraphModel;
}

// A diagram edit: several Terraform files' bytes swapped in the workspace as one undo step
// ("Add module redis"). Undo restores exactly the bytes that were there, comments and all.
class FilesEditCommand : public QUndoCommand
{
public:
    FilesEditCommand(VersionWorkspace *workspace, Diagram::FileEdits edits, const QString &text,
                     QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

    const Diagram::FileEdits &edits() const { return m_edits; }

private:
    QPointer<VersionWorkspace> m_workspace;
    Diagram::FileEdits m_edits;
};

// A node dragged on the diagram. Consecutive drags of the same node merge into one step, so
// undo puts it back where the first drag started.
class MoveNodeCommand : public QUndoCommand
{
public:
    enum { Id = 0x4d4f5645 }; // "MOVE"

    MoveNodeCommand(Diagram::GraphModel *model, QString nodeId, const QPointF &from,
                    const QPointF &to, QUndoCommand *parent = nullptr);

    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

    const QString &nodeId() const { return m_nodeId; }
    QPointF from() const { return m_from; }
    QPointF to() const { return m_to; }

private:
    QPointer<Diagram::GraphModel> m_model;
    QString m_nodeId;
    QPointF m_from;
    QPointF m_to;
};

} // namespace EnvDeck
