// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/QuickVersions.h"

#include <QVarLengthArray>

#include <algorithm>
#include <initializer_list>

namespace EnvDeck::History {

namespace {

// A scalar as written after `key:`: plain (up to a ` #` comment) or quoted without escapes.
// nullopt for anything the quick reader leaves to the full reader.
// Views into the file's bytes throughout: a file is read without copying any of its lines.
using View = QByteArrayView;

std::optional<View> scalar(View text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return View();
    const char first = text.at(0);
    if (first == '"' || first == '\'') {
        const qsizetype close = text.indexOf(first, 1);
        if (close < 0)
            return std::nullopt;
        const View inner = text.sliced(1, close - 1);
        const View rest = text.sliced(close + 1).trimmed();
        if (inner.contains('\\') || (!rest.isEmpty() && !rest.startsWith('#')))
            return std::nullopt;
        if (first == '\'' && text.indexOf('\'', close + 1) >= 0)
            return std::nullopt; // '' escapes
        return inner;
    }
    if (View("&*!|>[{%@`?,-").contains(first))
        return std::nullopt;
    if (const qsizetype comment = text.indexOf(View(" #")); comment >= 0)
        text = text.first(comment).trimmed();
    if (text.contains(View(": ")) || text.endsWith(':') || text.contains('\t'))
        return std::nullopt;
    return text;
}

bool isOneOf(View text, std::initializer_list<const char *> words)
{
    return std::any_of(words.begin(), words.end(), [&](const char *word) {
        return text.compare(View(word), Qt::CaseInsensitive) == 0;
    });
}

bool isTrue(View text)
{
    return isOneOf(text, {"true", "yes", "on"});
}

bool isBoolean(View text)
{
    return isTrue(text) || isOneOf(text, {"false", "no", "off"});
}

struct Pending
{
    View name;
    std::optional<View> version;
    std::optional<View> locked;
    std::optional<View> lockReason;
};

// `{ version: 4.8.3, repository: https://x, requires: { a: ">=1" } }` on one line: the
// top-level keys. False when it is not that simple.
bool readFlowMap(View text, Pending &entry)
{
    View body = text.trimmed();
    if (const qsizetype comment = body.lastIndexOf(View(" #"));
        comment >= 0 && body.lastIndexOf('}') < comment)
        body = body.first(comment).trimmed();
    if (!body.startsWith('{') || !body.endsWith('}'))
        return false;
    body = body.sliced(1, body.size() - 2);
    // Split at top-level commas, outside quotes and nested braces.
    QVarLengthArray<View, 8> items;
    int depth = 0;
    char quote = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body.at(i);
        if (quote) {
            if (c == quote)
                quote = 0;
            else if (c == '\\')
                return false;
            continue;
        }
        if (c == '"' || c == '\'')
            quote = c;
        else if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']')
            --depth;
        else if (c == ',' && depth == 0) {
            items.append(body.sliced(start, i - start));
            start = i + 1;
        }
        if (depth < 0 || c == '&' || c == '*' || c == '!')
            return false;
    }
    if (quote || depth != 0)
        return false;
    items.append(body.sliced(start));
    for (const View item : std::as_const(items)) {
        const qsizetype colon = item.indexOf(':');
        if (colon < 0)
            return item.trimmed().isEmpty();
        const View key = item.first(colon).trimmed();
        const View value = item.sliced(colon + 1).trimmed();
        if (key == "version" || key == "locked" || key == "lock_reason") {
            const auto text = scalar(value);
            if (!text)
                return false;
            std::optional<View> &slot = key == "version"  ? entry.version
                                        : key == "locked" ? entry.locked
                                                          : entry.lockReason;
            if (slot)
                return false; // a duplicate key
            slot = *text;
        }
    }
    return true;
}

} // namespace

