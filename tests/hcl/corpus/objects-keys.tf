locals {
  equals_style = { a = 1, b = 2 }
  colon_style  = { "a" : 1, "b" : 2 }
  multiline = {
    name    = "web"
    "quoted key" = "yes"
    nested = {
      deep = {
        deeper = true
      }
    }
  }
  trailing_commas = {
    one = 1,
    two = 2,
  }
  expr_keys = {
    (var.key_name) = "dynamic"
    (local.prefix) = 1
    "${var.env}-suffix" = "templated"
  }
  number_key = { 1 = "one", 2 = "two" }
  traversal_key = { var.name = "kept as text" }
  duplicated = { a = 1, a = 2 }
}
