// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The exact texts tst_diagramediting expects: unified diffs of the demo's
// environments/staging/main.tf after each edit, and the question asked before a removal.

#include <QString>

namespace DiagramEditingDiffs {

inline const QString addCacheDiff
    = QStringLiteral("diff --git a/environments/staging/main.tf b/environments/staging/main.tf\n"
                     "index 51c582c..be8690c 100644\n"
                     "--- a/environments/staging/main.tf\n"
                     "+++ b/environments/staging/main.tf\n"
                     "@@ -129,3 +129,11 @@ module \"integrations\" {\n"
                     " \n"
                     "   depends_on = [module.services]\n"
                     " }\n"
                     "+\n"
                     "+module \"cache\" {\n"
                     "+  source              = \"../../modules/redis\"\n"
                     "+  name_prefix         = local.name_prefix\n"
                     "+  location            = var.location\n"
                     "+  resource_group_name = module.network.resource_group_name\n"
                     "+  capacity            = 2\n"
                     "+}\n");

inline const QString removePostgresDiff
    = QStringLiteral("diff --git a/environments/staging/main.tf b/environments/staging/main.tf\n"
                     "index 51c582c..6abf8af 100644\n"
                     "--- a/environments/staging/main.tf\n"
                     "+++ b/environments/staging/main.tf\n"
                     "@@ -51,19 +51,6 @@ module \"key_vault\" {\n"
                     "   tags                = local.tags\n"
                     " }\n"
                     " \n"
                     "-module \"postgres\" {\n"
                     "-  source              = \"../../modules/postgres\"\n"
                     "-  name_prefix         = local.name_prefix\n"
                     "-  location            = var.location\n"
                     "-  resource_group_name = module.network.resource_group_name\n"
                     "-  subnet_id           = module.network.subnet_ids[\"data\"]\n"
                     "-  key_vault_id        = module.key_vault.vault_id\n"
                     "-  sku_name            = var.postgres_sku\n"
                     "-  tags                = local.tags\n"
                     "-\n"
                     "-  depends_on = [module.key_vault]\n"
                     "-}\n"
                     "-\n"
                     " module \"redis\" {\n"
                     "   source              = \"../../modules/redis\"\n"
                     "   name_prefix         = local.name_prefix\n");

inline const QString renameDnsDiff
    = QStringLiteral("diff --git a/environments/staging/main.tf b/environments/staging/main.tf\n"
                     "index 51c582c..f0d7742 100644\n"
                     "--- a/environments/staging/main.tf\n"
                     "+++ b/environments/staging/main.tf\n"
                     "@@ -21,7 +21,7 @@ module \"network\" {\n"
                     "   tags          = local.tags\n"
                     " }\n"
                     " \n"
                     "-module \"dns\" {\n"
                     "+module \"zone\" {\n"
                     "   source              = \"../../modules/dns\"\n"
                     "   zone_name           = var.dns_zone\n"
                     "   resource_group_name = module.network.resource_group_name\n"
                     "@@ -94,7 +94,7 @@ module \"platform\" {\n"
                     "   source      = \"../../modules/platform\"\n"
                     "   kube_config = module.cluster.kube_config\n"
                     "   third_party = local.versions.third_party\n"
                     "-  dns_zone    = module.dns.zone_name\n"
                     "+  dns_zone    = module.zone.zone_name\n"
                     " }\n"
                     " \n"
                     " module \"monitoring\" {\n"
                     "@@ -129,3 +129,8 @@ module \"integrations\" {\n"
                     " \n"
                     "   depends_on = [module.services]\n"
                     " }\n"
                     "+\n"
                     "+moved {\n"
                     "+  from = module.dns\n"
                     "+  to   = module.zone\n"
                     "+}\n");

inline const QString connectCapacityDiff = QStringLiteral(
    "diff --git a/environments/staging/main.tf b/environments/staging/main.tf\n"
    "index 51c582c..b1b0fbf 100644\n"
    "--- a/environments/staging/main.tf\n"
    "+++ b/environments/staging/main.tf\n"
    "@@ -71,6 +71,7 @@ module \"redis\" {\n"
    "   resource_group_name = module.network.resource_group_name\n"
    "   sku_name            = var.tier == \"production\" ? \"Premium\" : \"Standard\"\n"
    "   tags                = local.tags\n"
    "+  capacity            = module.cluster.node_count\n"
    " }\n"
    " \n"
    " module \"storage\" {\n");

inline const QString removePostgresQuestion
    = QStringLiteral("Remove module \"postgres\" from staging?\n"
                     "\n"
                     "These still refer to it and will not be valid until you change them:\n"
                     "• module.services database_url (environments/staging/main.tf:116:19): "
                     "module.postgres.connection_string\n"
                     "• module.integrations database_url (environments/staging/main.tf:128:19): "
                     "module.postgres.connection_string\n"
                     "• output \"postgres_fqdn\" value (environments/staging/outputs.tf:19:11): "
                     "module.postgres.server_fqdn");

} // namespace DiagramEditingDiffs
