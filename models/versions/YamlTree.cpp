// SPDX-License-Identifier: GPL-3.0-or-later
#include "YamlTree.h"

#include "core/YamlSupport.h"

#include "versions/YamlChars.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <sstream>

namespace EnvDeck::Versions {

// Turns yaml-cpp's parser events into YamlNodes. Marks are byte offsets that do not count a
// UTF-8 byte order mark, so `m_bom` is added back.
class YamlTreeBuilder : public YAML::EventHandler
{
public:
    YamlTreeBuilder(YamlTree &tree, qsizetype bom)
        : m_tree(tree)
        , m_bom(bom)
    {}

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        add(YamlNode::Kind::Null, mark, anchor);
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const int index = add(YamlNode::Kind::Alias, mark, YAML::NullAnchor);
        const auto target = m_anchors.find(anchor);
        m_tree.m_nodes[size_t(index)].aliasOf = target == m_anchors.end() ? -1 : target->second;
    }
    void OnAnchor(const YAML::Mark &, const std::string &name) override { m_anchorName = name; }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        const int index = add(YamlNode::Kind::Scalar, mark, anchor);
        m_tree.m_nodes[size_t(index)].value = value;
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        open(YamlNode::Kind::Sequence, mark, anchor, style);
    }
    void OnSequenceEnd() override { m_open.pop_back(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        open(YamlNode::Kind::Map, mark, anchor, style);
    }
    void OnMapEnd() override { m_open.pop_back(); }

private:
    int add(YamlNode::Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        YamlNode node;
        node.kind = kind;
        node.mark = qsizetype(mark.pos) + m_bom;
        node.start = node.end = node.mark;
        node.parent = m_open.empty() ? -1 : m_open.back();
        if (anchor != YAML::NullAnchor) {
            node.anchor = m_anchorName;
            m_anchorName.clear();
        }
        const int index = int(m_tree.m_nodes.size());
        m_tree.m_nodes.push_back(std::move(node));
        if (anchor != YAML::NullAnchor)
            m_anchors[anchor] = index;
        if (m_open.empty()) {
            if (m_tree.m_root < 0)
                m_tree.m_root = index;
        } else {
            m_tree.m_nodes[size_t(m_open.back())].children.push_back(index);
        }
        return index;
    }

    void open(YamlNode::Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor,
              YAML::EmitterStyle::value style)
    {
        const int index = add(kind, mark, anchor);
        m_tree.m_nodes[size_t(index)].flow = style == YAML::EmitterStyle::Flow;
        m_open.push_back(index);
    }

    YamlTree &m_tree;
    qsizetype m_bom;
    std::vector<int> m_open;
    std::map<YAML::anchor_t, int> m_anchors;
    std::string m_anchorName;
};

Result<YamlTree> YamlTree::parse(const QByteArray &bytes, const QString &displayPath)
{
    YamlTree tree;
    tree.m_bytes = bytes;
    tree.m_nodes.reserve(size_t(bytes.size() / 12)); // a node takes at least a dozen bytes, mostly
    tree.m_lineStarts.push_back(0);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n')
            tree.m_lineStarts.push_back(i + 1);
    }
    const qsizetype bom = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    try {
        std::istringstream input(bytes.toStdString());
        YAML::Parser parser(input);
        YamlTreeBuilder builder(tree, bom);
        parser.HandleNextDocument(builder);
    } catch (const YAML::Exception &e) {
        return Yaml::errorFrom(e, displayPath);
    }
    if (tree.m_root >= 0) {
        tree.measure(tree.m_root, -1);
    }
    return tree;
}

int YamlTree::valueOf(int map, const std::string &key) const
{
    if (map < 0 || node(map).kind != YamlNode::Kind::Map)
        return -1;
    const std::vector<int> &children = node(map).children;
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
        const YamlNode &k = node(children[i]);
        if (k.kind == YamlNode::Kind::Scalar && k.value == key)
            return children[i + 1];
    }
    return -1;
}

