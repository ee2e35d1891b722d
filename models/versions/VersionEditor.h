// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to models/versions: the helpers of VersionDocument's edits.
#include "versions/VersionDocument.h"
#include "versions/YamlText.h"
#include "versions/YamlTree.h"

#include <algorithm>

namespace EnvDeck {

using Versions::YamlNode;
using Versions::YamlTree;
namespace YamlText = Versions::YamlText;

// Where things are in the current tree, and the text of new lines in the file's own style.
class VersionDocument::Editor
{
public:
    explicit Editor(const VersionDocument &document)
        : m_document(document)
        , m_tree(*document.m_tree)
        , m_bytes(m_tree.bytes())
        , m_newline(m_tree.newline())
    {}

    struct Located
    {
        int section = -1; // the section's map
        int key = -1;
        int value = -1; // as written (may be an alias)
        bool thirdParty = false;
    };

    const YamlNode &node(int index) const { return m_tree.node(index); }
    const YamlTree &tree() const { return m_tree; }
    const QByteArray &newline() const { return m_newline; }

    Result<Located> locate(const QString &name) const
    {
        const int root = m_tree.root();
        const std::string key = name.toStdString();
        for (const bool thirdParty : {false, true}) {
            const int section
                = m_tree.resolved(m_tree.valueOf(root, thirdParty ? "third_party" : "components"));
            if (section < 0 || node(section).kind != YamlNode::Kind::Map)
                continue;
            const std::vector<int> &children = node(section).children;
            for (size_t k = 0; k + 1 < children.size(); k += 2) {
                if (node(children[k]).kind == YamlNode::Kind::Scalar
                    && node(children[k]).value == key)
                    return Located{section, children[k], children[k + 1], thirdParty};
            }
        }
        return Error(QStringLiteral("there is no component `%1`").arg(name),
                     SourceLocation{m_document.m_displayPath});
    }

    // The quote a new value gets when it must be quoted: the one the file uses most, else '"'.
    char preferredQuote() const
    {
        int single = 0;
        int dbl = 0;
        for (int i = 0; i < m_tree.nodeCount(); ++i) {
            single += node(i).style == YamlNode::Style::SingleQuoted;
            dbl += node(i).style == YamlNode::Style::DoubleQuoted;
        }
        return single > dbl ? '\'' : '"';
    }

    Result<QByteArray> render(const QString &text, int replaced) const
    {
        const bool inFlow = replaced >= 0 && m_tree.insideFlow(replaced);
        const YamlNode::Style style = replaced >= 0 && node(replaced).kind == YamlNode::Kind::Scalar
                                          ? node(replaced).style
                                          : YamlNode::Style::Plain;
        return YamlText::render(text, style, inFlow, preferredQuote(),
                                replaced >= 0 && node(replaced).tagged);
    }

    Result<QByteArray> renderNew(const QString &text, bool inFlow) const
    {
        return YamlText::render(text, YamlNode::Style::Plain, inFlow, preferredQuote());
    }

    Result<void> editable(int index) const
    {
        if (index >= 0 && node(index).end >= 0)
            return {};
        return Error(QStringLiteral("EnvDeck cannot tell where this value ends; edit it by hand"),
                     location(index));
    }

    SourceLocation location(int index) const
    {
        return m_tree.locationAt(index >= 0 ? node(index).start : 0, m_document.m_displayPath);
    }

    // Replaces a value (or fills an empty one) with `rendered`.
    Patch replace(int value, const QByteArray &rendered) const
    {
        const YamlNode &n = node(value);
        if (n.kind == YamlNode::Kind::Null && n.start == n.end)
            return Patch{n.start, 0, ' ' + rendered};
        return Patch{n.start, n.end - n.start, rendered};
    }

    // The indentation of a block map's keys, as spaces.
    QByteArray indentOf(int map) const
    {
        const int first = node(map).children.empty() ? map : node(map).children.front();
        return QByteArray(m_tree.columnOf(node(first).start), ' ');
    }

    // Inserts `pairs` ("key: value" each) after the pair whose value is `after` (-1: before the
    // first pair) in `map`, as lines of a block map or inside the braces of a flow map.
    Patch insertPairs(int map, int after, const QList<QByteArray> &pairs) const
    {
        const YamlNode &m = node(map);
        if (m.flow) {
            const QByteArray comma = separatorOf(map);
            if (m.children.empty())
                return Patch{m.start + 1, m.end - m.start - 2, ' ' + pairs.join(comma) + ' '};
            if (after < 0)
                return Patch{node(m.children.front()).start, 0, pairs.join(comma) + comma};
            return Patch{node(after).end, 0, comma + pairs.join(comma)};
        }
        QByteArray lines;
        for (const QByteArray &pair : pairs)
            lines += indentOf(map) + pair + m_newline;
        if (after < 0)
            return Patch{m_tree.lineStart(node(m.children.front()).start), 0, lines};
        return insertLinesAfter(node(after).end, lines);
    }

    // What separates the pairs of a flow map: "," or ", " as the file writes it.
    QByteArray separatorOf(int map) const
    {
        const std::vector<int> &children = node(map).children;
        if (children.size() < 4 || node(children[1]).end < 0)
            return ", ";
        const QByteArray between
            = m_bytes.mid(node(children[1]).end, node(children[2]).mark - node(children[1]).end);
        return between == "," ? QByteArray(",") : QByteArray(", ");
    }

