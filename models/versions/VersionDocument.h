// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QString>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcVersions)

namespace EnvDeck {

namespace Versions {
class YamlTree;
}

// One value of a component entry and where it is written: the 1-based line and byte column of
// its first byte (an opening quote included; an `&anchor` or `!tag` in front is skipped).
// `location.line == 0` when the key is absent.
struct VersionValue
{
    QString text;
    SourceLocation location;

    bool isPresent() const { return location.line > 0; }
};

// `requires: { api-gateway: ">=2.4.0 <3.0.0" }`
struct VersionRequirement
{
    QString component;
    QString range;
    SourceLocation location; // of the range
};

// A component of `components:` or `third_party:` in an environment's versions file.
struct VersionEntry
{
    QString name;
    bool thirdParty = false;
    SourceLocation location; // of the entry's key
    VersionValue version;    // `name: 1.2.3` shorthand entries have only this
    VersionValue chart;
    VersionValue repository;
    VersionValue locked;
    VersionValue lockReason;
    VersionValue allowDowngrade;
    VersionValue pattern; // a per-component version pattern, when semver does not apply
    QList<VersionRequirement> requirements;
    bool versionIsAlias = false; // `version: *base`: the text is the anchor's value

    bool isLocked() const;
    bool allowsDowngrade() const;
};

// An environment's versions.yaml, read with yaml-cpp and edited by patching the original bytes:
// comments, key order, quoting, flow or block style, indentation and line endings survive every
// edit, and a document that was not edited gives back exactly the bytes it was read from.
//
// Every edit is checked by parsing the result again and reading the intended value back; an edit
// that would break the document or does not read back as intended is refused with an Error and
// leaves the document as it was.
//
// Choices: unlock() removes the `locked` and `lock_reason` lines, unless another component of the
// file writes `locked: false`, in which case it writes `locked: false` too. An alias as a version
// (`version: *base`) is refused by setVersion(), because editing the anchor would change every
// component sharing it. Values written as block scalars are not replaced.
class VersionDocument
{
public:
    // Malformed YAML is an Error at `displayPath:line:column`; problems in single entries are
    // collected in problems() and the rest is still read.
    static Result<VersionDocument> parse(QByteArray bytes, QString displayPath);
    // Reads the file (at most 16 MiB) and parses it.
    static Result<VersionDocument> load(const QString &absolutePath, const QString &displayPath);

    const QByteArray &bytes() const { return m_bytes; }
    const QString &displayPath() const { return m_displayPath; }
    // Components first, then third-party charts, each in file order.
    const QList<VersionEntry> &entries() const { return m_entries; }
    const VersionEntry *find(const QString &name) const;
    // Non-fatal problems: duplicate keys, entries without a version, versions that are not text.
    const QList<Error> &problems() const { return m_problems; }
    // True when bytes() differ from what was parsed, loaded or last saved.
    bool isModified() const { return m_bytes != m_savedBytes; }

    // The arguments are taken by value: a caller may pass names that live in entries(), which
    // an edit replaces.
    Result<void> setVersion(QString component, QString version);
    Result<void> lock(QString component, QString reason);
    Result<void> unlock(QString component);
    Result<void> addComponent(QString name, QString version, bool thirdParty, QString chart = {},
                              QString repository = {});
    Result<void> removeComponent(QString component);

    // Writes bytes() atomically (QSaveFile). Nothing is written when the document is unchanged.
    Result<void> save(const QString &absolutePath);

private:
    struct Patch
    {
        qsizetype offset = 0;
        qsizetype length = 0;
        QByteArray text;
    };
    class Editor;
    friend class Editor;

    Result<void> read();
    // Applies the patches to a copy, parses it again, runs `check` on the result and adopts it
    // only when both succeed.
    template<typename Check>
    Result<void> apply(QList<Patch> patches, Check check);

    QByteArray m_bytes;
    QByteArray m_savedBytes;
    QString m_displayPath;
    QList<VersionEntry> m_entries;
    QList<Error> m_problems;
    std::shared_ptr<const Versions::YamlTree> m_tree;
};

} // namespace EnvDeck
