// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Components of a generated demo repository that tests can change: found in the files, never
// assumed, so a change of the generator cannot make a test pass by accident.

#include "GitFixture.h"
#include "versions/VersionDocument.h"

// "environments/<environment>/versions.yaml", where the demo keeps each environment's versions.
inline QString demoVersionsFile(const QString &environment)
{
    return QStringLiteral("environments/") + environment + QStringLiteral("/versions.yaml");
}

// component -> version of a versions file's bytes; empty when they do not parse.
inline QMap<QString, QString> versionsOfBytes(const QByteArray &bytes)
{
    QMap<QString, QString> versions;
    auto document = EnvDeck::VersionDocument::parse(bytes, QStringLiteral("versions.yaml"));
    if (!document)
        return versions;
    for (const EnvDeck::VersionEntry &entry : document->entries())
        versions.insert(entry.name, entry.version.text);
    return versions;
}

struct DemoPick
{
    QString component;
    QString from;
    QString to; // a newer version the component's git tags offer
    bool isValid() const { return !component.isEmpty(); }
};

// The first unlocked team component of `environment` with a newer tagged version. When every
// component runs its newest version, the first one gets a new patch release: a tag
// `<component>/v<x.y.z+1>`, as the team's release pipeline would make it.
inline DemoPick newerTaggedVersion(const QString &demo, const QString &environment)
{
    const QString file
        = demo + QStringLiteral("/environments/") + environment + QStringLiteral("/versions.yaml");
    auto document = EnvDeck::VersionDocument::load(file, environment);
    if (!document)
        return {};
    const GitFixture git(demo);
    for (const EnvDeck::VersionEntry &entry : document->entries()) {
        if (entry.thirdParty || entry.isLocked())
            continue;
        const QStringList tags
            = git.git({QStringLiteral("tag"), QStringLiteral("-l"),
                       entry.name + QStringLiteral("/v*"), QStringLiteral("--sort=-v:refname")})
                  .split(u'\n', Qt::SkipEmptyParts);
        if (tags.isEmpty())
            continue;
        const QString newest = tags.first().section(QStringLiteral("/v"), 1);
        if (newest != entry.version.text
            && tags.indexOf(entry.name + QStringLiteral("/v") + entry.version.text) > 0)
            return {entry.name, entry.version.text, newest};
    }
    for (const EnvDeck::VersionEntry &entry : document->entries()) {
        if (entry.thirdParty || entry.isLocked())
            continue;
        QStringList parts = entry.version.text.split(u'.');
        if (parts.size() != 3)
            continue;
        parts[2] = QString::number(parts[2].toInt() + 1);
        const QString next = parts.join(u'.');
        if (git.git({QStringLiteral("tag"), entry.name + QStringLiteral("/v") + next}).isNull())
            return {};
        return {entry.name, entry.version.text, next};
    }
    return {};
}

// The first locked team component of `environment`.
inline QString lockedComponent(const QString &demo, const QString &environment)
{
    const QString file
        = demo + QStringLiteral("/environments/") + environment + QStringLiteral("/versions.yaml");
    auto document = EnvDeck::VersionDocument::load(file, environment);
    if (!document)
        return {};
    for (const EnvDeck::VersionEntry &entry : document->entries()) {
        if (!entry.thirdParty && entry.isLocked())
            return entry.name;
    }
    return {};
}
