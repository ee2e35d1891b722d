locals {
  café     = "UTF-8 identifier"
  größe    = 3
  données  = { clé = "valeur", ключ = "значение" }
  uses     = local.café
}

resource "null_resource" "über" {
  triggers = { 名前 = "テスト" }
}
