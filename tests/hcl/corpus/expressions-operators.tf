locals {
  sum        = 1 + 2 * 3
  grouped    = (1 + 2) * 3
  mixed      = var.a * var.b + var.c / var.d - var.e % 4
  compare    = var.count >= 3 && var.count < 10 || var.force
  equality   = var.env == "prod" != false
  negation   = !var.disabled
  negative   = -var.offset
  neg_lit    = -5
  not_lit    = !true
  double_neg = - -1
  paren_neg  = -(var.x + 1)
  ternary    = var.enabled ? var.count * 2 : 0
  nested_tern = var.a ? "a" : var.b ? "b" : "c"
  cmp_chain  = (var.x > 1) == (var.y <= 2)
  precedence = !var.a || var.b && var.c == var.d
  unary_bin  = -var.a * -var.b
  division   = var.total / (var.parts + 1)
  null_check = var.value != null ? var.value : "default"
}
