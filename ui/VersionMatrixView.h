// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validation/Finding.h"

#include <QMessageBox>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QUndoStack;

namespace EnvDeck {

class ProblemsPanel;
class VersionMatrixFilter;
class VersionMatrixModel;
class VersionWorkspace;

// The version matrix: components × environments in promotion order, with skew, locks and
// problems; edit a cell (the catalog's versions offered), lock and unlock with a reason, undo
// and redo, save atomically. Validation re-runs after every edit and fills the Problems panel.
class VersionMatrixView : public QWidget
{
    Q_OBJECT

public:
    // Asks the user; tests replace these to answer without a dialog.
    using Question = std::function<QMessageBox::StandardButton(
        const QString &title, const QString &text, QMessageBox::StandardButtons buttons,
        QMessageBox::StandardButton defaultButton)>;
    using ReasonPrompt
        = std::function<std::optional<QString>(const QString &title, const QString &label)>;
    using Warning = std::function<void(const QString &title, const QString &text)>;

    explicit VersionMatrixView(QWidget *parent = nullptr);
    ~VersionMatrixView() override;

    // Reads the versions of the repository at `root` in the background; empty clears the view.
    void setRepository(const QString &root);
    bool isLoading() const { return m_loading; }

    VersionWorkspace *workspace() const { return m_workspace; }
    VersionMatrixModel *model() const { return m_model; }
    VersionMatrixFilter *filter() const { return m_filter; }
    QTableView *table() const { return m_table; }
    ProblemsPanel *problems() const { return m_problems; }
    QUndoStack *undoStack() const { return m_undo; }
    QList<QAction *> editActions() const; // undo, redo, save, lock, unlock, open file
    // Undo, redo and save: they act on the whole workspace, also on the diagram's edits.
    QList<QAction *> workspaceActions() const;
    // Undo, redo, save, lock and unlock: what read-only mode hides (Open File only reads).
    QList<QAction *> editingActions() const;

    // Edits (also what the cell editor and the actions do). Errors are shown to the user and
    // returned; nothing changes then.
    Result<void> setVersion(const QString &environment, const QString &component,
                            const QString &version);
    Result<void> lock(const QString &environment, const QString &component, const QString &reason);
    Result<void> unlock(const QString &environment, const QString &component,
                        const QString &reason);
    bool save();       // asks first while errors remain; false when not saved
    bool maybeClose(); // Save / Discard / Cancel for unsaved edits; false = stay

    void selectCell(const QString &environment, const QString &component);
    // Off in read-only mode: no cell editor opens (double-click, F2 or typing), and the context
    // menu offers no edits. The edit functions above still work for code that calls them.
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }
    void setQuestion(Question question) { m_question = std::move(question); }
    void setReasonPrompt(ReasonPrompt prompt) { m_reasonPrompt = std::move(prompt); }
    void setWarning(Warning warning) { m_warning = std::move(warning); }

signals:
    void loaded();
    void modifiedChanged(bool modified);

private:
    void createActions();
    void updateActions();
    void onChangedOnDisk(const QString &environment, bool hasUnsavedEdits);
    void onFindingActivated(const Validation::Finding &finding);
    void openFile(const QString &file, int line, int column);
    void lockCurrent();
    void unlockCurrent();
    void showContextMenu(const QPoint &position);
    QModelIndex currentSourceIndex() const;
    Result<void> pushEdit(const QString &environment, const QString &text,
                          const std::function<Result<void>(class VersionDocument &)> &edit);
    void showError(const QString &title, const Error &error);

    VersionWorkspace *m_workspace = nullptr;
    VersionMatrixModel *m_model = nullptr;
    VersionMatrixFilter *m_filter = nullptr;
    QUndoStack *m_undo = nullptr;
    QTableView *m_table = nullptr;
    ProblemsPanel *m_problems = nullptr;
    QLabel *m_status = nullptr;
    QCheckBox *m_lockedOnly = nullptr;
    QCheckBox *m_skewedOnly = nullptr;
    QCheckBox *m_problemsOnly = nullptr;
    QComboBox *m_thirdParty = nullptr;
    QLineEdit *m_search = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_lockAction = nullptr;
    QAction *m_unlockAction = nullptr;
    QAction *m_openFileAction = nullptr;
    Question m_question;
    ReasonPrompt m_reasonPrompt;
    Warning m_warning;
    QString m_root;
    bool m_loading = false;
    bool m_editable = true;
    int m_generation = 0; // drops the results of loads that were superseded
};

} // namespace EnvDeck
