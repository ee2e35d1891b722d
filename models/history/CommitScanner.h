// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "history/DeploymentEvent.h"
#include "history/TerraformVersions.h"
#include "history/TreePaths.h"

#include <git2.h>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace EnvDeck::History {

// What the walk watches for one environment folder. `key` is the folder as it was named in the
// commits that use it; a renamed folder gives a second Unit for its old name.
struct Unit
{
    QString key;           // "environments/prod"
    QString versionsPath;  // "environments/prod/versions.yaml"
    QString approvalsPath; // "approvals/prod"
};

// `from` was renamed to `to` in `commit`.
struct RenameRecord
{
    QString commit;
    QString from;
    QString to;
};

// One commit as read from Git; events carry the Unit key in `environment` until they are
// assembled, because a later rename may change the name they are shown under.
struct ScannedCommit
{
    QString id;
    QStringList parents;
    QString author;
    QString authorEmail;
    QDateTime date;
    QString mergeRequest;  // named in the commit's own message
    QStringList broughtIn; // merges naming a merge request: commits only a non-first parent reaches
    QList<DeploymentEvent> events;
    QList<Error> problems;
};

// Reads commits of one repository on one thread. Parsed versions files (versions.yaml and the
// .tf/.tfvars of each unit's folder) are kept by blob id, so a file seen as "after" in one commit
// is not parsed again as "before" in its child.
class CommitScanner
{
public:
    explicit CommitScanner(git_repository *repository);

    void setUnits(const QList<Unit> &units);
    const QList<Unit> &units() const { return m_units; }
    void addRenames(const QList<RenameRecord> &renames);

    // Looks for folders of the watched units that appear in `commit` while a sibling folder with
    // the same versions file name disappears; records them and adds a Unit for each old name.
    // Returns the renames found.
    Result<QList<RenameRecord>> detectRenames(git_commit *commit);

    Result<ScannedCommit> scan(git_commit *commit);

    struct ComponentState
    {
        QString version;
        bool locked = false;
        QString lockReason;
    };
    struct ParsedVersions
    {
        bool ok = true;
        Error error;
        QHash<QString, ComponentState> components;
        QList<Error> problems;
    };
    using States = QHash<QString, ComponentState>;

    // The events that turn the first of `parents` into `after` (in component order); for a merge
    // only those whose value also differs from every other parent.
    static QList<DeploymentEvent> changes(const States &after, const QList<States> &parents);

private:
    // A copy: the cache may grow (and move its values) while a caller still holds one.
    ParsedVersions parsed(const git_oid &blob, const QString &path);
    const Unit *unit(const QString &key) const;
    const Unit &unitBefore(const Unit &unit, const QString &commit) const;
    bool renamedAway(const QString &key, const QString &commit) const;
    using Trees = QList<TreePaths *>;
    // The tree of `commit` and of its parents, reusing those the previous commit of the walk
    // looked at: in a walk, a commit's parent tree is usually the next commit's tree.
    Result<void> openTrees(git_commit *commit, std::shared_ptr<TreePaths> &tree,
                           QList<std::shared_ptr<TreePaths>> &parents);
    std::shared_ptr<TreePaths> recentTree(Git::TreeHandle tree);
    void versionEvents(const Unit &unit, const QString &commit, TreePaths &tree,
                       const Trees &parentTrees, ScannedCommit &out);
    void approvalEvents(const Unit &unit, const QString &commit, TreePaths &tree,
                        const Trees &parentTrees, ScannedCommit &out);
    // Versions written in the .tf/.tfvars files directly in the unit's folder (not in
    // subfolders: those are modules, not the environment). A component also named in
    // versions.yaml on either side keeps only its versions.yaml events.
    void terraformEvents(const Unit &unit, const QString &commit, TreePaths &tree,
                         const Trees &parentTrees, ScannedCommit &out);
    TerraformFileVersions terraformFile(const git_oid &blob, const QString &path);
    QSet<QString> versionsFileComponents(TreePaths &tree, const QString &path);
    QString approvalRelease(const git_oid &blob, const QString &path, ScannedCommit &out);
    Result<QStringList> broughtIn(git_commit *merge);

    // A unit's paths split for lookups, computed once: the walk asks about them in every commit.
    struct UnitLookup
    {
        QString keyFolder;       // "environments"
        QByteArray keyName;      // "prod"
        QString approvalsFolder; // "approvals"
        bool folderHoldsVersions = false;
    };
    void addUnit(const Unit &unit);

    git_repository *m_repository;
    QList<Unit> m_units;
    QList<UnitLookup> m_lookups; // index-aligned with m_units
    QHash<QString, int> m_unitIndex;
    QHash<QString, QList<RenameRecord>> m_renamesByCommit;
    QHash<QByteArray, ParsedVersions> m_parsed;
    QHash<QByteArray, TerraformFileVersions> m_terraform;        // blob id + path
    QHash<QByteArray, std::shared_ptr<TreePaths>> m_recentTrees; // by tree id
    QHash<QByteArray, std::shared_ptr<TreePaths>> m_usedTrees;   // by the commit being read
};

// name -> id of the entries of the folder at `path` ("" for the root), filtered by type.
QMap<QString, git_oid> folderEntries(TreePaths &tree, const QString &path, git_object_t type);
Result<QByteArray> blobBytes(git_repository *repository, const git_oid &id);
bool sameId(const std::optional<git_oid> &a, const std::optional<git_oid> &b);
// The problem of a file in a commit, located at `<commit>:<path>:line:column` (git's rev:path).
Error inCommit(const Error &error, const QString &commit, const QString &path);

} // namespace EnvDeck::History
