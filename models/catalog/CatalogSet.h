// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/CatalogConfig.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace EnvDeck {

// A version that some environment runs, for the `seen` catalog.
struct SeenVersion
{
    QString component;
    QString version;
};

// What the catalogs say about one component.
struct CatalogLookup
{
    enum class Status { Checked, NotChecked };

    Status status = Status::NotChecked;
    QStringList versions;   // newest first; empty when not checked
    QString source;         // the catalog that answered: "git-tags {component}/v*"
    QDateTime fetchedAt;    // when a downloaded catalog was fetched; invalid for local data
    qint64 ageSeconds = -1; // age of a downloaded catalog, -1 for local data
    // NotChecked: why nothing can be said (never a guess). Checked: a note worth showing, such
    // as "could not refresh: ...; using the cache fetched 2026-11-26 06:40 UTC (3 h old)".
    QString reason;

    bool isChecked() const { return status == Status::Checked; }
    bool contains(const QString &version) const { return versions.contains(version); }
};

struct CatalogLoadOptions
{
    QList<SeenVersion> seen;                  // input of a `seen` catalog
    std::chrono::milliseconds timeout{20000}; // per download
    // load()/loadAsync() use a cache younger than this without asking the network; 0 always
    // asks (and falls back to the cache when the network fails).
    qint64 maxCacheAgeSeconds = 0;
    QDateTime now; // the time ages are measured against; invalid = the current time
};

// One configured catalog after loading.
struct CatalogState
{
    CatalogEntry entry;
    bool available = false;
    QString reason;      // unavailable: why; available: a note (offline, cache used)
    QDateTime fetchedAt; // downloaded catalogs only
    bool fromCache = false;
    QString cacheProblem;               // URL catalogs: why the cache cannot stand in, if so
    QList<Error> problems;              // entries of an index that could not be read
    QMap<QString, QStringList> entries; // helm-index, seen: chart/component -> versions
    QStringList tags;                   // git-tags: every tag of the repository
};

// The catalogs of a repository, loaded: answers "which versions of this component exist?".
// The first catalog in `catalogs:` order that lists a component answers for it; a component no
// available catalog lists is NotChecked, with the reason. A plain value: copy it across threads.
class CatalogSet
{
public:
    // Called with (downloads done, downloads in all, what happens); return false to cancel.
    using Progress = std::function<bool(int done, int total, const QString &step)>;

    // Reads what is on disk only: index files, caches of downloaded indexes, git tags. A URL
    // catalog without a cache is unavailable ("not fetched yet"). Never call on the GUI thread.
    static CatalogSet loadCached(const QString &root, const CatalogConfig &config,
                                 const CatalogLoadOptions &options = {});

    // Like loadCached(), but downloads URL catalogs (all at once, through an event loop of the
    // calling thread), refreshes their caches and falls back to them when the network fails.
    // Blocks the calling thread: use it in a worker or the command line, or use loadAsync().
    // `progress` is also asked every 50 ms while downloads run, so that a cancel is quick.
    static CatalogSet load(const QString &root, const CatalogConfig &config,
                           const CatalogLoadOptions &options = {}, const Progress &progress = {});

    // load() on the thread pool. The future reports progress (value/range/text); cancel()
    // aborts running downloads, and a cancelled future carries no result.
    static QFuture<CatalogSet> loadAsync(const QString &root, const CatalogConfig &config,
                                         const CatalogLoadOptions &options = {});

    // `chart`: the Helm chart of the component when it has one (versions.yaml `chart:`);
    // helm-index catalogs are searched by chart, or by the component name when it is empty.
    // git-tags and seen catalogs always go by the component name.
    CatalogLookup lookup(const QString &component, const QString &chart = {}) const;

    const QList<CatalogState> &catalogs() const { return m_catalogs; }
    const QString &root() const { return m_root; }

private:
    friend class CatalogLoaderPrivate;

    qint64 ageOf(const QDateTime &fetchedAt) const;

    QString m_root;
    QDateTime m_now; // invalid = measure ages against the current time
    QList<CatalogState> m_catalogs;
};

} // namespace EnvDeck
