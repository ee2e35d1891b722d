// SPDX-License-Identifier: GPL-3.0-or-later
#include "YamlSupport.h"

#include <QFile>
#include <QFileInfo>

namespace EnvDeck::Yaml {

Result<YAML::Node> loadFile(const QString &absolutePath, const QString &displayPath)
{
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read the file: %1").arg(file.errorString()),
                     SourceLocation{displayPath});
    if (file.size() > MaxFileSize)
        return Error(QStringLiteral("the file is too large (%1 MiB; at most %2 MiB are read)")
                         .arg(file.size() / (1024 * 1024))
                         .arg(MaxFileSize / (1024 * 1024)),
                     SourceLocation{displayPath});
    return load(file.readAll(), displayPath);
}

Result<YAML::Node> load(const QByteArray &bytes, const QString &displayPath)
{
    try {
        return YAML::Load(bytes.toStdString());
    } catch (const YAML::Exception &e) {
        return errorFrom(e, displayPath);
    }
}

Error errorFrom(const YAML::Exception &exception, const QString &displayPath)
{
    SourceLocation location{displayPath};
    if (!exception.mark.is_null()) {
        location.line = exception.mark.line + 1;
        location.column = exception.mark.column + 1;
    }
    return Error(QStringLiteral("malformed YAML: %1").arg(QString::fromStdString(exception.msg)),
                 location);
}

SourceLocation locationOf(const YAML::Node &node, const QString &displayPath)
{
    SourceLocation location{displayPath};
    const YAML::Mark mark = node.Mark();
    if (!mark.is_null()) {
        location.line = mark.line + 1;
        location.column = mark.column + 1;
    }
    return location;
}

QString scalar(const YAML::Node &node)
{
    if (!node || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar());
}

} // namespace EnvDeck::Yaml
