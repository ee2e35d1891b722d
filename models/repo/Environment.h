// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "terraform/TerraformModel.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace EnvDeck {

// How an environment takes changes: dev on every push, staging by hand and approved by QA,
// production only through planned promotions.
enum class Tier { Unknown, Dev, Staging, Production };

QString tierToString(Tier tier);             // "dev", "staging", "production", "unknown"
Tier tierFromString(const QString &text);    // accepts "prod", "production", "stage", ...
Tier guessTierFromName(const QString &name); // "prod-eu" -> Production, "qa" -> Staging, ...
// Where a tier comes in promotion order: dev 0, staging 1, production 2, unknown 3.
int promotionRank(Tier tier);

// A component entry of an environment's versions file.
struct ComponentVersion
{
    QString name;
    QString version;
    bool locked = false;
    QString lockReason;
    bool thirdParty = false; // listed under `third_party:` rather than `components:`
    SourceLocation location; // where the version is written
};

// A commit, as shown in lists: "a1b2c3d4 staging: bump orders to 1.8.3 — Maria Silva, 2 days ago".
struct CommitInfo
{
    QString id;
    QString summary;
    QString authorName;
    QString authorEmail;
    QDateTime authorTime;

    bool isValid() const { return !id.isEmpty(); }
    QString shortId() const { return id.left(8); }
};

struct Environment
{
    QString name;
    Tier tier = Tier::Unknown;
    QString path;         // folder relative to the repository root, '/'-separated
    QString promotesFrom; // from .envdeck.yaml, empty when not stated
    QString base;         // from .envdeck.yaml, for customer clusters
    QString versionsFile; // relative path, empty when the environment has none
    QString varsFile;     // the environment's .tfvars when one root module serves several
    QString discoveredBy; // ".envdeck.yaml" or the convention that found it ("environments/*")
    int moduleCount = 0;  // module calls of the root module (Terragrunt: units)
    int terraformFiles = 0;
    QList<ComponentVersion> components;
    CommitInfo lastChange;           // the last commit that changed anything under `path`
    QList<Error> problems;           // malformed files and the like, with file:line:column
    Terraform::RootModule terraform; // what the root module's .tf files say
    // The newest QA approval of approvals/<name>/ (empty when there is none) and whether the
    // versions have changed since it was given (its version set hash no longer matches).
    QString lastApproval;
    bool lastApprovalStale = false;

    int lockedCount() const;
    int componentCount() const { return int(components.size()); }
};

struct RepositorySnapshot
{
    QString rootPath; // absolute path of the work tree
    QString branch;   // current branch, empty on a detached HEAD
    CommitInfo head;
    bool hasConfig = false; // .envdeck.yaml present
    QList<Environment> environments;
    QList<Error> problems; // repository-wide problems (.envdeck.yaml malformed, ...)
    QString discovery;     // how the environments were found, or why none were

    const Environment *findEnvironment(const QString &name) const;
};

} // namespace EnvDeck

Q_DECLARE_METATYPE(EnvDeck::RepositorySnapshot)
