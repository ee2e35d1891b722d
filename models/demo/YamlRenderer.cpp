// SPDX-License-Identifier: GPL-3.0-or-later
#include "YamlRenderer.h"

#include "demo/VersionSet.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace EnvDeck::Demo::Yaml {
namespace {

QByteArray utf8(const QString &text)
{
    return text.toUtf8();
}

QByteArray header(const Layout &layout, int environment, const EnvironmentState &state)
{
    const EnvironmentSpec &spec = layout.environments.at(environment);
    const QByteArray name = utf8(spec.name);
    QByteArray text = "# " + name
                      + " — edited by EnvDeck and by hand; comments and key order must survive "
                        "every edit.\n"
                        "# Terraform reads this file: environments/"
                      + name + "/main.tf decodes it into local.versions.\n";
    switch (spec.tier) {
    case EnvironmentTier::Dev:
        text += "# dev follows the services' main branches: bumped on every release build.\n";
        break;
    case EnvironmentTier::Staging:
        text += "# Bumped from dev by hand. A locked component stays where it is until QA unlocks "
                "it.\n";
        break;
    case EnvironmentTier::Production:
        text += "# Changed only by promoting a release QA approved in staging "
                "(approvals/staging/).\n"
                "# Current release: r"
                + QByteArray::number(state.release) + '\n';
        break;
    }
    return text;
}

QByteArray quotedIfNeeded(const QString &value)
{
    return '"' + utf8(value) + '"';
}

} // namespace

QByteArray isoUtc(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))
        .toLatin1();
}

RenderedFile versionsFile(const World &world, int environment)
{
    const Layout &layout = *world.layout;
    const EnvironmentState &state = world.environments.at(environment);
    QByteArray text = header(layout, environment, state);
    text += "components:\n";
    for (const ComponentSpec &c : layout.components) {
        const auto version = state.components.constFind(c.name);
        if (version == state.components.cend())
            continue;
        if (!c.comment.isEmpty())
            text += "  # " + utf8(c.comment) + '\n';
        text += "  " + utf8(c.name) + ":\n    version: " + version->toUtf8() + "\n    chart: "
                + utf8(c.chart) + "\n    repository: " + utf8(c.repository) + '\n';
        const auto lock = state.locks.constFind(c.name);
        if (lock != state.locks.cend())
            text += "    locked: true\n    lock_reason: " + utf8(*lock) + '\n';
        if (!c.requiredComponent.isEmpty() && state.components.contains(c.requiredComponent))
            text += "    requires: { " + utf8(c.requiredComponent) + ": "
                    + quotedIfNeeded(c.requiredRange) + " }\n";
    }
    if (!state.thirdParty.isEmpty()) {
        text += "# Third-party charts, installed by modules/platform";
        text += layout.hasModule(ModuleKind::Monitoring) ? " and modules/monitoring.\n" : ".\n";
        text += "third_party:\n";
        for (const ThirdPartySpec &chart : layout.thirdParty) {
            const auto version = state.thirdParty.constFind(chart.name);
            if (version == state.thirdParty.cend())
                continue;
            text += "  " + utf8(chart.name) + ": { version: " + version->toUtf8()
                    + ", repository: " + utf8(chart.repository) + " }\n";
        }
    }
    return {QStringLiteral("environments/") + layout.environments.at(environment).name
                + QStringLiteral("/versions.yaml"),
            text};
}

