locals {
  greeting  = "Hello, %{ if var.name != "" }${var.name}%{ else }stranger%{ endif }!"
  no_else   = "prefix-%{if var.suffix_enabled}${var.suffix}%{endif}"
  list      = "%{ for i, v in var.items }${i}=${v};%{ endfor }"
  stripped  = "%{~ for v in var.items ~} [${v}] %{~ endfor ~}"
  inline_if = "x${var.a ? "yes" : "no"}y"
  only_cond = "${var.a ? "yes" : "no"}"
  nested_if = "%{if var.a}%{if var.b}both%{else}a%{endif}%{endif}"
  cond_expr = "v=${var.enabled ? var.value : ""}"
  for_range = "%{for n in range(3)}${n}%{endfor}"
  hosts = <<-EOT
    %{~ for name, ip in var.hosts ~}
    ${ip} ${name}
    %{~ endfor ~}
  EOT
}
