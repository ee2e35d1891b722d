locals {
  cloud_init = <<-CLOUDINIT
    #cloud-config
    package_update: true
    packages:
    %{ for pkg in var.packages ~}
      - ${pkg}
    %{ endfor ~}
    write_files:
      - path: /etc/motd
        content: |
          Welcome to ${var.hostname}
    %{ if var.enable_docker ~}
    runcmd:
      - curl -fsSL https://get.docker.com | sh
    %{ else ~}
    runcmd: []
    %{ endif ~}
  CLOUDINIT

  motd = <<EOF
Hello ${var.user}!
%{if var.admin}You are an administrator.%{else}You are a user.%{endif}
Escapes stay literal here: \n \t "quotes" $${not_interpolated}
EOF
}

resource "aws_instance" "bastion" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"
  user_data     = base64encode(local.cloud_init)
}
