// SPDX-License-Identifier: GPL-3.0-or-later
#include "Layout.h"

#include "demo/Random.h"

#include <QSet>

#include <algorithm>

namespace EnvDeck::Demo {
namespace {

constexpr quint64 LayoutStream = 1;

struct Region
{
    const char *name;
    const char *location;
    const char *shortName;
};

// Production regions after prod-eu and prod-us, in the order they are added.
const Region Regions[] = {
    {"prod-ap", "southeastasia", "sea"},    {"prod-ca", "canadacentral", "cac"},
    {"prod-uk", "uksouth", "uks"},          {"prod-br", "brazilsouth", "brs"},
    {"prod-in", "centralindia", "inc"},     {"prod-jp", "japaneast", "jpe"},
    {"prod-au", "australiaeast", "aue"},    {"prod-za", "southafricanorth", "zan"},
    {"prod-ch", "switzerlandnorth", "chn"}, {"prod-no", "norwayeast", "noe"},
    {"prod-fr", "francecentral", "frc"},    {"prod-de", "germanywestcentral", "gwc"},
    {"prod-kr", "koreacentral", "krc"},     {"prod-ae", "uaenorth", "uan"},
    {"prod-se", "swedencentral", "sec"},
};

// Customer-dedicated clusters after contoso; numbered ones follow.
const char *const Customers[]
    = {"fabrikam",  "northwind", "tailspin",     "woodgrove",    "litware",
       "adatum",    "proseware", "wingtip",      "fourthcoffee", "lucerne",
       "alpineski", "wideworld", "treyresearch", "humongous",    "margie"};

const char *const CoreServices[]
    = {"api-gateway", "billing",   "orders",       "catalog", "identity", "notifications",
       "search",      "reporting", "web-frontend", "worker",  "payments", "inventory"};

const char *const MoreServices[]
    = {"shipping",      "pricing",      "loyalty",       "recommendations", "audit-log",
       "feature-flags", "media",        "invoicing",     "fraud-detection", "ledger",
       "tax",           "returns",      "subscriptions", "analytics",       "exports",
       "scheduler",     "webhooks",     "reviews",       "wishlist",        "coupons",
       "geo-location",  "translations", "onboarding",    "support-desk",    "chat",
       "documents",     "accounting",   "forecasting",   "warehouse",       "delivery-tracking"};

const char *const Areas[]
    = {"orders",    "billing",   "catalog", "search",  "identity",   "payments", "reporting",
       "analytics", "audit",     "backup",  "batch",   "media",      "logs",     "metrics",
       "events",    "partner",   "archive", "mail",    "sms",        "cdn",      "edge",
       "ml",        "etl",       "docs",    "export",  "import",     "invoices", "ledger",
       "pricing",   "shipping",  "tax",     "loyalty", "support",    "chat",     "notify",
       "inventory", "warehouse", "fraud",   "risk",    "compliance", "gateway",  "portal",
       "mobile",    "web",       "data",    "lake",    "stream",     "cron",     "jobs",
       "sandbox"};

const char *const GeneratedKinds[]
    = {"storage", "cache",    "queue",    "topic",  "dns-zone", "vault",
       "logs",    "eventhub", "registry", "cosmos", "nat",      "waf"};

struct NamedModule
{
    const char *name;
    const char *label;
    ModuleKind kind;
};

// The first six are what every environment needs; the rest follow when options.modules allows.
const NamedModule NamedModules[] = {
    {"network", "network", ModuleKind::Network},
    {"kubernetes-cluster", "cluster", ModuleKind::Cluster},
    {"key-vault-secrets", "key_vault", ModuleKind::KeyVault},
    {"platform", "platform", ModuleKind::Platform},
    {"services", "services", ModuleKind::Services},
    {"integrations", "integrations", ModuleKind::Integrations},
    {"postgres", "postgres", ModuleKind::Postgres},
    {"monitoring", "monitoring", ModuleKind::Monitoring},
    {"dns", "dns", ModuleKind::Dns},
    {"redis", "redis", ModuleKind::Redis},
    {"storage", "storage", ModuleKind::Storage},
    {"service-bus", "service_bus", ModuleKind::ServiceBus},
};

QString latin(const char *text)
{
    return QString::fromLatin1(text);
}

EnvironmentSpec environment(const QString &name, EnvironmentTier tier, const QString &location,
                            const QString &shortName)
{
    EnvironmentSpec spec;
    spec.name = name;
    spec.tier = tier;
    spec.location = location;
    spec.locationShort = shortName;
    if (tier == EnvironmentTier::Production)
        spec.promotesFrom = QStringLiteral("staging");
    return spec;
}

QList<EnvironmentSpec> makeEnvironments(int count, Random &random)
{
    QList<EnvironmentSpec> list;
    list << environment(QStringLiteral("dev"), EnvironmentTier::Dev, QStringLiteral("westeurope"),
                        QStringLiteral("weu"));
    list << environment(QStringLiteral("staging"), EnvironmentTier::Staging,
                        QStringLiteral("westeurope"), QStringLiteral("weu"));
    list.last().integrations = true;
    list << environment(QStringLiteral("prod-eu"), EnvironmentTier::Production,
                        QStringLiteral("westeurope"), QStringLiteral("weu"));
    if (count >= 4)
        list << environment(QStringLiteral("prod-us"), EnvironmentTier::Production,
                            QStringLiteral("eastus2"), QStringLiteral("eus2"));
    const auto customer = [](const QString &name, int index) {
        EnvironmentSpec spec = environment(
            name, EnvironmentTier::Production,
            index % 3 == 2 ? QStringLiteral("northeurope") : QStringLiteral("westeurope"),
            index % 3 == 2 ? QStringLiteral("neu") : QStringLiteral("weu"));
        spec.customer = true;
        spec.integrations = true;
        spec.base = QStringLiteral("prod-eu");
        return spec;
    };
    if (count >= 5)
        list << customer(QStringLiteral("contoso"), 0);

    int region = 0;
    int named = 0;
    int numbered = 0;
    constexpr int RegionCount = int(std::size(Regions));
    constexpr int CustomerCount = int(std::size(Customers));
    while (list.size() < count) {
        const bool wantRegion = (list.size() % 2 == 1 || named >= CustomerCount);
        if (wantRegion && region < RegionCount) {
            const Region &r = Regions[region++];
            list << environment(latin(r.name), EnvironmentTier::Production, latin(r.location),
                                latin(r.shortName));
        } else if (named < CustomerCount) {
            list << customer(latin(Customers[named]), named + 1);
            ++named;
        } else {
            ++numbered;
            list << customer(QStringLiteral("customer-%1").arg(numbered, 2, 10, QLatin1Char('0')),
                             numbered);
        }
    }

    const QStringList sizes = {QStringLiteral("Standard_D4s_v5"), QStringLiteral("Standard_D8s_v5"),
                               QStringLiteral("Standard_E4s_v5")};
    for (int i = 0; i < list.size(); ++i) {
        EnvironmentSpec &spec = list[i];
        spec.addressSpace = QStringLiteral("10.%1.0.0/16").arg(i * 4);
        switch (spec.tier) {
        case EnvironmentTier::Dev:
            spec.nodeCount = 2;
            spec.vmSize = QStringLiteral("Standard_D2s_v5");
            break;
        case EnvironmentTier::Staging:
            spec.nodeCount = 3;
            spec.vmSize = QStringLiteral("Standard_D4s_v5");
            break;
        case EnvironmentTier::Production:
            spec.nodeCount = spec.customer ? random.between(3, 4) : random.between(4, 6);
            spec.vmSize = random.pick(sizes);
            break;
        }
    }
    return list;
}

QList<ModuleSpec> makeModules(int count)
{
    QList<ModuleSpec> list;
    for (const NamedModule &m : NamedModules) {
        if (list.size() == count)
            return list;
        list << ModuleSpec{latin(m.name), latin(m.label), m.kind, {}};
    }
    constexpr int AreaCount = int(std::size(Areas));
    constexpr int KindCount = int(std::size(GeneratedKinds));
    for (int i = 0; list.size() < count; ++i) {
        const int round = i / (AreaCount * KindCount);
        const int j = i % (AreaCount * KindCount);
        const QString kind = latin(GeneratedKinds[(j / AreaCount + j % AreaCount) % KindCount]);
        QString name = latin(Areas[j % AreaCount]) + QLatin1Char('-') + kind;
        if (round > 0)
            name += QLatin1Char('-') + QString::number(round + 1);
        QString label = name;
        label.replace(QLatin1Char('-'), QLatin1Char('_'));
        list << ModuleSpec{name, label, ModuleKind::Generated, kind};
    }
    return list;
}

Semver initialVersion(Random &random, int major)
{
    return {major, random.between(0, 12), random.between(0, 9)};
}

QList<ComponentSpec> makeComponents(int count, Random &random)
{
    const QString registry = QStringLiteral("oci://registry.example.io/helm");
    QList<ComponentSpec> list;
    constexpr int CoreCount = int(std::size(CoreServices));
    constexpr int MoreCount = int(std::size(MoreServices));
    for (int i = 0; i < count; ++i) {
        QString name;
        if (i < CoreCount)
            name = latin(CoreServices[i]);
        else if (i < CoreCount + MoreCount)
            name = latin(MoreServices[i - CoreCount]);
        else
            name = QStringLiteral("service-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
        ComponentSpec spec;
        spec.name = name;
        spec.chart = name;
        spec.repository = registry;
        spec.initial = initialVersion(random, name == u"api-gateway" ? 2 : random.between(1, 3));
        list << spec;
    }
    // A few services declare what they need from the gateway and from identity.
    for (ComponentSpec &spec : list) {
        if (spec.name == u"billing" || spec.name == u"orders" || spec.name == u"payments") {
            spec.requiredComponent = QStringLiteral("api-gateway");
        } else if ((spec.name == u"web-frontend" || spec.name.startsWith(u"service-"))
                   && count > 4) {
            spec.requiredComponent = QStringLiteral("identity");
        }
    }
    for (ComponentSpec &spec : list) {
        if (spec.requiredComponent.isEmpty())
            continue;
        const auto it = std::find_if(list.cbegin(), list.cend(), [&](const ComponentSpec &c) {
            return c.name == spec.requiredComponent;
        });
        if (it == list.cend()) {
            spec.requiredComponent.clear();
            continue;
        }
        const int major = it->initial.major;
        spec.requiredRange = QStringLiteral(">=%1.0.0 <%2.0.0").arg(major).arg(major + 1);
    }
    for (ComponentSpec &spec : list) {
        if (spec.name == u"payments")
            spec.comment
                = QStringLiteral("payments: bumps need a sign-off from the payments squad");
        else if (spec.name == u"api-gateway")
            spec.comment = QStringLiteral("api-gateway: billing, orders and payments require 2.x");
    }

    ComponentSpec erp;
    erp.name = QStringLiteral("erp-connector");
    erp.chart = erp.name;
    erp.repository = registry;
    erp.initial = initialVersion(random, 1);
    erp.integration = true;
    erp.comment = QStringLiteral("Integration services for customer clusters (contoso and co.)");
    ComponentSpec sftp = erp;
    sftp.name = QStringLiteral("sftp-bridge");
    sftp.chart = sftp.name;
    sftp.initial = initialVersion(random, 1);
    sftp.comment.clear();
    list << erp << sftp;
    return list;
}

QList<ThirdPartySpec> makeThirdParty(bool monitoring)
{
    QList<ThirdPartySpec> list;
    list << ThirdPartySpec{QStringLiteral("ingress-nginx"),
                           QStringLiteral("https://kubernetes.github.io/ingress-nginx"),
                           {4, 8, 3},
                           {{4, 7, 1}, {4, 7, 2}, {4, 8, 0}, {4, 8, 1}, {4, 8, 2}}};
    list << ThirdPartySpec{QStringLiteral("cert-manager"),
                           QStringLiteral("https://charts.jetstack.io"),
                           {1, 13, 2},
                           {{1, 12, 4}, {1, 13, 0}, {1, 13, 1}}};
    list << ThirdPartySpec{QStringLiteral("external-dns"),
                           QStringLiteral("https://kubernetes-sigs.github.io/external-dns"),
                           {1, 13, 1},
                           {{1, 12, 2}, {1, 13, 0}}};
    if (monitoring)
        list << ThirdPartySpec{QStringLiteral("kube-prometheus-stack"),
                               QStringLiteral("https://prometheus-community.github.io/helm-charts"),
                               {54, 2, 2},
                               {{51, 10, 0}, {52, 1, 0}, {53, 0, 0}, {54, 0, 1}}};
    return list;
}

void assignModules(Layout &layout, Random &random)
{
    const int envCount = int(layout.environments.size());
    for (int m = 0; m < layout.modules.size(); ++m) {
        const ModuleSpec &module = layout.modules.at(m);
        if (module.kind != ModuleKind::Generated) {
            for (EnvironmentSpec &env : layout.environments) {
                if (module.kind != ModuleKind::Integrations || env.integrations)
                    env.modules << m;
            }
            continue;
        }
        // Each further building block is used by about three environments.
        QSet<int> chosen;
        const int wanted = qMin(3, envCount);
        while (chosen.size() < wanted)
            chosen.insert(random.below(envCount));
        for (int e = 0; e < envCount; ++e) {
            if (chosen.contains(e))
                layout.environments[e].modules << m;
        }
    }
}

} // namespace

QString tierName(EnvironmentTier tier)
{
    switch (tier) {
    case EnvironmentTier::Dev:
        return QStringLiteral("dev");
    case EnvironmentTier::Staging:
        return QStringLiteral("staging");
    case EnvironmentTier::Production:
        return QStringLiteral("production");
    }
    return {};
}

Result<void> validateOptions(const Options &options)
{
    struct Range
    {
        const char *name;
        qint64 value;
        qint64 low;
        qint64 high;
    };
    const Range ranges[] = {{"environments", options.environments, 3, 60},
                            {"modules", options.modules, 6, 5000},
                            {"components", options.components, 2, 200},
                            {"commits", options.commits, 20, 100000}};
    for (const Range &r : ranges) {
        if (r.value < r.low || r.value > r.high)
            return Error(QStringLiteral("Demo option %1 = %2 is out of range (%3..%4)")
                             .arg(latin(r.name))
                             .arg(r.value)
                             .arg(r.low)
                             .arg(r.high));
    }
    return Result<void>::success();
}

Result<Layout> Layout::create(const Options &options)
{
    if (Result<void> valid = validateOptions(options); !valid)
        return valid.error();
    Random random = Random::stream(options.seed, LayoutStream);
    Layout layout;
    layout.environments = makeEnvironments(options.environments, random);
    layout.modules = makeModules(options.modules);
    layout.components = makeComponents(options.components, random);
    layout.thirdParty = makeThirdParty(
        std::any_of(layout.modules.cbegin(), layout.modules.cend(),
                    [](const ModuleSpec &m) { return m.kind == ModuleKind::Monitoring; }));
    assignModules(layout, random);
    return layout;
}

int Layout::environmentIndex(const QString &name) const
{
    for (int i = 0; i < environments.size(); ++i) {
        if (environments.at(i).name == name)
            return i;
    }
    return -1;
}

int Layout::moduleIndex(ModuleKind kind) const
{
    for (int i = 0; i < modules.size() && modules.at(i).kind != ModuleKind::Generated; ++i) {
        if (modules.at(i).kind == kind)
            return i;
    }
    return -1;
}

const ComponentSpec *Layout::component(const QString &name) const
{
    for (const ComponentSpec &c : components) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QStringList Layout::componentsOf(int environment) const
{
    const bool integrations = environments.at(environment).integrations;
    QStringList names;
    for (const ComponentSpec &c : components) {
        if (!c.integration || integrations)
            names << c.name;
    }
    return names;
}

QStringList Layout::coreComponents() const
{
    QStringList names;
    for (const ComponentSpec &c : components) {
        if (!c.integration)
            names << c.name;
    }
    return names;
}

bool Layout::isRequired(const QString &component) const
{
    return std::any_of(components.cbegin(), components.cend(),
                       [&](const ComponentSpec &c) { return c.requiredComponent == component; });
}

} // namespace EnvDeck::Demo
