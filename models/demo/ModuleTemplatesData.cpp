// SPDX-License-Identifier: GPL-3.0-or-later
// HCL of the data and messaging building blocks: postgres, dns, redis, storage and service-bus.
#include "ModuleTemplates.h"

namespace EnvDeck::Demo {
namespace {

// Variables most data modules share, in front of their own.
const char CommonVariables[] = R"hcl(variable "name_prefix" {
  type        = string
  description = "Prefix of every resource name."
}

variable "location" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
)hcl";

const ModuleTemplate Postgres{
    R"hcl(# PostgreSQL flexible server with the application database.
data "azurerm_key_vault_secret" "admin_password" {
  name         = "postgres-admin-password"
  key_vault_id = var.key_vault_id
}

resource "azurerm_postgresql_flexible_server" "this" {
  name                   = "psql-${var.name_prefix}"
  location               = var.location
  resource_group_name    = var.resource_group_name
  version                = "15"
  sku_name               = var.sku_name
  storage_mb             = var.storage_mb
  delegated_subnet_id    = var.subnet_id
  administrator_login    = "psqladmin"
  administrator_password = data.azurerm_key_vault_secret.admin_password.value
  backup_retention_days  = var.backup_retention_days
@0m@@1m@@2m@  tags                   = var.tags
}

resource "azurerm_postgresql_flexible_server_database" "app" {
  name      = "app"
  server_id = azurerm_postgresql_flexible_server.this.id
  charset   = "UTF8"
  collation = "en_US.utf8"
}
@3m@)hcl",
    R"hcl(variable "subnet_id" {
  type        = string
  description = "Delegated subnet (network's \"data\" subnet)."
}

variable "key_vault_id" {
  type        = string
  description = "Vault holding postgres-admin-password."
}

variable "sku_name" {
  type    = string
  default = "GP_Standard_D2s_v3"
}

variable "storage_mb" {
  type    = number
  default = 65536
}

variable "backup_retention_days" {
  type    = number
  default = 7
}
@0v@@1v@)hcl",
    R"hcl(output "server_id" {
  value = azurerm_postgresql_flexible_server.this.id
}

output "server_fqdn" {
  value = azurerm_postgresql_flexible_server.this.fqdn
}

output "connection_string" {
  sensitive = true
  value     = "postgresql://psqladmin@${azurerm_postgresql_flexible_server.this.fqdn}:5432/app?sslmode=require"
}
)hcl",
    {
        {"enable geo-redundant backups",
         "  geo_redundant_backup_enabled = var.geo_redundant_backup_enabled\n",
         R"hcl(
variable "geo_redundant_backup_enabled" {
  type        = bool
  description = "Keep backups in the paired region as well."
  default     = true
}
)hcl"},
        {"enable zone-redundant high availability",
         R"hcl(
  dynamic "high_availability" {
    for_each = var.high_availability ? [1] : []
    content {
      mode = "ZoneRedundant"
    }
  }
)hcl",
         R"hcl(
variable "high_availability" {
  type    = bool
  default = false
}
)hcl"},
        {"set a maintenance window on Sunday night",
         "\n  maintenance_window {\n    day_of_week  = 0\n    start_hour   = 2\n"
         "    start_minute = 0\n  }\n"},
        {"enable the pg_stat_statements extension",
         R"hcl(
resource "azurerm_postgresql_flexible_server_configuration" "extensions" {
  name      = "azure.extensions"
  server_id = azurerm_postgresql_flexible_server.this.id
  value     = "PG_STAT_STATEMENTS"
}
)hcl"},
    },
    CommonVariables};

const ModuleTemplate Dns{
    R"hcl(# Public DNS zone of the environment; external-dns writes the service records.
resource "azurerm_dns_zone" "this" {
  name                = var.zone_name
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_dns_a_record" "apex" {
  name                = "@"
  zone_name           = azurerm_dns_zone.this.name
  resource_group_name = var.resource_group_name
  ttl                 = var.ttl
  records             = var.apex_addresses
}
@0m@)hcl",
    R"hcl(variable "zone_name" {
  type        = string
  description = "e.g. prod-eu.example.io"
}

variable "resource_group_name" {
  type = string
}

variable "apex_addresses" {
  type    = list(string)
  default = []
}

variable "ttl" {
  type    = number
  default = 3600
}

variable "tags" {
  type    = map(string)
  default = {}
}
@1v@)hcl",
    R"hcl(output "zone_name" {
  value = azurerm_dns_zone.this.name
}

output "zone_id" {
  value = azurerm_dns_zone.this.id
}

output "name_servers" {
  value = azurerm_dns_zone.this.name_servers
}
)hcl",
    {
        {"add a CAA record for Let's Encrypt",
         R"hcl(
resource "azurerm_dns_caa_record" "letsencrypt" {
  name                = "@"
  zone_name           = azurerm_dns_zone.this.name
  resource_group_name = var.resource_group_name
  ttl                 = var.ttl

  record {
    flags = 0
    tag   = "issue"
    value = "letsencrypt.org"
  }
}
)hcl"},
        {"make the zone's SOA e-mail configurable", "",
         R"hcl(
variable "soa_email" {
  type    = string
  default = "hostmaster.example.io"
}
)hcl"},
    }};

