terraform {}
locals { single = "value" }
data "aws_region" "current" {}
resource "random_id" "suffix" { byte_length = 4 }
module "labels" { source = "./modules/labels" }
provider "random" {}
moved {
  from = aws_instance.old
  to   = aws_instance.new
}