int YamlTree::keyOf(int value) const
{
    const int parent = node(value).parent;
    if (parent < 0 || node(parent).kind != YamlNode::Kind::Map)
        return -1;
    const std::vector<int> &children = node(parent).children;
    for (size_t i = 1; i < children.size(); i += 2) {
        if (children[i] == value)
            return children[i - 1];
    }
    return -1;
}

SourceLocation YamlTree::locationAt(qsizetype offset, const QString &displayPath) const
{
    // The last line start at or before `offset`; the table makes this O(log lines).
    const auto next = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
    const qsizetype line = next - m_lineStarts.cbegin();
    return SourceLocation{displayPath, int(line), int(offset - *(next - 1)) + 1};
}

qsizetype YamlTree::lineStart(qsizetype offset) const
{
    while (offset > 0 && m_bytes.at(offset - 1) != '\n')
        --offset;
    return offset;
}

qsizetype YamlTree::lineEnd(qsizetype offset) const
{
    while (offset < m_bytes.size() && !isBreak(m_bytes.at(offset)))
        ++offset;
    return offset;
}

qsizetype YamlTree::nextLineStart(qsizetype offset) const
{
    offset = lineEnd(offset);
    if (offset < m_bytes.size() && m_bytes.at(offset) == '\r')
        ++offset;
    if (offset < m_bytes.size() && m_bytes.at(offset) == '\n')
        ++offset;
    return offset;
}

QByteArray YamlTree::newline() const
{
    const qsizetype lf = m_bytes.indexOf('\n');
    return lf > 0 && m_bytes.at(lf - 1) == '\r' ? QByteArrayLiteral("\r\n")
                                                : QByteArrayLiteral("\n");
}

int YamlTree::resolved(int index) const
{
    for (int step = 0; index >= 0 && step < 8; ++step) {
        if (node(index).kind != YamlNode::Kind::Alias)
            return index;
        index = node(index).aliasOf;
    }
    return -1;
}

bool YamlTree::insideFlow(int index) const
{
    for (int p = node(index).parent; p >= 0; p = node(p).parent) {
        if (node(p).flow)
            return true;
    }
    return false;
}

