// SPDX-License-Identifier: GPL-3.0-or-later
// VersionDocument::addComponent: a new entry written the way the file already writes its entries.
#include "versions/VersionEditor.h"

namespace EnvDeck {

namespace {

// How the entries of a section are written.
struct EntryStyle
{
    bool sectionFlow = false; // `third_party: { a: ..., b: ... }`
    bool flow = false;        // `name: { version: ..., repository: ... }`
    bool shorthand = false;   // `name: 1.2.3`
    bool flowSpaces = true;   // `{ version: ... }` rather than `{version: ...}`
    QByteArray pairComma = ", ";
    QByteArray keyIndent = "  ";
    QByteArray childIndent = "    ";
};

// The file's indentation step: the column of the first key nested in a block map.
QByteArray indentStep(const YamlTree &tree)
{
    for (int i = 0; i < tree.nodeCount(); ++i) {
        const YamlNode &map = tree.node(i);
        if (map.kind == YamlNode::Kind::Map && !map.flow && map.parent >= 0 && !map.children.empty()
            && !tree.insideFlow(i)) {
            const qsizetype column = tree.columnOf(tree.node(map.children.front()).start);
            if (column > 0)
                return QByteArray(column, ' ');
        }
    }
    return "  ";
}

// The style of `section` (a map), from its last entry; `fallback` when it has none.
EntryStyle styleOf(const YamlTree &tree, int section, const EntryStyle &fallback)
{
    if (section < 0 || tree.node(section).kind != YamlNode::Kind::Map
        || tree.node(section).children.empty())
        return fallback;
    const YamlNode &map = tree.node(section);
    EntryStyle style = fallback;
    style.sectionFlow = map.flow;
    if (!map.flow)
        style.keyIndent = QByteArray(tree.columnOf(tree.node(map.children.front()).start), ' ');
    const YamlNode &last = tree.node(map.children.back());
    style.shorthand = last.kind == YamlNode::Kind::Scalar;
    style.flow = map.flow || (last.kind == YamlNode::Kind::Map && last.flow);
    if (last.kind == YamlNode::Kind::Map && last.flow) {
        style.flowSpaces = tree.bytes().mid(last.start + 1, 1) == " ";
        if (last.children.size() >= 4 && tree.node(last.children[1]).end >= 0) {
            const qsizetype from = tree.node(last.children[1]).end;
            if (tree.bytes().mid(from, tree.node(last.children[2]).mark - from) == ",")
                style.pairComma = ",";
        }
    }
    if (last.kind == YamlNode::Kind::Map && !last.flow && !last.children.empty())
        style.childIndent = QByteArray(tree.columnOf(tree.node(last.children.front()).start), ' ');
    else
        style.childIndent = style.keyIndent + (style.keyIndent.isEmpty() ? "  " : style.keyIndent);
    return style;
}

} // namespace

Result<void> VersionDocument::addComponent(QString name, QString version, bool thirdParty,
                                           QString chart, QString repository)
{
    const SourceLocation file{m_displayPath};
    if (name.trimmed().isEmpty() || version.trimmed().isEmpty())
        return Error(QStringLiteral("a component needs a name and a version"), file);
    if (const VersionEntry *existing = find(name))
        return Error(QStringLiteral("`%1` is already listed").arg(name), existing->location);
    const Editor editor(*this);
    const YamlTree &tree = editor.tree();
    const int root = tree.root();
    if (root >= 0 && tree.node(root).kind != YamlNode::Kind::Null
        && (tree.node(root).kind != YamlNode::Kind::Map || tree.node(root).flow))
        return Error(QStringLiteral("the top level is not a block mapping; add the component by "
                                    "hand"),
                     editor.location(root));
    const char *sectionName = thirdParty ? "third_party" : "components";
    const int section = tree.valueOf(root, sectionName);
    const int otherSection = tree.valueOf(root, thirdParty ? "components" : "third_party");

    EntryStyle fallback;
    fallback.keyIndent = indentStep(tree);
    fallback.childIndent = fallback.keyIndent + fallback.keyIndent;
    EntryStyle style = styleOf(tree, tree.resolved(otherSection), fallback);
    style.sectionFlow = false;
    style = styleOf(tree, tree.resolved(section), style);
    const int sectionMap = tree.resolved(section);
    const QByteArray comma = sectionMap >= 0 && tree.node(sectionMap).kind == YamlNode::Kind::Map
                                 ? editor.separatorOf(sectionMap)
                                 : QByteArray(", ");
    const bool hasDetails = !chart.isEmpty() || !repository.isEmpty();
    if (style.shorthand && hasDetails)
        style.shorthand = false;

    // The entry's text, without the indentation of its first line and without a final break.
    QList<QPair<QByteArray, QString>> fields{{"version", version}};
    if (!chart.isEmpty())
        fields.append({"chart", chart});
    if (!repository.isEmpty())
        fields.append({"repository", repository});
    QList<QByteArray> pairs;
    for (const auto &[key, value] : fields) {
        auto text = editor.renderNew(value, style.flow);
        if (!text)
            return text.error();
        pairs.append(key + ": " + *text);
    }
    auto key = editor.renderNew(name, style.sectionFlow);
    if (!key)
        return key.error();
    const QByteArray newline = editor.newline();
    QByteArray entry = *key + ':';
    if (style.shorthand) {
        entry += ' ' + pairs.front().mid(int(qstrlen("version: ")));
    } else if (style.flow) {
        const QByteArray space = style.flowSpaces ? " " : "";
        entry += " {" + space + pairs.join(style.pairComma) + space + '}';
    } else {
        for (const QByteArray &pair : pairs)
            entry += newline + style.childIndent + pair;
    }

    Patch patch;
    if (section >= 0 && tree.node(section).kind == YamlNode::Kind::Map) {
        const YamlNode &map = tree.node(section);
        if (map.flow) {
            patch = map.children.empty()
                        ? Patch{map.start + 1, map.end - map.start - 2, ' ' + entry + ' '}
                        : Patch{tree.node(map.children.back()).end, 0, comma + entry};
        } else {
            if (auto ok = editor.editable(map.children.back()); !ok)
                return ok.error();
            // Comment lines indented under the last entry belong to it: the new entry goes after
            // them.
            qsizetype after = tree.node(map.children.back()).end;
            for (qsizetype line = tree.nextLineStart(after); line < m_bytes.size();
                 line = tree.nextLineStart(line)) {
                qsizetype q = line;
                while (q < m_bytes.size() && m_bytes.at(q) == ' ')
                    ++q;
                if (q >= m_bytes.size() || m_bytes.at(q) != '#'
                    || q - line <= style.keyIndent.size())
                    break;
                after = q;
            }
            patch = editor.insertLinesAfter(after, style.keyIndent + entry + newline);
        }
    } else if (section >= 0 && tree.node(section).kind == YamlNode::Kind::Null
               && tree.node(section).start == tree.node(section).end) {
        // `third_party:` with nothing under it yet.
        patch = Patch{tree.lineEnd(tree.node(section).start), 0, newline + style.keyIndent + entry};
    } else if (section >= 0) {
        return Error(QStringLiteral("`%1` is not a mapping; add the component by hand")
                         .arg(QLatin1String(sectionName)),
                     editor.location(section));
    } else {
        const QByteArray text
            = QByteArray(sectionName) + ':' + newline + style.keyIndent + entry + newline;
        if (!thirdParty && otherSection >= 0) {
            // `components:` goes before `third_party:`, as the product brief orders them.
            patch = Patch{tree.lineStart(tree.node(tree.keyOf(otherSection)).start), 0, text};
        } else if (root >= 0 && tree.node(root).kind == YamlNode::Kind::Map
                   && tree.node(root).end >= 0) {
            // After the last value, so a closing `...` or a final comment stays last.
            patch = editor.insertLinesAfter(tree.node(root).end, text);
        } else if (m_bytes.isEmpty() || m_bytes.endsWith('\n')) {
            patch = Patch{m_bytes.size(), 0, text};
        } else {
            patch = Patch{m_bytes.size(), 0, newline + text.chopped(newline.size())};
        }
    }

    return apply({patch}, [&](const VersionDocument &edited) -> Result<void> {
        const VersionEntry *e = edited.find(name);
        if (!e || e->version.text != version || e->thirdParty != thirdParty
            || e->chart.text != chart || e->repository.text != repository)
            return Error(QStringLiteral("`%1` does not read back as added").arg(name));
        return {};
    });
}

} // namespace EnvDeck
