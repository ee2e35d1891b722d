// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogSet.h"

#include "catalog/CatalogCache.h"
#include "catalog/CatalogLogging.h"
#include "catalog/CatalogSetPrivate.h"
#include "catalog/GitTagCatalog.h"
#include "catalog/HelmIndex.h"
#include "catalog/Semver.h"

#include <QDir>
#include <QFileInfo>

#include <optional>

namespace EnvDeck {
namespace {

void takeIndex(CatalogState &state, const HelmIndex &index)
{
    state.entries.clear();
    for (auto it = index.entries.cbegin(); it != index.entries.cend(); ++it)
        state.entries.insert(it.key(), index.versions(it.key()));
    state.problems = index.problems;
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

} // namespace

CatalogSet CatalogLoaderPrivate::prepare(const QString &root, const CatalogConfig &config,
                                         const CatalogLoadOptions &options)
{
    CatalogSet set;
    set.m_root = root;
    set.m_now = options.now;
    for (const CatalogEntry &entry : config.entries) {
        CatalogState state;
        state.entry = entry;
        set.m_catalogs.append(state);
    }
    return set;
}

void CatalogLoaderPrivate::loadLocal(CatalogSet &set, const CatalogLoadOptions &options)
{
    const QDir root(set.m_root);
    std::optional<Result<QStringList>> tags; // read once, for every git-tags catalog
    for (CatalogState &state : set.m_catalogs) {
        const CatalogEntry &entry = state.entry;
        switch (entry.kind) {
        case CatalogEntry::Kind::HelmIndex:
            if (!entry.file.isEmpty()) {
                const Result<HelmIndex> index
                    = readHelmIndex(root.filePath(entry.file), entry.file);
                state.available = index.ok();
                if (index)
                    takeIndex(state, *index);
                else
                    state.reason = index.error().toString();
                break;
            }
            {
                const QString cachePath = entry.cachePath();
                const Result<CatalogCache::Entry> cached
                    = CatalogCache::read(root.filePath(cachePath), cachePath);
                if (!cached) {
                    state.cacheProblem = QFileInfo::exists(root.filePath(cachePath))
                                             ? cached.error().toString()
                                             : QStringLiteral("no cache at %1").arg(cachePath);
                    state.reason = QStringLiteral("not fetched yet: ") + state.cacheProblem;
                    break;
                }
                const Result<HelmIndex> index = parseHelmIndex(cached->contents, cachePath);
                if (!index) {
                    state.cacheProblem
                        = QStringLiteral("the cache is unusable: ") + index.error().toString();
                    state.reason = state.cacheProblem;
                    break;
                }
                takeIndex(state, *index);
                state.available = true;
                state.fromCache = true;
                state.fetchedAt = cached->fetchedAt;
                state.reason = QStringLiteral("from the cache fetched %1 (%2 old)")
                                   .arg(timeText(state.fetchedAt),
                                        CatalogCache::describeAge(set.ageOf(state.fetchedAt)));
            }
            break;
        case CatalogEntry::Kind::GitTags:
            if (!tags)
                tags = GitTagCatalog::listTags(set.m_root);
            state.available = tags->ok();
            if (tags->ok())
                state.tags = tags->value();
            else
                state.reason = tags->error().toString();
            break;
        case CatalogEntry::Kind::Seen:
            for (const SeenVersion &seen : options.seen)
                state.entries[seen.component].append(seen.version);
            for (QStringList &versions : state.entries)
                versions = sortVersionsNewestFirst(versions);
            state.available = true;
            break;
        }
    }
}

bool CatalogLoaderPrivate::needsDownload(const CatalogSet &set, const CatalogState &state,
                                         const CatalogLoadOptions &options)
{
    if (state.entry.kind != CatalogEntry::Kind::HelmIndex || !state.entry.file.isEmpty())
        return false;
    if (!state.available || options.maxCacheAgeSeconds <= 0)
        return true;
    return set.ageOf(state.fetchedAt) >= options.maxCacheAgeSeconds;
}

void CatalogLoaderPrivate::applyDownload(const CatalogSet &set, CatalogState &state,
                                         const Result<FetchedDocument> &result)
{
    std::optional<Error> failure;
    if (result) {
        const Result<HelmIndex> index = parseHelmIndex(result->body, displayUrl(state.entry.url));
        if (index) {
            const QString cachePath = state.entry.cachePath();
            takeIndex(state, *index);
            state.available = true;
            state.fromCache = false;
            state.fetchedAt = result->fetchedAt;
            state.reason.clear();
            const Result<void> written
                = CatalogCache::write(QDir(set.m_root).filePath(cachePath), result->body,
                                      state.entry.url, result->fetchedAt);
            if (!written) {
                qCWarning(lcCatalog).noquote() << written.error().message();
                state.problems.append(written.error());
            }
            return;
        }
        failure = index.error();
    } else {
        failure = result.error();
    }
    if (state.available) {
        state.reason = QStringLiteral("could not refresh: %1; using the cache fetched %2 (%3 old)")
                           .arg(failure->toString(), timeText(state.fetchedAt),
                                CatalogCache::describeAge(set.ageOf(state.fetchedAt)));
    } else {
        state.reason = failure->toString() + QStringLiteral("; ") + state.cacheProblem;
    }
}

CatalogSet CatalogSet::loadCached(const QString &root, const CatalogConfig &config,
                                  const CatalogLoadOptions &options)
{
    CatalogSet set = CatalogLoaderPrivate::prepare(root, config, options);
    CatalogLoaderPrivate::loadLocal(set, options);
    return set;
}

qint64 CatalogSet::ageOf(const QDateTime &fetchedAt) const
{
    if (!fetchedAt.isValid())
        return -1;
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    return std::max<qint64>(0, fetchedAt.secsTo(now));
}

CatalogLookup CatalogSet::lookup(const QString &component, const QString &chart) const
{
    QStringList consulted;
    QStringList unavailable;
    for (const CatalogState &state : m_catalogs) {
        if (!state.available) {
            unavailable << state.entry.describe() + QStringLiteral(" (") + state.reason
                               + QLatin1Char(')');
            continue;
        }
        bool covers = false;
        QStringList versions;
        switch (state.entry.kind) {
        case CatalogEntry::Kind::HelmIndex: {
            const QString key = chart.isEmpty() ? component : chart;
            covers = state.entries.contains(key);
            versions = state.entries.value(key);
            break;
        }
        case CatalogEntry::Kind::GitTags:
            versions = GitTagCatalog::versionsFor(state.tags, state.entry.pattern, component);
            covers = !versions.isEmpty();
            break;
        case CatalogEntry::Kind::Seen:
            covers = state.entries.contains(component);
            versions = state.entries.value(component);
            break;
        }
        if (!covers) {
            consulted << state.entry.describe();
            continue;
        }
        CatalogLookup answer;
        answer.status = CatalogLookup::Status::Checked;
        answer.versions = versions;
        answer.source = state.entry.describe();
        answer.fetchedAt = state.fetchedAt;
        answer.ageSeconds = ageOf(state.fetchedAt);
        answer.reason = state.reason;
        return answer;
    }

    CatalogLookup answer;
    const QString name = chart.isEmpty() || chart == component
                             ? QStringLiteral("`%1`").arg(component)
                             : QStringLiteral("`%1` (chart `%2`)").arg(component, chart);
    if (m_catalogs.isEmpty()) {
        answer.reason = QStringLiteral("no catalogs are configured (`catalogs:` in .envdeck.yaml)");
        return answer;
    }
    answer.reason = QStringLiteral("no catalog lists %1").arg(name);
    if (!consulted.isEmpty())
        answer.reason
            += QStringLiteral(" (looked in: %1)").arg(consulted.join(QStringLiteral(", ")));
    if (!unavailable.isEmpty())
        answer.reason
            += QStringLiteral("; unavailable: %1").arg(unavailable.join(QStringLiteral("; ")));
    return answer;
}

} // namespace EnvDeck
