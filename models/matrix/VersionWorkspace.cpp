// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionWorkspace.h"

#include "core/Logging.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSettings>
#include <QtConcurrent>

namespace EnvDeck {

VersionWorkspace::VersionWorkspace(QObject *parent)
    : QObject(parent)
{
    connect(&m_files, &QFileSystemWatcher::fileChanged, this, &VersionWorkspace::onFileChanged);
    connect(&m_watcher, &QFutureWatcher<Validation::Report>::finished, this, [this] {
        m_validating = false;
        if (!m_watcher.isCanceled() && m_watcher.future().resultCount() > 0)
            m_report = m_watcher.result();
        if (m_validateAgain) {
            m_validateAgain = false;
            validate();
            return;
        }
        emit validated();
    });
}

VersionWorkspace::~VersionWorkspace()
{
    m_watcher.waitForFinished();
}

Result<VersionWorkspace::Data> VersionWorkspace::load(const QString &path, bool offline)
{
    Validation::LoadOptions options;
    options.offline = offline;
    options.base = QStringLiteral("HEAD");
    auto input = Validation::loadValidationInput(path, options);
    if (!input) {
        // A repository without commits has no HEAD to compare with: validate without a base.
        options.base.clear();
        input = Validation::loadValidationInput(path, options);
    }
    if (!input)
        return input.error();
    Data data;
    data.input = std::move(input.value());
    for (const Validation::EnvironmentInput &environment : data.input.environments) {
        if (environment.versionsFile.isEmpty())
            continue;
        auto document = VersionDocument::load(
            QDir(data.input.root).filePath(environment.versionsFile), environment.versionsFile);
        if (document)
            data.documents.insert(environment.name, std::move(document.value()));
    }
    return data;
}

QFuture<Result<VersionWorkspace::Data>> VersionWorkspace::loadAsync(const QString &path,
                                                                    bool offline)
{
    return QtConcurrent::run([path, offline] { return load(path, offline); });
}

QFuture<Result<VersionWorkspace::Data>> VersionWorkspace::loadAsync(const QString &path)
{
    // Read on the calling (GUI) thread: QSettings is cheap, and the worker then needs no settings.
    return loadAsync(path, offlineSetting());
}

QString VersionWorkspace::offlineSettingsKey()
{
    return QStringLiteral("catalogs/offline");
}

bool VersionWorkspace::offlineSetting()
{
    return QSettings().value(offlineSettingsKey(), false).toBool();
}

void VersionWorkspace::setData(Data data)
{
    // A reload of the same repository keeps the list of files EnvDeck wrote: they are still to
    // be committed.
    if (data.input.root != m_data.input.root)
        m_savedFiles.clear();
    m_data = std::move(data);
    m_savedBytes.clear();
    for (auto it = m_data.documents.cbegin(); it != m_data.documents.cend(); ++it)
        m_savedBytes.insert(it.key(), it.value().bytes());
    m_report = {};
    collectTerraformVersions();
    watchFiles();
    emit modifiedChanged();
    validate();
}

void VersionWorkspace::clear()
{
    m_watcher.waitForFinished();
    m_data = {};
    m_savedBytes.clear();
    m_terraformVersions.clear();
    m_terraformBytes.clear();
    m_terraformSaved.clear();
    m_report = {};
    if (!m_files.files().isEmpty())
        m_files.removePaths(m_files.files());
    emit modifiedChanged();
}

const VersionDocument *VersionWorkspace::document(const QString &environment) const
{
    const auto it = m_data.documents.constFind(environment);
    return it == m_data.documents.cend() ? nullptr : &it.value();
}

QString VersionWorkspace::absolutePath(const QString &environment) const
{
    const VersionDocument *doc = document(environment);
    return doc ? QDir(m_data.input.root).filePath(doc->displayPath()) : QString();
}

QStringList VersionWorkspace::catalogVersions(const QString &component, const QString &chart) const
{
    if (!m_data.input.catalog)
        return {};
    const Validation::CatalogAnswer answer = m_data.input.catalog(component, chart);
    return answer.checked ? answer.versions : QStringList();
}

Result<QByteArray>
VersionWorkspace::preview(const QString &environment,
                          const std::function<Result<void>(VersionDocument &)> &edit) const
{
    const VersionDocument *current = document(environment);
    if (!current)
        return Error(QStringLiteral("%1 has no versions file").arg(environment));
    VersionDocument copy = *current;
    if (auto result = edit(copy); !result)
        return result.error();
    return copy.bytes();
}

Validation::EnvironmentInput *VersionWorkspace::environmentInput(const QString &environment)
{
    for (Validation::EnvironmentInput &candidate : m_data.input.environments) {
        if (candidate.name == environment)
            return &candidate;
    }
    return nullptr;
}

Result<void> VersionWorkspace::setBytes(const QString &environment, const QByteArray &bytes)
{
    Validation::EnvironmentInput *input = environmentInput(environment);
    const VersionDocument *current = document(environment);
    if (!input || !current)
        return Error(QStringLiteral("%1 has no versions file").arg(environment));
    auto parsed = VersionDocument::parse(bytes, current->displayPath());
    if (!parsed)
        return parsed.error();
    Validation::applyVersionsDocument(*input, parsed);
    m_data.documents.insert(environment, std::move(parsed.value()));
    emit documentChanged(environment);
    emit modifiedChanged();
    validate();
    return {};
}

bool VersionWorkspace::isModified(const QString &environment) const
{
    const VersionDocument *doc = document(environment);
    if (doc && doc->bytes() != m_savedBytes.value(environment))
        return true;
    for (auto it = m_terraformBytes.cbegin(); it != m_terraformBytes.cend(); ++it) {
        if (it.value() != m_terraformSaved.value(it.key())
            && terraformFileEnvironments(it.key()).contains(environment))
            return true;
    }
    return false;
}

bool VersionWorkspace::isModified() const
{
    return !modifiedEnvironments().isEmpty();
}

QStringList VersionWorkspace::modifiedEnvironments() const
{
    QStringList names;
    for (const Validation::EnvironmentInput &environment : m_data.input.environments) {
        if (isModified(environment.name))
            names.append(environment.name);
    }
    return names;
}

Result<void> VersionWorkspace::save()
{
    const auto write = [](const QString &path, const QByteArray &bytes) -> Result<void> {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return Error(QStringLiteral("Cannot save %1: %2").arg(path, file.errorString()));
        return {};
    };
    for (auto it = m_data.documents.cbegin(); it != m_data.documents.cend(); ++it) {
        if (it.value().bytes() == m_savedBytes.value(it.key()))
            continue;
        if (auto result = write(absolutePath(it.key()), it.value().bytes()); !result)
            return result;
        m_savedBytes.insert(it.key(), it.value().bytes());
        m_savedFiles.insert(it.value().displayPath());
        qCInfo(lcRepo) << "Saved" << it.value().displayPath();
    }
    for (auto it = m_terraformBytes.cbegin(); it != m_terraformBytes.cend(); ++it) {
        if (!isTerraformFileModified(it.key()))
            continue;
        if (auto result = write(QDir(m_data.input.root).filePath(it.key()), it.value()); !result)
            return result;
        m_terraformSaved.insert(it.key(), it.value());
        m_savedFiles.insert(it.key());
        markTerraformSaved(it.key());
        qCInfo(lcRepo) << "Saved" << it.key();
    }
    // QSaveFile replaces the file: watch the new one.
    watchFiles();
    emit modifiedChanged();
    return {};
}

void VersionWorkspace::forgetSavedFiles(const QStringList &files)
{
    for (const QString &file : files)
        m_savedFiles.remove(file);
}

QStringList VersionWorkspace::savedFiles() const
{
    QStringList files(m_savedFiles.cbegin(), m_savedFiles.cend());
    files.sort();
    return files;
}

Result<void> VersionWorkspace::reload(const QString &environment)
{
    const QString path = absolutePath(environment);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    Validation::EnvironmentInput *input = environmentInput(environment);
    const VersionDocument *current = document(environment);
    if (!input || !current)
        return Error(QStringLiteral("%1 has no versions file").arg(environment));
    auto parsed = VersionDocument::parse(bytes, current->displayPath());
    Validation::applyVersionsDocument(*input, parsed);
    if (parsed)
        m_data.documents.insert(environment, std::move(parsed.value()));
    m_savedBytes.insert(environment, bytes);
    reloadTerraformFiles(environment);
    watchFiles();
    emit documentChanged(environment);
    emit modifiedChanged();
    validate();
    return parsed ? Result<void>() : Result<void>(parsed.error());
}

void VersionWorkspace::validate()
{
    if (m_validating) {
        m_validateAgain = true; // the running one validates an older input
        return;
    }
    m_validating = true;
    m_watcher.setFuture(
        QtConcurrent::run([input = m_data.input] { return Validation::validate(input); }));
}

void VersionWorkspace::watchFiles()
{
    if (!m_files.files().isEmpty())
        m_files.removePaths(m_files.files());
    QStringList paths;
    for (auto it = m_data.documents.cbegin(); it != m_data.documents.cend(); ++it)
        paths.append(QDir(m_data.input.root).filePath(it.value().displayPath()));
    for (auto it = m_terraformBytes.cbegin(); it != m_terraformBytes.cend(); ++it)
        paths.append(QDir(m_data.input.root).filePath(it.key()));
    if (!paths.isEmpty())
        m_files.addPaths(paths);
}

void VersionWorkspace::onFileChanged(const QString &path)
{
    for (auto it = m_data.documents.cbegin(); it != m_data.documents.cend(); ++it) {
        if (QDir(m_data.input.root).filePath(it.value().displayPath()) != path)
            continue;
        QFile file(path);
        // Editors that save by replacing the file make the watcher drop it: watch it again.
        if (!m_files.files().contains(path) && QFile::exists(path))
            m_files.addPath(path);
        if (!file.open(QIODevice::ReadOnly))
            return;
        if (file.readAll() == m_savedBytes.value(it.key()))
            return; // our own save, or no real change
        emit changedOnDisk(it.key(), isModified(it.key()));
        return;
    }
    for (auto it = m_terraformSaved.cbegin(); it != m_terraformSaved.cend(); ++it) {
        if (QDir(m_data.input.root).filePath(it.key()) != path)
            continue;
        if (!m_files.files().contains(path) && QFile::exists(path))
            m_files.addPath(path);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || file.readAll() == it.value())
            return;
        const QStringList environments = terraformFileEnvironments(it.key());
        if (!environments.isEmpty())
            emit changedOnDisk(environments.constFirst(), isModified(environments.constFirst()));
        return;
    }
}

void VersionWorkspace::reloadTerraformFiles(const QString &environment)
{
    QStringList files;
    for (auto it = m_terraformBytes.cbegin(); it != m_terraformBytes.cend(); ++it) {
        if (terraformFileEnvironments(it.key()).contains(environment))
            files.append(it.key());
    }
    for (const QString &name : files) {
        QFile file(QDir(m_data.input.root).filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        m_terraformBytes.insert(name, bytes);
        m_terraformSaved.insert(name, bytes);
        refreshTerraformValues(name);
        markTerraformSaved(name);
        emit terraformFileChanged(name);
    }
}

} // namespace EnvDeck