    // `lines` (each ending with a line break) placed after the line holding `offset`. At the end
    // of a file without a final line break the break moves in front, so the file still ends
    // without one.
    Patch insertLinesAfter(qsizetype offset, const QByteArray &lines) const
    {
        const qsizetype next = m_tree.nextLineStart(offset);
        if (next == m_bytes.size() && !m_bytes.endsWith('\n'))
            return Patch{next, 0, m_newline + lines.left(lines.size() - m_newline.size())};
        return Patch{next, 0, lines};
    }

    // Removes pairs of `map` given by the indices of their keys among its children: whole lines in
    // a block map, the pair and one comma in a flow map.
    Result<QList<Patch>> removePairs(int map, QList<size_t> pairIndices) const
    {
        std::sort(pairIndices.begin(), pairIndices.end());
        const YamlNode &m = node(map);
        QList<Patch> patches;
        if (!m.flow) {
            for (const size_t i : pairIndices) {
                const int key = m.children[i];
                const int value = m.children[i + 1];
                if (auto ok = editable(value); !ok)
                    return ok.error();
                const qsizetype begin = m_tree.lineStart(node(key).mark);
                if (QByteArray(m_bytes.mid(begin, node(key).mark - begin)).trimmed().size() != 0)
                    return Error(QStringLiteral("the key does not start its line"), location(key));
                const qsizetype end
                    = m_tree.nextLineStart(std::max(node(value).end, node(key).end));
                patches.append(Patch{begin, end - begin, {}});
            }
            return patches;
        }
        // Flow map: merge neighbouring pairs into runs, then remove each run with one comma.
        for (qsizetype r = 0; r < pairIndices.size();) {
            qsizetype last = r;
            while (last + 1 < pairIndices.size() && pairIndices[last + 1] == pairIndices[last] + 2)
                ++last;
            const size_t firstPair = pairIndices[r];
            const size_t lastPair = pairIndices[last];
            qsizetype begin = node(m.children[firstPair]).mark;
            qsizetype end = node(m.children[lastPair + 1]).end;
            if (end < 0)
                return Error(QStringLiteral("EnvDeck cannot tell where this value ends"),
                             location(m.children[lastPair + 1]));
            qsizetype q = end;
            while (q < m_bytes.size() && (m_bytes.at(q) == ' ' || m_bytes.at(q) == '\t'))
                ++q;
            if (q < m_bytes.size() && m_bytes.at(q) == ',') {
                end = q + 1;
                while (end < m_bytes.size() && (m_bytes.at(end) == ' ' || m_bytes.at(end) == '\t'))
                    ++end;
            } else if (firstPair > 0) {
                begin = node(m.children[firstPair - 1]).end;
            } else {
                end = q;
            }
            patches.append(Patch{begin, end - begin, {}});
            r = last + 1;
        }
        return patches;
    }

    Error aliasError(const QString &component, int alias) const
    {
        const YamlNode &alias_ = node(alias);
        const int target = alias_.aliasOf;
        return Error(QStringLiteral("the version of `%1` is an alias (`%2`) of the value at line "
                                    "%3; EnvDeck does not edit it because the anchor may be "
                                    "shared: change the anchor or replace the alias by hand")
                         .arg(component, QString::fromUtf8(
                                             m_bytes.mid(alias_.start, alias_.end - alias_.start)))
                         .arg(target >= 0 ? location(target).line : 0),
                     location(alias));
    }

    // The value after which `locked` goes: after version/chart/repository, as the product brief
    // and the demo repository write it; else after the last pair.
    int lockAnchor(int map) const
    {
        int anchor = -1;
        for (const char *key : {"version", "chart", "repository"}) {
            const int value = m_tree.valueOf(map, key);
            if (value >= 0 && (anchor < 0 || node(value).start > node(anchor).start))
                anchor = value;
        }
        return anchor >= 0 ? anchor : node(map).children.back();
    }

    size_t pairIndex(int map, int key) const
    {
        const std::vector<int> &children = node(map).children;
        return size_t(std::find(children.begin(), children.end(), key) - children.begin());
    }

private:
    const VersionDocument &m_document;
    const YamlTree &m_tree;
    const QByteArray &m_bytes;
    QByteArray m_newline;
};

template<typename Check>
Result<void> VersionDocument::apply(QList<Patch> patches, Check check)
{
    std::sort(patches.begin(), patches.end(),
              [](const Patch &a, const Patch &b) { return a.offset > b.offset; });
    QByteArray bytes = m_bytes;
    qsizetype floor = bytes.size() + 1;
    for (const Patch &patch : patches) {
        if (patch.offset + patch.length > floor)
            return Error(QStringLiteral("overlapping edits"), SourceLocation{m_displayPath});
        bytes.replace(patch.offset, patch.length, patch.text);
        floor = patch.offset;
    }
    if (bytes == m_bytes)
        return {};
    auto edited = parse(bytes, m_displayPath);
    if (!edited) {
        qCDebug(lcVersions) << "refused an edit that breaks the file:" << edited.error().toString();
        // The location would point into the refused text, not the file: name the file only.
        return Error(QStringLiteral("the edit was refused because the result would not be valid "
                                    "YAML (%1)")
                         .arg(edited.error().message()),
                     SourceLocation{m_displayPath});
    }
    if (auto checked = check(edited.value()); !checked) {
        qCDebug(lcVersions) << "refused an edit that does not read back:"
                            << checked.error().toString();
        return checked.error().withContext(QStringLiteral("the edit was refused"));
    }
    edited->m_savedBytes = m_savedBytes;
    *this = std::move(edited.value());
    return {};
}

} // namespace EnvDeck
