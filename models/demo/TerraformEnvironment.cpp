// SPDX-License-Identifier: GPL-3.0-or-later
// The Terraform root module of one environment: environments/<name>/*.tf.
#include "demo/TerraformParts.h"

#include <algorithm>
#include <utility>

namespace EnvDeck::Demo::Terraform {
namespace {

// Where a module call appears in main.tf: foundations first, workloads last.
int rank(ModuleKind kind)
{
    switch (kind) {
    case ModuleKind::Network:
        return 0;
    case ModuleKind::Dns:
        return 1;
    case ModuleKind::Cluster:
        return 2;
    case ModuleKind::KeyVault:
        return 3;
    case ModuleKind::Postgres:
        return 4;
    case ModuleKind::Redis:
        return 5;
    case ModuleKind::Storage:
        return 6;
    case ModuleKind::ServiceBus:
        return 7;
    case ModuleKind::Platform:
        return 8;
    case ModuleKind::Monitoring:
        return 9;
    case ModuleKind::Services:
        return 10;
    case ModuleKind::Integrations:
        return 11;
    case ModuleKind::Generated:
        return 12;
    }
    return 12;
}

const char *secretNames(const Layout &layout)
{
    return layout.hasModule(ModuleKind::Postgres)
               ? "[\"postgres-admin-password\", \"payments-api-key\", \"smtp-password\", "
                 "\"erp-api-token\", \"sftp-private-key\"]"
               : "[\"payments-api-key\", \"smtp-password\", \"erp-api-token\", "
                 "\"sftp-private-key\"]";
}

Attributes moduleArguments(const Layout &layout, const ModuleSpec &module)
{
    const QByteArray source = "\"../../modules/" + module.name.toUtf8() + '"';
    const std::pair<QByteArray, QByteArray> prefix{"name_prefix", "local.name_prefix"};
    const std::pair<QByteArray, QByteArray> location{"location", "var.location"};
    const std::pair<QByteArray, QByteArray> group{"resource_group_name",
                                                  "module.network.resource_group_name"};
    const std::pair<QByteArray, QByteArray> tags{"tags", "local.tags"};
    const std::pair<QByteArray, QByteArray> kube{"kube_config", "module.cluster.kube_config"};
    Attributes args{{"source", source}};
    switch (module.kind) {
    case ModuleKind::Network:
        args << prefix << location
             << std::pair<QByteArray, QByteArray>{"address_space", "var.address_space"} << tags;
        break;
    case ModuleKind::Dns:
        args << std::pair<QByteArray, QByteArray>{"zone_name", "var.dns_zone"} << group << tags;
        break;
    case ModuleKind::Cluster:
        args << prefix << location << group
             << Attributes{{"subnet_ids", "module.network.subnet_ids"},
                           {"kubernetes_version", "var.kubernetes_version"},
                           {"node_count", "var.node_count"},
                           {"vm_size", "var.vm_size"}}
             << tags;
        break;
    case ModuleKind::KeyVault:
        args << prefix << location << group
             << Attributes{{"tenant_id", "var.tenant_id"},
                           {"reader_object_ids", "[module.cluster.kubelet_identity_object_id]"},
                           {"secret_names", secretNames(layout)}}
             << tags;
        break;
    case ModuleKind::Postgres:
        args << prefix << location << group
             << Attributes{{"subnet_id", "module.network.subnet_ids[\"data\"]"},
                           {"key_vault_id", "module.key_vault.vault_id"},
                           {"sku_name", "var.postgres_sku"}}
             << tags;
        break;
    case ModuleKind::Redis:
        args << prefix << location << group
             << std::pair<QByteArray,
                          QByteArray>{"sku_name",
                                      "var.tier == \"production\" ? \"Premium\" : \"Standard\""}
             << tags;
        break;
    case ModuleKind::Storage:
        args << prefix << location << group << tags;
        break;
    case ModuleKind::ServiceBus:
        args << prefix << location << group
             << std::pair<QByteArray,
                          QByteArray>{"sku",
                                      "var.tier == \"production\" ? \"Premium\" : \"Standard\""}
             << tags;
        break;
    case ModuleKind::Platform:
        args << kube
             << std::pair<QByteArray, QByteArray>{"third_party", "local.versions.third_party"}
             << std::pair<QByteArray, QByteArray>{"dns_zone", layout.hasModule(ModuleKind::Dns)
                                                                  ? "module.dns.zone_name"
                                                                  : "var.dns_zone"};
        break;
    case ModuleKind::Monitoring:
        args << kube
             << std::pair<QByteArray, QByteArray>{"third_party", "local.versions.third_party"}
             << std::pair<QByteArray, QByteArray>{"environment", "var.environment"};
        break;
    case ModuleKind::Services:
    case ModuleKind::Integrations:
        args << kube
             << Attributes{{"components", "local.versions.components"},
                           {"environment", "var.environment"},
                           {"key_vault_uri", "module.key_vault.vault_uri"},
                           {"secrets", "module.key_vault.secret_values"}};
        if (layout.hasModule(ModuleKind::Postgres))
            args << std::pair<QByteArray, QByteArray>{"database_url",
                                                      "module.postgres.connection_string"};
        break;
    case ModuleKind::Generated:
        args << prefix << location << group
             << std::pair<QByteArray, QByteArray>{"subnet_id",
                                                  "module.network.subnet_ids[\"data\"]"}
             << tags;
        break;
    }
    return args;
}

QByteArray dependsOn(const Layout &layout, const ModuleSpec &module)
{
    switch (module.kind) {
    case ModuleKind::Services:
    case ModuleKind::Monitoring:
        return "\n  depends_on = [module.platform]\n";
    case ModuleKind::Integrations:
        return "\n  depends_on = [module.services]\n";
    case ModuleKind::Postgres:
        return "\n  depends_on = [module.key_vault]\n";
    default:
        Q_UNUSED(layout);
        return {};
    }
}

QByteArray tierLine(const EnvironmentSpec &spec)
{
    switch (spec.tier) {
    case EnvironmentTier::Dev:
        return "dev: deployed on every push to main (pipelines/deploy-dev.yml).";
    case EnvironmentTier::Staging:
        return "staging: updated by hand, locked while QA tests, approved by QA.";
    case EnvironmentTier::Production:
        return spec.customer
                   ? QByteArray("production, customer-dedicated cluster built like "
                                + spec.base.toUtf8() + "; promoted from staging by release.")
                   : QByteArray("production: changes only through approved releases "
                                "promoted from staging.");
    }
    return {};
}

} // namespace

QByteArray environmentMain(const World &world, int environment)
{
    const Layout &layout = *world.layout;
    const EnvironmentSpec &spec = layout.environments.at(environment);
    QByteArray text = "# " + spec.name.toUtf8() + " - " + tierLine(spec) + '\n';
    text += "locals {\n  versions = yamldecode(file(\"${path.module}/versions.yaml\"))\n}\n\n"
            "locals {\n  name_prefix = \"${var.environment}-${var.location_short}\"\n"
            "  tags = {\n    environment = var.environment\n    tier        = var.tier\n"
            "    managed_by  = \"terraform\"\n    repository  = \"platform/infra\"\n  }\n}\n";

    QList<int> order = spec.modules;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return rank(layout.modules.at(a).kind) < rank(layout.modules.at(b).kind);
    });
    for (int m : order) {
        const ModuleSpec &module = layout.modules.at(m);
        text += "\nmodule \"" + module.label.toUtf8() + "\" {\n"
                + aligned(moduleArguments(layout, module), 2) + dependsOn(layout, module) + "}\n";
    }
    return text;
}

