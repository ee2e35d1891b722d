# A hash comment at the top
// A double-slash comment
/* A block comment
   spanning several lines */

resource "null_resource" "example" { # trailing hash comment
  triggers = {
    // comment inside an object
    always = timestamp() # after a value
    /* inline */ version = "1"
  }
  count = 1 // after a number
  list = [
    1, # one
    2, // two
    /* three */ 3,
  ]
}

/* block comment between items */
locals {
  commented = true
}
# last line comment
