# This file starts with a UTF-8 byte order mark
locals {
  bom = true
}
