// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "history/DeploymentEvent.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace EnvDeck::Demo {

// Ranges: environments 3..60, modules 6..5000, components 2..200, commits 20..100000; generate()
// rejects anything outside them.
struct Options
{
    quint64 seed = 42;
    int environments
        = 5;          // dev, staging, prod-eu, prod-us, contoso; more adds regions and customers
    int modules = 12; // building-block modules under modules/
    // The team's services that run in every environment. The two integration services
    // (erp-connector, sftp-bridge, in staging and customer clusters only) and the third-party
    // charts come on top.
    int components = 12;
    int commits = 320; // commits reachable from main, merges included
    // The newest commit's time. Invalid means "the last 17:00 UTC that has passed". The history
    // ends here and reaches back at least six months; the same seed and end time give the same
    // commit ids.
    QDateTime endTime;
};

struct Summary
{
    QString workTree;   // the clone users work in
    QString originPath; // the bare repository its `origin` points to
    QString headId;
    int commits = 0;
    int merges = 0;
    int authors = 0;
    int environments = 0;
    int terraformFiles = 0;
    int tags = 0;
    QDateTime firstCommitTime;
    QDateTime lastCommitTime;
    int modules = 0;    // folders under modules/
    int components = 0; // team components, integration services included
    int approvals = 0;  // files under approvals/staging/
    int releases = 0;   // release/r<N> tags
    // What every commit reachable from main deploys, as the generator wrote it: the ground truth
    // for history readers. Oldest first; the semantics are described in demo/Ledger.h.
    QList<History::DeploymentEvent> events;
};

// Called with (done, total, step); return false to cancel.
using Progress = std::function<bool(int done, int total, const QString &step)>;

// Where the bare origin of a demo work tree lives: "<parent>/<name>-origin.git".
QString originPathFor(const QString &workTree);

// Creates the demo repository at `directory` (which must not exist or be empty) and its bare
// origin beside it, through libgit2. Runs on the calling thread.
Result<Summary> generate(const QString &directory, const Options &options = {},
                         const Progress &progress = {});

// True when `workTree` is a repository generate() made: the demo layout, with its `origin`
// remote at originPathFor(workTree) holding a demo. A team's own repository with the same layout
// has no such origin. Views use it to show demo data (the seeded pipeline runs) only there.
bool isGeneratedDemo(const QString &workTree);

// The demo repository the GUI opens: <app data>/demo/infra.
QString defaultLocation();

// Returns `directory` when it already holds a demo repository, otherwise generates one there.
Result<QString> ensure(const QString &directory, const Progress &progress = {});

} // namespace EnvDeck::Demo
