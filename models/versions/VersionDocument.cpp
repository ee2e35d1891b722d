// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionDocument.h"

#include "core/YamlSupport.h"
#include "versions/YamlTree.h"

#include <QFile>
#include <QSaveFile>

#include <map>

Q_LOGGING_CATEGORY(lcVersions, "envdeck.versions", QtInfoMsg)

namespace EnvDeck {

using Versions::YamlNode;
using Versions::YamlTree;

namespace {

bool isTrue(const QString &text)
{
    const QString lower = text.toLower();
    return lower == u"true" || lower == u"yes" || lower == u"on";
}

QString text(const YamlNode &node)
{
    return QString::fromStdString(node.value);
}

// Reads one file: its tree, and the problems found on the way.
class Reader
{
public:
    Reader(const YamlTree &tree, const QString &displayPath)
        : m_tree(tree)
        , m_path(displayPath)
    {}

    SourceLocation at(int index) const
    {
        return m_tree.locationAt(m_tree.node(index).start, m_path);
    }

    // yaml-cpp keeps both entries of a duplicated key; Terraform's yamldecode refuses the file.
    void findDuplicateKeys()
    {
        for (int i = 0; i < m_tree.nodeCount(); ++i) {
            const YamlNode &map = m_tree.node(i);
            if (map.kind != YamlNode::Kind::Map)
                continue;
            std::map<std::string, int> seen;
            for (size_t k = 0; k < map.children.size(); k += 2) {
                const YamlNode &key = m_tree.node(map.children[k]);
                if (key.kind != YamlNode::Kind::Scalar)
                    continue;
                const auto [first, inserted] = seen.emplace(key.value, map.children[k]);
                if (!inserted)
                    problems.append(Error(QStringLiteral("duplicate key `%1` (first written at "
                                                         "line %2)")
                                              .arg(text(key))
                                              .arg(at(first->second).line),
                                          at(map.children[k])));
            }
        }
    }

    void readSection(int section, bool thirdParty)
    {
        const char *sectionName = thirdParty ? "third_party" : "components";
        const int resolvedSection = m_tree.resolved(section);
        if (section < 0 || resolvedSection < 0
            || m_tree.node(resolvedSection).kind == YamlNode::Kind::Null)
            return;
        const YamlNode &map = m_tree.node(resolvedSection);
        if (map.kind != YamlNode::Kind::Map) {
            problems.append(Error(QStringLiteral("`%1` must be a mapping of component names")
                                      .arg(QLatin1String(sectionName)),
                                  at(section)));
            return;
        }
        for (size_t k = 0; k + 1 < map.children.size(); k += 2)
            readEntry(map.children[k], map.children[k + 1], thirdParty);
    }

    QList<VersionEntry> entries;
    QList<Error> problems;

private:
    VersionValue value(int index) const
    {
        const YamlNode &node = m_tree.node(index);
        return VersionValue{node.kind == YamlNode::Kind::Scalar ? text(node) : QString(),
                            at(index)};
    }

    void readEntry(int keyIndex, int valueIndex, bool thirdParty)
    {
        VersionEntry entry;
        entry.name = text(m_tree.node(keyIndex));
        entry.thirdParty = thirdParty;
        entry.location = at(keyIndex);
        const int resolvedValue = m_tree.resolved(valueIndex);
        const YamlNode::Kind kind
            = resolvedValue < 0 ? YamlNode::Kind::Null : m_tree.node(resolvedValue).kind;
        if (kind == YamlNode::Kind::Scalar) {
            // `name: 1.2.3` shorthand
            entry.version = VersionValue{text(m_tree.node(resolvedValue)), at(valueIndex)};
            entry.versionIsAlias = resolvedValue != valueIndex;
        } else if (kind == YamlNode::Kind::Map) {
            readFields(entry, resolvedValue, valueIndex);
        } else if (kind == YamlNode::Kind::Null) {
            problems.append(Error(QStringLiteral("component `%1` has no version").arg(entry.name),
                                  entry.location));
        } else {
            problems.append(Error(
                QStringLiteral("component `%1` must be a version or a mapping").arg(entry.name),
                at(valueIndex)));
        }
        entries.append(entry);
    }

