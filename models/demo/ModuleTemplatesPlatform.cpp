// SPDX-License-Identifier: GPL-3.0-or-later
// HCL of the infrastructure building blocks: network, kubernetes-cluster and key-vault-secrets.
#include "ModuleTemplates.h"

namespace EnvDeck::Demo {
namespace {

const ModuleTemplate Network{
    R"hcl(# Resource group, virtual network and subnets of one environment.
resource "azurerm_resource_group" "this" {
  name     = "rg-${var.name_prefix}"
  location = var.location
  tags     = var.tags
}

resource "azurerm_virtual_network" "this" {
  name                = "vnet-${var.name_prefix}"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  address_space       = [var.address_space]
  tags                = var.tags
@0m@}

resource "azurerm_subnet" "this" {
  for_each = var.subnets

  name                 = "snet-${each.key}"
  resource_group_name  = azurerm_resource_group.this.name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [cidrsubnet(var.address_space, 4, each.value)]
@3m@}
@1m@)hcl",
    R"hcl(variable "name_prefix" {
  type        = string
  description = "Prefix of every resource name, e.g. prod-eu-weu."
}

variable "location" {
  type        = string
  description = "Azure region."
}

variable "address_space" {
  type        = string
  description = "CIDR range of the virtual network."
}

variable "subnets" {
  type        = map(number)
  description = "Subnet name => index of its /20 inside the address space."
  default = {
    aks         = 0
    data        = 1
    integration = 2
@2v@  }
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}
@0v@)hcl",
    R"hcl(output "resource_group_name" {
  value = azurerm_resource_group.this.name
}

output "location" {
  value = azurerm_resource_group.this.location
}

output "vnet_id" {
  value = azurerm_virtual_network.this.id
}

output "subnet_ids" {
  description = "Subnet name => subnet id."
  value       = { for name, subnet in azurerm_subnet.this : name => subnet.id }
}
@1o@)hcl",
    {
        {"enable the DDoS protection plan when one is given",
         R"hcl(
  dynamic "ddos_protection_plan" {
    for_each = var.ddos_protection_plan_id == null ? [] : [var.ddos_protection_plan_id]
    content {
      id     = ddos_protection_plan.value
      enable = true
    }
  }
)hcl",
         R"hcl(
variable "ddos_protection_plan_id" {
  type        = string
  description = "DDoS protection plan to attach, or null."
  default     = null
}
)hcl"},
        {"add a network security group per subnet",
         R"hcl(
resource "azurerm_network_security_group" "this" {
  for_each = var.subnets

  name                = "nsg-${var.name_prefix}-${each.key}"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = var.tags
}

resource "azurerm_subnet_network_security_group_association" "this" {
  for_each = var.subnets

  subnet_id                 = azurerm_subnet.this[each.key].id
  network_security_group_id = azurerm_network_security_group.this[each.key].id
}
)hcl",
         "",
         R"hcl(
output "network_security_group_ids" {
  value = { for name, nsg in azurerm_network_security_group.this : name => nsg.id }
}
)hcl"},
        {"reserve a subnet for private endpoints", "", "    private-endpoints = 3\n"},
        {"enable service endpoints for Key Vault and Storage",
         "  service_endpoints    = [\"Microsoft.KeyVault\", \"Microsoft.Storage\"]\n"},
    }};

const ModuleTemplate Cluster{
    R"hcl(# The AKS cluster every environment runs its workloads on.
resource "azurerm_kubernetes_cluster" "this" {
  name                = "aks-${var.name_prefix}"
  location            = var.location
  resource_group_name = var.resource_group_name
  dns_prefix          = var.name_prefix
  kubernetes_version  = var.kubernetes_version
@0m@@3m@@4m@
  default_node_pool {
    name           = "system"
    vm_size        = var.vm_size
    node_count     = var.node_count
    vnet_subnet_id = var.subnet_ids["aks"]
@2m@  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "calico"
  }

  tags = var.tags
}
@1m@)hcl",
    R"hcl(variable "name_prefix" {
  type        = string
  description = "Prefix of every resource name."
}

variable "location" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "subnet_ids" {
  type        = map(string)
  description = "Subnet ids from the network module; the nodes go into \"aks\"."
}

variable "kubernetes_version" {
  type        = string
  description = "AKS version, e.g. 1.27.7."
}

variable "node_count" {
  type        = number
  description = "Nodes in the system pool."
  default     = 3
}

variable "vm_size" {
  type    = string
  default = "Standard_D4s_v5"
}

variable "tags" {
  type    = map(string)
  default = {}
}
@1v@@2v@)hcl",
    R"hcl(output "cluster_name" {
  value = azurerm_kubernetes_cluster.this.name
}

output "kube_config" {
  description = "Connection settings for the helm and kubernetes providers."
  sensitive   = true
  value = {
    host                   = azurerm_kubernetes_cluster.this.kube_config[0].host
    client_certificate     = azurerm_kubernetes_cluster.this.kube_config[0].client_certificate
    client_key             = azurerm_kubernetes_cluster.this.kube_config[0].client_key
    cluster_ca_certificate = azurerm_kubernetes_cluster.this.kube_config[0].cluster_ca_certificate
  }
}

