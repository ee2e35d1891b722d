// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials/PlainTokenFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace EnvDeck::Credentials {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EnvDeck::Credentials", text);
}

const auto kTokens = QLatin1String("tokens");

Result<QJsonObject> load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return QJsonObject{};
    if (!file.open(QIODevice::ReadOnly))
        return Error(tr("Cannot read the token file: %1").arg(file.errorString()),
                     SourceLocation{path});
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    // Only the offset, never the text around it: the text is tokens.
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error(tr("The token file is not valid JSON (at byte %1)").arg(parseError.offset),
                     SourceLocation{path});
    return document.object();
}

Result<void> save(const QString &path, const QJsonObject &root)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error(tr("Cannot create the folder of the token file"), SourceLocation{path});
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(tr("Cannot write the token file: %1").arg(file.errorString()),
                     SourceLocation{path});
    // Owner-only before a single byte is written: the temporary file becomes the token file.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return Error(tr("Cannot make the token file private"), SourceLocation{path});
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error(tr("Cannot write the token file: %1").arg(file.errorString()),
                     SourceLocation{path});
    return {};
}

} // namespace

PlainTokenFile::PlainTokenFile(QString path)
    : m_path(std::move(path))
{}

Result<std::optional<QString>> PlainTokenFile::read(const QString &key) const
{
    const Result<QJsonObject> root = load(m_path);
    if (!root)
        return root.error();
    const QJsonValue value = root->value(kTokens).toObject().value(key);
    if (!value.isString() || value.toString().isEmpty())
        return std::optional<QString>{};
    return std::optional<QString>{value.toString()};
}

Result<void> PlainTokenFile::write(const QString &key, const QString &token) const
{
    Result<QJsonObject> root = load(m_path);
    if (!root)
        return root.error();
    QJsonObject tokens = root->value(kTokens).toObject();
    tokens.insert(key, token);
    root->insert(QLatin1String("version"), 1);
    root->insert(kTokens, tokens);
    return save(m_path, *root);
}

Result<bool> PlainTokenFile::remove(const QString &key) const
{
    Result<QJsonObject> root = load(m_path);
    if (!root)
        return root.error();
    QJsonObject tokens = root->value(kTokens).toObject();
    if (!tokens.contains(key))
        return false;
    tokens.remove(key);
    if (tokens.isEmpty()) {
        if (!QFile::remove(m_path))
            return Error(tr("Cannot remove the token file"), SourceLocation{m_path});
        return true;
    }
    root->insert(kTokens, tokens);
    if (Result<void> saved = save(m_path, *root); !saved)
        return saved.error();
    return true;
}

} // namespace EnvDeck::Credentials
