// SPDX-License-Identifier: GPL-3.0-or-later
// NameCache: the names of a parse as shared, never freed raw data (see HclParserPrivate.h).
#include "hcl/HclParserPrivate.h"

#include <QMutex>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace EnvDeck::Hcl {

namespace {

// The process-wide store behind NameCache: append-only chunks, never freed (the object is
// never destroyed, so names stay valid even in static destructors), deduplicated.
class NamePool
{
public:
    // The stored copy of a name, or null when the pool is full.
    const char *store(const char *data, qsizetype size)
    {
        const std::string_view name(data, size_t(size));
        QMutexLocker lock(&m_mutex);
        if (const auto it = m_index.find(name); it != m_index.end())
            return it->second;
        const size_t needed = size_t(size) + 1;
        if (m_chunkUsed + needed > ChunkSize) {
            if (m_chunks >= MaxChunks)
                return nullptr;
            m_chunk = new char[ChunkSize]; // owned by the pool for the life of the process
            ++m_chunks;
            m_chunkUsed = 0;
        }
        char *copy = m_chunk + m_chunkUsed;
        std::memcpy(copy, data, size_t(size));
        copy[size] = '\0';
        m_chunkUsed += needed;
        m_index.emplace(std::string_view(copy, size_t(size)), copy);
        return copy;
    }

private:
    static constexpr size_t ChunkSize = 64 * 1024;
    static constexpr int MaxChunks = 64; // 4 MB of names at most
    QMutex m_mutex;
    std::unordered_map<std::string_view, const char *> m_index;
    char *m_chunk = nullptr;
    size_t m_chunkUsed = ChunkSize;
    int m_chunks = 0;
};

// memcmp for the short names of NameCache, without a library call.
bool sameBytes(const char *a, const char *b, qsizetype size)
{
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 x;
        quint64 y;
        std::memcpy(&x, a + i, 8);
        std::memcpy(&y, b + i, 8);
        if (x != y)
            return false;
    }
    for (; i < size; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

NamePool &namePool()
{
    static NamePool *const pool = new NamePool; // never destroyed, see NamePool
    return *pool;
}

} // namespace

QByteArray NameCache::get(const char *data, qsizetype size)
{
    if (size <= 0)
        return QByteArray();
    if (size > MaxLength)
        return QByteArray(data, size);
    // eight bytes at a time: most names are short
    quint64 h = quint64(size) * 0x9E3779B97F4A7C15ull;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, 8);
        h = (h ^ word) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    if (i < size) {
        quint64 word = 0;
        for (int shift = 0; i < size; ++i, shift += 8)
            word |= quint64(static_cast<unsigned char>(data[i])) << shift;
        h = (h ^ word) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    const auto hash = quint32(h ^ (h >> 32));
    size_t index = hash & (SlotCount - 1);
    for (int probe = 0; probe < MaxProbes; ++probe, index = (index + 1) & (SlotCount - 1)) {
        Slot &slot = m_slots[index];
        if (!slot.bytes) {
            const char *bytes = namePool().store(data, size);
            if (!bytes)
                return QByteArray(data, size);
            bool cleared = false;
            if (m_used >= MaxUsed) { // full: start over, the common names come back first
                std::fill(m_slots.begin(), m_slots.end(), Slot{});
                m_used = 0;
                cleared = true;
            }
            Slot &fresh = cleared ? m_slots[hash & (SlotCount - 1)] : slot;
            fresh = Slot{hash, quint32(size), bytes};
            ++m_used;
            return QByteArray::fromRawData(bytes, size);
        }
        if (slot.hash == hash && slot.size == quint32(size) && sameBytes(slot.bytes, data, size))
            return QByteArray::fromRawData(slot.bytes, size);
    }
    return QByteArray(data, size);
}

} // namespace EnvDeck::Hcl
