// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QUndoStack;

namespace EnvDeck {

class DiffView;
class VersionWorkspace;

// What the workspace would write: every modified Terraform file and versions file with its
// unified diff against the bytes on disk, kept current on every workspace change. Review &
// Commit hands over to the existing flow (it saves and commits VersionWorkspace::savedFiles());
// Discard puts one file back as it is on disk, as an undoable step.
class PendingChangesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PendingChangesPanel(VersionWorkspace *workspace, QUndoStack *undoStack,
                                 QWidget *parent = nullptr);

    // The modified files (relative paths, sorted): Terraform files and versions files.
    QStringList files() const { return m_files; }
    // The unified diff of one file; of every file, one after the other, for an empty name.
    QString diffText(const QString &file = {}) const;
    // What the diff view shows: the selected file's diff, or all of them.
    QString shownText() const;
    QString currentFile() const;
    void setCurrentFile(const QString &file);
    // Discards the edits of one file (an undo step on the stack); false when it is not modified.
    bool discard(const QString &file);

    QListWidget *fileList() const { return m_list; }
    DiffView *diffView() const { return m_diff; }
    QPushButton *reviewButton() const { return m_review; }
    QPushButton *discardButton() const { return m_discard; }

public slots:
    void refresh();

signals:
    void reviewRequested();
    void filesChanged(); // the list of modified files changed

private:
    struct Entry
    {
        QString file;
        QString environment; // versions files: the environment; Terraform files: empty
        QByteArray saved;
        QByteArray current;
    };
    QList<Entry> entries() const;
    void showCurrent();

    QPointer<VersionWorkspace> m_workspace;
    QPointer<QUndoStack> m_undoStack;
    QStringList m_files;
    QListWidget *m_list = nullptr;
    DiffView *m_diff = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_review = nullptr;
    QPushButton *m_discard = nullptr;
};

} // namespace EnvDeck
