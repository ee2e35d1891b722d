// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace EnvDeck::History {

struct QuickComponent
{
    QString version;
    bool locked = false;
    QString lockReason;

    friend bool operator==(const QuickComponent &, const QuickComponent &) = default;
};

// Reads the components of a versions file written in the plain shape EnvDeck and people write
// them (block maps of `version:`, `locked:`, `lock_reason:`, one-line flow maps, comments) in a
// single pass over the bytes, for the history walk, which reads tens of thousands of them:
// yaml-cpp takes most of a scan's time. Anything outside that shape (anchors, tags, block
// scalars, quotes with escapes, duplicate keys, an entry without a version, multi-line flow
// collections, tabs) gives nullopt, and the caller reads the file with the full YAML reader. On
// the files it accepts it gives exactly what VersionDocument gives (tested on every versions file
// of the demo's history).
std::optional<QHash<QString, QuickComponent>> readVersionsQuickly(const QByteArray &bytes);

} // namespace EnvDeck::History
