// SPDX-License-Identifier: GPL-3.0-or-later
#include "World.h"

namespace EnvDeck::Demo {

const QStringList &kubernetesVersions()
{
    static const QStringList versions = {
        QStringLiteral("1.26.6"), QStringLiteral("1.26.10"), QStringLiteral("1.27.3"),
        QStringLiteral("1.27.7"), QStringLiteral("1.27.9"),  QStringLiteral("1.28.3"),
        QStringLiteral("1.28.5"), QStringLiteral("1.29.0"),  QStringLiteral("1.29.2"),
        QStringLiteral("1.29.4"), QStringLiteral("1.30.0"),  QStringLiteral("1.30.3"),
        QStringLiteral("1.31.1"), QStringLiteral("1.31.2"),  QStringLiteral("1.32.0"),
    };
    return versions;
}

World World::initial(const Layout &layout, qint64 startTime)
{
    World world;
    world.layout = &layout;
    for (int e = 0; e < layout.environments.size(); ++e) {
        const EnvironmentSpec &spec = layout.environments.at(e);
        EnvironmentState state;
        for (const QString &name : layout.componentsOf(e))
            state.components.insert(name, layout.component(name)->initial);
        for (const ThirdPartySpec &chart : layout.thirdParty)
            state.thirdParty.insert(chart.name, chart.initial);
        state.release = spec.tier == EnvironmentTier::Production ? 1 : 0;
        state.kubernetes = spec.tier == EnvironmentTier::Dev ? 3 : 2;
        state.nodeCount = spec.nodeCount;
        state.vmSize = spec.vmSize;
        world.environments << state;
    }
    world.modules.resize(layout.modules.size());
    for (const ThirdPartySpec &chart : layout.thirdParty) {
        QList<ChartRelease> releases;
        // Older releases came out every few weeks before the history starts.
        qint64 created = startTime - qint64(chart.older.size() + 1) * 23 * 24 * 3600;
        for (const Semver &v : chart.older) {
            releases << ChartRelease{v, created};
            created += 23 * 24 * 3600;
        }
        releases << ChartRelease{chart.initial, created};
        world.chartIndex.insert(chart.name, releases);
    }
    return world;
}

QMap<QString, QString> World::versionSet(int environment) const
{
    QMap<QString, QString> set;
    const EnvironmentState &state = environments.at(environment);
    for (auto it = state.components.cbegin(); it != state.components.cend(); ++it)
        set.insert(it.key(), it.value().toString());
    for (auto it = state.thirdParty.cbegin(); it != state.thirdParty.cend(); ++it)
        set.insert(it.key(), it.value().toString());
    return set;
}

} // namespace EnvDeck::Demo
