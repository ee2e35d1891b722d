// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/ResultCache.h"

#include "history/HistoryLogging.h"

#include <QHash>
#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

namespace EnvDeck::History {

namespace {

constexpr quint32 Magic = 0x45444834; // "EDH4"; a change of format changes it
constexpr int FieldCount = 10;
// Ten string indices, the kind, the time.
constexpr qsizetype RecordSize = FieldCount * sizeof(quint32) + sizeof(quint32) + sizeof(qint64);

class StringTable
{
public:
    quint32 index(const QString &text)
    {
        const auto found = m_indices.constFind(text);
        if (found != m_indices.cend())
            return *found;
        const auto index = quint32(m_strings.size());
        m_strings.append(text);
        m_indices.insert(text, index);
        return index;
    }
    const QStringList &strings() const { return m_strings; }

private:
    QStringList m_strings;
    QHash<QString, quint32> m_indices;
};

} // namespace

ResultCache::ResultCache(QSqlDatabase database)
    : m_database(std::move(database))
{}

Result<void> ResultCache::createTable()
{
    if (m_ready)
        return {};
    QSqlQuery query(m_database);
    for (const QString &table :
         {QStringLiteral("history_results (key TEXT PRIMARY KEY, data BLOB)"),
          QStringLiteral("history_configs (hash BLOB PRIMARY KEY, data BLOB)")}) {
        if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS ") + table))
            return Error(QStringLiteral("History cache: cannot create a table: %1")
                             .arg(query.lastError().text()));
    }
    m_ready = true;
    return {};
}

namespace {

// The layout, all little-endian: a header of six fields, the strings (a length and the UTF-16
// code units of each), the problems (four indices or numbers each), the event records. Read back
// by pointer, without a stream, so the blob is not copied again on the way.
struct Header
{
    quint32 magic = Magic;
    quint32 commitsTotal = 0;
    quint32 stringCount = 0;
    quint32 problemCount = 0;
    quint32 eventCount = 0;
    quint64 textSize = 0;
};
constexpr qsizetype HeaderSize = 5 * sizeof(quint32) + sizeof(quint64);
constexpr qsizetype ProblemSize = 4 * sizeof(quint32);

template<typename T>
void put(char *&at, T value)
{
    qToLittleEndian(value, at);
    at += sizeof(T);
}

template<typename T>
T take(const char *&at)
{
    const T value = qFromLittleEndian<T>(at);
    at += sizeof(T);
    return value;
}

} // namespace

QByteArray ResultCache::serialise(const HistoryResult &result)
{
    StringTable strings;
    QByteArray records(qsizetype(result.events.size()) * RecordSize, Qt::Uninitialized);
    char *at = records.data();
    for (const DeploymentEvent &event : result.events) {
        const QString *fields[FieldCount]
            = {&event.environment, &event.component, &event.from,        &event.to,
               &event.commit,      &event.author,    &event.authorEmail, &event.mergeRequest,
               &event.path,        &event.lockReason};
        for (const QString *field : fields)
            put(at, strings.index(*field));
        put(at, quint32(event.kind));
        put(at, qint64(event.date.toMSecsSinceEpoch()));
    }
    QByteArray problems(qsizetype(result.problems.size()) * ProblemSize, Qt::Uninitialized);
    at = problems.data();
    for (const Error &problem : result.problems) {
        put(at, strings.index(problem.message()));
        put(at, strings.index(problem.location().file));
        put(at, quint32(problem.location().line));
        put(at, quint32(problem.location().column));
    }
    QByteArray text;
    for (const QString &string : strings.strings()) {
        const qsizetype start = text.size();
        text.resize(start + qsizetype(sizeof(quint32)) + string.size() * 2);
        char *out = text.data() + start;
        put(out, quint32(string.size()));
        qToLittleEndian<quint16>(string.utf16(), string.size(), out);
    }

    QByteArray data(HeaderSize, Qt::Uninitialized);
    at = data.data();
    put(at, Magic);
    put(at, quint32(result.commitsTotal));
    put(at, quint32(strings.strings().size()));
    put(at, quint32(result.problems.size()));
    put(at, quint32(result.events.size()));
    put(at, quint64(text.size()));
    return data + text + problems + records;
}

std::optional<HistoryResult> ResultCache::deserialise(const QByteArray &data)
{
    if (data.size() < HeaderSize)
        return std::nullopt;
    const char *at = data.constData();
    const char *const end = at + data.size();
    Header header;
    header.magic = take<quint32>(at);
    header.commitsTotal = take<quint32>(at);
    header.stringCount = take<quint32>(at);
    header.problemCount = take<quint32>(at);
    header.eventCount = take<quint32>(at);
    header.textSize = take<quint64>(at);
    if (header.magic != Magic || header.textSize > quint64(end - at))
        return std::nullopt;
    const char *const textEnd = at + header.textSize;
    if (quint64(end - textEnd)
        != quint64(header.problemCount) * ProblemSize + quint64(header.eventCount) * RecordSize)
        return std::nullopt;

    QStringList strings;
    strings.reserve(qsizetype(header.stringCount));
    for (quint32 i = 0; i < header.stringCount; ++i) {
        if (textEnd - at < qsizetype(sizeof(quint32)))
            return std::nullopt;
        const auto length = qsizetype(take<quint32>(at));
        if (textEnd - at < length * 2)
            return std::nullopt;
        QString string(length, Qt::Uninitialized);
        qFromLittleEndian<quint16>(at, length, string.data());
        at += length * 2;
        strings.append(std::move(string));
    }
    if (at != textEnd)
        return std::nullopt;

    bool ok = true;
    const QString none;
    const auto text = [&](quint32 index) -> const QString & {
        if (index >= quint32(strings.size())) {
            ok = false;
            return none;
        }
        return strings.at(qsizetype(index));
    };
    HistoryResult result;
    result.commitsTotal = int(header.commitsTotal);
    for (quint32 i = 0; i < header.problemCount; ++i) {
        const quint32 message = take<quint32>(at);
        const quint32 file = take<quint32>(at);
        const int line = int(take<quint32>(at));
        const int column = int(take<quint32>(at));
        result.problems.append(Error(text(message), SourceLocation{text(file), line, column}));
    }
    // Each event is built once in place: resizing first would write the megabytes of default
    // events and then write them again.
    result.events.reserve(qsizetype(header.eventCount));
    // Most commits give several events with the same time: the last one is reused.
    qint64 lastTime = 0;
    QDateTime lastDate = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    for (quint32 i = 0; i < header.eventCount; ++i) {
        DeploymentEvent &event = result.events.emplace_back();
        QString *fields[FieldCount]
            = {&event.environment, &event.component, &event.from,        &event.to,
               &event.commit,      &event.author,    &event.authorEmail, &event.mergeRequest,
               &event.path,        &event.lockReason};
        for (QString *field : fields) {
            // Most events leave some fields empty; the others share the table's strings (an
            // inline copy and a move, not the out-of-line copy assignment).
            if (const QString &value = text(take<quint32>(at)); !value.isEmpty())
                *field = QString(value);
        }
        const auto kind = take<quint32>(at);
        if (kind > quint32(DeploymentEvent::Kind::Approval))
            ok = false;
        event.kind = DeploymentEvent::Kind(kind);
        const auto time = take<qint64>(at);
        if (time != lastTime) {
            lastTime = time;
            lastDate = QDateTime::fromMSecsSinceEpoch(time, Qt::UTC);
        }
        event.date = lastDate;
    }
    if (!ok)
        return std::nullopt;
    return result;
}

std::optional<HistoryResult> ResultCache::load(const QString &key)
{
    if (!createTable())
        return std::nullopt;
    QSqlQuery query(m_database);
    query.prepare(QStringLiteral("SELECT data FROM history_results WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return std::nullopt;
    auto result = deserialise(query.value(0).toByteArray());
    if (!result)
        qCWarning(lcHistory) << "the stored history result cannot be read; assembling it again";
    return result;
}

Result<void> ResultCache::store(const QString &key, const HistoryResult &result)
{
    if (auto ready = createTable(); !ready)
        return ready;
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("DELETE FROM history_results")))
        return Error(QStringLiteral("History cache: %1").arg(query.lastError().text()));
    query.prepare(QStringLiteral("INSERT INTO history_results (key, data) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(serialise(result));
    if (!query.exec())
        return Error(QStringLiteral("History cache: cannot store the result: %1")
                         .arg(query.lastError().text()));
    return {};
}

std::optional<QList<Environment>> ResultCache::loadEnvironments(const QByteArray &configHash)
{
    if (!createTable())
        return std::nullopt;
    QSqlQuery query(m_database);
    query.prepare(QStringLiteral("SELECT data FROM history_configs WHERE hash = ?"));
    query.addBindValue(configHash);
    if (!query.exec() || !query.next())
        return std::nullopt;
    // Three strings per environment, each a length and UTF-16 code units.
    const QByteArray data = query.value(0).toByteArray();
    const char *at = data.constData();
    const char *const end = at + data.size();
    QList<Environment> environments;
    while (at < end) {
        Environment environment;
        for (QString *field : {&environment.name, &environment.path, &environment.versionsFile}) {
            if (end - at < qsizetype(sizeof(quint32)))
                return std::nullopt;
            const auto length = qsizetype(take<quint32>(at));
            if (end - at < length * 2)
                return std::nullopt;
            *field = QString(length, Qt::Uninitialized);
            qFromLittleEndian<quint16>(at, length, field->data());
            at += length * 2;
        }
        environments.append(environment);
    }
    return environments;
}

Result<void> ResultCache::storeEnvironments(const QByteArray &configHash,
                                            const QList<Environment> &environments)
{
    if (auto ready = createTable(); !ready)
        return ready;
    QByteArray data;
    for (const Environment &environment : environments) {
        for (const QString *field :
             {&environment.name, &environment.path, &environment.versionsFile}) {
            const qsizetype start = data.size();
            data.resize(start + qsizetype(sizeof(quint32)) + field->size() * 2);
            char *out = data.data() + start;
            put(out, quint32(field->size()));
            qToLittleEndian<quint16>(field->utf16(), field->size(), out);
        }
    }
    QSqlQuery query(m_database);
    query.prepare(
        QStringLiteral("INSERT OR REPLACE INTO history_configs (hash, data) VALUES (?, ?)"));
    query.addBindValue(configHash);
    query.addBindValue(data);
    if (!query.exec())
        return Error(QStringLiteral("History cache: cannot store the environments: %1")
                         .arg(query.lastError().text()));
    return {};
}

Result<void> ResultCache::clear()
{
    if (auto ready = createTable(); !ready)
        return ready;
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("DELETE FROM history_results")))
        return Error(QStringLiteral("History cache: %1").arg(query.lastError().text()));
    return {};
}

} // namespace EnvDeck::History