// Finds where every node starts and ends. yaml-cpp gives only a start mark (before anchors and
// tags, and for an empty value the mark of whatever follows), so the ends are found by scanning.
// An end that cannot be found (-1) makes the node, and the collections around it, unknown to the
// editor, which then refuses to touch them; reading is not affected.
void YamlTree::measure(int index, qsizetype parentIndent)
{
    YamlNode &n = m_nodes[size_t(index)];
    const qsizetype size = m_bytes.size();
    qsizetype p = n.mark;
    // Skip `&anchor` and `!tag` properties, and the space or comments after them.
    while (n.kind != YamlNode::Kind::Null && p < size
           && (m_bytes.at(p) == '&' || m_bytes.at(p) == '!')) {
        n.tagged = n.tagged || m_bytes.at(p) == '!';
        while (p < size && !isBlank(m_bytes.at(p)) && !isBreak(m_bytes.at(p)))
            ++p;
        while (p < size) {
            const char c = m_bytes.at(p);
            if (isBlank(c) || isBreak(c))
                ++p;
            else if (c == '#')
                p = lineEnd(p);
            else
                break;
        }
    }
    n.start = n.end = p;

    switch (n.kind) {
    case YamlNode::Kind::Null:
        break; // the map measuring the pair places empty values right after their colon
    case YamlNode::Kind::Alias:
        ++p;
        while (p < size && !isBlank(m_bytes.at(p)) && !isBreak(m_bytes.at(p))
               && !isFlowIndicator(m_bytes.at(p)))
            ++p;
        n.end = p;
        break;
    case YamlNode::Kind::Scalar: {
        const char first = p < size ? m_bytes.at(p) : '\0';
        if (first == '\'' || first == '"') {
            n.style = first == '\'' ? YamlNode::Style::SingleQuoted : YamlNode::Style::DoubleQuoted;
            n.end = quotedEnd(p, first);
        } else if ((first == '|' || first == '>') && !insideFlow(index)) {
            n.style = first == '|' ? YamlNode::Style::Literal : YamlNode::Style::Folded;
            n.end = blockScalarEnd(p, parentIndent);
        } else {
            n.end = plainEnd(n, insideFlow(index));
        }
        break;
    }
    case YamlNode::Kind::Map:
    case YamlNode::Kind::Sequence: {
        const bool isMap = n.kind == YamlNode::Kind::Map;
        const bool flow = n.flow;
        const std::vector<int> children = n.children;
        if (!isMap && !flow) {
            // yaml-cpp may mark a block sequence before its first `-`.
            qsizetype dash = n.start;
            while (dash < size && (isBlank(m_bytes.at(dash)) || isBreak(m_bytes.at(dash))))
                ++dash;
            if (dash < size && m_bytes.at(dash) == '-')
                n.start = n.end = dash;
        }
        const qsizetype start = n.start;
        qsizetype indent = flow ? parentIndent : columnOf(start);
        qsizetype last = flow ? start + 1 : start;
        bool unknownEnd = false;
        for (size_t i = 0; i < children.size(); ++i) {
            const bool isValue = isMap && i % 2 == 1;
            if (isValue && m_nodes[size_t(children[i])].kind == YamlNode::Kind::Null) {
                // `key:` with nothing, `key: ~` or `key: null`.
                qsizetype colon = last;
                while (colon < size && (isBlank(m_bytes.at(colon)) || isBreak(m_bytes.at(colon))))
                    ++colon;
                YamlNode &value = m_nodes[size_t(children[i])];
                if (colon >= size || m_bytes.at(colon) != ':') {
                    value.start = value.end = last;
                    continue;
                }
                value.colon = colon;
                qsizetype q = colon + 1;
                while (q < size && isBlank(m_bytes.at(q)))
                    ++q;
                value.start = value.end = colon + 1;
                if (const qsizetype word = nullWordEnd(q); word > q) {
                    value.start = q;
                    value.end = word;
                }
                last = value.end;
                continue;
            }
            if (m_nodes[size_t(children[i])].kind == YamlNode::Kind::Null) {
                // An empty item or key: yaml-cpp marks whatever follows it, so it is placed
                // after the `-` of its item, or where the previous node ended.
                YamlNode &item = m_nodes[size_t(children[i])];
                const qsizetype word = nullWordEnd(item.mark);
                qsizetype q = last;
                while (q < size && (isBlank(m_bytes.at(q)) || isBreak(m_bytes.at(q))))
                    ++q;
                if (word > item.mark && item.mark >= last) {
                    item.start = item.mark;
                    item.end = word;
                } else if (!isMap && !flow && q < size && m_bytes.at(q) == '-') {
                    item.start = item.end = q + 1;
                } else {
                    item.start = item.end = last;
                }
                last = item.end;
                continue;
            }
            if (isMap && i == 0 && !flow)
                indent = columnOf(m_nodes[size_t(children[0])].mark);
            measure(children[i], indent);
            YamlNode &child = m_nodes[size_t(children[i])];
            if (isValue) {
                const qsizetype keyEnd = m_nodes[size_t(children[i - 1])].end;
                const qsizetype colon = m_bytes.indexOf(':', keyEnd);
                child.colon = colon >= 0 && colon < child.mark ? colon : -1;
            }
            if (child.end < 0)
                unknownEnd = true;
            else
                last = child.end;
        }
        YamlNode &self = m_nodes[size_t(index)];
        self.end = last;
        if (unknownEnd) {
            self.end = -1;
            break;
        }
        if (flow) {
            // The closing bracket follows the last child, perhaps after a comma and comments.
            const char closer = isMap ? '}' : ']';
            qsizetype q = last;
            while (q < size && m_bytes.at(q) != closer) {
                if (m_bytes.at(q) == '#')
                    q = lineEnd(q);
                else
                    ++q;
            }
            self.end = q < size ? q + 1 : size;
        }
        break;
    }
    }
}

} // namespace EnvDeck::Versions