const ModuleTemplate Redis{
    R"hcl(# Redis cache for sessions and rate limits.
resource "azurerm_redis_cache" "this" {
  name                = "redis-${var.name_prefix}"
  location            = var.location
  resource_group_name = var.resource_group_name
  capacity            = var.capacity
  family              = var.sku_name == "Premium" ? "P" : "C"
  sku_name            = var.sku_name
@0m@@1m@  tags                = var.tags
@2m@}
)hcl",
    R"hcl(variable "sku_name" {
  type    = string
  default = "Standard"
}

variable "capacity" {
  type    = number
  default = 1
}
)hcl",
    R"hcl(output "hostname" {
  value = azurerm_redis_cache.this.hostname
}

output "primary_connection_string" {
  sensitive = true
  value     = azurerm_redis_cache.this.primary_connection_string
}
)hcl",
    {
        {"require TLS 1.2", "  minimum_tls_version = \"1.2\"\n"},
        {"disable the non-TLS port", "  enable_non_ssl_port = false\n"},
        {"turn on the memory eviction policy",
         "\n  redis_configuration {\n    maxmemory_policy = \"allkeys-lru\"\n  }\n"},
    },
    CommonVariables};

const ModuleTemplate Storage{
    R"hcl(# Storage account for exports, reports and uploads.
resource "azurerm_storage_account" "this" {
  name                     = substr(replace("st${var.name_prefix}", "-", ""), 0, 24)
  location                 = var.location
  resource_group_name      = var.resource_group_name
  account_tier             = "Standard"
  account_replication_type = var.replication_type
@1m@@0m@  tags                     = var.tags
}

resource "azurerm_storage_container" "this" {
  for_each = toset(var.containers)

  name                  = each.value
  storage_account_name  = azurerm_storage_account.this.name
  container_access_type = "private"
}
@2m@)hcl",
    R"hcl(variable "replication_type" {
  type    = string
  default = "ZRS"
}

variable "containers" {
  type    = list(string)
  default = ["exports", "reports", "uploads"]
}
)hcl",
    R"hcl(output "account_name" {
  value = azurerm_storage_account.this.name
}

output "primary_blob_endpoint" {
  value = azurerm_storage_account.this.primary_blob_endpoint
}
)hcl",
    {
        {"enable blob versioning", "\n  blob_properties {\n    versioning_enabled = true\n  }\n"},
        {"require TLS 1.2", "  min_tls_version          = \"TLS1_2\"\n"},
        {"delete exports after 30 days",
         R"hcl(
resource "azurerm_storage_management_policy" "exports" {
  storage_account_id = azurerm_storage_account.this.id

  rule {
    name    = "expire-exports"
    enabled = true
    filters {
      prefix_match = ["exports/"]
      blob_types   = ["blockBlob"]
    }
    actions {
      base_blob {
        delete_after_days_since_modification_greater_than = 30
      }
    }
  }
}
)hcl"},
    },
    CommonVariables};

const ModuleTemplate ServiceBus{
    R"hcl(# Service Bus namespace with the queues the services exchange work through.
resource "azurerm_servicebus_namespace" "this" {
  name                = "sb-${var.name_prefix}"
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = var.sku
  tags                = var.tags
}

resource "azurerm_servicebus_queue" "this" {
  for_each = toset(var.queues)

  name         = each.value
  namespace_id = azurerm_servicebus_namespace.this.id
@0m@}
@1m@)hcl",
    R"hcl(variable "sku" {
  type    = string
  default = "Standard"
}

variable "queues" {
  type    = list(string)
  default = ["orders", "billing-events", "notifications"]
}
)hcl",
    R"hcl(output "namespace_id" {
  value = azurerm_servicebus_namespace.this.id
}

output "connection_string" {
  sensitive = true
  value     = azurerm_servicebus_namespace.this.default_primary_connection_string
}
@1o@)hcl",
    {
        {"dead-letter expired messages", "\n  dead_lettering_on_message_expiration = true\n  "
                                         "max_delivery_count                   = 10\n"},
        {"add the order-events topic",
         R"hcl(
resource "azurerm_servicebus_topic" "order_events" {
  name         = "order-events"
  namespace_id = azurerm_servicebus_namespace.this.id
}
)hcl",
         "",
         R"hcl(
output "order_events_topic_id" {
  value = azurerm_servicebus_topic.order_events.id
}
)hcl"},
    },
    CommonVariables};

} // namespace

const ModuleTemplate *dataModuleTemplate(ModuleKind kind)
{
    switch (kind) {
    case ModuleKind::Postgres:
        return &Postgres;
    case ModuleKind::Dns:
        return &Dns;
    case ModuleKind::Redis:
        return &Redis;
    case ModuleKind::Storage:
        return &Storage;
    case ModuleKind::ServiceBus:
        return &ServiceBus;
    default:
        return nullptr;
    }
}

} // namespace EnvDeck::Demo
