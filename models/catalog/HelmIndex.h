// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace EnvDeck {

// One release of a chart in a Helm repository's index.yaml.
struct HelmChartVersion
{
    QString name;
    QString version;    // the chart's version: what a helm_release pins
    QString appVersion; // the version of the software inside, informational
    QDateTime created;  // invalid when the index does not say
    QString digest;
    bool deprecated = false;
    SourceLocation location;
};

// A Helm repository index: `entries: {chart: [{version, appVersion, created, ...}]}`.
struct HelmIndex
{
    QString apiVersion;
    QDateTime generated;
    QMap<QString, QList<HelmChartVersion>> entries; // chart -> releases in the order of the file
    QList<Error> problems; // releases that could not be read (no version, not a mapping, ...)

    bool contains(const QString &chart) const { return entries.contains(chart); }
    // The chart's versions, newest first.
    QStringList versions(const QString &chart) const;
};

// Parses index.yaml bytes. `displayPath` names them in errors ("catalogs/index.yaml",
// or the URL they came from). An Error, with line and column, when the YAML is malformed or has no
// `entries` mapping; a release without a version only adds to `problems`.
Result<HelmIndex> parseHelmIndex(const QByteArray &bytes, const QString &displayPath);

// Reads and parses an index file (at most Yaml::MaxFileSize bytes).
Result<HelmIndex> readHelmIndex(const QString &absolutePath, const QString &displayPath);

} // namespace EnvDeck
