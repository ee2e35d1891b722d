// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <yaml-cpp/yaml.h>

#include <QString>

namespace EnvDeck::Yaml {

// Largest YAML file EnvDeck reads; anything bigger is reported instead of read.
constexpr qint64 MaxFileSize = 16 * 1024 * 1024;

// Reads and parses `absolutePath`. yaml-cpp's exceptions stop here and become an Error whose
// location is `displayPath:line:column` (1-based).
Result<YAML::Node> loadFile(const QString &absolutePath, const QString &displayPath);

// Parses YAML text that is already in memory, like loadFile() without the reading.
Result<YAML::Node> load(const QByteArray &bytes, const QString &displayPath);

// yaml-cpp's exception as an Error at `displayPath:line:column` (1-based).
Error errorFrom(const YAML::Exception &exception, const QString &displayPath);

// The 1-based location of a node in `displayPath`.
SourceLocation locationOf(const YAML::Node &node, const QString &displayPath);

// A scalar as QString; empty for anything else.
QString scalar(const YAML::Node &node);

} // namespace EnvDeck::Yaml
