// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionCommands.h"

#include "UiLogging.h"
#include "matrix/VersionWorkspace.h"

namespace EnvDeck {

DocumentEditCommand::DocumentEditCommand(VersionWorkspace *workspace, QString environment,
                                         QByteArray before, QByteArray after, const QString &text)
    : QUndoCommand(text)
    , m_workspace(workspace)
    , m_environment(std::move(environment))
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void DocumentEditCommand::undo()
{
    if (!m_workspace)
        return;
    if (auto result = m_workspace->setBytes(m_environment, m_before); !result)
        qCWarning(lcUi) << "Cannot undo" << text() << ":" << result.error().toString();
}

void DocumentEditCommand::redo()
{
    if (!m_workspace)
        return;
    if (auto result = m_workspace->setBytes(m_environment, m_after); !result) {
        qCWarning(lcUi) << "Cannot apply" << text() << ":" << result.error().toString();
        setObsolete(true);
    }
}

TerraformEditCommand::TerraformEditCommand(VersionWorkspace *workspace, QString file,
                                           QByteArray before, QByteArray after, const QString &text)
    : QUndoCommand(text)
    , m_workspace(workspace)
    , m_file(std::move(file))
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void TerraformEditCommand::undo()
{
    if (!m_workspace)
        return;
    if (auto result = m_workspace->setTerraformBytes(m_file, m_before); !result)
        qCWarning(lcUi) << "Cannot undo" << text() << ":" << result.error().toString();
}

void TerraformEditCommand::redo()
{
    if (!m_workspace)
        return;
    if (auto result = m_workspace->setTerraformBytes(m_file, m_after); !result) {
        qCWarning(lcUi) << "Cannot apply" << text() << ":" << result.error().toString();
        setObsolete(true);
    }
}

} // namespace EnvDeck
