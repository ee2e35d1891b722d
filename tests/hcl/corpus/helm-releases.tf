resource "helm_release" "ingress_nginx" {
  name             = "ingress-nginx"
  repository       = "https://kubernetes.github.io/ingress-nginx"
  chart            = "ingress-nginx"
  version          = "4.8.3"
  namespace        = "ingress-nginx"
  create_namespace = true
  atomic           = true
  timeout          = 600

  values = [
    templatefile("${path.module}/values/ingress-nginx.yaml.tpl", {
      replicas     = var.environment == "prod" ? 3 : 1
      internal     = var.internal_ingress
      load_balancer_ip = cidrhost(var.ingress_cidr, 10)
    }),
    file("${path.module}/values/common.yaml"),
  ]

  set {
    name  = "controller.metrics.enabled"
    value = "true"
  }

  set {
    name  = "controller.service.annotations.service\\.beta\\.kubernetes\\.io/azure-load-balancer-internal"
    value = tostring(var.internal_ingress)
  }

  dynamic "set" {
    for_each = var.extra_values
    content {
      name  = set.key
      value = set.value
    }
  }
}

resource "helm_release" "cert_manager" {
  name       = "cert-manager"
  repository = "https://charts.jetstack.io"
  chart      = "cert-manager"
  version    = "v1.13.2"
  namespace  = "cert-manager"
  depends_on = [helm_release.ingress_nginx]

  set { name = "installCRDs" }
}
