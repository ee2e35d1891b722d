// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A seeded generator of random, well-formed HCL2 files for differential tests (tst_hcl2json):
// bodies with attributes and nested blocks (0-2 labels, one-line blocks), comments, and
// expressions of bounded depth over every construct (literals, strings with escapes, templates
// with interpolations and %{if}/%{for} directives and strip markers, heredocs, tuples, objects,
// traversals, splats, calls, for expressions, conditionals, operators, parentheses).
// Deterministic: the same seed gives the same bytes on every platform (own xoshiro256**, no
// std distributions). Also accepted by HashiCorp's converter (no `-true`, no block type used
// with and without labels, no attribute and block of the same name).

#include <QByteArray>
#include <QList>

#include <functional>

namespace EnvDeck::HclTest {

class Rng
{
public:
    explicit Rng(quint64 seed);
    quint64 next();
    // Uniform in [0, n) (n > 0).
    quint32 below(quint32 n);
    // true with probability percent/100.
    bool chance(quint32 percent) { return below(100) < percent; }

private:
    quint64 m_s[4];
};

struct GeneratedFile
{
    quint64 seed = 0;
    QList<QByteArray> items; // top-level attributes, blocks and comments, each a whole chunk
    bool finalNewline = true;

    QByteArray text() const;
};

GeneratedFile generate(quint64 seed);

// Joins items into a file (each item already ends with a newline unless it is the last one and
// finalNewline is false).
QByteArray render(const QList<QByteArray> &items, bool finalNewline = true);

// Removes items greedily (halves first, then one at a time) while stillFails(render(items))
// stays true; returns the smallest list found.
QList<QByteArray> shrink(QList<QByteArray> items,
                         const std::function<bool(const QByteArray &)> &stillFails);

} // namespace EnvDeck::HclTest
