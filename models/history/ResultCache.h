// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "history/HistoryScanner.h"
#include "repo/Environment.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace EnvDeck::History {

// The last assembled history, kept whole beside the per-commit tables: reopening a repository
// whose HEAD has not moved reads one row instead of every commit and event. `key` names what the
// result depends on besides the commits: the tip and the environments followed (folders and
// names). Strings are stored once each and events as indices into them, so reading 50,000 events
// allocates a few thousand strings, not half a million.
class ResultCache
{
public:
    explicit ResultCache(QSqlDatabase database);

    std::optional<HistoryResult> load(const QString &key);
    // Replaces the stored result (one is kept).
    Result<void> store(const QString &key, const HistoryResult &result);
    Result<void> clear();

    // The environments .envdeck.yaml names (name, path, versions file), by the SHA-256 of the
    // file's bytes; several are kept, since branches may differ.
    std::optional<QList<Environment>> loadEnvironments(const QByteArray &configHash);
    Result<void> storeEnvironments(const QByteArray &configHash,
                                   const QList<Environment> &environments);

    static QByteArray serialise(const HistoryResult &result);
    static std::optional<HistoryResult> deserialise(const QByteArray &data);

private:
    Result<void> createTable();

    QSqlDatabase m_database;
    bool m_ready = false;
};

} // namespace EnvDeck::History
