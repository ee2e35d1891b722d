data "azurerm_client_config" "current" {}

resource "azurerm_key_vault" "main" {
  name                       = substr("kv-${var.project}-${var.environment}", 0, 24)
  location                   = var.location
  resource_group_name        = azurerm_resource_group.main.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  soft_delete_retention_days = 90
  purge_protection_enabled   = var.environment == "prod"

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
    ip_rules       = concat(var.office_ips, [for ip in var.ci_ips : "${ip}/32"])
  }
}

resource "azurerm_key_vault_secret" "app" {
  for_each     = { for s in var.secrets : s.name => s if s.enabled }
  name         = replace(each.key, "_", "-")
  value        = each.value.value
  key_vault_id = azurerm_key_vault.main.id
  content_type = "text/plain"
  expiration_date = timeadd(timestamp(), "8760h")

  tags = {
    owner   = each.value.owner
    rotated = "false"
  }
}

resource "azurerm_key_vault_access_policy" "readers" {
  count        = length(var.reader_object_ids)
  key_vault_id = azurerm_key_vault.main.id
  tenant_id    = data.azurerm_client_config.current.tenant_id
  object_id    = var.reader_object_ids[count.index]

  secret_permissions = ["Get", "List"]
}
