// SPDX-License-Identifier: GPL-3.0-or-later
// CommitScanner: the versions written in the .tf/.tfvars files of each unit's folder.
#include "history/CommitScanner.h"

#include "git/GitHandle.h"

#include <algorithm>

namespace EnvDeck::History {

namespace {

using Files = QMap<QString, git_oid>;

// The folder of a unit as a tree path: "" for the repository root.
QString folderPath(const Unit &unit)
{
    return unit.key == u"." ? QString() : unit.key;
}

QString inFolder(const QString &folder, const QString &name)
{
    return folder.isEmpty() ? name : folder + u'/' + name;
}

bool sameFiles(const Files &a, const Files &b)
{
    if (a.size() != b.size())
        return false;
    for (auto it = a.cbegin(), other = b.cbegin(); it != a.cend(); ++it, ++other) {
        if (it.key() != other.key() || !git_oid_equal(&it.value(), &other.value()))
            return false;
    }
    return true;
}

QByteArray cacheKey(const git_oid &blob, const QString &path)
{
    return QByteArray(reinterpret_cast<const char *>(blob.id), GIT_OID_RAWSZ) + path.toUtf8();
}

} // namespace

TerraformFileVersions CommitScanner::terraformFile(const git_oid &blob, const QString &path)
{
    const QByteArray key = cacheKey(blob, path);
    if (const auto it = m_terraform.constFind(key); it != m_terraform.cend())
        return *it;
    TerraformFileVersions result;
    if (auto bytes = blobBytes(m_repository, blob)) {
        result = readTerraformFile(bytes.value(), path);
    } else {
        result.path = path;
        result.errors.append(bytes.error());
    }
    return *m_terraform.insert(key, result);
}

QSet<QString> CommitScanner::versionsFileComponents(TreePaths &tree, const QString &path)
{
    QSet<QString> names;
    if (const auto id = tree.entry(path)) {
        const ParsedVersions versions = parsed(*id, path);
        for (auto it = versions.components.cbegin(); it != versions.components.cend(); ++it)
            names.insert(it.key());
    }
    return names;
}

void CommitScanner::terraformEvents(const Unit &unit, const QString &commit, TreePaths &tree,
                                    const Trees &parentTrees, ScannedCommit &out)
{
    const Unit &before = unitBefore(unit, commit);
    const QString folder = folderPath(unit);
    const QString beforeFolder = folderPath(before);
    // The folder's tree id first: most commits leave it alone, and that costs no listing.
    const auto folderNow = tree.entry(folder);
    if (std::any_of(parentTrees.cbegin(), parentTrees.cend(), [&](TreePaths *parentTree) {
            return sameId(parentTree->entry(beforeFolder), folderNow);
        }))
        return;

    auto terraformFiles = [&](TreePaths &side, const QString &path) {
        Files files = folderEntries(side, path, GIT_OBJECT_BLOB);
        files.removeIf([](const auto &entry) { return !isTerraformVersionFile(entry.key()); });
        return files;
    };
    const Files now = terraformFiles(tree, folder);
    QList<Files> parents;
    for (TreePaths *parentTree : parentTrees)
        parents.append(terraformFiles(*parentTree, beforeFolder));
    if (parents.isEmpty())
        parents.append(Files());
    if (std::any_of(parents.cbegin(), parents.cend(),
                    [&](const Files &files) { return sameFiles(files, now); }))
        return;

    // A file that does not parse is reported in the commit that writes it; like a malformed
    // versions.yaml it leaves nothing to compare with, so that commit and the next change of the
    // folder give no Terraform events.
    QList<TerraformFileVersions> afterFiles;
    bool afterOk = true;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const QString path = inFolder(folder, it.key());
        afterFiles.append(terraformFile(it.value(), path));
        if (afterFiles.last().ok())
            continue;
        afterOk = false;
        const bool inherited = std::any_of(parents.cbegin(), parents.cend(), [&](const Files &p) {
            const auto old = p.constFind(it.key());
            return old != p.cend() && git_oid_equal(&*old, &it.value()) && folder == beforeFolder;
        });
        if (!inherited) {
            for (const Error &error : std::as_const(afterFiles.last().errors))
                out.problems.append(inCommit(error, commit, path));
        }
    }
    if (!afterOk)
        return;
    const auto after = combineTerraformVersions(afterFiles);
    if (!after)
        return;

    QList<QHash<QString, TerraformVersion>> sides;
    for (const Files &files : std::as_const(parents)) {
        QList<TerraformFileVersions> sideFiles;
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            sideFiles.append(terraformFile(it.value(), inFolder(beforeFolder, it.key())));
        const auto side = combineTerraformVersions(sideFiles);
        if (!side)
            return; // nothing to compare with; reported when it was written
        sides.append(side.value());
    }

    auto states = [](const QHash<QString, TerraformVersion> &versions) {
        States result;
        for (auto it = versions.cbegin(); it != versions.cend(); ++it)
            result.insert(it.key(), {it->version, false, {}});
        return result;
    };
    QList<States> parentStates;
    for (const auto &side : std::as_const(sides))
        parentStates.append(states(side));
    QList<DeploymentEvent> events = changes(states(after.value()), parentStates);
    if (events.isEmpty())
        return;

    // versions.yaml is the record for a component it names: its events are already there.
    QSet<QString> inVersionsFile = versionsFileComponents(tree, unit.versionsPath);
    for (TreePaths *parentTree : parentTrees)
        inVersionsFile += versionsFileComponents(*parentTree, before.versionsPath);
    for (DeploymentEvent &event : events) {
        if (inVersionsFile.contains(event.component))
            continue;
        event.environment = unit.key;
        const auto written = after->constFind(event.component);
        event.path
            = written != after->cend() ? written->path : sides.first().value(event.component).path;
        out.events.append(event);
    }
}

} // namespace EnvDeck::History
