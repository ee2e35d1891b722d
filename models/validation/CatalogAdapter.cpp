// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogAdapter.h"

#include "catalog/CatalogSet.h"

namespace EnvDeck::Validation {

CatalogQuery makeCatalogQuery(ValidationInput &input, bool offline)
{
    auto config = readCatalogConfig(input.root);
    if (!config)
        return {}; // .envdeck.yaml does not parse: yaml-syntax reports it
    for (const Error &problem : config->problems)
        input.repositoryFindings.append(Finding{Rule::Config,
                                                Severity::Error,
                                                problem.location(),
                                                problem.message(),
                                                {},
                                                {},
                                                {},
                                                false});
    if (config->entries.isEmpty())
        return {};

    CatalogLoadOptions options;
    for (const EnvironmentInput &environment : input.environments) {
        for (const ComponentEntry &component : environment.components)
            options.seen.append({component.name, component.version});
    }
    const CatalogSet catalogs = offline ? CatalogSet::loadCached(input.root, *config, options)
                                        : CatalogSet::load(input.root, *config, options);
    for (const CatalogState &state : catalogs.catalogs()) {
        for (const Error &problem : state.problems)
            input.repositoryFindings.append(Finding{Rule::YamlSyntax,
                                                    Severity::Error,
                                                    problem.location(),
                                                    problem.message(),
                                                    QStringLiteral("the catalog ignores this "
                                                                   "entry until it is fixed"),
                                                    {},
                                                    {},
                                                    false});
    }
    return [catalogs](const QString &component, const QString &chart) {
        const CatalogLookup lookup = catalogs.lookup(component, chart);
        return CatalogAnswer{lookup.isChecked(), lookup.versions, lookup.source, lookup.reason};
    };
}

} // namespace EnvDeck::Validation
