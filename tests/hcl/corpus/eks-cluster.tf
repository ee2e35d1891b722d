module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 19.21"

  cluster_name    = local.cluster_name
  cluster_version = "1.28"

  vpc_id                         = module.vpc.vpc_id
  subnet_ids                     = module.vpc.private_subnets
  cluster_endpoint_public_access = true

  eks_managed_node_group_defaults = {
    ami_type       = "AL2_x86_64"
    instance_types = ["t3.large", "t3a.large"]
  }

  eks_managed_node_groups = {
    general = {
      min_size     = 1
      max_size     = 10
      desired_size = 3
      labels = {
        role = "general"
      }
    }
    spot = {
      min_size       = 0
      max_size       = 20
      desired_size   = 0
      capacity_type  = "SPOT"
      instance_types = ["m5.large", "m5a.large", "m4.large"]
      taints = [{
        key    = "spot"
        value  = "true"
        effect = "NO_SCHEDULE"
      }]
    }
  }

  manage_aws_auth_configmap = true
  aws_auth_roles = [
    for role in var.admin_roles : {
      rolearn  = role.arn
      username = role.name
      groups   = ["system:masters"]
    }
  ]
}

data "aws_eks_cluster_auth" "this" {
  name = module.eks.cluster_name
}

output "node_group_arns" {
  value = module.eks.eks_managed_node_groups[*].node_group_arn
}

output "first_subnet" {
  value = module.vpc.private_subnets.0
}

output "legacy_ids" {
  value = aws_instance.web.*.id
}
