// SPDX-License-Identifier: GPL-3.0-or-later
// The versions a VersionWorkspace finds written in .tf/.tfvars files, and their edits through the
// HCL writer.
#include "VersionWorkspace.h"

#include "hcl/HclWriter.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace EnvDeck {
namespace {

bool isTerraformFile(const QString &file)
{
    return file.endsWith(QLatin1String(".tf")) || file.endsWith(QLatin1String(".tfvars"))
           || file.endsWith(QLatin1String(".hcl"));
}

// The byte offset of a 1-based line and column (columns count code points, as HCL does).
qsizetype offsetOf(const QByteArray &bytes, int line, int column)
{
    qsizetype offset = 0;
    for (int l = 1; l < line; ++l) {
        offset = bytes.indexOf('\n', offset);
        if (offset < 0)
            return -1;
        ++offset;
    }
    for (int c = 1; c < column && offset < bytes.size(); ++offset) {
        // Continuation bytes of a UTF-8 sequence belong to the code point before them.
        if ((uchar(bytes.at(offset)) & 0xC0) != 0x80)
            ++c;
    }
    while (offset < bytes.size() && (uchar(bytes.at(offset)) & 0xC0) == 0x80)
        ++offset;
    return offset;
}

// The value written at `offset`: a quoted string's text, or a ref inside a string up to the next
// `&`, quote or blank.
QString valueAt(const QByteArray &bytes, qsizetype offset)
{
    if (offset < 0 || offset >= bytes.size())
        return {};
    QByteArray value;
    if (bytes.at(offset) == '"') {
        for (qsizetype i = offset + 1; i < bytes.size() && bytes.at(i) != '"'; ++i) {
            if (bytes.at(i) == '\\' && i + 1 < bytes.size())
                ++i;
            else if (bytes.at(i) == '\n')
                break;
            value += bytes.at(i);
        }
        return QString::fromUtf8(value);
    }
    for (qsizetype i = offset; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '&' || c == '"' || c == '#' || c == ' ' || c == '\n' || c == '\r' || c == '$')
            break;
        value += c;
    }
    return QString::fromUtf8(value);
}

} // namespace

void VersionWorkspace::collectTerraformVersions()
{
    m_terraformVersions.clear();
    m_terraformBytes.clear();
    m_terraformSaved.clear();
    const QString &root = m_data.input.root;
    const auto add = [&](const QString &environment, const QString &name,
                         const Terraform::TracedValue &traced) {
        if (!traced.found() || !isTerraformFile(traced.location.file))
            return;
        const QString file = traced.location.file;
        if (!m_terraformBytes.contains(file)) {
            QFile handle(QDir(root).filePath(file));
            if (!handle.open(QIODevice::ReadOnly))
                return;
            const QByteArray bytes = handle.readAll();
            m_terraformBytes.insert(file, bytes);
            m_terraformSaved.insert(file, bytes);
        }
        const QByteArray &bytes = m_terraformBytes[file];
        const qsizetype offset = offsetOf(bytes, traced.location.line, traced.location.column);
        if (offset < 0)
            return;
        m_terraformVersions.append(TerraformVersion{environment, name, traced.value, traced.value,
                                                    traced.location, bytes.at(offset) != '"'});
    };
    for (const Validation::EnvironmentInput &environment : m_data.input.environments) {
        for (const Terraform::HelmRelease &release : environment.terraform.helmReleases)
            add(environment.name, release.name.isEmpty() ? release.address : release.name,
                release.version);
        for (const Terraform::ModuleCall &call : environment.terraform.modules) {
            add(environment.name, QStringLiteral("module.") + call.name, call.tracedVersion);
            add(environment.name, QStringLiteral("module.%1 ref").arg(call.name), call.tracedRef);
        }
    }
}

const VersionWorkspace::TerraformVersion *
VersionWorkspace::terraformVersion(const QString &environment, const QString &name) const
{
    for (const TerraformVersion &version : m_terraformVersions) {
        if (version.environment == environment && version.name == name)
            return &version;
    }
    return nullptr;
}

QByteArray VersionWorkspace::terraformBytes(const QString &file) const
{
    return m_terraformBytes.value(file);
}

bool VersionWorkspace::isTerraformFileModified(const QString &file) const
{
    return m_terraformBytes.value(file) != m_terraformSaved.value(file);
}

Result<QByteArray> VersionWorkspace::previewTerraform(const TerraformVersion &version,
                                                      const QString &newValue) const
{
    const QString &file = version.location.file;
    if (!m_terraformBytes.contains(file))
        return Error(QStringLiteral("%1 is not open for editing").arg(file));
    auto document = Hcl::Document::parse(m_terraformBytes.value(file), file);
    if (!document)
        return document.error();
    if (!version.insideString) {
        if (auto edited = document->setStringAt(version.location.line, version.location.column,
                                                newValue.toUtf8());
            !edited)
            return edited.error();
        return document->text();
    }
    // A ref inside a source string: exactly its bytes are replaced, and the writer parses the
    // result again before keeping it.
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9._/+-]+$"));
    if (!plain.match(newValue).hasMatch())
        return Error(QStringLiteral("`%1` cannot be written into a source address: use letters, "
                                    "digits and . _ / + - only")
                         .arg(newValue),
                     version.location);
    const QByteArray &bytes = m_terraformBytes[file];
    const qsizetype start = offsetOf(bytes, version.location.line, version.location.column);
    const QByteArray before = version.value.toUtf8();
    if (start < 0 || bytes.mid(start, before.size()) != before)
        return Error(QStringLiteral("`%1` is no longer written here").arg(version.value),
                     version.location);
    if (auto edited = document->replaceRange(start, start + before.size(), newValue.toUtf8());
        !edited)
        return edited.error();
    return document->text();
}

Result<void> VersionWorkspace::setTerraformBytes(const QString &file, const QByteArray &bytes)
{
    if (!m_terraformBytes.contains(file))
        return Error(QStringLiteral("%1 is not open for editing").arg(file));
    if (auto parsed = Hcl::Document::parse(bytes, file); !parsed)
        return parsed.error();
    m_terraformBytes.insert(file, bytes);
    refreshTerraformValues(file);
    const QStringList environments = terraformFileEnvironments(file);
    for (const QString &environment : environments)
        emit documentChanged(environment);
    emit terraformFileChanged(file);
    emit modifiedChanged();
    return {};
}

void VersionWorkspace::markTerraformSaved(const QString &file)
{
    for (TerraformVersion &version : m_terraformVersions) {
        if (version.location.file == file)
            version.savedValue = version.value;
    }
}

void VersionWorkspace::refreshTerraformValues(const QString &file)
{
    // Edits keep every other byte, and a version's value starts where it did: what is written
    // at the traced place now is the value.
    const QByteArray &bytes = m_terraformBytes[file];
    for (TerraformVersion &version : m_terraformVersions) {
        if (version.location.file == file)
            version.value
                = valueAt(bytes, offsetOf(bytes, version.location.line, version.location.column));
    }
}

} // namespace EnvDeck