QByteArray environmentVariables(const World &world, int environment)
{
    Q_UNUSED(environment);
    struct Variable
    {
        const char *name;
        const char *type;
        const char *description;
    };
    QList<Variable> variables = {
        {"environment", "string", "Name of the environment, e.g. prod-eu."},
        {"tier", "string", "dev, staging or production."},
        {"location", "string", "Azure region."},
        {"location_short", "string", "Short region code used in resource names."},
        {"address_space", "string", "CIDR range of the environment's virtual network."},
        {"kubernetes_version", "string", "AKS version of the cluster."},
        {"node_count", "number", "Nodes in the cluster's system pool."},
        {"vm_size", "string", "VM size of the cluster nodes."},
        {"dns_zone", "string", "Public DNS zone of the environment."},
        {"tenant_id", "string", "Azure AD tenant."},
        {"subscription_id", "string", "Subscription the environment lives in."},
    };
    if (world.layout->hasModule(ModuleKind::Postgres))
        variables.emplaceBack("postgres_sku", "string", "SKU of the PostgreSQL flexible server.");
    QByteArray text;
    for (const Variable &v : variables) {
        if (!text.isEmpty())
            text += '\n';
        text += "variable \"" + QByteArray(v.name) + "\" {\n  type        = " + v.type
                + "\n  description = \"" + v.description + "\"\n";
        if (qstrcmp(v.name, "tier") == 0)
            text += "\n  validation {\n    condition     = contains([\"dev\", \"staging\", "
                    "\"production\"], var.tier)\n    error_message = \"tier must be dev, staging "
                    "or production.\"\n  }\n";
        text += "}\n";
    }
    return text;
}