std::optional<QHash<QString, QuickComponent>> readVersionsQuickly(const QByteArray &bytes)
{
    const View all(bytes);
    if (all.contains('\t') || all.contains('\r') || all.contains(View("---"))
        || all.contains(View("...")))
        return std::nullopt;
    QHash<QString, QuickComponent> components;
    bool inSection = false;
    int entryIndent = -1; // indent of component names in the current section
    int fieldIndent = -1; // indent of an entry's own keys
    std::optional<Pending> entry;
    bool sawComponents = false;
    bool sawThirdParty = false;

    const auto finish = [&]() {
        if (!entry)
            return true;
        if (!entry->version || entry->version->isEmpty()
            || components.contains(QString::fromUtf8(entry->name.data(), entry->name.size())))
            return false;
        if (entry->locked && !isBoolean(*entry->locked))
            return false;
        QuickComponent component;
        component.version = QString::fromUtf8(entry->version->data(), entry->version->size());
        component.locked = entry->locked && isTrue(*entry->locked);
        const View reason = entry->lockReason.value_or(View());
        component.lockReason = QString::fromUtf8(reason.data(), reason.size());
        components.insert(QString::fromUtf8(entry->name.data(), entry->name.size()), component);
        entry.reset();
        return true;
    };

    for (qsizetype lineStart = 0; lineStart < all.size();) {
        qsizetype lineEnd = all.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = all.size();
        const View line = all.sliced(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        qsizetype indent = 0;
        while (indent < line.size() && line.at(indent) == ' ')
            ++indent;
        const View content = line.sliced(indent);
        if (content.isEmpty() || content.startsWith('#'))
            continue;
        const qsizetype colon = content.indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        const View key = content.first(colon);
        const View rest = content.sliced(colon + 1);
        if (!rest.isEmpty() && rest.at(0) != ' ')
            return std::nullopt; // `a:b` is a scalar, not a key
        if (key.contains(' ') || key.contains('"') || key.contains('\'')
            || View("&*!|>[{%@`?-").contains(key.at(0)))
            return std::nullopt;
        const View value = rest.trimmed();

        if (indent == 0) {
            if (!finish())
                return std::nullopt;
            const bool components_ = key == "components";
            const bool thirdParty = key == "third_party";
            if ((components_ && sawComponents) || (thirdParty && sawThirdParty))
                return std::nullopt;
            sawComponents = sawComponents || components_;
            sawThirdParty = sawThirdParty || thirdParty;
            inSection = components_ || thirdParty;
            if (inSection && !value.isEmpty() && !value.startsWith('#'))
                return std::nullopt; // `components: {}` and the like
            if (!inSection
                && (value.startsWith('|') || value.startsWith('>') || value.startsWith('&')
                    || value.startsWith('!')))
                return std::nullopt;
            entryIndent = -1;
            continue;
        }
        if (!inSection) {
            if (value.startsWith('|') || value.startsWith('>'))
                return std::nullopt;
            continue;
        }
        if (entryIndent < 0)
            entryIndent = int(indent);
        if (indent < entryIndent)
            return std::nullopt;
        if (indent == entryIndent) {
            if (!finish())
                return std::nullopt;
            entry = Pending{key, std::nullopt, std::nullopt, std::nullopt};
            fieldIndent = -1;
            if (value.isEmpty() || value.startsWith('#'))
                continue; // a block map follows
            if (value.startsWith('{')) {
                if (!readFlowMap(value, *entry))
                    return std::nullopt;
                if (!finish())
                    return std::nullopt;
                continue;
            }
            const auto version = scalar(value); // `name: 1.2.3`
            if (!version)
                return std::nullopt;
            entry->version = *version;
            if (!finish())
                return std::nullopt;
            continue;
        }
        // A key inside the current entry's block map.
        if (!entry)
            return std::nullopt;
        if (fieldIndent < 0)
            fieldIndent = int(indent);
        if (indent < fieldIndent)
            return std::nullopt;
        if (value.startsWith('|') || value.startsWith('>') || value.startsWith('&')
            || value.startsWith('*') || value.startsWith('!'))
            return std::nullopt;
        if (indent > fieldIndent)
            continue; // nested under another key (requires:)
        if (key == "version" || key == "locked" || key == "lock_reason") {
            if (value.startsWith('{') || value.startsWith('['))
                return std::nullopt;
            const auto text = scalar(value);
            if (!text)
                return std::nullopt;
            if (key == "version") {
                if (entry->version)
                    return std::nullopt;
                entry->version = *text;
            } else if (key == "locked") {
                if (entry->locked)
                    return std::nullopt;
                entry->locked = *text;
            } else {
                if (entry->lockReason)
                    return std::nullopt;
                entry->lockReason = *text;
            }
        } else if (value.startsWith('{') || value.startsWith('[')) {
            int depth = 0;
            for (const char c : value)
                depth += (c == '{' || c == '[') ? 1 : (c == '}' || c == ']') ? -1 : 0;
            if (depth != 0)
                return std::nullopt; // a flow collection over several lines
        }
    }
    if (!finish())
        return std::nullopt;
    return components;
}

} // namespace EnvDeck::History
