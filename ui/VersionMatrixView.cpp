// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionMatrixView.h"

#include "FileViewerDialog.h"
#include "Formatting.h"
#include "ProblemsPanel.h"
#include "UiLogging.h"
#include "VersionCommands.h"
#include "VersionMatrixDelegate.h"
#include "matrix/VersionMatrixModel.h"
#include "matrix/VersionWorkspace.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace EnvDeck {

namespace {

QLabel *legendSwatch(const QString &text, int skew, QWidget *parent)
{
    auto label = new QLabel(text, parent);
    // The swatch matches the cells, which read the palette as they paint: restyled when the
    // theme changes, from the application's palette (the style sheet changes the label's own).
    const auto restyle = [label, skew] {
        const bool dark = QApplication::palette(label).color(QPalette::Base).lightness() < 128;
        label->setStyleSheet(QStringLiteral("QLabel { background: %1; padding: 2px 6px; "
                                            "border-radius: 3px; }")
                                 .arg(VersionMatrixDelegate::skewColor(skew, dark).name()));
    };
    restyle();
    Formatting::onPaletteChange(label, restyle);
    return label;
}

} // namespace

VersionMatrixView::VersionMatrixView(QWidget *parent)
    : QWidget(parent)
    , m_workspace(new VersionWorkspace(this))
    , m_model(new VersionMatrixModel(this))
    , m_filter(new VersionMatrixFilter(this))
    , m_undo(new QUndoStack(this))
{
    setObjectName(QStringLiteral("versionMatrixView"));
    m_model->setWorkspace(m_workspace);
    m_filter->setSourceModel(m_model);

    m_question
        = [this](const QString &title, const QString &text, QMessageBox::StandardButtons buttons,
                 QMessageBox::StandardButton defaultButton) {
              return QMessageBox::question(this, title, text, buttons, defaultButton);
          };
    m_warning = [this](const QString &title, const QString &text) {
        QMessageBox::warning(this, title, text);
    };
    m_reasonPrompt = [this](const QString &title, const QString &label) -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getText(this, title, label, QLineEdit::Normal, {}, &ok);
        if (!ok)
            return std::nullopt;
        return text.trimmed();
    };

    // Filters
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("matrixSearch"));
    m_search->setPlaceholderText(tr("Filter components"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Filter components"));
    connect(m_search, &QLineEdit::textChanged, m_filter, &VersionMatrixFilter::setText);
    m_lockedOnly = new QCheckBox(tr("&Locked"), this);
    m_lockedOnly->setObjectName(QStringLiteral("filterLocked"));
    connect(m_lockedOnly, &QCheckBox::toggled, m_filter, &VersionMatrixFilter::setLockedOnly);
    m_skewedOnly = new QCheckBox(tr("S&kewed"), this);
    m_skewedOnly->setObjectName(QStringLiteral("filterSkewed"));
    connect(m_skewedOnly, &QCheckBox::toggled, m_filter, &VersionMatrixFilter::setSkewedOnly);
    m_problemsOnly = new QCheckBox(tr("With &problems"), this);
    m_problemsOnly->setObjectName(QStringLiteral("filterProblems"));
    connect(m_problemsOnly, &QCheckBox::toggled, m_filter, &VersionMatrixFilter::setProblemsOnly);
    m_thirdParty = new QComboBox(this);
    m_thirdParty->setObjectName(QStringLiteral("filterThirdParty"));
    m_thirdParty->setAccessibleName(tr("Third-party charts"));
    m_thirdParty->addItem(tr("All components"), int(VersionMatrixFilter::ThirdParty::Show));
    m_thirdParty->addItem(tr("Without third-party"), int(VersionMatrixFilter::ThirdParty::Hide));
    m_thirdParty->addItem(tr("Third-party only"), int(VersionMatrixFilter::ThirdParty::Only));
    connect(m_thirdParty, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setThirdParty(
            VersionMatrixFilter::ThirdParty(m_thirdParty->itemData(index).toInt()));
    });

    auto filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_lockedOnly);
    filters->addWidget(m_skewedOnly);
    filters->addWidget(m_problemsOnly);
    filters->addWidget(m_thirdParty);
    filters->addStretch(1);

    auto legend = new QHBoxLayout;
    legend->addWidget(new QLabel(tr("Skew:"), this));
    legend->addWidget(
        legendSwatch(tr("staging ahead"), VersionMatrixModel::AheadOfProduction, this));
    legend->addWidget(
        legendSwatch(tr("production behind"), VersionMatrixModel::BehindStaging, this));
    legend->addWidget(
        legendSwatch(tr("productions differ"), VersionMatrixModel::ProductionsDiffer, this));
    legend->addWidget(
        legendSwatch(tr("differs from base"), VersionMatrixModel::DiffersFromBase, this));
    legend->addSpacing(12);
    legend->addWidget(new QLabel(tr("Bold • = unsaved edit"), this));
    legend->addStretch(1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("matrixStatus"));
    legend->addWidget(m_status);

    // The matrix
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("versionMatrix"));
    // Tab leaves the table (arrows move between cells), so the keyboard does not get stuck in it.
    m_table->setTabKeyNavigation(false);
    m_table->setAccessibleName(tr("Version matrix"));
    m_table->setModel(m_filter);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    setEditable(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(100);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setItemDelegate(new VersionMatrixDelegate(
        [this](const QModelIndex &index) {
            return m_workspace->catalogVersions(
                index.data(VersionMatrixModel::ComponentRole).toString(),
                index.data(VersionMatrixModel::ChartRole).toString());
        },
        [this](const QModelIndex &index, const QString &version) {
            // Queued: the editor is still being closed when the delegate commits.
            const QString environment = index.data(VersionMatrixModel::EnvironmentRole).toString();
            const QString component = index.data(VersionMatrixModel::ComponentRole).toString();
            QMetaObject::invokeMethod(
                this,
                [this, environment, component, version] {
                    (void)setVersion(environment, component, version);
                },
                Qt::QueuedConnection);
        },
        m_table));
    connect(m_table, &QTableView::customContextMenuRequested, this,
            &VersionMatrixView::showContextMenu);

    m_problems = new ProblemsPanel(this);
    connect(m_problems, &ProblemsPanel::findingActivated, this,
            &VersionMatrixView::onFindingActivated);

    auto splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("matrixSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(m_problems);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(filters);
    layout->addLayout(legend);
    layout->addWidget(splitter, 1);

    createActions();
    connect(m_workspace, &VersionWorkspace::validated, this, [this] {
        m_problems->setReport(m_workspace->report(), m_workspace->isValidating());
        updateActions();
    });
    connect(m_workspace, &VersionWorkspace::modifiedChanged, this, [this] {
        updateActions();
        emit modifiedChanged(m_workspace->isModified());
    });
    connect(m_workspace, &VersionWorkspace::changedOnDisk, this,
            &VersionMatrixView::onChangedOnDisk);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &VersionMatrixView::updateActions);
    updateActions();
}

