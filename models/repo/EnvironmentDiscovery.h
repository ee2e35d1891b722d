// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/Environment.h"

namespace EnvDeck {

// Finds environments without configuration, on the layouts real repositories use:
//  - a folder per environment under environments/, envs/, live/, stacks/ or deployments/,
//    also nested (account/region folders: environments/aws-prod/eu-west-1);
//  - Terragrunt trees: each first-level folder under such a root whose subtree holds
//    terragrunt.hcl units is one environment, each unit one module;
//  - one root module with a .tfvars file per environment (dev.tfvars, vars/prod.tfvars);
//  - workspaces named in code (`terraform.workspace == "prod"`).
// `.terraform/`, modules/, examples, tests and fixtures are never environments.
struct DiscoveryResult
{
    QList<Environment> environments; // in promotion order: dev, staging, production, others
    QList<Error> warnings;           // skipped files and folders, with their path
    QString summary;                 // how the environments were found, for messages
};

DiscoveryResult discoverEnvironments(const QString &root, const QString &versionsFile);

// Orders environments dev → staging → production → unknown, then by name.
void sortByPromotionOrder(QList<Environment> &environments);

// Folders that never hold environments or units: hidden ones, .terraform/, modules/, tests, ...
bool isIgnoredFolder(const QString &name);

// Terragrunt units (folders with a terragrunt.hcl) in the subtree of `folder`, itself included.
int countTerragruntUnits(const QString &folder);

} // namespace EnvDeck
