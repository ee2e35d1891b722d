// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

namespace EnvDeck::Versions {

// A YAML document as a tree of byte ranges in its original text, built from yaml-cpp's parser
// events. yaml-cpp's own nodes resolve aliases, forget quoting and keep only a start mark; the
// surgical editor needs to know where every value starts and ends, how it is quoted, whether a
// collection is written in flow or block style and which values are aliases.
struct YamlNode
{
    enum class Kind { Null, Scalar, Map, Sequence, Alias };
    enum class Style { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

    Kind kind = Kind::Null;
    Style style = Style::Plain; // scalars (and explicit nulls like `~`) only
    bool flow = false;          // collections: `{ }` / `[ ]`
    bool tagged = false;        // written with a tag (`!!str 1.10`): the tag decides the type
    qsizetype mark = 0;         // where yaml-cpp puts the node: its anchor or tag if it has one
    qsizetype start = 0;        // first byte of the value itself (quotes included)
    qsizetype end = 0;  // one past its last byte; start == end for an empty value; -1: unknown
    std::string value;  // scalars
    std::string anchor; // `&name` written on this node
    int aliasOf = -1;   // aliases: the anchored node
    int parent = -1;
    std::vector<int> children; // maps: key, value, key, value, ...; sequences: items
    qsizetype colon = -1;      // map values: the `:` between key and value
};

class YamlTree
{
public:
    // Parses the first document of `bytes`. yaml-cpp's exceptions become an Error at
    // `displayPath:line:column`.
    static Result<YamlTree> parse(const QByteArray &bytes, const QString &displayPath);

    int root() const { return m_root; } // -1 for an empty document
    const YamlNode &node(int index) const { return m_nodes.at(size_t(index)); }
    int nodeCount() const { return int(m_nodes.size()); }

    // The value of `key` in the map `map`, or -1. The first one wins, as in yaml-cpp.
    int valueOf(int map, const std::string &key) const;
    // The key node whose value is `value` (a map child), or -1.
    int keyOf(int value) const;

    // 1-based line and byte column of a byte offset.
    SourceLocation locationAt(qsizetype offset, const QString &displayPath) const;
    // Byte offsets of the line containing `offset`: its first byte, and its end before "\r\n"/"\n".
    qsizetype lineStart(qsizetype offset) const;
    qsizetype lineEnd(qsizetype offset) const;
    // One past the line break that ends the line containing `offset` (or the end of the text).
    qsizetype nextLineStart(qsizetype offset) const;
    // The column (0-based bytes) of `offset` within its line.
    qsizetype columnOf(qsizetype offset) const { return offset - lineStart(offset); }
    // "\r\n" when the document's first line break is one, "\n" otherwise.
    QByteArray newline() const;

    const QByteArray &bytes() const { return m_bytes; }
    // True when a node lies inside a `{ }` or `[ ]` collection.
    bool insideFlow(int index) const;
    // Follows aliases to the anchored node (at most a few steps; -1 for a dangling alias).
    int resolved(int index) const;

private:
    friend class YamlTreeBuilder;
    void measure(int index, qsizetype parentIndent);
    qsizetype plainEnd(const YamlNode &node, bool inFlow) const; // -1 when not found
    qsizetype quotedEnd(qsizetype start, char quote) const;
    // The end of `~`, `null`, `Null` or `NULL` written at `offset`; `offset` when there is none.
    qsizetype nullWordEnd(qsizetype offset) const;
    qsizetype blockScalarEnd(qsizetype start, qsizetype parentIndent) const;

    QByteArray m_bytes;
    std::vector<qsizetype> m_lineStarts; // byte offset of each line, for locations
    std::vector<YamlNode> m_nodes;
    int m_root = -1;
};

} // namespace EnvDeck::Versions
