// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

#include <array>

namespace EnvDeck::Demo {

// xoshiro256** seeded through splitmix64. The demo generator's only source of chance: std::
// distributions are implementation-defined, and the same seed must give the same repository on
// every platform and compiler.
class Random
{
public:
    explicit Random(quint64 seed)
    {
        quint64 x = seed;
        for (quint64 &word : m_state)
            word = splitmix64(x);
    }

    // An independent stream for one purpose ("layout", "history", ...), so that drawing more
    // numbers in one part never shifts what another part draws.
    static Random stream(quint64 seed, quint64 purpose)
    {
        quint64 x = seed ^ (purpose * 0x9E3779B97F4A7C15ULL);
        return Random(splitmix64(x));
    }

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // 0 <= result < bound (0 when bound <= 1).
    int below(int bound)
    {
        if (bound <= 1)
            return 0;
        return int(next() % quint64(bound));
    }
    qint64 below64(qint64 bound) { return bound <= 1 ? 0 : qint64(next() % quint64(bound)); }
    // low <= result <= high
    int between(int low, int high) { return low + below(high - low + 1); }
    bool percent(int chance) { return below(100) < chance; }

    template<typename T>
    const T &pick(const QList<T> &list)
    {
        return list.at(below(int(list.size())));
    }

    // Index into `weights` chosen with probability proportional to its weight; -1 if all are 0.
    int weighted(const QList<int> &weights)
    {
        int total = 0;
        for (int w : weights)
            total += w > 0 ? w : 0;
        if (total == 0)
            return -1;
        int roll = below(total);
        for (int i = 0; i < weights.size(); ++i) {
            if (weights.at(i) <= 0)
                continue;
            if (roll < weights.at(i))
                return i;
            roll -= weights.at(i);
        }
        return -1;
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    static quint64 splitmix64(quint64 &x)
    {
        quint64 z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    std::array<quint64, 4> m_state{};
};

} // namespace EnvDeck::Demo