QByteArray environmentOutputs(const World &world, int environment)
{
    Q_UNUSED(environment);
    QByteArray text
        = "output \"cluster_name\" {\n  value = module.cluster.cluster_name\n}\n\n"
          "output \"key_vault_uri\" {\n  value = module.key_vault.vault_uri\n}\n\n"
          "output \"ingress_namespace\" {\n  value = module.platform.ingress_namespace\n}\n\n"
          "output \"component_versions\" {\n"
          "  description = \"What this environment runs, from versions.yaml.\"\n"
          "  value       = { for name, c in local.versions.components : name => c.version }\n"
          "}\n";
    if (world.layout->hasModule(ModuleKind::Postgres))
        text += "\noutput \"postgres_fqdn\" {\n  value = module.postgres.server_fqdn\n}\n";
    return text;
}

QByteArray environmentBackend(const World &world, int environment)
{
    const QByteArray name = world.layout->environments.at(environment).name.toUtf8();
    return "terraform {\n  required_version = \">= 1.5.0\"\n\n  required_providers {\n"
           "    azurerm = {\n      source  = \"hashicorp/azurerm\"\n      version = \"~> 3.85\"\n  "
           "  }\n"
           "    helm = {\n      source  = \"hashicorp/helm\"\n      version = \"~> 2.12\"\n    }\n"
           "    kubernetes = {\n      source  = \"hashicorp/kubernetes\"\n"
           "      version = \"~> 2.24\"\n    }\n  }\n\n"
           "  backend \"azurerm\" {\n    resource_group_name  = \"rg-platform-tfstate\"\n"
           "    storage_account_name = \"stplatformtfstate\"\n    container_name       = "
           "\"tfstate\"\n"
           "    key                  = \""
           + name + ".terraform.tfstate\"\n  }\n}\n";
}

QByteArray environmentProviders()
{
    const QByteArray connection
        = "host                   = module.cluster.kube_config.host\n"
          "%client_certificate     = base64decode(module.cluster.kube_config.client_certificate)\n"
          "%client_key             = base64decode(module.cluster.kube_config.client_key)\n"
          "%cluster_ca_certificate = "
          "base64decode(module.cluster.kube_config.cluster_ca_certificate)\n";
    QByteArray kubernetes = "  " + connection;
    kubernetes.replace('%', "  ");
    QByteArray helm = "    " + connection;
    helm.replace('%', "    ");
    return "provider \"azurerm\" {\n  features {}\n  subscription_id = var.subscription_id\n"
           "  tenant_id       = var.tenant_id\n}\n\n"
           "# The cluster's own credentials: both providers talk to the AKS cluster this root "
           "module creates.\nprovider \"kubernetes\" {\n"
           + kubernetes + "}\n\nprovider \"helm\" {\n  kubernetes {\n" + helm + "  }\n}\n";
}

} // namespace EnvDeck::Demo::Terraform