VersionMatrixView::~VersionMatrixView() = default;

void VersionMatrixView::createActions()
{
    m_undoAction = m_undo->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("actionUndo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undo->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("actionRedo"));
    m_redoAction->setShortcut(QKeySequence::Redo);

    m_saveAction = new QAction(tr("&Save Versions"), this);
    m_saveAction->setObjectName(QStringLiteral("actionSaveVersions"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setStatusTip(tr("Write the edited versions files (atomically)"));
    connect(m_saveAction, &QAction::triggered, this, [this] { save(); });

    m_lockAction = new QAction(tr("&Lock…"), this);
    m_lockAction->setObjectName(QStringLiteral("actionLock"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setStatusTip(tr("Keep this component's version where it is, with a reason"));
    connect(m_lockAction, &QAction::triggered, this, &VersionMatrixView::lockCurrent);

    m_unlockAction = new QAction(tr("U&nlock…"), this);
    m_unlockAction->setObjectName(QStringLiteral("actionUnlock"));
    m_unlockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_unlockAction, &QAction::triggered, this, &VersionMatrixView::unlockCurrent);

    m_openFileAction = new QAction(tr("Open &File at Version"), this);
    m_openFileAction->setObjectName(QStringLiteral("actionOpenVersionFile"));
    m_openFileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(m_openFileAction, &QAction::triggered, this, [this] {
        const QModelIndex index = currentSourceIndex();
        const QString location = index.data(VersionMatrixModel::LocationRole).toString();
        const QStringList parts = location.split(u':');
        if (parts.size() >= 2)
            openFile(parts.at(0), parts.at(1).toInt(), parts.value(2).toInt());
    });
    // The shortcuts work while the matrix has focus, also when the main window has no menu
    // entry for them (the menu shows the same actions).
    for (QAction *action : editActions())
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions(editActions());
}

QList<QAction *> VersionMatrixView::workspaceActions() const
{
    return {m_undoAction, m_redoAction, m_saveAction};
}

QList<QAction *> VersionMatrixView::editingActions() const
{
    return {m_undoAction, m_redoAction, m_saveAction, m_lockAction, m_unlockAction};
}

QList<QAction *> VersionMatrixView::editActions() const
{
    return {m_undoAction, m_redoAction,   m_saveAction,
            m_lockAction, m_unlockAction, m_openFileAction};
}

void VersionMatrixView::updateActions()
{
    const QModelIndex index = currentSourceIndex();
    // Locks live in versions files only.
    const bool editable = index.isValid() && (m_model->flags(index) & Qt::ItemIsEditable)
                          && !index.data(VersionMatrixModel::TerraformRole).toBool();
    const bool locked = index.data(VersionMatrixModel::LockedRole).toBool();
    m_lockAction->setEnabled(editable && !locked);
    m_unlockAction->setEnabled(editable && locked);
    m_openFileAction->setEnabled(
        !index.data(VersionMatrixModel::LocationRole).toString().isEmpty());
    m_saveAction->setEnabled(m_workspace->isModified());
    const QStringList modified = m_workspace->modifiedEnvironments();
    if (m_loading)
        m_status->setText(tr("Reading versions…"));
    else if (m_workspace->isValidating())
        m_status->setText(tr("Validating…"));
    else if (!modified.isEmpty())
        m_status->setText(tr("Unsaved: %1").arg(modified.join(QStringLiteral(", "))));
    else
        m_status->clear();
}

void VersionMatrixView::setRepository(const QString &root)
{
    ++m_generation;
    m_root = root;
    m_undo->clear();
    m_workspace->clear();
    m_problems->setReport({}, false);
    if (root.isEmpty()) {
        m_loading = false;
        updateActions();
        return;
    }
    m_loading = true;
    updateActions();
    auto watcher = new QFutureWatcher<Result<VersionWorkspace::Data>>(this);
    const int generation = m_generation;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // another repository was opened meanwhile
        m_loading = false;
        auto data = watcher->result();
        if (!data) {
            m_status->setText(tr("Cannot read the versions: %1").arg(data.error().toString()));
            qCWarning(lcUi) << "Version matrix:" << data.error().toString();
            return;
        }
        m_workspace->setData(std::move(data.value()));
        m_table->resizeRowsToContents();
        updateActions();
        emit loaded();
    });
    watcher->setFuture(VersionWorkspace::loadAsync(root));
}

QModelIndex VersionMatrixView::currentSourceIndex() const
{
    return m_filter->mapToSource(m_table->currentIndex());
}

Result<void> VersionMatrixView::pushEdit(const QString &environment, const QString &text,
                                         const std::function<Result<void>(VersionDocument &)> &edit)
{
    const VersionDocument *document = m_workspace->document(environment);
    if (!document)
        return Error(tr("%1 has no versions file to edit").arg(environment));
    const QByteArray before = document->bytes();
    auto after = m_workspace->preview(environment, edit);
    if (!after)
        return after.error();
    m_undo->push(new DocumentEditCommand(m_workspace, environment, before, *after, text));
    return {};
}

void VersionMatrixView::showError(const QString &title, const Error &error)
{
    m_warning(title, error.toString());
}

Result<void> VersionMatrixView::setVersion(const QString &environment, const QString &component,
                                           const QString &version)
{
    const VersionDocument *document = m_workspace->document(environment);
    const VersionWorkspace::TerraformVersion *written
        = m_workspace->terraformVersion(environment, component);
    if (written && !(document && document->find(component))) {
        // Written in a .tf/.tfvars file: edited there, through the HCL writer.
        const QString file = written->location.file;
        const QByteArray before = m_workspace->terraformBytes(file);
        auto after = m_workspace->previewTerraform(*written, version);
        if (!after) {
            showError(tr("Cannot change the version"), after.error());
            return after.error();
        }
        m_undo->push(new TerraformEditCommand(
            m_workspace, file, before, *after,
            tr("Set %1 to %2 in %3").arg(component, version, environment)));
        return {};
    }
    auto result = pushEdit(
        environment, tr("Set %1 to %2 in %3").arg(component, version, environment),
        [&](VersionDocument &document) { return document.setVersion(component, version); });
    if (!result)
        showError(tr("Cannot change the version"), result.error());
    return result;
}

Result<void> VersionMatrixView::lock(const QString &environment, const QString &component,
                                     const QString &reason)
{
    auto result
        = pushEdit(environment, tr("Lock %1 in %2: %3").arg(component, environment, reason),
                   [&](VersionDocument &document) { return document.lock(component, reason); });
    if (!result)
        showError(tr("Cannot lock"), result.error());
    return result;
}

Result<void> VersionMatrixView::unlock(const QString &environment, const QString &component,
                                       const QString &reason)
{
    // The file keeps no unlock reason; it lives in the command's text, which becomes part of the
    // change's description when it is committed.
    auto result
        = pushEdit(environment, tr("Unlock %1 in %2: %3").arg(component, environment, reason),
                   [&](VersionDocument &document) { return document.unlock(component); });
    if (!result)
        showError(tr("Cannot unlock"), result.error());
    return result;
}

void VersionMatrixView::lockCurrent()
{
    const QModelIndex index = currentSourceIndex();
    if (!index.isValid())
        return;
    const QString component = index.data(VersionMatrixModel::ComponentRole).toString();
    const QString environment = index.data(VersionMatrixModel::EnvironmentRole).toString();
    const auto reason = m_reasonPrompt(
        tr("Lock %1 in %2").arg(component, environment),
        tr("Why must %1 stay at %2?")
            .arg(component, index.data(VersionMatrixModel::VersionRole).toString()));
    if (!reason)
        return;
    if (reason->isEmpty()) {
        showError(tr("Cannot lock"), Error(tr("A lock needs a reason, so others know when it may "
                                              "be lifted.")));
        return;
    }
    (void)lock(environment, component, *reason);
}

void VersionMatrixView::unlockCurrent()
{
    const QModelIndex index = currentSourceIndex();
    if (!index.isValid())
        return;
    const QString component = index.data(VersionMatrixModel::ComponentRole).toString();
    const QString environment = index.data(VersionMatrixModel::EnvironmentRole).toString();
    const auto reason
        = m_reasonPrompt(tr("Unlock %1 in %2").arg(component, environment),
                         tr("Locked because: %1\nWhy may it change now?")
                             .arg(index.data(VersionMatrixModel::LockReasonRole).toString()));
    if (!reason)
        return;
    if (reason->isEmpty()) {
        showError(tr("Cannot unlock"), Error(tr("Say why the lock may be lifted.")));
        return;
    }
    (void)unlock(environment, component, *reason);
}

bool VersionMatrixView::save()
{
    if (!m_workspace->isModified())
        return true;
    if (m_workspace->isValidating())
        m_workspace->lastValidation().waitForFinished();
    const int errors = m_workspace->report().count(Validation::Severity::Error);
    if (errors > 0) {
        const auto answer = m_question(
            tr("Save with errors?"),
            errors == 1
                ? tr("Validation reports 1 error. Save the versions files anyway?")
                : tr("Validation reports %1 errors. Save the versions files anyway?").arg(errors),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Save)
            return false;
    }
    if (auto result = m_workspace->save(); !result) {
        showError(tr("Cannot save"), result.error());
        return false;
    }
    m_undo->setClean();
    return true;
}

bool VersionMatrixView::maybeClose()
{
    if (!m_workspace->isModified())
        return true;
    const auto answer = m_question(
        tr("Unsaved versions"),
        tr("The versions of %1 have unsaved edits. Save them?")
            .arg(m_workspace->modifiedEnvironments().join(QStringLiteral(", "))),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    return true;
}

void VersionMatrixView::onChangedOnDisk(const QString &environment, bool hasUnsavedEdits)
{
    const VersionDocument *document = m_workspace->document(environment);
    const QString file = document ? document->displayPath() : environment;
    if (hasUnsavedEdits) {
        const auto answer = m_question(
            tr("File changed on disk"),
            tr("%1 was changed outside EnvDeck, and you have unsaved edits in it.\n\nReload it "
               "from disk (your edits are lost), or keep your edits (saving will replace the "
               "other change)?")
                .arg(file),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            m_status->setText(tr("%1 changed on disk; your edits were kept").arg(file));
            return;
        }
    }
    // The undo history describes the old file: it cannot be replayed on the new one.
    m_undo->clear();
    if (auto result = m_workspace->reload(environment); !result)
        showError(tr("Cannot reload %1").arg(file), result.error());
    else
        m_status->setText(tr("Reloaded %1 from disk").arg(file));
}

void VersionMatrixView::selectCell(const QString &environment, const QString &component)
{
    QModelIndex source = m_model->indexOf(component, environment);
    if (!source.isValid())
        return;
    QModelIndex index = m_filter->mapFromSource(source);
    if (!index.isValid()) {
        // Filtered out: show everything rather than nothing.
        m_search->clear();
        m_lockedOnly->setChecked(false);
        m_skewedOnly->setChecked(false);
        m_problemsOnly->setChecked(false);
        m_thirdParty->setCurrentIndex(0);
        index = m_filter->mapFromSource(source);
    }
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    m_table->setFocus(Qt::OtherFocusReason);
}

void VersionMatrixView::setEditable(bool editable)
{
    m_editable = editable;
    QAbstractItemView::EditTriggers triggers = QAbstractItemView::NoEditTriggers;
    if (editable) {
        triggers = QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                   | QAbstractItemView::AnyKeyPressed;
    }
    m_table->setEditTriggers(triggers);
}

void VersionMatrixView::onFindingActivated(const Validation::Finding &finding)
{
    if (!finding.component.isEmpty() && !finding.environment.isEmpty()
        && m_model->indexOf(finding.component, finding.environment).isValid()) {
        selectCell(finding.environment, finding.component);
        return;
    }
    if (finding.location.isValid())
        openFile(finding.location.file, finding.location.line, finding.location.column);
}

void VersionMatrixView::openFile(const QString &file, int line, int column)
{
    auto dialog = new FileViewerDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QString error;
    if (!dialog->showFile(QDir(m_root).filePath(file), file, line, column, &error)) {
        delete dialog;
        showError(tr("Cannot open %1").arg(file), Error(error));
        return;
    }
    dialog->show();
}

void VersionMatrixView::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid())
        return;
    m_table->setCurrentIndex(index);
    QMenu menu(this);
    if (m_editable) {
        QAction *edit = menu.addAction(tr("&Change Version…"));
        edit->setEnabled(m_filter->flags(index) & Qt::ItemIsEditable);
        connect(edit, &QAction::triggered, this, [this, index] { m_table->edit(index); });
    }
    menu.addAction(m_lockAction);
    menu.addAction(m_unlockAction);
    menu.addSeparator();
    menu.addAction(m_openFileAction);
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

} // namespace EnvDeck
