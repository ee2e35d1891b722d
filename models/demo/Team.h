// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/Random.h"

#include <QList>
#include <QString>

namespace EnvDeck::Demo {

inline constexpr qint64 SecondsPerHour = 3600;
inline constexpr qint64 SecondsPerDay = 24 * SecondsPerHour;

// One of the people in the demo team, with the time zone their commits carry.
struct Person
{
    QString name;
    QString email;
    int offsetMinutes = 0;
};

// Indexes into team().
enum TeamMember { Priya, Jonas, Maria, Tom, Lena, Kenji, Sofia };

// Priya Natarajan (QA), Jonas Becker (architect), Maria Silva, Tom Okafor (platform), Lena Fischer
// (release manager), Kenji Watanabe and Sofia Rossi, all @example.io.
const QList<Person> &team();

struct Timeline
{
    // Commit times on weekdays in working hours: strictly increasing UTC seconds, the last one
    // exactly at the end, the first about spanDays earlier.
    QList<qint64> times;
    // The same moments as seconds since the start of the history, from the seed alone. The story
    // decides by this clock ("two days since the last approval"), so the same seed tells the same
    // story whatever the end time; only the dates differ.
    QList<qint64> clock;
};

Timeline workingTimes(int count, qint64 end, int spanDays, Random &random);

// "modules/postgres: enable geo-redundant backups" -> "feature/postgres-enable-geo-redundant"
QString branchName(const QString &title);

} // namespace EnvDeck::Demo