output "kubelet_identity_object_id" {
  value = azurerm_kubernetes_cluster.this.kubelet_identity[0].object_id
}
@0o@)hcl",
    {
        {"enable workload identity and the OIDC issuer",
         "  oidc_issuer_enabled       = true\n  workload_identity_enabled = true\n", "",
         R"hcl(
output "oidc_issuer_url" {
  value = azurerm_kubernetes_cluster.this.oidc_issuer_url
}
)hcl"},
        {"add a user node pool for batch workloads",
         R"hcl(
resource "azurerm_kubernetes_cluster_node_pool" "batch" {
  name                  = "batch"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.this.id
  vm_size               = var.vm_size
  node_count            = var.batch_node_count
  vnet_subnet_id        = var.subnet_ids["aks"]
  node_taints           = ["workload=batch:NoSchedule"]
  tags                  = var.tags
}
)hcl",
         R"hcl(
variable "batch_node_count" {
  type        = number
  description = "Nodes in the batch pool."
  default     = 1
}
)hcl"},
        {"enable the cluster autoscaler on the system pool",
         "    enable_auto_scaling = true\n    min_count           = var.node_count\n"
         "    max_count           = var.max_node_count\n",
         R"hcl(
variable "max_node_count" {
  type        = number
  description = "Upper bound for the autoscaler."
  default     = 8
}
)hcl"},
        {"turn on the Azure Policy add-on", "  azure_policy_enabled      = true\n"},
        {"follow the stable automatic upgrade channel",
         "  automatic_channel_upgrade = \"stable\"\n"},
    }};

const ModuleTemplate KeyVault{
    R"hcl(# Key Vault holding the secrets services read; the secrets themselves are set by hand.
data "azurerm_client_config" "current" {}

resource "azurerm_key_vault" "this" {
  name                       = "kv-${var.name_prefix}"
  location                   = var.location
  resource_group_name        = var.resource_group_name
  tenant_id                  = var.tenant_id
  sku_name                   = "standard"
  soft_delete_retention_days = 30
@0m@@1m@  tags                       = var.tags
}

resource "azurerm_key_vault_access_policy" "readers" {
  for_each = toset(var.reader_object_ids)

  key_vault_id       = azurerm_key_vault.this.id
  tenant_id          = var.tenant_id
  object_id          = each.value
  secret_permissions = ["Get", "List"]
}

data "azurerm_key_vault_secret" "this" {
  for_each = toset(var.secret_names)

  name         = each.value
  key_vault_id = azurerm_key_vault.this.id
}
@2m@)hcl",
    R"hcl(variable "name_prefix" {
  type = string
}

variable "location" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "tenant_id" {
  type        = string
  description = "Azure AD tenant of the vault."
}

variable "reader_object_ids" {
  type        = list(string)
  description = "Identities allowed to read secrets (the cluster's kubelet identity)."
  default     = []
}

variable "secret_names" {
  type        = list(string)
  description = "Secrets the services need; they must exist in the vault."
}

variable "tags" {
  type    = map(string)
  default = {}
}
@1v@)hcl",
    R"hcl(output "vault_id" {
  value = azurerm_key_vault.this.id
}

output "vault_uri" {
  value = azurerm_key_vault.this.vault_uri
}

output "secret_ids" {
  value = { for name, secret in data.azurerm_key_vault_secret.this : name => secret.id }
}

output "secret_values" {
  sensitive = true
  value     = { for name, secret in data.azurerm_key_vault_secret.this : name => secret.value }
}
)hcl",
    {
        {"enable purge protection", "  purge_protection_enabled   = true\n"},
        {"restrict network access to the given subnets",
         R"hcl(
  network_acls {
    bypass                     = "AzureServices"
    default_action             = "Deny"
    virtual_network_subnet_ids = var.allowed_subnet_ids
  }
)hcl",
         R"hcl(
variable "allowed_subnet_ids" {
  type        = list(string)
  description = "Subnets that may reach the vault."
  default     = []
}
)hcl"},
        {"grant the pipeline identity secret management",
         R"hcl(
resource "azurerm_key_vault_access_policy" "pipeline" {
  key_vault_id       = azurerm_key_vault.this.id
  tenant_id          = var.tenant_id
  object_id          = data.azurerm_client_config.current.object_id
  secret_permissions = ["Get", "List", "Set", "Delete"]
}
)hcl"},
    }};

} // namespace

const ModuleTemplate *platformModuleTemplate(ModuleKind kind)
{
    switch (kind) {
    case ModuleKind::Network:
        return &Network;
    case ModuleKind::Cluster:
        return &Cluster;
    case ModuleKind::KeyVault:
        return &KeyVault;
    default:
        return nullptr;
    }
}

} // namespace EnvDeck::Demo
