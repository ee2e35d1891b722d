// SPDX-License-Identifier: GPL-3.0-or-later
// Where scalars end: yaml-cpp marks only their start, so the editor scans the text for the end.
#include "YamlTree.h"

#include "versions/YamlChars.h"

#include <algorithm>

namespace EnvDeck::Versions {

qsizetype YamlTree::nullWordEnd(qsizetype offset) const
{
    const qsizetype size = m_bytes.size();
    for (const char *word : {"~", "null", "Null", "NULL"}) {
        const QByteArray w(word);
        const qsizetype after = offset + w.size();
        if (m_bytes.mid(offset, w.size()) == w
            && (after >= size || isBlank(m_bytes.at(after)) || isBreak(m_bytes.at(after))
                || m_bytes.at(after) == ',' || m_bytes.at(after) == '}'
                || m_bytes.at(after) == ']'))
            return after;
    }
    return offset;
}

qsizetype YamlTree::plainEnd(const YamlNode &node, bool inFlow) const
{
    const qsizetype size = m_bytes.size();
    // The end of the plain text on one line starting at `from`, trailing blanks excluded.
    const auto segmentEnd = [&](qsizetype from) {
        qsizetype q = from;
        while (q < size) {
            const char c = m_bytes.at(q);
            if (isBreak(c))
                break;
            if (c == '#' && q > from && isBlank(m_bytes.at(q - 1)))
                break;
            if (inFlow && isFlowIndicator(c))
                break;
            if (c == ':') {
                const char next = q + 1 < size ? m_bytes.at(q + 1) : '\n';
                if (isBlank(next) || isBreak(next) || (inFlow && isFlowIndicator(next)))
                    break;
            }
            ++q;
        }
        while (q > from && isBlank(m_bytes.at(q - 1)))
            --q;
        return q;
    };

    qsizetype end = segmentEnd(node.start);
    std::string folded = m_bytes.mid(node.start, end - node.start).toStdString();
    // A plain scalar may continue on the next lines; they fold into single spaces (blank lines
    // into line breaks). Extend until the folded text is what yaml-cpp read.
    while (folded != node.value) {
        qsizetype p = nextLineStart(end);
        int emptyLines = 0;
        while (p < size) {
            qsizetype q = p;
            while (q < size && isBlank(m_bytes.at(q)))
                ++q;
            if (q < size && !isBreak(m_bytes.at(q)))
                break;
            ++emptyLines;
            p = nextLineStart(p);
        }
        while (p < size && isBlank(m_bytes.at(p)))
            ++p;
        const qsizetype segment = p < size && m_bytes.at(p) != '#' ? segmentEnd(p) : p;
        if (segment == p || folded.size() >= node.value.size())
            return -1;
        folded += emptyLines > 0 ? std::string(size_t(emptyLines), '\n') : std::string(" ");
        folded += m_bytes.mid(p, segment - p).toStdString();
        end = segment;
    }
    return end;
}

qsizetype YamlTree::quotedEnd(qsizetype start, char quote) const
{
    const qsizetype size = m_bytes.size();
    for (qsizetype q = start + 1; q < size; ++q) {
        const char c = m_bytes.at(q);
        if (quote == '"' && c == '\\') {
            ++q;
        } else if (c == quote) {
            if (quote == '\'' && q + 1 < size && m_bytes.at(q + 1) == '\'')
                ++q;
            else
                return q + 1;
        }
    }
    return size;
}

qsizetype YamlTree::blockScalarEnd(qsizetype start, qsizetype parentIndent) const
{
    const qsizetype size = m_bytes.size();
    qsizetype end = lineEnd(start);
    // An explicit indentation indicator (`|2`) fixes the content's indentation.
    qsizetype contentIndent = -1;
    for (qsizetype q = start + 1; q < end && !isBlank(m_bytes.at(q)); ++q) {
        const char c = m_bytes.at(q);
        if (c >= '1' && c <= '9')
            contentIndent = std::max<qsizetype>(parentIndent, 0) + (c - '0');
    }
    for (qsizetype line = nextLineStart(end); line < size; line = nextLineStart(line)) {
        qsizetype q = line;
        while (q < size && m_bytes.at(q) == ' ')
            ++q;
        if (q >= size || isBreak(m_bytes.at(q)))
            continue; // blank lines belong to the scalar only if content follows
        const qsizetype indent = q - line;
        if (contentIndent < 0)
            contentIndent = indent > parentIndent ? indent : -1;
        if (contentIndent < 0 || indent < contentIndent)
            break;
        end = lineEnd(q);
    }
    return end;
}

} // namespace EnvDeck::Versions
