// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validation/Engine.h"
#include "validation/ValidationLoader.h"
#include "versions/VersionDocument.h"

#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

namespace EnvDeck {

// The versions files of a repository being edited: one VersionDocument per environment, the
// bytes last saved, and the validation input built from them. Edits arrive as new document bytes
// (so an undo command can swap bytes back and forth exactly); every change re-runs the engine
// on a worker thread. Files changed on disk are reported, never silently overwritten or
// reloaded over unsaved edits. Lives on the GUI thread; load() runs anywhere else.
class VersionWorkspace : public QObject
{
    Q_OBJECT

public:
    struct Data
    {
        Validation::ValidationInput input;
        QHash<QString, VersionDocument> documents; // environment -> its versions file
    };

    // A version written in a .tf or .tfvars file rather than in a versions file: a Helm release's
    // `version`, a module's `version`, the `?ref=` of a git source, or the variable default or
    // tfvars value they trace to. Edited through the HCL writer at the place the tracer found.
    struct TerraformVersion
    {
        QString environment;
        QString name;              // "ingress-nginx" (helm release), "module.vpc", "module.vpc ref"
        QString value;             // as written now (unsaved edits included)
        QString savedValue;        // as written in the file on disk
        SourceLocation location;   // file relative to the repository root; 1-based
        bool insideString = false; // a ref inside a source string, not a whole literal
    };

    explicit VersionWorkspace(QObject *parent = nullptr);
    ~VersionWorkspace() override;

    // Reads what the workspace needs, with HEAD as the base revision when there is one (so the
    // lock and downgrade rules compare with the last commit). Downloads Helm indexes given by URL
    // unless `offline` (then their caches are used). Never on the GUI thread.
    static Result<Data> load(const QString &path, bool offline = false);
    // load() on the thread pool: the window shows "Reading versions…" meanwhile.
    static QFuture<Result<Data>> loadAsync(const QString &path, bool offline);
    // As above, offline when the user's setting says so (Preferences ▸ Pipelines & catalogs).
    static QFuture<Result<Data>> loadAsync(const QString &path);

    // The setting "catalogs/offline": true keeps Helm indexes to their caches (no downloads).
    static QString offlineSettingsKey();
    static bool offlineSetting();

    void setData(Data data); // starts watching the files and validating
    void clear();
    bool isEmpty() const { return m_data.input.environments.isEmpty(); }

    const Validation::ValidationInput &input() const { return m_data.input; }
    const VersionDocument *document(const QString &environment) const;
    QString absolutePath(const QString &environment) const;

    // The catalog's versions of a component, newest first; empty when no catalog covers it.
    QStringList catalogVersions(const QString &component, const QString &chart = {}) const;

    // What an edit would make of an environment's document, without applying it.
    Result<QByteArray> preview(const QString &environment,
                               const std::function<Result<void>(VersionDocument &)> &edit) const;
    // Replaces a document's bytes (an edit, its undo, or its redo). The bytes must parse.
    Result<void> setBytes(const QString &environment, const QByteArray &bytes);

    // The bytes last loaded or saved: what is on disk as far as EnvDeck knows.
    QByteArray savedBytes(const QString &environment) const
    {
        return m_savedBytes.value(environment);
    }
    bool isModified(const QString &environment) const;
    bool isModified() const;
    QStringList modifiedEnvironments() const; // with a modified versions or Terraform file

    const QList<TerraformVersion> &terraformVersions() const { return m_terraformVersions; }
    const TerraformVersion *terraformVersion(const QString &environment, const QString &name) const;
    // The new bytes of the file that holds `version` with `newValue` written there.
    Result<QByteArray> previewTerraform(const TerraformVersion &version,
                                        const QString &newValue) const;
    // The Terraform file's bytes as edited (or as loaded); replacing them for an edit or its undo.
    QByteArray terraformBytes(const QString &file) const;
    Result<void> setTerraformBytes(const QString &file, const QByteArray &bytes);
    bool isTerraformFileModified(const QString &file) const;
    // Opens a repository-relative .tf/.tfvars file that holds no traced version (a diagram edit of
    // environments/staging/main.tf) so its bytes can be edited, undone and saved like the others.
    // Does nothing when it is open already (its unsaved edits stay); refused when it cannot be
    // read or does not parse (file:line:column).
    Result<void> openTerraformFile(const QString &file);
    bool isTerraformFileOpen(const QString &file) const { return m_terraformBytes.contains(file); }
    // The modified Terraform files: path -> bytes as edited.
    QHash<QString, QByteArray> terraformOverlay() const;
    QStringList modifiedTerraformFiles() const; // sorted
    // The bytes of a Terraform file as last loaded or saved; empty when it is not open.
    QByteArray savedTerraformBytes(const QString &file) const
    {
        return m_terraformSaved.value(file);
    }
    // The environments a Terraform file belongs to: those whose folder holds it, and those whose
    // traced versions are written in it (a shared module's main.tf).
    QStringList terraformFileEnvironments(const QString &file) const;

    // Writes every modified document atomically (QSaveFile). Stops at the first failure, which
    // leaves that file and the ones after it untouched and still modified.
    Result<void> save();
    // Re-reads an environment's file from disk, dropping its unsaved edits.
    Result<void> reload(const QString &environment);
    // The files save() wrote since the workspace was loaded (relative, '/', sorted): exactly what
    // EnvDeck changed, so a commit never takes other work-tree changes along.
    QStringList savedFiles() const;
    // After those files were committed.
    void forgetSavedFiles(const QStringList &files);

    const Validation::Report &report() const { return m_report; }
    bool isValidating() const { return m_validating; }
    void validate(); // on a worker thread; validated() when done
    QFuture<Validation::Report> lastValidation() const { return m_watcher.future(); }

signals:
    void documentChanged(const QString &environment);
    void modifiedChanged();
    void validated();
    // The file of an environment changed on disk and now differs from what was last saved
    // or loaded. With unsaved edits the user must choose: reload, or keep the edits.
    void changedOnDisk(const QString &environment, bool hasUnsavedEdits);
    // A Terraform file's bytes changed: an edit, its undo, or a reload from disk.
    void terraformFileChanged(const QString &file);

private:
    void collectTerraformVersions();
    void refreshTerraformValues(const QString &file);
    void markTerraformSaved(const QString &file);
    void reloadTerraformFiles(const QString &environment);
    void watchFiles();
    void onFileChanged(const QString &path);
    Validation::EnvironmentInput *environmentInput(const QString &environment);

    Data m_data;
    QHash<QString, QByteArray> m_savedBytes;
    QSet<QString> m_savedFiles;
    QList<TerraformVersion> m_terraformVersions;
    QHash<QString, QByteArray> m_terraformBytes; // file -> bytes as edited
    QHash<QString, QByteArray> m_terraformSaved; // file -> bytes on disk
    QFileSystemWatcher m_files;
    QFutureWatcher<Validation::Report> m_watcher;
    Validation::Report m_report;
    bool m_validating = false;
    bool m_validateAgain = false;
};

} // namespace EnvDeck
