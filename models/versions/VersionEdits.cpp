// SPDX-License-Identifier: GPL-3.0-or-later
// The edits of VersionDocument: each one computes patches of the original bytes at the positions
// the tree gives, never re-emitting YAML, and is checked by parsing the result again.
#include "versions/VersionEditor.h"

#include <QHash>

namespace EnvDeck {

namespace {

bool isTrueText(const std::string &text)
{
    return text == "true" || text == "True" || text == "TRUE" || text == "yes" || text == "Yes"
           || text == "YES" || text == "on" || text == "On" || text == "ON";
}

} // namespace

Result<void> VersionDocument::setVersion(QString component, QString version)
{
    if (version.trimmed().isEmpty())
        return Error(QStringLiteral("a version cannot be empty"), SourceLocation{m_displayPath});
    if (const VersionEntry *current = find(component); current && current->version.text == version)
        return {}; // nothing to write, not even a change of quoting
    const Editor editor(*this);
    auto found = editor.locate(component);
    if (!found)
        return found.error();
    const Editor::Located at = *found;
    const YamlNode &entry = editor.node(at.value);
    QList<Patch> patches;
    int target = at.value; // the shorthand `name: 1.2.3`, or an empty `name:`
    if (entry.kind == YamlNode::Kind::Alias)
        return editor.aliasError(component, at.value);
    if (entry.kind == YamlNode::Kind::Map) {
        target = m_tree->valueOf(at.value, "version");
        if (target < 0) {
            auto text = editor.renderNew(version, entry.flow);
            if (!text)
                return text.error();
            patches.append(editor.insertPairs(at.value, -1, {"version: " + *text}));
        } else if (editor.node(target).kind == YamlNode::Kind::Alias) {
            return editor.aliasError(component, target);
        }
    } else if (entry.kind == YamlNode::Kind::Sequence) {
        return Error(QStringLiteral("component `%1` must be a version or a mapping").arg(component),
                     editor.location(at.value));
    }
    if (patches.isEmpty()) {
        const YamlNode::Kind kind = editor.node(target).kind;
        if (kind != YamlNode::Kind::Scalar && kind != YamlNode::Kind::Null)
            return Error(QStringLiteral("the version of `%1` is not a plain value; edit it by hand")
                             .arg(component),
                         editor.location(target));
        if (auto ok = editor.editable(target); !ok)
            return ok.error();
        auto text = editor.render(version, target);
        if (!text)
            return Error(text.error().message(), editor.location(target));
        patches.append(editor.replace(target, *text));
    }
    const QList<VersionEntry> before = m_entries;
    return apply(patches, [&](const VersionDocument &edited) -> Result<void> {
        const VersionEntry *e = edited.find(component);
        if (!e || e->version.text != version)
            return Error(
                QStringLiteral("`%1` does not read back as version %2").arg(component, version));
        // An anchored value shared with other components must not change them.
        QHash<QString, QString> now;
        for (const VersionEntry &entry : edited.entries())
            now.insert(entry.name, entry.version.text);
        for (const VersionEntry &other : before) {
            if (other.name != component && now.value(other.name) != other.version.text)
                return Error(QStringLiteral("the edit would also change `%1`").arg(other.name));
        }
        return {};
    });
}

Result<void> VersionDocument::lock(QString component, QString reason)
{
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty())
        return Error(QStringLiteral("a lock needs a reason"), SourceLocation{m_displayPath});
    const Editor editor(*this);
    auto found = editor.locate(component);
    if (!found)
        return found.error();
    const int map = found->value;
    const YamlNode &entry = editor.node(map);
    QList<Patch> patches;
    if (entry.kind == YamlNode::Kind::Scalar) {
        // `name: 1.2.3` becomes `name: { version: 1.2.3, locked: true, lock_reason: ... }`.
        if (auto ok = editor.editable(map); !ok)
            return ok.error();
        auto text = editor.renderNew(trimmed, true);
        if (!text)
            return text.error();
        const QByteArray version = m_bytes.mid(entry.start, entry.end - entry.start);
        patches.append(
            Patch{entry.start, entry.end - entry.start,
                  "{ version: " + version + ", locked: true, lock_reason: " + *text + " }"});
    } else if (entry.kind == YamlNode::Kind::Map && !entry.children.empty()) {
        const int locked = m_tree->valueOf(map, "locked");
        const int reasonNode = m_tree->valueOf(map, "lock_reason");
        QList<QByteArray> newPairs;
        if (locked < 0) {
            newPairs.append("locked: true");
        } else if (!isTrueText(editor.node(locked).value)
                   || editor.node(locked).kind != YamlNode::Kind::Scalar) {
            if (auto ok = editor.editable(locked); !ok)
                return ok.error();
            patches.append(editor.replace(locked, "true"));
        }
        if (reasonNode >= 0) {
            if (QString::fromStdString(editor.node(reasonNode).value) != trimmed
                || editor.node(reasonNode).kind != YamlNode::Kind::Scalar) {
                if (auto ok = editor.editable(reasonNode); !ok)
                    return ok.error();
                auto text = editor.render(trimmed, reasonNode);
                if (!text)
                    return text.error();
                patches.append(editor.replace(reasonNode, *text));
            }
        } else {
            auto text = editor.renderNew(trimmed, entry.flow);
            if (!text)
                return text.error();
            if (newPairs.isEmpty())
                patches.append(editor.insertPairs(map, locked, {"lock_reason: " + *text}));
            else
                newPairs.append("lock_reason: " + *text);
        }
        if (!newPairs.isEmpty()) {
            const int anchor = editor.lockAnchor(map);
            if (auto ok = editor.editable(anchor); !ok)
                return ok.error();
            patches.append(editor.insertPairs(map, anchor, newPairs));
        }
    } else {
        return Error(
            QStringLiteral("component `%1` is not a mapping that can be locked").arg(component),
            editor.location(map));
    }
    if (patches.isEmpty())
        return {}; // already locked for this reason
    return apply(patches, [&](const VersionDocument &edited) -> Result<void> {
        const VersionEntry *e = edited.find(component);
        if (!e || !e->isLocked() || e->lockReason.text != trimmed)
            return Error(QStringLiteral("`%1` does not read back as locked").arg(component));
        return {};
    });
}

