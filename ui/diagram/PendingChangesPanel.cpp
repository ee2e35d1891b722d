// SPDX-License-Identifier: GPL-3.0-or-later
#include "PendingChangesPanel.h"

#include "DiffView.h"
#include "UiLogging.h"
#include "VersionCommands.h"
#include "diagram/DiagramCommands.h"
#include "git/BufferDiff.h"
#include "matrix/VersionWorkspace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QUndoStack>
#include <QVBoxLayout>

namespace EnvDeck {

PendingChangesPanel::PendingChangesPanel(VersionWorkspace *workspace, QUndoStack *undoStack,
                                         QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_undoStack(undoStack)
{
    setObjectName(QStringLiteral("pendingChangesPanel"));
    m_summary = new QLabel(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("pendingFiles"));
    m_list->setAccessibleName(tr("Changed files"));
    m_diff = new DiffView(this);
    m_review = new QPushButton(tr("Review && Commit…"), this);
    m_review->setObjectName(QStringLiteral("reviewCommitButton"));
    m_discard = new QPushButton(tr("Discard"), this);
    m_discard->setObjectName(QStringLiteral("discardButton"));
    m_discard->setToolTip(tr("Put the selected file back as it is on disk (undoable)"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(1, 3);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_discard);
    buttons->addWidget(m_review);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(m_review, &QPushButton::clicked, this, &PendingChangesPanel::reviewRequested);
    connect(m_discard, &QPushButton::clicked, this, [this] { discard(currentFile()); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { showCurrent(); });
    if (m_workspace) {
        connect(m_workspace, &VersionWorkspace::modifiedChanged, this,
                &PendingChangesPanel::refresh);
        connect(m_workspace, &VersionWorkspace::documentChanged, this,
                &PendingChangesPanel::refresh);
        connect(m_workspace, &VersionWorkspace::terraformFileChanged, this,
                &PendingChangesPanel::refresh);
    }
    refresh();
}

QList<PendingChangesPanel::Entry> PendingChangesPanel::entries() const
{
    QList<Entry> entries;
    if (!m_workspace)
        return entries;
    for (const Validation::EnvironmentInput &environment : m_workspace->input().environments) {
        const VersionDocument *document = m_workspace->document(environment.name);
        if (!document || document->bytes() == m_workspace->savedBytes(environment.name))
            continue;
        entries.append(Entry{document->displayPath(), environment.name,
                             m_workspace->savedBytes(environment.name), document->bytes()});
    }
    const QStringList files = m_workspace->modifiedTerraformFiles();
    for (const QString &file : files)
        entries.append(Entry{
            file, {}, m_workspace->savedTerraformBytes(file), m_workspace->terraformBytes(file)});
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.file < b.file; });
    return entries;
}

QString PendingChangesPanel::diffText(const QString &file) const
{
    QString text;
    const QList<Entry> all = entries();
    for (const Entry &entry : all) {
        if (!file.isEmpty() && entry.file != file)
            continue;
        const auto diff = Git::diffBuffers(entry.saved, entry.current, entry.file);
        text += diff ? *diff : diff.error().toString() + QLatin1Char('\n');
    }
    return text;
}

QString PendingChangesPanel::shownText() const
{
    return m_diff->toPlainText();
}

QString PendingChangesPanel::currentFile() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->text() : QString();
}

void PendingChangesPanel::setCurrentFile(const QString &file)
{
    const int row = int(m_files.indexOf(file));
    m_list->setCurrentRow(row);
    showCurrent();
}

void PendingChangesPanel::refresh()
{
    const QString current = currentFile();
    QStringList files;
    for (const Entry &entry : entries())
        files.append(entry.file);
    const bool changed = files != m_files;
    m_files = files;
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        m_list->addItems(m_files);
        m_list->setCurrentRow(int(m_files.indexOf(current)));
    }
    m_summary->setText(m_files.isEmpty() ? tr("No pending changes")
                                         : tr("%n file(s) changed", nullptr, int(m_files.size())));
    m_review->setEnabled(!m_files.isEmpty()
                         || (m_workspace && !m_workspace->savedFiles().isEmpty()));
    showCurrent();
    if (changed)
        emit filesChanged();
}

void PendingChangesPanel::showCurrent()
{
    m_discard->setEnabled(!currentFile().isEmpty());
    m_diff->setPatch(diffText(currentFile()), tr("No pending changes"));
}

bool PendingChangesPanel::discard(const QString &file)
{
    if (!m_workspace || file.isEmpty())
        return false;
    for (const Entry &entry : entries()) {
        if (entry.file != file)
            continue;
        const QString text = tr("Discard changes to %1").arg(file);
        QUndoCommand *command = nullptr;
        if (!entry.environment.isEmpty())
            command = new DocumentEditCommand(m_workspace, entry.environment, entry.current,
                                              entry.saved, text);
        else
            command = new FilesEditCommand(m_workspace, {{file, entry.current, entry.saved}}, text);
        if (m_undoStack) {
            m_undoStack->push(command);
        } else {
            command->redo();
            delete command;
        }
        return true;
    }
    return false;
}

} // namespace EnvDeck
