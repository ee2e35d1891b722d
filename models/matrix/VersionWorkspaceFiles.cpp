// SPDX-License-Identifier: GPL-3.0-or-later
// Terraform files a VersionWorkspace edits without a traced version in them: the root module
// files a diagram edit changes (a module added to environments/staging/main.tf).
#include "VersionWorkspace.h"

#include "hcl/HclWriter.h"

#include <QDir>
#include <QFile>

namespace EnvDeck {

Result<void> VersionWorkspace::openTerraformFile(const QString &file)
{
    if (m_terraformBytes.contains(file))
        return {};
    if (m_data.input.root.isEmpty())
        return Error(QStringLiteral("No repository is open"));
    if (QDir::isAbsolutePath(file) || QDir::cleanPath(file).startsWith(QLatin1String("..")))
        return Error(QStringLiteral("%1 is not a path inside the repository").arg(file));
    QFile handle(QDir(m_data.input.root).filePath(file));
    if (!handle.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("Cannot read %1: %2").arg(file, handle.errorString()));
    const QByteArray bytes = handle.readAll();
    // A file that does not parse is never edited (the writer would refuse every edit anyway).
    if (auto parsed = Hcl::Document::parse(bytes, file); !parsed)
        return parsed.error();
    m_terraformBytes.insert(file, bytes);
    m_terraformSaved.insert(file, bytes);
    m_files.addPath(QDir(m_data.input.root).filePath(file));
    return {};
}

QHash<QString, QByteArray> VersionWorkspace::terraformOverlay() const
{
    QHash<QString, QByteArray> overlay;
    for (auto it = m_terraformBytes.cbegin(); it != m_terraformBytes.cend(); ++it) {
        if (it.value() != m_terraformSaved.value(it.key()))
            overlay.insert(it.key(), it.value());
    }
    return overlay;
}

QStringList VersionWorkspace::modifiedTerraformFiles() const
{
    QStringList files = terraformOverlay().keys();
    files.sort();
    return files;
}

QStringList VersionWorkspace::terraformFileEnvironments(const QString &file) const
{
    QStringList environments;
    for (const Validation::EnvironmentInput &environment : m_data.input.environments) {
        const QString folder = environment.path.endsWith(QLatin1Char('/'))
                                   ? environment.path
                                   : environment.path + QLatin1Char('/');
        if (!environment.path.isEmpty() && file.startsWith(folder))
            environments.append(environment.name);
    }
    for (const TerraformVersion &version : m_terraformVersions) {
        if (version.location.file == file && !environments.contains(version.environment))
            environments.append(version.environment);
    }
    return environments;
}

} // namespace EnvDeck