Result<void> VersionDocument::unlock(QString component)
{
    const Editor editor(*this);
    auto found = editor.locate(component);
    if (!found)
        return found.error();
    const int map = found->value;
    if (editor.node(map).kind != YamlNode::Kind::Map)
        return {}; // a shorthand entry is never locked
    const int locked = m_tree->valueOf(map, "locked");
    const int reasonNode = m_tree->valueOf(map, "lock_reason");
    if (locked < 0 && reasonNode < 0)
        return {};
    // A file that writes `locked: false` elsewhere keeps that style; otherwise the lines go.
    const bool writesFalse
        = std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const VersionEntry &e) {
              return e.name != component && e.locked.isPresent() && !e.isLocked();
          });
    QList<Patch> patches;
    QList<size_t> removed;
    if (reasonNode >= 0)
        removed.append(editor.pairIndex(map, m_tree->keyOf(reasonNode)));
    if (locked >= 0 && writesFalse) {
        if (auto ok = editor.editable(locked); !ok)
            return ok.error();
        patches.append(editor.replace(locked, "false"));
    } else if (locked >= 0) {
        removed.append(editor.pairIndex(map, m_tree->keyOf(locked)));
    }
    if (!removed.isEmpty()) {
        auto removal = editor.removePairs(map, removed);
        if (!removal)
            return removal.error();
        patches.append(*removal);
    }
    return apply(patches, [&](const VersionDocument &edited) -> Result<void> {
        const VersionEntry *e = edited.find(component);
        if (!e || e->isLocked() || e->lockReason.isPresent())
            return Error(QStringLiteral("`%1` does not read back as unlocked").arg(component));
        return {};
    });
}

Result<void> VersionDocument::removeComponent(QString component)
{
    const Editor editor(*this);
    auto found = editor.locate(component);
    if (!found)
        return found.error();
    auto removal
        = editor.removePairs(found->section, {editor.pairIndex(found->section, found->key)});
    if (!removal)
        return removal.error();
    const qsizetype count = m_entries.size();
    return apply(*removal, [&](const VersionDocument &edited) -> Result<void> {
        if (edited.find(component) || edited.entries().size() != count - 1)
            return Error(QStringLiteral("`%1` is still listed").arg(component));
        return {};
    });
}

} // namespace EnvDeck
