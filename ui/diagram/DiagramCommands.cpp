// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiagramCommands.h"

#include "UiLogging.h"
#include "matrix/VersionWorkspace.h"

namespace EnvDeck {

FilesEditCommand::FilesEditCommand(VersionWorkspace *workspace, Diagram::FileEdits edits,
                                   const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_workspace(workspace)
    , m_edits(std::move(edits))
{}

void FilesEditCommand::undo()
{
    if (!m_workspace)
        return;
    // In reverse, so a file edited twice in one step ends as it started.
    for (auto it = m_edits.crbegin(); it != m_edits.crend(); ++it) {
        Result<void> result = m_workspace->openTerraformFile(it->file);
        if (result)
            result = m_workspace->setTerraformBytes(it->file, it->before);
        if (!result)
            qCWarning(lcUi) << "Cannot undo" << text() << ":" << result.error().toString();
    }
}

void FilesEditCommand::redo()
{
    if (!m_workspace)
        return;
    for (const Diagram::FileEdit &edit : std::as_const(m_edits)) {
        // A reload of the repository closes the files the workspace opened for an edit.
        Result<void> result = m_workspace->openTerraformFile(edit.file);
        if (result)
            result = m_workspace->setTerraformBytes(edit.file, edit.after);
        if (!result) {
            qCWarning(lcUi) << "Cannot apply" << text() << ":" << result.error().toString();
            setObsolete(true);
            return;
        }
    }
}

} // namespace EnvDeck
