// SPDX-License-Identifier: GPL-3.0-or-later
// HCL of the building blocks that install third-party Helm charts: platform and monitoring.
#include "ModuleTemplates.h"

namespace EnvDeck::Demo {
namespace {

const ModuleTemplate Platform{
    R"hcl(# Cluster add-ons every environment needs: ingress, certificates, DNS records.
# Chart versions come from third_party in the environment's versions.yaml.
resource "kubernetes_namespace" "ingress" {
  metadata {
    name = "ingress-nginx"
  }
}

resource "helm_release" "ingress_nginx" {
  name       = "ingress-nginx"
  chart      = "ingress-nginx"
  repository = var.third_party["ingress-nginx"].repository
  version    = var.third_party["ingress-nginx"].version
  namespace  = kubernetes_namespace.ingress.metadata[0].name

  set {
    name  = "controller.service.externalTrafficPolicy"
    value = "Local"
  }
@0m@@1m@}

resource "helm_release" "cert_manager" {
  name             = "cert-manager"
  chart            = "cert-manager"
  repository       = var.third_party["cert-manager"].repository
  version          = var.third_party["cert-manager"].version
  namespace        = "cert-manager"
  create_namespace = true
@2m@}

resource "helm_release" "external_dns" {
  name             = "external-dns"
  chart            = "external-dns"
  repository       = var.third_party["external-dns"].repository
  version          = var.third_party["external-dns"].version
  namespace        = "external-dns"
  create_namespace = true

  set {
    name  = "domainFilters[0]"
    value = var.dns_zone
  }
}

resource "kubernetes_secret" "acme_contact" {
  metadata {
    name      = "acme-contact"
    namespace = helm_release.cert_manager.namespace
  }
  data = {
    email = var.acme_email
  }
}
)hcl",
    R"hcl(variable "kube_config" {
  type = object({
    host                   = string
    client_certificate     = string
    client_key             = string
    cluster_ca_certificate = string
  })
  description = "From module.cluster.kube_config."
  sensitive   = true
}

variable "third_party" {
  type        = map(object({ version = string, repository = string }))
  description = "third_party from versions.yaml."
}

variable "dns_zone" {
  type        = string
  description = "Zone external-dns manages."
}

variable "acme_email" {
  type    = string
  default = "platform@example.io"
}
)hcl",
    R"hcl(output "ingress_class" {
  value = "nginx"
}

output "ingress_namespace" {
  value = kubernetes_namespace.ingress.metadata[0].name
}

output "cluster_host" {
  value     = var.kube_config.host
  sensitive = true
}
)hcl",
    {
        {"run two ingress controller replicas",
         "\n  set {\n    name  = \"controller.replicaCount\"\n    value = \"2\"\n  }\n"},
        {"expose ingress metrics to Prometheus",
         "\n  set {\n    name  = \"controller.metrics.enabled\"\n    value = \"true\"\n  }\n"},
        {"install the cert-manager CRDs with the chart",
         "\n  set {\n    name  = \"installCRDs\"\n    value = \"true\"\n  }\n"},
    }};

const ModuleTemplate Monitoring{
    R"hcl(# Prometheus, Alertmanager and Grafana through kube-prometheus-stack.
resource "kubernetes_namespace" "monitoring" {
  metadata {
    name = "monitoring"
  }
}

resource "helm_release" "kube_prometheus_stack" {
  name       = "kube-prometheus-stack"
  chart      = "kube-prometheus-stack"
  repository = var.third_party["kube-prometheus-stack"].repository
  version    = var.third_party["kube-prometheus-stack"].version
  namespace  = kubernetes_namespace.monitoring.metadata[0].name
  timeout    = 900

  set {
    name  = "grafana.ingress.enabled"
    value = "true"
  }
@0m@@2m@}

resource "kubernetes_config_map" "alert_routes" {
  metadata {
    name      = "alert-routes"
    namespace = kubernetes_namespace.monitoring.metadata[0].name
  }
  data = {
    "routes.yaml" = yamlencode({ receiver = "platform-team", group_by = ["alertname"] })
  }
}
@1m@)hcl",
    R"hcl(variable "kube_config" {
  type        = map(string)
  description = "From module.cluster.kube_config."
  sensitive   = true
}

variable "third_party" {
  type        = map(object({ version = string, repository = string }))
  description = "third_party from versions.yaml."
}

variable "environment" {
  type = string
}
@0v@)hcl",
    R"hcl(output "namespace" {
  value = kubernetes_namespace.monitoring.metadata[0].name
}
)hcl",
    {
        {"keep Prometheus data for 15 days",
         "\n  set {\n    name  = \"prometheus.prometheusSpec.retention\"\n"
         "    value = var.retention\n  }\n",
         R"hcl(
variable "retention" {
  type        = string
  description = "How long Prometheus keeps samples."
  default     = "15d"
}
)hcl"},
        {"route critical alerts to the on-call channel",
         R"hcl(
resource "kubernetes_secret" "oncall_webhook" {
  metadata {
    name      = "oncall-webhook"
    namespace = kubernetes_namespace.monitoring.metadata[0].name
  }
  data = {
    url = "https://oncall.example.io/hooks/${var.environment}"
  }
}
)hcl"},
        {"enable Grafana persistence",
         "\n  set {\n    name  = \"grafana.persistence.enabled\"\n    value = \"true\"\n  }\n"},
    }};

} // namespace

const ModuleTemplate *chartModuleTemplate(ModuleKind kind)
{
    switch (kind) {
    case ModuleKind::Platform:
        return &Platform;
    case ModuleKind::Monitoring:
        return &Monitoring;
    default:
        return nullptr;
    }
}

} // namespace EnvDeck::Demo
