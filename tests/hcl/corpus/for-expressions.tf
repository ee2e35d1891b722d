locals {
  upper_names  = [for n in var.names : upper(n)]
  with_index   = [for i, n in var.names : "${i}:${n}"]
  filtered     = [for n in var.names : n if length(n) > 3]
  to_map       = { for n in var.names : n => length(n) }
  kv_map       = { for k, v in var.tags : lower(k) => v if v != "" }
  grouped      = { for u in var.users : u.team => u.name... }
  nested_for   = flatten([for s in var.subnets : [for z in s.zones : "${s.name}-${z}"]])
  splat_attr   = var.instances[*].id
  splat_legacy = var.instances.*.private_ip
  splat_nested = var.clusters[*].node_pools[0].name
  index_key    = var.settings["timeout"]
  index_expr   = var.settings[local.key]
  legacy_index = var.list.0
  chained      = module.network.subnets["private"].ids[0]
  call_attr    = element(var.zones, 0).name
  tuple_index  = [1, 2, 3][1]
  paren_attr   = (var.obj).field
}
