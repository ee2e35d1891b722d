locals {
  merged     = merge(var.default_tags, var.extra_tags, { managed_by = "terraform" })
  joined     = join(",", concat(var.a, var.b))
  expanded   = concat(var.lists...)
  min_value  = min(var.numbers...)
  formatted  = format("%s-%03d", var.prefix, var.index)
  cidr       = cidrsubnet(var.vpc_cidr, 8, count.index)
  encoded    = jsonencode({ key = "value", list = [1, 2] })
  yaml       = yamldecode(file("${path.module}/config.yaml"))
  safe       = try(var.optional.value, "fallback")
  coalesced  = coalesce(var.a, var.b, "default")
  lookup_map = lookup(var.map, "key", null)
  rendered   = templatefile("${path.module}/templates/app.tpl", {
    name  = var.name
    ports = var.ports
  })
  multiline_call = replace(
    var.input,
    "/[^a-z0-9]/",
    "-",
  )
  no_args = timestamp()
}
