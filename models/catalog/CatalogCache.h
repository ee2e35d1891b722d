// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QUrl>

namespace EnvDeck::CatalogCache {

// A catalog downloaded earlier. The cache file is the downloaded index.yaml with one comment line
// in front that records when and where from it was fetched:
//
//   # envdeck-cache: fetched 2026-11-26T06:40:00Z from https://charts.example.io/index.yaml
//
// Being a YAML comment, the line keeps the file a valid index that helm and yaml-cpp read as
// is, and a single file can be replaced atomically (a sidecar could get out of step with it). The
// locations in errors about a cache file are those of the cache file itself.
struct Entry
{
    QByteArray contents; // the whole file, header line included
    QDateTime fetchedAt; // UTC; from the header, or the file's time when the header is missing
    QUrl url;            // from the header; empty when missing
};

// Writes `body` with its header to `absolutePath` atomically (QSaveFile), creating folders.
Result<void> write(const QString &absolutePath, const QByteArray &body, const QUrl &url,
                   const QDateTime &fetchedAt);

// Reads a cache file; an Error when it is missing, unreadable or too large.
Result<Entry> read(const QString &absolutePath, const QString &displayPath);

// An age in seconds as a person reads it: "42 s", "5 min", "3 h", "2 days".
QString describeAge(qint64 seconds);

} // namespace EnvDeck::CatalogCache
