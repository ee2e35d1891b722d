locals {
  crlf = "windows line endings"
  list = [
    "a",
    "b",
  ]
  policy = <<EOT
{"a": "${var.x}"}
EOT
}

resource "azurerm_resource_group" "main" {
  name     = "rg-${var.project}"
  location = var.location
}
