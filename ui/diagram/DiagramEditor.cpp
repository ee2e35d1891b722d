// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiagramEditor.h"

#include "UiLogging.h"
#include "diagram/AddModuleDialog.h"
#include "diagram/DiagramCommands.h"
#include "matrix/VersionWorkspace.h"
#include "repo/Environment.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QMessageBox>
#include <QUndoStack>

namespace EnvDeck {

DiagramEditor::DiagramEditor(VersionWorkspace *workspace, QUndoStack *undoStack, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_undoStack(undoStack)
{
    const auto create = [this](const QString &name, const QString &text,
                               const QKeySequence &shortcut, void (DiagramEditor::*slot)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        // Del and F2 must not steal keys from text fields elsewhere in the window.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_addAction = create(QStringLiteral("actionAddModule"), tr("Add Module…"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), &DiagramEditor::promptAdd);
    m_removeAction = create(QStringLiteral("actionRemoveModule"), tr("Remove Module"),
                            QKeySequence::Delete, &DiagramEditor::promptRemove);
    m_sourceAction
        = create(QStringLiteral("actionChangeSource"), tr("Change Source…"),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), &DiagramEditor::promptSource);
    m_versionAction
        = create(QStringLiteral("actionChangeVersion"), tr("Change Version…"),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), &DiagramEditor::promptVersion);
    m_connectAction
        = create(QStringLiteral("actionConnectInput"), tr("Connect Input…"),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), &DiagramEditor::promptConnect);
    m_renameAction = create(QStringLiteral("actionRenameModule"), tr("Rename…"),
                            QKeySequence(Qt::Key_F2), &DiagramEditor::promptRename);

    m_addPrompt = [](AddModuleDialog &dialog) -> std::optional<Diagram::AddModuleRequest> {
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.request();
    };
    m_textPrompt = [this](const QString &title, const QString &label,
                          const QString &text) -> std::optional<QString> {
        bool ok = false;
        const QString value
            = QInputDialog::getText(m_dialogParent, title, label, QLineEdit::Normal, text, &ok);
        return ok ? std::optional<QString>(value) : std::nullopt;
    };
    m_itemPrompt = [this](const QString &title, const QString &label, const QStringList &items,
                          bool editable) -> std::optional<QString> {
        bool ok = false;
        const QString value
            = QInputDialog::getItem(m_dialogParent, title, label, items, 0, editable, &ok);
        return ok ? std::optional<QString>(value) : std::nullopt;
    };
    m_question = [this](const QString &title, const QString &text) {
        return QMessageBox::question(m_dialogParent, title, text) == QMessageBox::Yes;
    };
    m_warning = [this](const QString &title, const QString &text) {
        QMessageBox::warning(m_dialogParent, title, text);
    };
    updateActions();
}

QList<QAction *> DiagramEditor::actions() const
{
    return {m_addAction,     m_removeAction,  m_sourceAction,
            m_versionAction, m_connectAction, m_renameAction};
}

void DiagramEditor::setContext(const RepositorySnapshot *snapshot, const QString &environment)
{
    m_snapshot = snapshot;
    m_environment = environment;
    m_selected.clear();
    updateActions();
}

QString DiagramEditor::environmentFolder() const
{
    const Environment *environment
        = m_snapshot ? m_snapshot->findEnvironment(m_environment) : nullptr;
    return environment ? environment->path : QString();
}

void DiagramEditor::setSelectedNode(const QString &nodeId)
{
    m_selected = nodeId;
    updateActions();
}

QString DiagramEditor::selectedModule() const
{
    // Only a module call of the root module: "module.x", not "module.x.helm_release.y".
    static const QString prefix = QStringLiteral("module.");
    if (!m_selected.startsWith(prefix))
        return {};
    const QString name = m_selected.mid(prefix.size());
    return Diagram::isValidIdentifier(name) ? name : QString();
}

void DiagramEditor::updateActions()
{
    const bool context = m_snapshot && m_workspace && !environmentFolder().isEmpty();
    const bool module = context && !selectedModule().isEmpty();
    m_addAction->setEnabled(context);
    for (QAction *action :
         {m_removeAction, m_sourceAction, m_versionAction, m_connectAction, m_renameAction})
        action->setEnabled(module);
}