RenderedFile envdeckConfig(const Layout &layout)
{
    qsizetype nameWidth = 0;
    qsizetype pathWidth = 0;
    for (const EnvironmentSpec &env : layout.environments) {
        nameWidth = qMax(nameWidth, env.name.size() + 1);
        pathWidth = qMax(pathWidth, env.name.size() + 14);
    }
    QByteArray text = "# EnvDeck configuration: what discovery cannot guess. See README.md.\n"
                      "environments:            # order = promotion order\n";
    for (const EnvironmentSpec &env : layout.environments) {
        const QByteArray name = utf8(env.name);
        text += "  - { name: " + QByteArray(name + ',').leftJustified(nameWidth)
                + " path: " + QByteArray("environments/" + name + ',').leftJustified(pathWidth)
                + " tier: " + utf8(tierName(env.tier));
        if (!env.promotesFrom.isEmpty())
            text += ", promotes_from: " + utf8(env.promotesFrom);
        if (!env.base.isEmpty())
            text += ", base: " + utf8(env.base);
        text += " }\n";
    }
    text += "versions_file: versions.yaml          # per environment, next to its main.tf\n"
            "catalogs:                              # where available versions come from\n"
            "  - { kind: git-tags,   pattern: \"{component}/v*\" }\n"
            "  - { kind: helm-index, file: catalogs/third-party-index.yaml }\n"
            "forge:     { provider: local, target_branch: main }\n"
            "pipelines: { provider: azure-devops, organization: contoso, project: platform, "
            "definitions: [12, 14] }\n";
    return {QStringLiteral(".envdeck.yaml"), text};
}

RenderedFile approvalFile(const Approval &approval)
{
    QByteArray text = "# QA approval of staging, recorded by EnvDeck. The hash covers exactly the "
                      "versions below:\n# any later change to staging's versions makes this "
                      "approval stale.\n";
    text += "environment: staging\nrelease: r" + QByteArray::number(approval.release) + '\n';
    text += "approved_by: " + utf8(approval.approvedBy) + '\n';
    text += "approved_at: " + isoUtc(approval.time) + '\n';
    if (approval.commit.isEmpty())
        text += "commit: null   # r1 came with the import of the repository; there was no earlier "
                "commit\n";
    else
        text += "commit: " + utf8(approval.commit) + '\n';
    text += "versions:\n";
    for (auto it = approval.versions.cbegin(); it != approval.versions.cend(); ++it)
        text += "  " + utf8(it.key()) + ": " + utf8(it.value()) + '\n';
    text += "version_set_hash: " + utf8(versionSetHash(approval.versions)) + '\n';
    text += "checklist:\n";
    for (const ChecklistItem &item : approval.checklist) {
        text += "  - { item: \"" + utf8(item.item) + "\", result: " + utf8(item.result);
        if (!item.note.isEmpty())
            text += ", note: \"" + utf8(item.note) + '"';
        text += " }\n";
    }
    if (!approval.note.isEmpty())
        text += "# " + utf8(approval.note) + '\n';
    text += "decision: approved\n";
    return {approval.path, text};
}

RenderedFile chartIndex(const World &world)
{
    QByteArray text = "# Helm repository index of the third-party charts this repository uses,\n"
                      "# refreshed whenever a new chart release is taken into dev.\n"
                      "apiVersion: v1\nentries:\n";
    qint64 newest = 0;
    for (auto it = world.chartIndex.cbegin(); it != world.chartIndex.cend(); ++it) {
        const ThirdPartySpec *spec = nullptr;
        for (const ThirdPartySpec &chart : world.layout->thirdParty) {
            if (chart.name == it.key())
                spec = &chart;
        }
        const QByteArray name = utf8(it.key());
        text += "  " + name + ":\n";
        // Helm lists the newest release first.
        for (auto r = it.value().crbegin(); r != it.value().crend(); ++r) {
            const QByteArray version = r->version.toUtf8();
            const QByteArray digest = QCryptographicHash::hash(QByteArray(name + '-' + version),
                                                               QCryptographicHash::Sha256)
                                          .toHex();
            newest = qMax(newest, r->created);
            text += "    - apiVersion: v2\n      appVersion: v" + version + "\n      created: \""
                    + isoUtc(r->created) + "\"\n      digest: " + digest + "\n      name: " + name
                    + "\n      urls:\n        - "
                    + (spec ? utf8(spec->repository) : QByteArray("https://charts.example.io"))
                    + "/" + name + '-' + version + ".tgz\n      version: " + version + '\n';
        }
    }
    text += "generated: \"" + isoUtc(newest) + "\"\n";
    return {QStringLiteral("catalogs/third-party-index.yaml"), text};
}

} // namespace EnvDeck::Demo::Yaml
