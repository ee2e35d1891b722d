// SPDX-License-Identifier: GPL-3.0-or-later
#include "Team.h"

#include <QDateTime>

#include <algorithm>

namespace EnvDeck::Demo {
namespace {

// Working hours in UTC: 07:30-16:45 is a working day for people between UTC+0 and UTC+2.
constexpr qint64 WorkStart = 7 * SecondsPerHour + 30 * 60;
constexpr qint64 WorkEnd = 16 * SecondsPerHour + 45 * 60;

QString slug(const QString &text, int maxLength)
{
    QString out;
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber())
            out += c;
        else if (!out.endsWith(QLatin1Char('-')))
            out += QLatin1Char('-');
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    if (out.size() > maxLength) {
        // Cut at a word boundary, as people shorten branch names.
        const qsizetype cut = out.lastIndexOf(QLatin1Char('-'), maxLength);
        out = out.left(cut > 8 ? cut : maxLength);
    }
    return out;
}

} // namespace

const QList<Person> &team()
{
    static const QList<Person> list = {
        {QStringLiteral("Priya Natarajan"), QStringLiteral("priya.natarajan@example.io"), 60},
        {QStringLiteral("Jonas Becker"), QStringLiteral("jonas.becker@example.io"), 60},
        {QStringLiteral("Maria Silva"), QStringLiteral("maria.silva@example.io"), 0},
        {QStringLiteral("Tom Okafor"), QStringLiteral("tom.okafor@example.io"), 0},
        {QStringLiteral("Lena Fischer"), QStringLiteral("lena.fischer@example.io"), 60},
        {QStringLiteral("Kenji Watanabe"), QStringLiteral("kenji.watanabe@example.io"), 60},
        {QStringLiteral("Sofia Rossi"), QStringLiteral("sofia.rossi@example.io"), 120},
    };
    return list;
}

QString branchName(const QString &title)
{
    QString subject = title.section(u'\n', 0, 0);
    if (subject.startsWith(u"modules/"))
        subject = subject.mid(8);
    return QStringLiteral("feature/") + slug(subject, 48);
}

Timeline workingTimes(int count, qint64 end, int spanDays, Random &random)
{
    const qint64 span = qint64(spanDays) * SecondsPerDay;
    const qint64 start = end - span;
    struct Window
    {
        qint64 from;
        qint64 to;
    };
    QList<Window> windows;
    qint64 total = 0;
    for (qint64 day = start - start % SecondsPerDay; day <= end; day += SecondsPerDay) {
        const int weekday = QDateTime::fromSecsSinceEpoch(day, Qt::UTC).date().dayOfWeek();
        if (weekday > 5)
            continue;
        const qint64 from = qMax(day + WorkStart, start);
        const qint64 to = qMin(day + WorkEnd, end - 60);
        if (to > from) {
            windows.append({from, to});
            total += to - from;
        }
    }

    // Where each commit falls, as a fraction of the history: drawn from the seed alone, so that
    // the story (which reads the clock) does not depend on the calendar the end time lands in.
    constexpr double Scale = double(1ULL << 52);
    QList<quint64> fractions;
    fractions.reserve(count - 2);
    for (int i = 0; i < count - 2; ++i)
        fractions.append(random.next() >> 12);
    std::sort(fractions.begin(), fractions.end());

    Timeline timeline;
    timeline.times.reserve(count);
    timeline.clock.reserve(count);
    // The import happens on the first working morning; the rest fall anywhere in working hours.
    timeline.times.append(windows.isEmpty() ? start : windows.first().from + 17 * 60);
    timeline.clock.append(0);
    qsizetype w = 0;
    qint64 base = 0; // working seconds before windows[w]
    for (const quint64 fraction : std::as_const(fractions)) {
        timeline.clock.append(qint64(double(fraction) / Scale * double(span)));
        if (windows.isEmpty()) {
            timeline.times.append(start + timeline.clock.last());
            continue;
        }
        const qint64 offset = qMin(total - 1, qint64(double(fraction) / Scale * double(total)));
        while (offset >= base + (windows.at(w).to - windows.at(w).from)) {
            base += windows.at(w).to - windows.at(w).from;
            ++w;
        }
        timeline.times.append(windows.at(w).from + (offset - base));
    }
    timeline.times.append(end);
    timeline.clock.append(span);
    // Strictly increasing: push ties forward, then pull anything that ran into `end` back.
    QList<qint64> &times = timeline.times;
    for (qsizetype i = 1; i + 1 < times.size(); ++i)
        times[i] = qMax(times.at(i), times.at(i - 1) + 1);
    for (qsizetype i = times.size() - 2; i >= 1; --i)
        times[i] = qMin(times.at(i), times.at(i + 1) - 1);
    return timeline;
}

} // namespace EnvDeck::Demo