Diagram::EnvironmentFiles DiagramEditor::files() const
{
    Diagram::EnvironmentFiles files;
    if (!m_snapshot)
        return files;
    files.folder = environmentFolder();
    files.files = Diagram::EnvironmentFiles::list(m_snapshot->rootPath, files.folder);
    files.read = [workspace = m_workspace, root = m_snapshot->rootPath](const QString &file) {
        if (workspace && workspace->isTerraformFileOpen(file))
            return workspace->terraformBytes(file);
        QFile handle(QDir(root).filePath(file));
        if (!handle.open(QIODevice::ReadOnly))
            return QByteArray();
        return handle.readAll();
    };
    return files;
}

QList<Diagram::BuildingBlock> DiagramEditor::buildingBlocks() const
{
    if (!m_snapshot)
        return {};
    return Diagram::readBuildingBlocks(*m_snapshot, files().read);
}

const Diagram::BuildingBlock *
DiagramEditor::blockFor(const QString &source, const QList<Diagram::BuildingBlock> &blocks) const
{
    const QString folder = environmentFolder();
    for (const Diagram::BuildingBlock &block : blocks) {
        if (block.sourceFrom(folder) == source || block.source == source)
            return &block;
    }
    return nullptr;
}

QStringList DiagramEditor::expressionSuggestions(const QString &excludeModule) const
{
    QStringList suggestions;
    const auto calls = Diagram::moduleCalls(files());
    if (calls) {
        const QList<Diagram::BuildingBlock> blocks = buildingBlocks();
        for (const Diagram::ModuleCallText &call : *calls) {
            if (call.name == excludeModule)
                continue;
            if (const Diagram::BuildingBlock *block = blockFor(call.source, blocks)) {
                for (const QString &output : block->outputs)
                    suggestions.append(QStringLiteral("module.%1.%2").arg(call.name, output));
            }
        }
    }
    const Environment *environment
        = m_snapshot ? m_snapshot->findEnvironment(m_environment) : nullptr;
    if (environment) {
        for (const Terraform::Variable &variable : environment->terraform.variables)
            suggestions.append(QStringLiteral("var.") + variable.name);
    }
    return suggestions;
}

AddModuleDialog *DiagramEditor::createAddModuleDialog(QWidget *parent) const
{
    QStringList used;
    if (const auto calls = Diagram::moduleCalls(files()); calls) {
        for (const Diagram::ModuleCallText &call : *calls)
            used.append(call.name);
    }
    return new AddModuleDialog(buildingBlocks(), environmentFolder(), used, expressionSuggestions(),
                               parent);
}

Result<void> DiagramEditor::fail(const QString &title, const Error &error)
{
    qCWarning(lcUi) << title << ":" << error.toString();
    if (m_warning)
        m_warning(title, error.toString());
    return error;
}

Result<void> DiagramEditor::push(Result<Diagram::FileEdits> edits, const QString &text)
{
    if (!edits)
        return fail(tr("Cannot edit the diagram"), edits.error());
    if (edits->isEmpty())
        return {};
    if (!m_workspace || !m_undoStack)
        return fail(text, Error(tr("No repository is open")));
    for (const Diagram::FileEdit &edit : std::as_const(*edits)) {
        if (auto opened = m_workspace->openTerraformFile(edit.file); !opened)
            return fail(text, opened.error());
    }
    m_undoStack->push(new FilesEditCommand(m_workspace, *edits, text));
    emit edited(text);
    return {};
}

Result<void> DiagramEditor::addModule(const Diagram::AddModuleRequest &request)
{
    return push(Diagram::addModule(files(), request), tr("Add module %1").arg(request.name));
}

Result<void> DiagramEditor::removeModule(const QString &module)
{
    auto removed = Diagram::removeModule(files(), module);
    if (!removed)
        return push(removed.error(), {});
    return push(removed->edits, tr("Remove module %1").arg(module));
}

Result<void> DiagramEditor::rename(const QString &module, const QString &newName)
{
    return push(Diagram::renameModule(files(), module, newName),
                tr("Rename module %1 to %2").arg(module, newName));
}

Result<void> DiagramEditor::setSource(const QString &module, const QString &source)
{
    return push(Diagram::setModuleSource(files(), module, source),
                tr("Change source of module %1").arg(module));
}

Result<void> DiagramEditor::setVersion(const QString &module, const QString &version)
{
    return push(Diagram::setModuleVersion(files(), module, version),
                tr("Change version of module %1").arg(module));
}

Result<void> DiagramEditor::connectInput(const QString &module, const QString &input,
                                         const QString &fromModule, const QString &output)
{
    return push(Diagram::connectInput(files(), module, input, fromModule, output),
                tr("Connect %1.%2 to module.%3.%4").arg(module, input, fromModule, output));
}

} // namespace EnvDeck
