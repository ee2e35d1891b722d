// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small repository written like a real one, valid under every rule: three environments (dev,
// staging, prod promoted from staging), Helm releases that read their versions from each
// environment's versions.yaml, a Helm index as catalog and one QA approval of staging. Tests
// break one thing at a time and check exactly what the engine reports.

#include "GitFixture.h"

#include "demo/VersionSet.h"

#include <QMap>

namespace ValidationFixture {

inline QByteArray envdeckYaml()
{
    return "# Shop platform: promotion order dev -> staging -> prod\n"
           "environments:\n"
           "  - { name: dev,     path: environments/dev,     tier: dev }\n"
           "  - { name: staging, path: environments/staging, tier: staging }\n"
           "  - { name: prod,    path: environments/prod,    tier: production, promotes_from: "
           "staging }\n"
           "catalogs:\n"
           "  - { kind: helm-index, file: catalogs/index.yaml }\n";
}

inline QByteArray helmIndex()
{
    return "apiVersion: v1\n"
           "entries:\n"
           "  api:\n"
           "    - { name: api, version: 2.0.0 }\n"
           "    - { name: api, version: 1.2.0 }\n"
           "    - { name: api, version: 1.1.0 }\n"
           "    - { name: api, version: 1.0.0 }\n"
           "  web:\n"
           "    - { name: web, version: 3.1.0 }\n"
           "    - { name: web, version: 3.0.0 }\n"
           "  ingress-nginx:\n"
           "    - { name: ingress-nginx, version: 4.9.0 }\n"
           "    - { name: ingress-nginx, version: 4.8.3 }\n"
           "generated: \"2026-11-01T00:00:00Z\"\n";
}

inline QByteArray mainTf()
{
    return "locals {\n"
           "  versions = yamldecode(file(\"${path.module}/versions.yaml\"))\n"
           "}\n"
           "\n"
           "resource \"helm_release\" \"api\" {\n"
           "  name       = \"api\"\n"
           "  chart      = \"api\"\n"
           "  repository = \"oci://registry.example.io/helm\"\n"
           "  version    = local.versions.components[\"api\"].version\n"
           "}\n"
           "\n"
           "resource \"helm_release\" \"web\" {\n"
           "  name       = \"web\"\n"
           "  chart      = \"web\"\n"
           "  repository = \"oci://registry.example.io/helm\"\n"
           "  version    = local.versions.components[\"web\"].version\n"
           "}\n"
           "\n"
           "resource \"helm_release\" \"ingress_nginx\" {\n"
           "  name       = \"ingress-nginx\"\n"
           "  chart      = \"ingress-nginx\"\n"
           "  repository = \"https://kubernetes.github.io/ingress-nginx\"\n"
           "  version    = local.versions.third_party[\"ingress-nginx\"].version\n"
           "}\n";
}

inline QByteArray versionsYaml(const char *environment, const char *apiVersion)
{
    return QByteArray("# ") + environment
           + " - versions of the shop's services\n"
             "components:\n"
             "  api:\n"
             "    version: "
           + apiVersion
           + "\n"
             "    chart: api\n"
             "  web:\n"
             "    version: 3.1.0\n"
             "    chart: web\n"
             "    requires: { api: \">=1.0.0 <2.0.0\" }\n"
             "third_party:\n"
             "  ingress-nginx: { version: 4.9.0 }\n";
}

inline QByteArray approval()
{
    const QMap<QString, QString> versions{
        {QStringLiteral("api"), QStringLiteral("1.1.0")},
        {QStringLiteral("web"), QStringLiteral("3.1.0")},
        {QStringLiteral("ingress-nginx"), QStringLiteral("4.9.0")}};
    return "# QA approval of staging\n"
           "environment: staging\n"
           "release: r1\n"
           "approved_by: Quinn QA <quinn@example.io>\n"
           "approved_at: 2026-11-01T10:00:00Z\n"
           "versions:\n"
           "  api: 1.1.0\n"
           "  ingress-nginx: 4.9.0\n"
           "  web: 3.1.0\n"
           "version_set_hash: "
           + EnvDeck::versionSetHash(versions).toUtf8()
           + "\n"
             "checklist:\n"
             "  - { item: \"Smoke tests green\", result: passed }\n"
             "decision: approved\n";
}

// Writes the valid repository into `fixture` (and commits it when `commit` is true).
inline bool write(const GitFixture &fixture, bool commit = true)
{
    bool ok = fixture.init() && fixture.write(QStringLiteral(".envdeck.yaml"), envdeckYaml())
              && fixture.write(QStringLiteral("catalogs/index.yaml"), helmIndex())
              && fixture.write(QStringLiteral("approvals/staging/2026-11-01-r1.yaml"), approval());
    const QList<std::pair<const char *, const char *>> environments{
        {"dev", "1.2.0"}, {"staging", "1.1.0"}, {"prod", "1.1.0"}};
    for (const auto &[name, api] : environments) {
        const QString folder = QStringLiteral("environments/") + QString::fromLatin1(name);
        ok = ok && fixture.write(folder + QStringLiteral("/main.tf"), mainTf())
             && fixture.write(folder + QStringLiteral("/versions.yaml"), versionsYaml(name, api));
    }
    return ok && (!commit || fixture.commit(QStringLiteral("Shop platform")));
}

} // namespace ValidationFixture
