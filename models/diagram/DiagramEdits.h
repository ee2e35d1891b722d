// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The edits an architect makes on an environment's diagram, as pure functions on file bytes:
// each reads the environment's .tf files through a callback (so unsaved edits are seen), edits
// them with the HCL writer (only the bytes that must change), and returns every file it changed
// with its bytes before and after. Nothing is written to disk; the caller turns the result into
// one undo step. Refusals are Errors, with file:line:column when a file does not parse.

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>

namespace EnvDeck::Diagram {

// The bytes of a repository-relative file as they are now (edited or on disk); a null
// QByteArray when there is no such file.
using FileReader = std::function<QByteArray(const QString &file)>;

// The root module an edit works on.
struct EnvironmentFiles
{
    QString folder;    // "environments/staging", relative to the repository root
    QStringList files; // its .tf files, relative to the repository root, sorted
    FileReader read;

    // The .tf files directly in root/folder (what Terraform reads), sorted.
    static QStringList list(const QString &root, const QString &folder);
};

struct FileEdit
{
    QString file; // relative to the repository root
    QByteArray before;
    QByteArray after;

    friend bool operator==(const FileEdit &, const FileEdit &) = default;
};
using FileEdits = QList<FileEdit>;

// A place that refers to a module: an input of another module, a depends_on, an output.
struct ModuleReference
{
    QString where; // "module.services input database_host", "output \"db\"", "locals"
    QString text;  // the referring expression as written: "module.postgres.host"
    SourceLocation location;

    friend bool operator==(const ModuleReference &, const ModuleReference &) = default;
};

struct AddModuleRequest
{
    QString name;    // the call's label: a valid identifier not used by another module call
    QString source;  // as written in `source`: "../../modules/redis", "hashicorp/consul/aws"
    QString version; // registry sources only; empty for none
    // input -> HCL expression source (`"eu-west-1"`, `var.location`, `module.network.id`), in
    // the order they are written.
    QList<QPair<QString, QString>> inputs;
};

struct RemoveModuleResult
{
    FileEdits edits;
    // What still refers to the module after it is gone (the user was warned); depends_on
    // entries are removed rather than left dangling.
    QList<ModuleReference> references;
};

// A module call as written now.
struct ModuleCallText
{
    QString name;
    QString source; // the literal; the source text when it is computed
    QString version;
    QStringList inputs; // the call's arguments, source/version/count/... included, in order
    SourceLocation location;
};

// The environment's module calls, in file order (first parse error refuses).
Result<QList<ModuleCallText>> moduleCalls(const EnvironmentFiles &environment);

// A valid Terraform identifier: a letter or _, then letters, digits, _ and -.
bool isValidIdentifier(const QString &name);

// Appended to the file holding the other module calls (main.tf when there is none).
Result<FileEdits> addModule(const EnvironmentFiles &environment, const AddModuleRequest &request);
// What refers to module.<name> anywhere in the environment's files (its own block excluded).
Result<QList<ModuleReference>> moduleReferences(const EnvironmentFiles &environment,
                                                const QString &name);
Result<RemoveModuleResult> removeModule(const EnvironmentFiles &environment, const QString &name);
Result<FileEdits> setModuleSource(const EnvironmentFiles &environment, const QString &name,
                                  const QString &source);
// Registry sources: the `version` attribute (empty removes it). Git sources: the `?ref=` of the
// source (added when there is none). Local sources have no version and are refused.
Result<FileEdits> setModuleVersion(const EnvironmentFiles &environment, const QString &name,
                                   const QString &version);
// Writes `input = module.<fromModule>.<output>` in the module call, replacing any value.
Result<FileEdits> connectInput(const EnvironmentFiles &environment, const QString &module,
                               const QString &input, const QString &fromModule,
                               const QString &output);
// The label, and every `module.<old>` reference in the environment's files.
Result<FileEdits> renameModule(const EnvironmentFiles &environment, const QString &oldName,
                               const QString &newName);

} // namespace EnvDeck::Diagram
