// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/Layout.h"

#include <QList>

namespace EnvDeck::Demo {

// One change an engineer makes to a building-block module over the history. Each text is inserted
// where the module's files hold the marker line "@<edit index>m@" (main.tf), "@<n>v@"
// (variables.tf) or "@<n>o@" (outputs.tf); a marker whose edit is not applied yet disappears.
struct ModuleEditTemplate
{
    const char *message; // "enable geo-redundant backups" -> "modules/postgres: enable ..."
    const char *main = "";
    const char *variables = "";
    const char *outputs = "";
};

// The HCL of a hand-written building block (everything but services, integrations and the
// generated blocks, whose text depends on the layout).
struct ModuleTemplate
{
    const char *main;
    const char *variables;
    const char *outputs;
    QList<ModuleEditTemplate> edits;
    const char *sharedVariables = nullptr; // written in front of `variables` when set
};

// network, kubernetes-cluster, key-vault-secrets
const ModuleTemplate *platformModuleTemplate(ModuleKind kind);
// platform, monitoring
const ModuleTemplate *chartModuleTemplate(ModuleKind kind);
// postgres, dns, redis, storage, service-bus
const ModuleTemplate *dataModuleTemplate(ModuleKind kind);

inline const ModuleTemplate *moduleTemplate(ModuleKind kind)
{
    if (const ModuleTemplate *t = platformModuleTemplate(kind))
        return t;
    if (const ModuleTemplate *t = chartModuleTemplate(kind))
        return t;
    return dataModuleTemplate(kind);
}

} // namespace EnvDeck::Demo
