// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hcl/HclParser.h"
#include "terraform/TerraformModel.h"

#include <QHash>

#include <functional>
#include <optional>

#include <memory>
#include <vector>

namespace EnvDeck::Terraform::Detail {

// One parsed file; the source stays alive because ranges point into it.
struct ParsedFile
{
    QString path; // relative to the repository root
    QByteArray source;
    Hcl::File file;

    SourceLocation locationOf(const Hcl::Position &position) const
    {
        return SourceLocation{path, position.line, position.column};
    }
    QString textOf(const Hcl::Range &range) const
    {
        return QString::fromUtf8(source.mid(range.start.offset, range.length()));
    }
};

// An expression together with the file it is written in.
struct Located
{
    const Hcl::Expression *expr = nullptr;
    const ParsedFile *file = nullptr;
};

// What names mean inside one module: its variables, locals and (for a called module) the inputs
// the caller passes. `caller` is the scope the inputs are written in.
struct Scope
{
    QString folder; // module folder relative to the repository root
    QHash<QString, Located> variableDefaults;
    QHash<QString, Located> locals;
    QHash<QString, Located> inputs; // called modules only
    QHash<QString, Located> tfvars; // root module only
    const Scope *caller = nullptr;
    // Terragrunt: the scopes of exposed includes by label (`include.root.locals.x`), and of the
    // files read by a local's read_terragrunt_config(...) (`local.env.locals.x`).
    QHash<QString, const Scope *> includes;
    QHash<QString, const Scope *> configs;
};

// A module source after tracing the ${...} parts of a template: its kind, ref and subdir.
struct SourceInfo
{
    QString source; // traced interpolations replaced by their value, others left as ${...}
    SourceKind kind = SourceKind::Other;
    QString ref;
    QString subdir;
    TracedValue tracedRef; // see ModuleCall::tracedRef
    // Terragrunt's tfr:///namespace/name/provider?version=1.2.0 registry sources
    QString version;
    TracedValue tracedVersion;
};

QString decode(const QByteArray &bytes);
const Hcl::Attribute *findAttribute(const Hcl::Body &body, const char *name);
const Hcl::Block *findBlock(const Hcl::Body &body, const char *type);

// Variables and locals of a module (or a Terragrunt file's locals), from its parsed files.
void fillScope(const std::vector<std::unique_ptr<ParsedFile>> &files, Scope &scope);

// Splits a module source into its kind, `?ref=` and `//subdir`.
SourceKind classify(const QString &source, QString &ref, QString &subdir);

// Reads a `source` expression: a literal, a template with ${...} parts, or a reference traced to
// a literal. The ref's location is the ref text inside the string literal it is written in.
SourceInfo readSource(const Located &source, const Scope &scope, const QString &root);

// Parses every .tf file of `folder` (relative to `root`); parse errors go to `problems`.
std::vector<std::unique_ptr<ParsedFile>> parseFolder(const QString &root, const QString &folder,
                                                     const QString &suffix, QList<Error> &problems);
std::unique_ptr<ParsedFile> parseFile(const QString &root, const QString &path,
                                      QList<Error> &problems);

// While one is alive on a thread, parseFile(), parseFolder() and the YAML files read by trace()
// take a file's bytes from `overlay` (repository-relative path -> contents) when it is listed
// there. `overlay` must outlive the scope.
class OverlayScope
{
public:
    explicit OverlayScope(const QHash<QString, QByteArray> &overlay);
    ~OverlayScope();
    OverlayScope(const OverlayScope &) = delete;
    OverlayScope &operator=(const OverlayScope &) = delete;

private:
    const QHash<QString, QByteArray> *m_previous;
};

// The literal text of a string without interpolations, a number or a bool; nullopt otherwise.
std::optional<QString> literalValue(const Hcl::Expression &expr);

// Follows `located` (plus the attribute/index `steps` still to apply) to the literal it comes
// from. `root` is the repository root, for files read through yamldecode(file(...)).
// While one is alive on a thread, YAML files read by trace() are parsed once and reused.
class YamlCacheScope
{
public:
    YamlCacheScope();
    ~YamlCacheScope();
    YamlCacheScope(const YamlCacheScope &) = delete;
    YamlCacheScope &operator=(const YamlCacheScope &) = delete;
};

TracedValue trace(const Located &located, const Scope &scope, const QStringList &steps,
                  const QString &root, int depth = 0);

// Calls `visit` for every variable reference in `expr` (var.x, module.y.z, local.w, ...).
void forEachVariable(const Hcl::Expression &expr,
                     const std::function<void(const Hcl::VariableExpr &)> &visit);

// Terragrunt environments: a folder with its own terragrunt.hcl, or without .tf files.
bool isTerragruntFolder(const QString &root, const QString &folder);

// Reads the Terragrunt units in the subtree of `folder` into module.terragruntUnits and, as one
// module call per unit, into module.modules.
void readTerragruntUnits(const QString &root, const QString &folder, RootModule &module);

} // namespace EnvDeck::Terraform::Detail
