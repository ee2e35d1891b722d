// SPDX-License-Identifier: GPL-3.0-or-later
#include "SeenVersions.h"

#include <QSet>

namespace EnvDeck {

QList<SeenVersion> seenVersions(const RepositorySnapshot &snapshot)
{
    QList<SeenVersion> list;
    QSet<QString> known;
    for (const Environment &environment : snapshot.environments) {
        for (const ComponentVersion &component : environment.components) {
            if (component.version.isEmpty())
                continue;
            const QString key = component.name + QLatin1Char('\n') + component.version;
            if (known.contains(key))
                continue;
            known.insert(key);
            list.append({component.name, component.version});
        }
    }
    return list;
}

} // namespace EnvDeck
