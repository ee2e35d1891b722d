# Provider-defined functions (Terraform 1.8+): provider::NAME::FUNCTION(args).
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.40"
    }
  }
}

locals {
  arn        = provider::aws::arn_parse(var.bucket_arn)
  account_id = provider::aws::arn_parse(var.bucket_arn).account_id
  built      = provider::aws::arn_build("aws", "s3", "", "", var.bucket_name)
  spaced     = provider :: aws :: arn_parse( var.bucket_arn )
  in_string  = "account ${provider::aws::arn_parse(var.bucket_arn).account_id} in ${var.region}"
  expanded   = provider::terraform::encode_tfvars(merge(var.base, { env = var.env })...)
  nested     = upper(provider::aws::arn_parse(var.role_arn).resource)
  listed = [
    provider::time::rfc3339_parse("2026-11-26T08:00:00Z").year,
    provider::
    aws::arn_parse(var.role_arn).service,
  ]
  chosen = var.enabled ? provider::aws::arn_parse(var.role_arn).region : null
  by_key = { for k, v in var.arns : k => provider::aws::arn_parse(v).account_id }
}

output "bucket_account" {
  value = provider::aws::arn_parse(aws_s3_bucket.logs.arn)["account_id"]
}
