variable "environment" {
  type        = string
  description = "Deployment environment (dev, staging, prod)"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "The environment must be dev, staging or prod."
  }
}

variable "node_pools" {
  type = map(object({
    vm_size    = string
    node_count = optional(number, 1)
    taints     = optional(list(object({ key = string, value = string, effect = string })), [])
  }))
  default = {}
}

variable "empty" {}

variable "sensitive_value" {
  type      = string
  sensitive = true
  nullable  = false
}

output "cluster_endpoint" {
  value       = azurerm_kubernetes_cluster.main.kube_config[0].host
  sensitive   = true
  description = "API server endpoint"
}
