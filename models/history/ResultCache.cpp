// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/ResultCache.h"

#include "history/HistoryLogging.h"

#include <QDataStream>
#include <QHash>
#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

namespace EnvDeck::History {

namespace {

constexpr quint32 Magic = 0x45444833; // "EDH3"; a change of format changes it
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
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS history_results (key TEXT PRIMARY "
                                   "KEY, data BLOB)")))
        return Error(QStringLiteral("History cache: cannot create the results table: %1")
                         .arg(query.lastError().text()));
    m_ready = true;
    return {};
}

QByteArray ResultCache::serialise(const HistoryResult &result)
{
    StringTable strings;
    // Events as fixed-size little-endian records: read back by pointer, without a stream.
    QByteArray records(qsizetype(result.events.size()) * RecordSize, Qt::Uninitialized);
    char *at = records.data();
    for (const DeploymentEvent &event : result.events) {
        const QString *fields[FieldCount]
            = {&event.environment, &event.component, &event.from,        &event.to,
               &event.commit,      &event.author,    &event.authorEmail, &event.mergeRequest,
               &event.path,        &event.lockReason};
        for (const QString *field : fields) {
            qToLittleEndian(strings.index(*field), at);
            at += sizeof(quint32);
        }
        qToLittleEndian(quint32(event.kind), at);
        at += sizeof(quint32);
        qToLittleEndian(qint64(event.date.toMSecsSinceEpoch()), at);
        at += sizeof(qint64);
    }
    QList<quint32> problems;
    for (const Error &problem : result.problems)
        problems << strings.index(problem.message()) << strings.index(problem.location().file)
                 << quint32(problem.location().line) << quint32(problem.location().column);
    // The strings likewise: a length and the UTF-16 code units of each, one after the other.
    QByteArray text;
    for (const QString &string : strings.strings()) {
        const qsizetype start = text.size();
        text.resize(start + qsizetype(sizeof(quint32)) + string.size() * 2);
        char *out = text.data() + start;
        qToLittleEndian(quint32(string.size()), out);
        qToLittleEndian<quint16>(string.utf16(), string.size(), out + sizeof(quint32));
    }
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out << Magic << qint32(result.commitsTotal) << quint32(strings.strings().size()) << text
        << problems << quint32(result.events.size()) << records;
    return data;
}

std::optional<HistoryResult> ResultCache::deserialise(const QByteArray &data)
{
    QDataStream in(data);
    quint32 magic = 0;
    qint32 total = 0;
    quint32 stringCount = 0;
    QByteArray textData;
    QList<quint32> problems;
    quint32 count = 0;
    QByteArray records;
    in >> magic;
    if (magic != Magic)
        return std::nullopt;
    in >> total >> stringCount >> textData >> problems >> count >> records;
    if (in.status() != QDataStream::Ok || records.size() != qsizetype(count) * RecordSize
        || problems.size() % 4 != 0 || qsizetype(stringCount) > textData.size())
        return std::nullopt;
    QStringList strings;
    strings.reserve(qsizetype(stringCount));
    const char *next = textData.constData();
    const char *const end = next + textData.size();
    for (quint32 i = 0; i < stringCount; ++i) {
        if (end - next < qsizetype(sizeof(quint32)))
            return std::nullopt;
        const auto length = qsizetype(qFromLittleEndian<quint32>(next));
        next += sizeof(quint32);
        if (end - next < length * 2)
            return std::nullopt;
        QString string(length, Qt::Uninitialized);
        qFromLittleEndian<quint16>(next, length, string.data());
        next += length * 2;
        strings.append(std::move(string));
    }
    bool ok = true;
    const auto text = [&](quint32 index) {
        if (index >= quint32(strings.size())) {
            ok = false;
            return QString();
        }
        return strings.at(qsizetype(index));
    };
    HistoryResult result;
    result.commitsTotal = total;
    result.events.resize(qsizetype(count));
    const char *at = records.constData();
    for (DeploymentEvent &event : result.events) {
        QString *fields[FieldCount]
            = {&event.environment, &event.component, &event.from,        &event.to,
               &event.commit,      &event.author,    &event.authorEmail, &event.mergeRequest,
               &event.path,        &event.lockReason};
        for (QString *field : fields) {
            *field = text(qFromLittleEndian<quint32>(at));
            at += sizeof(quint32);
        }
        const auto kind = qFromLittleEndian<quint32>(at);
        at += sizeof(quint32);
        if (kind > quint32(DeploymentEvent::Kind::Approval))
            ok = false;
        event.kind = DeploymentEvent::Kind(kind);
        event.date = QDateTime::fromMSecsSinceEpoch(qFromLittleEndian<qint64>(at), Qt::UTC);
        at += sizeof(qint64);
    }
    for (qsizetype i = 0; i + 3 < problems.size(); i += 4)
        result.problems.append(
            Error(text(problems[i]), SourceLocation{text(problems[i + 1]), int(problems[i + 2]),
                                                    int(problems[i + 3])}));
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
