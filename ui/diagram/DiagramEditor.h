// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "diagram/BuildingBlocks.h"
#include "diagram/DiagramEdits.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QUndoStack;
class QWidget;

namespace EnvDeck {

class AddModuleDialog;
class VersionWorkspace;
struct RepositorySnapshot;

// Edits an environment's diagram: every action computes the new bytes of the environment's .tf
// files with the diagram edits (reading unsaved edits from the workspace), opens the files in
// the workspace, and pushes one FilesEditCommand on the undo stack. The questions it asks go
// through replaceable prompts, so tests answer them without dialogs.
class DiagramEditor : public QObject
{
    Q_OBJECT

public:
    // Fills the dialog in and returns its request, or nullopt when cancelled. Default: exec().
    using AddModulePrompt
        = std::function<std::optional<Diagram::AddModuleRequest>(AddModuleDialog &)>;
    // A line of text (new name, source, version); nullopt when cancelled.
    using TextPrompt = std::function<std::optional<QString>(
        const QString &title, const QString &label, const QString &text)>;
    // One of items (editable: or typed); nullopt when cancelled.
    using ItemPrompt = std::function<std::optional<QString>(
        const QString &title, const QString &label, const QStringList &items, bool editable)>;
    // Yes or no; true goes ahead.
    using Question = std::function<bool(const QString &title, const QString &text)>;
    using Warning = std::function<void(const QString &title, const QString &text)>;

    DiagramEditor(VersionWorkspace *workspace, QUndoStack *undoStack, QObject *parent = nullptr);

    // The repository and environment edited; the snapshot must outlive the editor's use of it.
    void setContext(const RepositorySnapshot *snapshot, const QString &environment);
    QString environment() const { return m_environment; }
    QString environmentFolder() const;
    void setSelectedNode(const QString &nodeId);
    QString selectedModule() const; // the selected node's module call name; empty if none

    // Add Module… (Ctrl+Shift+A), Remove Module (Del), Change Source… (Ctrl+Shift+U),
    // Change Version… (Ctrl+Shift+V), Connect Input… (Ctrl+Shift+I), Rename… (F2).
    QList<QAction *> actions() const;
    QAction *addModuleAction() const { return m_addAction; }
    QAction *removeModuleAction() const { return m_removeAction; }
    QAction *changeSourceAction() const { return m_sourceAction; }
    QAction *changeVersionAction() const { return m_versionAction; }
    QAction *connectInputAction() const { return m_connectAction; }
    QAction *renameAction() const { return m_renameAction; }

    void setDialogParent(QWidget *parent) { m_dialogParent = parent; }
    void setAddModulePrompt(AddModulePrompt prompt) { m_addPrompt = std::move(prompt); }
    void setTextPrompt(TextPrompt prompt) { m_textPrompt = std::move(prompt); }
    void setItemPrompt(ItemPrompt prompt) { m_itemPrompt = std::move(prompt); }
    void setQuestion(Question question) { m_question = std::move(question); }
    void setWarning(Warning warning) { m_warning = std::move(warning); }

    // The edits themselves, each one undo step; errors are shown through the warning too.
    // Module names are call names ("redis"), not node ids.
    Result<void> addModule(const Diagram::AddModuleRequest &request);
    Result<void> removeModule(const QString &module);
    Result<void> rename(const QString &module, const QString &newName);
    Result<void> setSource(const QString &module, const QString &source);
    Result<void> setVersion(const QString &module, const QString &version);
    Result<void> connectInput(const QString &module, const QString &input,
                              const QString &fromModule, const QString &output);

    // What the edits see: the environment's files read through the workspace.
    Diagram::EnvironmentFiles files() const;
    QList<Diagram::BuildingBlock> buildingBlocks() const;
    // module.x.y for the outputs of the environment's module calls, then var.z of its inputs.
    QStringList expressionSuggestions(const QString &excludeModule = {}) const;
    // A dialog for the environment, ready to exec() (the caller owns it).
    AddModuleDialog *createAddModuleDialog(QWidget *parent = nullptr) const;

signals:
    void edited(const QString &text); // after an edit was pushed

private:
    void updateActions();
    Result<void> push(Result<Diagram::FileEdits> edits, const QString &text);
    Result<void> fail(const QString &title, const Error &error);
    // The building block a call's source (as written) points at; nullptr when none.
    const Diagram::BuildingBlock *blockFor(const QString &source,
                                           const QList<Diagram::BuildingBlock> &blocks) const;
    void promptAdd();
    void promptRemove();
    void promptSource();
    void promptVersion();
    void promptConnect();
    void promptRename();

    QPointer<VersionWorkspace> m_workspace;
    QPointer<QUndoStack> m_undoStack;
    const RepositorySnapshot *m_snapshot = nullptr;
    QString m_environment;
    QString m_selected;
    QPointer<QWidget> m_dialogParent;
    QAction *m_addAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_sourceAction = nullptr;
    QAction *m_versionAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_renameAction = nullptr;
    AddModulePrompt m_addPrompt;
    TextPrompt m_textPrompt;
    ItemPrompt m_itemPrompt;
    Question m_question;
    Warning m_warning;
};

} // namespace EnvDeck
