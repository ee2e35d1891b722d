environment        = "prod"
location           = "westeurope"
kubernetes_version = "1.28.3"
node_count         = 5
enable_monitoring  = true
office_ips         = ["203.0.113.10", "198.51.100.0/24"]
tags = {
  owner       = "platform-team"
  cost_center = "CC-1042"
  "app:tier"  = "backend"
}
node_pools = {
  general = {
    vm_size    = "Standard_D8s_v3"
    node_count = 3
  }
  gpu = {
    vm_size    = "Standard_NC6s_v3"
    node_count = 0
    taints     = [{ key = "sku", value = "gpu", effect = "NoSchedule" }]
  }
}
secrets = [
  { name = "db_password", value = "", enabled = false, owner = "dba" },
]
