// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QPointer>
#include <QUndoCommand>

namespace EnvDeck {

class VersionWorkspace;

// One edit of an environment's versions file (set a version, lock, unlock), undone and redone by
// swapping the document's bytes: what undo restores is exactly what was there, comments and all.
class DocumentEditCommand : public QUndoCommand
{
public:
    DocumentEditCommand(VersionWorkspace *workspace, QString environment, QByteArray before,
                        QByteArray after, const QString &text);

    void undo() override;
    void redo() override;

    const QString &environment() const { return m_environment; }

private:
    QPointer<VersionWorkspace> m_workspace;
    QString m_environment;
    QByteArray m_before;
    QByteArray m_after;
};

// A version edit in a .tf/.tfvars file, undone and redone the same way: by swapping the file's
// bytes in the workspace.
class TerraformEditCommand : public QUndoCommand
{
public:
    TerraformEditCommand(VersionWorkspace *workspace, QString file, QByteArray before,
                         QByteArray after, const QString &text);

    void undo() override;
    void redo() override;

private:
    QPointer<VersionWorkspace> m_workspace;
    QString m_file;
    QByteArray m_before;
    QByteArray m_after;
};

} // namespace EnvDeck
