# AKS cluster for the platform team
resource "azurerm_kubernetes_cluster" "main" {
  name                = "aks-${var.environment}-${var.location_short}"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  dns_prefix          = "aks${var.environment}"
  kubernetes_version  = var.kubernetes_version
  sku_tier            = var.environment == "prod" ? "Standard" : "Free"

  default_node_pool {
    name                = "system"
    vm_size             = "Standard_D4s_v3"
    node_count          = 3
    min_count           = 3
    max_count           = 6
    enable_auto_scaling = true
    vnet_subnet_id      = azurerm_subnet.aks.id
    zones               = ["1", "2", "3"]
    max_pods            = 110
    os_disk_size_gb     = 128
    node_labels = {
      "nodepool-type" = "system"
      environment     = var.environment
    }
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin    = "azure"
    network_policy    = "calico"
    load_balancer_sku = "standard"
    service_cidr      = "10.240.0.0/16"
    dns_service_ip    = "10.240.0.10"
  }

  oms_agent {
    log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id
  }

  tags = merge(local.common_tags, {
    component = "aks"
  })

  lifecycle {
    ignore_changes = [default_node_pool[0].node_count, tags["created"]]
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  for_each              = var.node_pools
  name                  = each.key
  kubernetes_cluster_id = azurerm_kubernetes_cluster.main.id
  vm_size               = each.value.vm_size
  node_count            = lookup(each.value, "node_count", 1)
  node_taints           = [for t in each.value.taints : "${t.key}=${t.value}:${t.effect}"]
  mode                  = "User"
}
