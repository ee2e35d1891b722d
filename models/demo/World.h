// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/Layout.h"
#include "demo/Semver.h"

#include <QList>
#include <QMap>
#include <QString>

namespace EnvDeck::Demo {

// What an environment runs and how it is sized at one point of the history.
struct EnvironmentState
{
    QMap<QString, Semver> components; // team components
    QMap<QString, Semver> thirdParty;
    QMap<QString, QString> locks; // staging: component -> reason
    int release = 0;              // production: the approved release it runs (r<N>)
    int kubernetes = 0;           // index into kubernetesVersions()
    int nodeCount = 3;
    QString vmSize;
};

struct ModuleState
{
    int edits = 0; // how many of the module's edits (named, then generic) are applied
};

struct ChecklistItem
{
    QString item;
    QString result;
    QString note;
};

// A QA approval of staging as written to approvals/staging/<date>-r<N>.yaml.
struct Approval
{
    int release = 0;
    QString path;
    QString approvedBy; // "Name <email>"
    qint64 time = 0;    // UTC seconds
    QString commit;     // the approved commit; empty for r1, which came with the import
    QMap<QString, QString> versions; // component (team and third party) -> version
    QList<ChecklistItem> checklist;
    QString note;
};

struct ChartRelease
{
    Semver version;
    qint64 created = 0;
};

// The whole mutable state of the demo repository; the renderers turn it into files.
struct World
{
    const Layout *layout = nullptr;
    QList<EnvironmentState> environments; // parallel to layout->environments
    QList<ModuleState> modules;           // parallel to layout->modules
    QList<Approval> approvals;            // in release order: approvals[i].release == i + 1
    QMap<QString, QList<ChartRelease>> chartIndex; // third-party chart -> releases, oldest first
    int pipelineRevision = 0;
    int readmeRevision = 0;

    // Every environment on its components' initial versions; the chart index lists the
    // third-party releases up to the initial ones, created before `startTime`.
    static World initial(const Layout &layout, qint64 startTime);

    // component -> version for team components and third-party charts together, as approvals
    // record it and versionSetHash() takes it.
    QMap<QString, QString> versionSet(int environment) const;
    const Approval *approval(int release) const
    {
        return release >= 1 && release <= approvals.size() ? &approvals.at(release - 1) : nullptr;
    }
};

// AKS versions environments move through, oldest first.
const QStringList &kubernetesVersions();

} // namespace EnvDeck::Demo
