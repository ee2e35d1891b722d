// SPDX-License-Identifier: GPL-3.0-or-later
// The further building blocks options.modules asks for beyond the twelve hand-written ones: small
// modules around one Azure resource each, named <area>-<kind> ("orders-cache").
#include "demo/TerraformParts.h"

namespace EnvDeck::Demo::Terraform {
namespace {

struct KindTemplate
{
    const char *kind;
    const char *resourceType; // the module's main resource, output as id
    const char *body;         // resources; `local.name` is the resource name
};

const KindTemplate Kinds[] = {
    {"storage", "azurerm_storage_account", R"hcl(resource "azurerm_storage_account" "this" {
  name                     = substr(replace("st${local.name}", "-", ""), 0, 24)
  location                 = var.location
  resource_group_name      = var.resource_group_name
  account_tier             = "Standard"
  account_replication_type = "ZRS"
  min_tls_version          = "TLS1_2"
  tags                     = var.tags
}
)hcl"},
    {"cache", "azurerm_redis_cache", R"hcl(resource "azurerm_redis_cache" "this" {
  name                = "redis-${local.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  minimum_tls_version = "1.2"
  tags                = var.tags
}
)hcl"},
    {"queue", "azurerm_servicebus_queue", R"hcl(resource "azurerm_servicebus_namespace" "this" {
  name                = "sb-${local.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = "Standard"
  tags                = var.tags
}

resource "azurerm_servicebus_queue" "this" {
  name               = local.name
  namespace_id       = azurerm_servicebus_namespace.this.id
  max_delivery_count = 10
}
)hcl"},
    {"topic", "azurerm_servicebus_topic", R"hcl(resource "azurerm_servicebus_namespace" "this" {
  name                = "sb-${local.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = "Standard"
  tags                = var.tags
}

resource "azurerm_servicebus_topic" "this" {
  name         = local.name
  namespace_id = azurerm_servicebus_namespace.this.id
}
)hcl"},
    {"dns-zone", "azurerm_private_dns_zone", R"hcl(resource "azurerm_private_dns_zone" "this" {
  name                = "${local.name}.internal.example.io"
  resource_group_name = var.resource_group_name
  tags                = var.tags
}
)hcl"},
    {"vault", "azurerm_key_vault", R"hcl(data "azurerm_client_config" "current" {}

resource "azurerm_key_vault" "this" {
  name                      = substr("kv-${local.name}", 0, 24)
  location                  = var.location
  resource_group_name       = var.resource_group_name
  tenant_id                 = data.azurerm_client_config.current.tenant_id
  sku_name                  = "standard"
  purge_protection_enabled  = true
  enable_rbac_authorization = true
  tags                      = var.tags
}
)hcl"},
    {"logs", "azurerm_log_analytics_workspace",
     R"hcl(resource "azurerm_log_analytics_workspace" "this" {
  name                = "log-${local.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = "PerGB2018"
  retention_in_days   = 30
  tags                = var.tags
}
)hcl"},
    {"eventhub", "azurerm_eventhub", R"hcl(resource "azurerm_eventhub_namespace" "this" {
  name                = "evhns-${local.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = "Standard"
  capacity            = 1
  tags                = var.tags
}

resource "azurerm_eventhub" "this" {
  name                = local.name
  namespace_name      = azurerm_eventhub_namespace.this.name
  resource_group_name = var.resource_group_name
  partition_count     = 4
  message_retention   = 1
}
)hcl"},
    {"registry", "azurerm_container_registry", R"hcl(resource "azurerm_container_registry" "this" {
  name                = substr(replace("cr${local.name}", "-", ""), 0, 50)
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = "Premium"
  admin_enabled       = false
  tags                = var.tags
}
)hcl"},
    {"cosmos", "azurerm_cosmosdb_account", R"hcl(resource "azurerm_cosmosdb_account" "this" {
  name                = "cosmos-${local.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  offer_type          = "Standard"
  kind                = "GlobalDocumentDB"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = var.location
    failover_priority = 0
  }

  tags = var.tags
}
)hcl"},
    {"nat", "azurerm_nat_gateway", R"hcl(resource "azurerm_public_ip" "this" {
  name                = "pip-${local.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  allocation_method   = "Static"
  sku                 = "Standard"
  tags                = var.tags
}

resource "azurerm_nat_gateway" "this" {
  name                = "ng-${local.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  sku_name            = "Standard"
  tags                = var.tags
}

resource "azurerm_nat_gateway_public_ip_association" "this" {
  nat_gateway_id       = azurerm_nat_gateway.this.id
  public_ip_address_id = azurerm_public_ip.this.id
}

resource "azurerm_subnet_nat_gateway_association" "this" {
  subnet_id      = var.subnet_id
  nat_gateway_id = azurerm_nat_gateway.this.id
}
)hcl"},
    {"waf", "azurerm_web_application_firewall_policy",
     R"hcl(resource "azurerm_web_application_firewall_policy" "this" {
  name                = "waf-${local.name}"
  location            = var.location
  resource_group_name = var.resource_group_name

  managed_rules {
    managed_rule_set {
      type    = "OWASP"
      version = "3.2"
    }
  }

  policy_settings {
    enabled = true
    mode    = "Prevention"
  }

  tags = var.tags
}
)hcl"},
};

const KindTemplate &kindOf(const ModuleSpec &module)
{
    for (const KindTemplate &k : Kinds) {
        if (module.generatedKind == QLatin1String(k.kind))
            return k;
    }
    return Kinds[0];
}

} // namespace

QByteArray generatedModuleMain(const ModuleSpec &module)
{
    return "# " + module.name.toUtf8() + ": " + QByteArray(kindOf(module).kind)
           + " building block.\nlocals {\n  name = \"${var.name_prefix}-" + module.name.toUtf8()
           + "\"\n}\n\n" + kindOf(module).body;
}

QByteArray generatedModuleVariables()
{
    return R"hcl(variable "name_prefix" {
  type        = string
  description = "Prefix of every resource name."
}

variable "location" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "subnet_id" {
  type        = string
  description = "Subnet for private access (network's \"data\" subnet)."
  default     = null
}

variable "tags" {
  type    = map(string)
  default = {}
}
)hcl";
}

QByteArray generatedModuleOutputs(const ModuleSpec &module)
{
    const QByteArray type = kindOf(module).resourceType;
    return "output \"id\" {\n  value = " + type
           + ".this.id\n}\n\noutput \"name\" {\n  value = " + type + ".this.name\n}\n";
}

} // namespace EnvDeck::Demo::Terraform
