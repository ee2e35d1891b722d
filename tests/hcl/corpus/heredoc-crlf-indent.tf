# A Windows checkout: every line ends in CR LF, heredocs included.
locals {
  script = <<-EOT
    #!/bin/sh
    set -eu

      echo "indented twice"
    echo "${var.name}" $${HOME}
  EOT

  policy = <<-POLICY
      {
        "Version": "2012-10-17",
    %{~ for s in var.statements ~}
        "Sid": "${s}",
    %{~ endfor ~}
        "Effect": "Allow"
      }
  POLICY

  mixed = <<-EOT
    first
  %{ if var.verbose ~}
    verbose
  %{~ else ~}
    quiet
  %{ endif ~}
    last
    EOT

  plain = <<EOT
  keeps  ${var.x}  as written
    and the CR LF endings
EOT

  only_blank = <<-EOT

      text after a blank line

  EOT
}

resource "null_resource" "crlf" {
  triggers = {
    body = <<-BODY
      a ${~ var.a ~} b
        c ${var.c ~}
      d
    BODY
  }
}
