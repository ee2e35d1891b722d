// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/Environment.h"

#include <QList>
#include <QString>

namespace EnvDeck {

// What `.envdeck.yaml` states about a repository. Only the parts the loader needs today; later
// readers (catalogs, forge, pipelines) take the same file.
struct RepositoryConfig
{
    struct EnvironmentEntry
    {
        QString name;
        QString path;
        Tier tier = Tier::Unknown;
        QString promotesFrom;
        QString base;
        SourceLocation location;
    };

    static constexpr const char *FileName = ".envdeck.yaml";

    QList<EnvironmentEntry> environments; // in promotion order
    QString versionsFile = QStringLiteral("versions.yaml");
    QList<Error> problems; // entries that could not be used, with their location

    // Reads `<root>/.envdeck.yaml`. An Error only when the file cannot be parsed at all.
    static Result<RepositoryConfig> read(const QString &root);
};

} // namespace EnvDeck