    void readFields(VersionEntry &entry, int map, int written)
    {
        const auto field = [&](const char *key) { return m_tree.valueOf(map, key); };
        const int version = field("version");
        if (version < 0) {
            problems.append(Error(QStringLiteral("component `%1` has no `version`").arg(entry.name),
                                  at(written)));
        } else {
            const int resolvedVersion = m_tree.resolved(version);
            entry.versionIsAlias = resolvedVersion != version;
            const YamlNode::Kind kind
                = resolvedVersion < 0 ? YamlNode::Kind::Null : m_tree.node(resolvedVersion).kind;
            entry.version.location = at(version);
            if (kind == YamlNode::Kind::Scalar)
                entry.version.text = text(m_tree.node(resolvedVersion));
            else if (kind == YamlNode::Kind::Null)
                problems.append(Error(
                    QStringLiteral("the version of `%1` is empty").arg(entry.name), at(version)));
            else
                problems.append(Error(
                    QStringLiteral("the version of `%1` must be a plain value").arg(entry.name),
                    at(version)));
        }
        const std::pair<const char *, VersionValue VersionEntry::*> fields[] = {
            {"chart", &VersionEntry::chart},
            {"repository", &VersionEntry::repository},
            {"locked", &VersionEntry::locked},
            {"lock_reason", &VersionEntry::lockReason},
            {"allow_downgrade", &VersionEntry::allowDowngrade},
            {"pattern", &VersionEntry::pattern},
        };
        for (const auto &[key, member] : fields) {
            const int index = field(key);
            if (index < 0)
                continue;
            const int target = m_tree.resolved(index);
            entry.*member = VersionValue{target >= 0 ? value(target).text : QString(), at(index)};
        }
        const int requiresKey = field("requires");
        if (requiresKey < 0)
            return;
        const int requiresMap = m_tree.resolved(requiresKey);
        if (requiresMap < 0 || m_tree.node(requiresMap).kind != YamlNode::Kind::Map) {
            if (requiresMap < 0 || m_tree.node(requiresMap).kind != YamlNode::Kind::Null)
                problems.append(Error(QStringLiteral("`requires` of `%1` must map component names "
                                                     "to version ranges")
                                          .arg(entry.name),
                                      at(requiresKey)));
            return;
        }
        const std::vector<int> &children = m_tree.node(requiresMap).children;
        for (size_t k = 0; k + 1 < children.size(); k += 2) {
            const int range = m_tree.resolved(children[k + 1]);
            entry.requirements.append(
                {text(m_tree.node(children[k])),
                 range >= 0 && m_tree.node(range).kind == YamlNode::Kind::Scalar
                     ? text(m_tree.node(range))
                     : QString(),
                 at(children[k + 1])});
        }
    }

    const YamlTree &m_tree;
    QString m_path;
};

} // namespace

bool VersionEntry::isLocked() const
{
    return isTrue(locked.text);
}

bool VersionEntry::allowsDowngrade() const
{
    return isTrue(allowDowngrade.text);
}

Result<VersionDocument> VersionDocument::parse(QByteArray bytes, QString displayPath)
{
    VersionDocument document;
    document.m_bytes = std::move(bytes);
    document.m_savedBytes = document.m_bytes;
    document.m_displayPath = std::move(displayPath);
    auto read = document.read();
    if (!read)
        return read.error();
    return document;
}

Result<VersionDocument> VersionDocument::load(const QString &absolutePath,
                                              const QString &displayPath)
{
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read the file: %1").arg(file.errorString()),
                     SourceLocation{displayPath});
    if (file.size() > Yaml::MaxFileSize)
        return Error(QStringLiteral("the file is too large (%1 MiB; at most %2 MiB are read)")
                         .arg(file.size() / (1024 * 1024))
                         .arg(Yaml::MaxFileSize / (1024 * 1024)),
                     SourceLocation{displayPath});
    return parse(file.readAll(), displayPath);
}

Result<void> VersionDocument::read()
{
    auto tree = YamlTree::parse(m_bytes, m_displayPath);
    if (!tree)
        return tree.error();
    m_tree = std::make_shared<const YamlTree>(std::move(tree.value()));
    const YamlTree &t = *m_tree;
    Reader reader(t, m_displayPath);
    const int root = t.root();
    if (root < 0 || t.node(root).kind == YamlNode::Kind::Null) {
        m_entries.clear();
        m_problems.clear();
        return {};
    }
    if (t.node(root).kind != YamlNode::Kind::Map)
        return Error(QStringLiteral("expected a mapping with `components:` at the top level"),
                     reader.at(root));
    reader.findDuplicateKeys();
    reader.readSection(t.valueOf(root, "components"), false);
    reader.readSection(t.valueOf(root, "third_party"), true);
    m_entries = reader.entries;
    m_problems = reader.problems;
    return {};
}

const VersionEntry *VersionDocument::find(const QString &name) const
{
    for (const VersionEntry &entry : m_entries) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

Result<void> VersionDocument::save(const QString &absolutePath)
{
    if (!isModified())
        return {};
    QSaveFile file(absolutePath);
    if (!file.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("cannot write the file: %1").arg(file.errorString()),
                     SourceLocation{m_displayPath});
    if (file.write(m_bytes) != m_bytes.size() || !file.commit())
        return Error(QStringLiteral("cannot write the file: %1").arg(file.errorString()),
                     SourceLocation{m_displayPath});
    qCDebug(lcVersions) << "saved" << m_displayPath;
    m_savedBytes = m_bytes;
    return {};
}

} // namespace EnvDeck
