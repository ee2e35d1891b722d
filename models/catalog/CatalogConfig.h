// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace EnvDeck {

// One entry of the `catalogs:` list in .envdeck.yaml: a place that says which versions of a
// component exist.
//   - { kind: helm-index, url: https://charts.example.io/index.yaml, cache: .envdeck/cache/x.yaml }
//   - { kind: helm-index, file: catalogs/third-party-index.yaml }
//   - { kind: git-tags,   pattern: "{component}/v*" }
//   - { kind: seen }      versions that some environment of the repository runs
// The order of the list is the order of preference: the first catalog that lists a component
// answers for it.
struct CatalogEntry
{
    enum class Kind { HelmIndex, GitTags, Seen };

    Kind kind = Kind::HelmIndex;
    QUrl url;        // helm-index: where to fetch index.yaml (http or https)
    QString file;    // helm-index: an index.yaml in the repository, relative to its root
    QString cache;   // helm-index with url: the cache file, relative to the root (default below)
    QString pattern; // git-tags: tag pattern, one `*` for the version, `{component}` optional
    SourceLocation location;

    // "helm-index https://charts.example.io/index.yaml", "git-tags {component}/v*", "seen"
    QString describe() const;
    // The cache file of a URL index, relative to the root: `cache` when given, otherwise
    // ".envdeck/cache/helm-<host>-<hash>.yaml".
    QString cachePath() const;
};

QString catalogKindName(CatalogEntry::Kind kind);

// A URL as shown in messages, logs and the cache header. Credentials travel in the user info
// (https://token@host) or the query (?token=...): neither is ever shown or logged.
QString displayUrl(const QUrl &url);

struct CatalogConfig
{
    QList<CatalogEntry> entries;
    QList<Error> problems; // entries that could not be used, with file:line:column
    bool hasFile = false;  // .envdeck.yaml exists
};

// Reads the `catalogs:` list of `<root>/.envdeck.yaml`. A missing file or key gives an empty
// config; an entry with an unknown kind or without its url/file/pattern is left out and reported
// in `problems`. An Error only when the file cannot be read or parsed at all.
Result<CatalogConfig> readCatalogConfig(const QString &root);

} // namespace EnvDeck
