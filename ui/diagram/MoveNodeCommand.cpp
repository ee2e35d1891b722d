// SPDX-License-Identifier: GPL-3.0-or-later
// Kept apart from DiagramCommands.cpp: only what drags nodes links GraphModel.
#include "DiagramCommands.h"

#include "diagram/GraphModel.h"

#include <QCoreApplication>

namespace EnvDeck {

MoveNodeCommand::MoveNodeCommand(Diagram::GraphModel *model, QString nodeId, const QPointF &from,
                                 const QPointF &to, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_nodeId(std::move(nodeId))
    , m_from(from)
    , m_to(to)
{
    setText(QCoreApplication::translate("MoveNodeCommand", "Move %1").arg(m_nodeId));
}

bool MoveNodeCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = dynamic_cast<const MoveNodeCommand *>(other);
    if (!move || move->m_nodeId != m_nodeId || move->m_model != m_model)
        return false;
    m_to = move->m_to;
    return true;
}

void MoveNodeCommand::undo()
{
    if (m_model)
        m_model->moveNode(m_nodeId, m_from);
}

void MoveNodeCommand::redo()
{
    if (m_model)
        m_model->moveNode(m_nodeId, m_to);
}

} // namespace EnvDeck
