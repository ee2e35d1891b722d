// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerraformRenderer.h"

#include "demo/ModuleTemplates.h"
#include "demo/TerraformParts.h"

#include <QCryptographicHash>

#include <utility>

namespace EnvDeck::Demo::Terraform {
namespace {

QByteArray utf8(const QString &text)
{
    return text.toUtf8();
}

QByteArray quoted(const QString &text)
{
    return '"' + text.toUtf8() + '"';
}

// A stable GUID-shaped id for subscriptions and tenants (derived, not secret).
QByteArray guidFor(const QString &seed)
{
    const QByteArray hex = QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Md5).toHex();
    return hex.mid(0, 8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' + hex.mid(16, 4) + '-'
           + hex.mid(20, 12);
}

QByteArray resourceName(const QString &component)
{
    QByteArray name = component.toUtf8();
    name.replace('-', '_');
    return name;
}

// Applies the marker edits of a template: applied ones insert their text, the others vanish.
QByteArray applyMarkers(QByteArray text, char file, const QList<ModuleEditTemplate> &edits,
                        int applied)
{
    for (int i = 0; i < edits.size(); ++i) {
        const ModuleEditTemplate &edit = edits.at(i);
        const char *insert = file == 'm' ? edit.main : file == 'v' ? edit.variables : edit.outputs;
        const QByteArray marker = '@' + QByteArray::number(i) + file + '@';
        text.replace(marker, i < applied ? QByteArray(insert) : QByteArray());
    }
    // Markers of edits this template does not have (the release blocks are shared between
    // services and integrations) vanish too.
    for (qsizetype at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
        qsizetype end = at + 1;
        while (end < text.size() && isdigit(uchar(text.at(end))))
            ++end;
        if (end > at + 1 && end + 1 < text.size() && text.at(end) == file
            && text.at(end + 1) == '@') {
            text.remove(at, end + 2 - at);
            --at;
        }
    }
    return text;
}

// Operators tune timeouts up and down between 30 and 90 minutes as deployments teach them.
int timeoutMinutes(int level)
{
    static const int steps[] = {30, 40, 45, 60, 50, 75, 90, 60, 45, 35};
    return steps[(level - 3) % int(std::size(steps))];
}

// Edits every module can receive once its own ones are used up.
void appendGenericEdits(QByteArray &main, QByteArray &variables, QByteArray &outputs, int level)
{
    if (level >= 1) {
        variables += "\nvariable \"cost_center\" {\n  type        = string\n"
                     "  description = \"Cost center for the finance reports.\"\n"
                     "  default     = \"platform\"\n}\n";
        main += "\nlocals {\n  cost_tags = merge(var.tags, { cost_center = var.cost_center })\n}\n";
    }
    if (level >= 2)
        outputs += "\noutput \"tags\" {\n  value = local.cost_tags\n}\n";
    if (level >= 3) {
        variables += "\nvariable \"operation_timeout_minutes\" {\n  type        = number\n"
                     "  description = \"Create/update timeout of the module's resources.\"\n"
                     "  default     = "
                     + QByteArray::number(timeoutMinutes(level)) + "\n}\n";
    }
}

QString genericEditMessage(int level)
{
    if (level == 1)
        return QStringLiteral("tag resources with the cost center");
    if (level == 2)
        return QStringLiteral("expose the cost tags as an output");
    const int minutes = timeoutMinutes(level);
    if (level == 3)
        return QStringLiteral("add an operation timeout of %1 minutes").arg(minutes);
    return QStringLiteral("%1 the default operation timeout to %2 minutes")
        .arg(minutes > timeoutMinutes(level - 1) ? QStringLiteral("raise")
                                                 : QStringLiteral("lower"))
        .arg(minutes);
}

const QList<ModuleEditTemplate> &servicesEdits()
{
    static const QList<ModuleEditTemplate> edits = {
        {"install releases atomically", "  atomic     = true\n"},
        {"use the nginx ingress class for every release",
         "\n  set {\n    name  = \"ingress.className\"\n    value = \"nginx\"\n  }\n"},
        {"raise the Helm timeout to 10 minutes", "  timeout    = 600\n"},
    };
    return edits;
}

const QList<ModuleEditTemplate> &integrationsEdits()
{
    static const QList<ModuleEditTemplate> edits = {
        // The config map entry itself is written by releaseBlock().
        {"keep the SFTP host key in a config map", "",
         "\nvariable \"sftp_known_hosts\" {\n  type    = string\n  default = \"\"\n}\n"},
        {"pin integration services to the system node pool",
         "\n  set {\n    name  = \"nodeSelector.kubernetes\\\\.azure\\\\.com/mode\"\n"
         "    value = \"system\"\n  }\n"},
    };
    return edits;
}

const QList<ModuleEditTemplate> *editsOf(const ModuleSpec &module)
{
    if (module.kind == ModuleKind::Services)
        return &servicesEdits();
    if (module.kind == ModuleKind::Integrations)
        return &integrationsEdits();
    if (const ModuleTemplate *t = moduleTemplate(module.kind))
        return &t->edits;
    return nullptr;
}

int namedEditCount(const ModuleSpec &module)
{
    const QList<ModuleEditTemplate> *edits = editsOf(module);
    return edits ? int(edits->size()) : 0;
}

// Secrets and settings a component's Kubernetes secret gets.
Attributes componentSecrets(const QString &component, bool hasDatabase)
{
    Attributes data;
    data.emplaceBack("KEY_VAULT_URI", "var.key_vault_uri");
    static const QStringList withDatabase
        = {QStringLiteral("billing"),   QStringLiteral("orders"),       QStringLiteral("catalog"),
           QStringLiteral("identity"),  QStringLiteral("payments"),     QStringLiteral("inventory"),
           QStringLiteral("reporting"), QStringLiteral("erp-connector")};
    if (hasDatabase && withDatabase.contains(component))
        data.emplaceBack("DATABASE_URL", "var.database_url");
    if (component == u"payments")
        data.emplaceBack("PAYMENTS_API_KEY", "var.secrets[\"payments-api-key\"]");
    else if (component == u"notifications")
        data.emplaceBack("SMTP_PASSWORD", "var.secrets[\"smtp-password\"]");
    else if (component == u"erp-connector")
        data.emplaceBack("ERP_API_TOKEN", "var.secrets[\"erp-api-token\"]");
    else if (component == u"sftp-bridge")
        data.emplaceBack("SFTP_PRIVATE_KEY", "var.secrets[\"sftp-private-key\"]");
    return data;
}

QByteArray releaseBlock(const QString &component, bool hasDatabase, const QByteArray &namespaceRef,
                        bool knownHosts)
{
    Attributes settings = {{"ENVIRONMENT", "var.environment"},
                           {"LOG_LEVEL", "var.environment == \"dev\" ? \"debug\" : \"info\""}};
    if (knownHosts)
        settings.emplaceBack("SFTP_KNOWN_HOSTS", "var.sftp_known_hosts");
    const QByteArray id = resourceName(component);
    const QByteArray name = utf8(component);
    const QByteArray lookup = "var.components[\"" + name + "\"]";
    QByteArray text = "# " + name + "\nresource \"kubernetes_secret\" \"" + id
                      + "\" {\n  metadata {\n    name      = \"" + name
                      + "\"\n    namespace = " + namespaceRef + "\n  }\n  data = {\n"
                      + aligned(componentSecrets(component, hasDatabase), 4) + "  }\n}\n\n";
    text += "resource \"kubernetes_config_map\" \"" + id + "\" {\n  metadata {\n    name      = \""
            + name + "-config\"\n    namespace = " + namespaceRef + "\n  }\n  data = {\n"
            + aligned(settings, 4) + "  }\n}\n\n";
    text += "resource \"helm_release\" \"" + id + "\" {\n"
            + aligned({{"name", quoted(component)},
                       {"chart", lookup + ".chart"},
                       {"repository", lookup + ".repository"},
                       {"version", lookup + ".version"},
                       {"namespace", namespaceRef}},
                      2)
            + "@0m@@2m@\n  set {\n    name  = \"image.tag\"\n    value = " + lookup
            + ".version\n  }\n\n  set {\n    name  = \"envFrom[0].secretRef.name\"\n    value = "
              "kubernetes_secret."
            + id
            + ".metadata[0].name\n  }\n\n  set {\n    name  = \"envFrom[1].configMapRef.name\"\n"
              "    value = kubernetes_config_map."
            + id + ".metadata[0].name\n  }\n@1m@}\n\n";
    return text;
}

QByteArray kubeConfigVariable()
{
    return "variable \"kube_config\" {\n  type        = map(string)\n"
           "  description = \"From module.cluster.kube_config.\"\n  sensitive   = true\n}\n";
}

QByteArray componentsVariable()
{
    return "\nvariable \"components\" {\n"
           "  type        = map(object({ version = string, chart = string, repository = string "
           "}))\n"
           "  description = \"components from versions.yaml.\"\n}\n";
}

QList<RenderedFile> releasesModule(const World &world, const ModuleSpec &module, int edits)
{
    const Layout &layout = *world.layout;
    const bool integrations = module.kind == ModuleKind::Integrations;
    const bool hasDatabase = layout.hasModule(ModuleKind::Postgres);
    const QByteArray ns = "kubernetes_namespace.this.metadata[0].name";

    QByteArray main = integrations
                          ? "# Integration services of customer clusters (and staging, where QA "
                            "tests them).\n"
                          : "# One Helm release per team component; versions come from the "
                            "environment's versions.yaml.\n";
    main += "resource \"kubernetes_namespace\" \"this\" {\n  metadata {\n    name = var.namespace\n"
            "    labels = {\n      environment = var.environment\n    }\n  }\n}\n\n";
    QByteArray releaseNames;
    for (const ComponentSpec &c : layout.components) {
        if (c.integration != integrations)
            continue;
        main += releaseBlock(c.name, hasDatabase, ns, integrations && edits > 0);
        releaseNames += "    helm_release." + resourceName(c.name) + ".name,\n";
    }
    main.chop(1); // one newline at the end of the file

    QByteArray variables = kubeConfigVariable() + componentsVariable();
    variables += "\nvariable \"environment\" {\n  type = string\n}\n";
    variables += "\nvariable \"namespace\" {\n  type    = string\n  default = \""
                 + QByteArray(integrations ? "integrations" : "apps") + "\"\n}\n";
    variables += "\nvariable \"key_vault_uri\" {\n  type = string\n}\n";
    variables += "\nvariable \"secrets\" {\n  type      = map(string)\n  sensitive = true\n}\n";
    variables += "\nvariable \"database_url\" {\n  type      = string\n  sensitive = true\n"
                 "  default   = \"\"\n}\n@0v@";
    QByteArray outputs
        = "output \"namespace\" {\n  value = kubernetes_namespace.this.metadata[0].name\n}\n"
          "\noutput \"release_names\" {\n  value = [\n"
          + releaseNames + "  ]\n}\n";

    const QList<ModuleEditTemplate> &list = integrations ? integrationsEdits() : servicesEdits();
    main = applyMarkers(main, 'm', list, edits);
    variables = applyMarkers(variables, 'v', list, edits);
    outputs = applyMarkers(outputs, 'o', list, edits);
    appendGenericEdits(main, variables, outputs, edits - int(list.size()));
    const QString dir = QStringLiteral("modules/") + module.name + QLatin1Char('/');
    return {{dir + QStringLiteral("main.tf"), main},
            {dir + QStringLiteral("variables.tf"), variables},
            {dir + QStringLiteral("outputs.tf"), outputs}};
}

} // namespace

QByteArray aligned(const Attributes &attributes, int indent)
{
    qsizetype width = 0;
    for (const auto &[key, value] : attributes)
        width = qMax(width, key.size());
    QByteArray text;
    const QByteArray pad(indent, ' ');
    for (const auto &[key, value] : attributes)
        text += pad + key.leftJustified(width, ' ') + " = " + value + '\n';
    return text;
}


QList<RenderedFile> moduleFiles(const World &world, int module)
{
    const ModuleSpec &spec = world.layout->modules.at(module);
    const int edits = world.modules.at(module).edits;
    if (spec.kind == ModuleKind::Services || spec.kind == ModuleKind::Integrations)
        return releasesModule(world, spec, edits);

    QByteArray main;
    QByteArray variables;
    QByteArray outputs;
    int named = 0;
    if (const ModuleTemplate *t = moduleTemplate(spec.kind)) {
        named = int(t->edits.size());
        main = applyMarkers(t->main, 'm', t->edits, edits);
        variables = t->sharedVariables ? QByteArray(t->sharedVariables) + '\n' + t->variables
                                       : QByteArray(t->variables);
        variables = applyMarkers(variables, 'v', t->edits, edits);
        outputs = applyMarkers(t->outputs, 'o', t->edits, edits);
    } else {
        main = generatedModuleMain(spec);
        variables = generatedModuleVariables();
        outputs = generatedModuleOutputs(spec);
    }
    appendGenericEdits(main, variables, outputs, edits - named);
    const QString dir = QStringLiteral("modules/") + spec.name + QLatin1Char('/');
    return {{dir + QStringLiteral("main.tf"), main},
            {dir + QStringLiteral("variables.tf"), variables},
            {dir + QStringLiteral("outputs.tf"), outputs}};
}

int moduleOwnEdits(const Layout &layout, int module)
{
    return namedEditCount(layout.modules.at(module));
}

QString moduleEditMessage(const Layout &layout, int module, int edit)
{
    const ModuleSpec &spec = layout.modules.at(module);
    const int named = namedEditCount(spec);
    if (edit < named)
        return QString::fromUtf8(editsOf(spec)->at(edit).message);
    return genericEditMessage(edit - named + 1);
}

RenderedFile environmentTfvars(const World &world, int environment)
{
    const Layout &layout = *world.layout;
    const EnvironmentSpec &spec = layout.environments.at(environment);
    const EnvironmentState &state = world.environments.at(environment);
    Attributes values = {
        {"environment", quoted(spec.name)},
        {"tier", quoted(tierName(spec.tier))},
        {"location", quoted(spec.location)},
        {"location_short", quoted(spec.locationShort)},
        {"address_space", quoted(spec.addressSpace)},
        {"kubernetes_version", quoted(kubernetesVersions().at(state.kubernetes))},
        {"node_count", QByteArray::number(state.nodeCount)},
        {"vm_size", quoted(state.vmSize)},
        {"dns_zone", quoted(spec.name + QStringLiteral(".example.io"))},
        {"tenant_id", '"' + guidFor(QStringLiteral("tenant")) + '"'},
        {"subscription_id", '"' + guidFor(QStringLiteral("subscription/") + spec.name) + '"'},
    };
    if (layout.hasModule(ModuleKind::Postgres))
        values.emplaceBack("postgres_sku", spec.tier == EnvironmentTier::Production
                                               ? QByteArray("\"GP_Standard_D4s_v3\"")
                                               : QByteArray("\"B_Standard_B2s\""));
    QByteArray text = "# " + utf8(spec.name)
                      + " sizing. Versions of components live in versions.yaml, not here.\n";
    text += aligned(values, 0);
    return {QStringLiteral("environments/") + spec.name + QStringLiteral("/terraform.tfvars"),
            text};
}

QList<RenderedFile> environmentFiles(const World &world, int environment)
{
    const QString dir
        = QStringLiteral("environments/") + world.layout->environments.at(environment).name + u'/';
    return {{dir + QStringLiteral("main.tf"), environmentMain(world, environment)},
            {dir + QStringLiteral("variables.tf"), environmentVariables(world, environment)},
            {dir + QStringLiteral("outputs.tf"), environmentOutputs(world, environment)},
            {dir + QStringLiteral("backend.tf"), environmentBackend(world, environment)},
            {dir + QStringLiteral("providers.tf"), environmentProviders()},
            environmentTfvars(world, environment)};
}

} // namespace EnvDeck::Demo::Terraform
