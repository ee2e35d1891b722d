variable "sizes" {
  type = object({
    small  = number
    medium = number
  })
  default = {
    small  = 1
    medium = 2.5
  }
}

locals {
  zero       = 0
  integer    = 42
  big        = 1000000
  float      = 3.14159
  trailing   = 1.50
  exponent   = 1e3
  exp_upper  = 2.5E-3
  exp_plus   = 6.02e+23
  ports      = [80, 443, 8080, 65535]
  yes        = true
  no         = false
  nothing    = null
  tuple_mix  = [1, "two", true, null, 4.5]
  nested     = [[1, 2], [3, [4, 5]], []]
  empty_list = []
  empty_map  = {}
}
