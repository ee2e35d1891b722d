// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/CommitScanner.h"

#include "core/YamlSupport.h"
#include "git/GitHandle.h"
#include "history/HistoryLogging.h"
#include "history/HistoryScanner.h"
#include "history/QuickVersions.h"
#include "versions/VersionDocument.h"

#include <QMap>

#include <algorithm>

namespace EnvDeck::History {

namespace {

using Kind = DeploymentEvent::Kind;
using States = CommitScanner::States;

QByteArray oidKey(const git_oid &oid)
{
    return QByteArray(reinterpret_cast<const char *>(oid.id), GIT_OID_RAWSZ);
}

// The events that turn `before` into `after`, in component order.
QList<DeploymentEvent> difference(const States &before, const States &after)
{
    QStringList names = before.keys() + after.keys();
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());

    QList<DeploymentEvent> events;
    auto add = [&](const QString &name, Kind kind, const QString &from, const QString &to,
                   const QString &reason = {}) {
        DeploymentEvent event;
        event.component = name;
        event.kind = kind;
        event.from = from;
        event.to = to;
        event.lockReason = reason;
        events.append(event);
    };
    for (const QString &name : std::as_const(names)) {
        const auto old = before.constFind(name);
        const auto now = after.constFind(name);
        if (old == before.cend()) {
            add(name, Kind::Add, {}, now->version);
            if (now->locked)
                add(name, Kind::Lock, now->version, now->version, now->lockReason);
        } else if (now == after.cend()) {
            add(name, Kind::Remove, old->version, {});
        } else {
            if (old->version != now->version)
                add(name, Kind::Deploy, old->version, now->version);
            if (old->locked != now->locked) {
                add(name, now->locked ? Kind::Lock : Kind::Unlock, now->version, now->version,
                    now->locked ? now->lockReason : QString());
            }
        }
    }
    return events;
}

// For a merge: does `event` (computed against the first parent) also differ from `other`?
bool differsFrom(const DeploymentEvent &event, const States &after, const States &other)
{
    const auto mine = after.constFind(event.component);
    const auto theirs = other.constFind(event.component);
    switch (event.kind) {
    case Kind::Deploy:
    case Kind::Add:
    case Kind::Remove: {
        const bool mineHas = mine != after.cend();
        const bool theirsHas = theirs != other.cend();
        if (mineHas != theirsHas)
            return true;
        return mineHas && mine->version != theirs->version;
    }
    case Kind::Lock:
    case Kind::Unlock:
        return theirs == other.cend() || mine == after.cend() || theirs->locked != mine->locked;
    case Kind::Approval:
        break;
    }
    return true;
}

QString folderOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash);
}

QString baseName(const QString &path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

} // namespace

bool sameId(const std::optional<git_oid> &a, const std::optional<git_oid> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || git_oid_equal(&*a, &*b);
}

Result<QByteArray> blobBytes(git_repository *repository, const git_oid &id)
{
    Git::BlobHandle blob;
    if (Git::call(blob, git_blob_lookup, repository, &id) < 0)
        return Git::lastError(QStringLiteral("Cannot read blob %1").arg(Git::toHex(id)));
    return QByteArray(static_cast<const char *>(git_blob_rawcontent(blob.get())),
                      qsizetype(git_blob_rawsize(blob.get())));
}

QMap<QString, git_oid> folderEntries(TreePaths &tree, const QString &path, git_object_t type)
{
    QMap<QString, git_oid> entries;
    git_tree *folder = tree.folder(path);
    if (!folder)
        return entries;
    const size_t count = git_tree_entrycount(folder);
    for (size_t i = 0; i < count; ++i) {
        const git_tree_entry *entry = git_tree_entry_byindex(folder, i);
        if (git_tree_entry_type(entry) == type)
            entries.insert(Git::fromUtf8(git_tree_entry_name(entry)), *git_tree_entry_id(entry));
    }
    return entries;
}

Error inCommit(const Error &error, const QString &commit, const QString &path)
{
    SourceLocation location = error.location();
    if (location.file.isEmpty())
        location.file = path;
    location.file = commit + u':' + location.file;
    return Error(error.message(), location);
}

QList<DeploymentEvent> CommitScanner::changes(const States &after, const QList<States> &parents)
{
    QList<DeploymentEvent> events = difference(parents.value(0), after);
    for (qsizetype i = 1; i < parents.size(); ++i) {
        events.removeIf(
            [&](const DeploymentEvent &event) { return !differsFrom(event, after, parents[i]); });
    }
    return events;
}

CommitScanner::CommitScanner(git_repository *repository)
    : m_repository(repository)
{}

void CommitScanner::addUnit(const Unit &unit)
{
    m_unitIndex.insert(unit.key, int(m_units.size()));
    m_units.append(unit);
    UnitLookup lookup;
    lookup.keyFolder = folderOf(unit.key);
    lookup.keyName = baseName(unit.key).toUtf8();
    lookup.approvalsFolder = folderOf(unit.approvalsPath);
    lookup.folderHoldsVersions
        = unit.key != u"." && !unit.key.isEmpty() && unit.versionsPath.startsWith(unit.key + u'/');
    m_lookups.append(lookup);
}

void CommitScanner::setUnits(const QList<Unit> &units)
{
    m_units.clear();
    m_lookups.clear();
    m_unitIndex.clear();
    for (const Unit &unit : units) {
        if (m_unitIndex.contains(unit.key))
            continue;
        addUnit(unit);
    }
}

void CommitScanner::addRenames(const QList<RenameRecord> &renames)
{
    for (const RenameRecord &rename : renames) {
        auto &list = m_renamesByCommit[rename.commit];
        const bool known = std::any_of(list.cbegin(), list.cend(), [&](const RenameRecord &r) {
            return r.from == rename.from && r.to == rename.to;
        });
        if (!known)
            list.append(rename);
    }
}

const Unit *CommitScanner::unit(const QString &key) const
{
    const auto it = m_unitIndex.constFind(key);
    return it == m_unitIndex.cend() ? nullptr : &m_units[*it];
}

const Unit &CommitScanner::unitBefore(const Unit &current, const QString &commit) const
{
    for (const RenameRecord &rename : m_renamesByCommit.value(commit)) {
        if (rename.to == current.key) {
            if (const Unit *old = unit(rename.from))
                return *old;
        }
    }
    return current;
}

bool CommitScanner::renamedAway(const QString &key, const QString &commit) const
{
    const auto renames = m_renamesByCommit.value(commit);
    return std::any_of(renames.cbegin(), renames.cend(),
                       [&](const RenameRecord &rename) { return rename.from == key; });
}

Result<QList<RenameRecord>> CommitScanner::detectRenames(git_commit *commit)
{
    QList<RenameRecord> found;
    if (git_commit_parentcount(commit) != 1)
        return found;
    std::shared_ptr<TreePaths> tree;
    QList<std::shared_ptr<TreePaths>> parentTrees;
    if (auto opened = openTrees(commit, tree, parentTrees); !opened)
        return opened.error();
    TreePaths &parentTree = *parentTrees.first();
    const QString id = Git::toHex(*git_commit_id(commit));

    // m_units grows inside the loop: an old name found here is checked for older renames too.
    for (int i = 0; i < m_units.size(); ++i) {
        const Unit current = m_units[i];
        if (current.key == u"." || current.key.isEmpty())
            continue;
        // A rename changes the folder that holds the unit; most commits leave it alone.
        const QString folder = m_lookups[i].keyFolder;
        if (sameId(tree->entry(folder), parentTree.entry(folder)))
            continue;
        if (!tree->entryIn(folder, m_lookups[i].keyName)
            || parentTree.entryIn(folder, m_lookups[i].keyName))
            continue;
        // Only folders that hold their versions file can be matched with their old name.
        if (!current.versionsPath.startsWith(current.key + u'/'))
            continue;
        const QString suffix = current.versionsPath.mid(current.key.size() + 1);
        const auto now = folderEntries(*tree, folder, GIT_OBJECT_TREE);
        const auto before = folderEntries(parentTree, folder, GIT_OBJECT_TREE);
        const auto versionsNow = tree->entry(current.versionsPath);
        QString best;
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (now.contains(it.key()))
                continue;
            const QString candidate = folder.isEmpty() ? it.key() : folder + u'/' + it.key();
            const auto versionsBefore = parentTree.entry(candidate + u'/' + suffix);
            if (!versionsBefore)
                continue;
            if (best.isEmpty() || sameId(versionsBefore, versionsNow))
                best = candidate;
        }
        if (best.isEmpty())
            continue;
        const RenameRecord rename{id, best, current.key};
        found.append(rename);
        addRenames({rename});
        if (!unit(best))
            addUnit({best, best + u'/' + suffix, QStringLiteral("approvals/") + baseName(best)});
        qCDebug(lcHistory) << "renamed in" << id.left(8) << best << "->" << current.key;
    }
    return found;
}

CommitScanner::ParsedVersions CommitScanner::parsed(const git_oid &blob, const QString &path)
{
    const QByteArray key = oidKey(blob);
    auto it = m_parsed.find(key);
    if (it != m_parsed.end())
        return *it;
    ParsedVersions result;
    auto bytes = blobBytes(m_repository, blob);
    if (!bytes) {
        result.ok = false;
        result.error = bytes.error();
        return *m_parsed.insert(key, result);
    }
    // The plain shape most versions files have is read in one pass; the rest by the YAML reader.
    if (auto quick = readVersionsQuickly(bytes.value())) {
        for (auto component = quick->cbegin(); component != quick->cend(); ++component)
            result.components.insert(
                component.key(), {component->version, component->locked, component->lockReason});
        return *m_parsed.insert(key, result);
    }
    auto document = VersionDocument::parse(bytes.value(), path);
    if (!document) {
        result.ok = false;
        result.error = document.error();
        return *m_parsed.insert(key, result);
    }
    for (const VersionEntry &entry : document->entries())
        result.components.insert(entry.name,
                                 {entry.version.text, entry.isLocked(), entry.lockReason.text});
    result.problems = document->problems();
    return *m_parsed.insert(key, result);
}

void CommitScanner::versionEvents(const Unit &unit, const QString &commit, TreePaths &tree,
                                  const Trees &parentTrees, ScannedCommit &out)
{
    const Unit &before = unitBefore(unit, commit);
    const auto now = tree.entry(unit.versionsPath);
    QList<std::optional<git_oid>> parents;
    for (TreePaths *parentTree : parentTrees)
        parents.append(parentTree->entry(before.versionsPath));
    if (parents.isEmpty())
        parents.append(std::nullopt);
    if (std::any_of(parents.cbegin(), parents.cend(),
                    [&](const std::optional<git_oid> &id) { return sameId(id, now); }))
        return;

    const ParsedVersions after = now ? parsed(*now, unit.versionsPath) : ParsedVersions();
    if (!after.ok) {
        out.problems.append(inCommit(after.error, commit, unit.versionsPath));
        return;
    }
    for (const Error &problem : after.problems)
        out.problems.append(inCommit(problem, commit, unit.versionsPath));
    QList<ParsedVersions> others;
    for (const auto &id : std::as_const(parents)) {
        ParsedVersions side = id ? parsed(*id, before.versionsPath) : ParsedVersions();
        if (!side.ok)
            return; // nothing to compare with; reported when it was written
        others.append(side);
    }

    QList<States> sides;
    for (const ParsedVersions &side : std::as_const(others))
        sides.append(side.components);
    QList<DeploymentEvent> events = changes(after.components, sides);
    for (DeploymentEvent &event : events) {
        event.environment = unit.key;
        event.path = unit.versionsPath;
        out.events.append(event);
    }
}

QString CommitScanner::approvalRelease(const git_oid &blob, const QString &path, ScannedCommit &out)
{
    auto bytes = blobBytes(m_repository, blob);
    if (!bytes) {
        out.problems.append(inCommit(bytes.error(), out.id, path));
        return {};
    }
    auto document = Yaml::load(bytes.value(), path);
    if (!document) {
        out.problems.append(inCommit(document.error(), out.id, path));
        return {};
    }
    const YAML::Node root = document.value();
    if (!root.IsMap())
        return {};
    return Yaml::scalar(root["release"]);
}

void CommitScanner::approvalEvents(const Unit &unit, const QString &commit, TreePaths &tree,
                                   const Trees &parentTrees, ScannedCommit &out)
{
    const Unit &before = unitBefore(unit, commit);
    const auto now = tree.entry(unit.approvalsPath);
    if (!now)
        return;
    QList<QMap<QString, git_oid>> parentFiles;
    for (TreePaths *parentTree : parentTrees) {
        const auto id = parentTree->entry(before.approvalsPath);
        if (sameId(id, now))
            return;
        parentFiles.append(folderEntries(*parentTree, before.approvalsPath, GIT_OBJECT_BLOB));
    }
    const auto files = folderEntries(tree, unit.approvalsPath, GIT_OBJECT_BLOB);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString &name = it.key();
        if (!name.endsWith(u".yaml") && !name.endsWith(u".yml"))
            continue;
        if (std::any_of(parentFiles.cbegin(), parentFiles.cend(),
                        [&](const QMap<QString, git_oid> &p) { return p.contains(name); }))
            continue;
        DeploymentEvent event;
        event.environment = unit.key;
        event.component = name.left(name.lastIndexOf(u'.'));
        event.kind = Kind::Approval;
        event.path = unit.approvalsPath + u'/' + name;
        event.to = approvalRelease(it.value(), event.path, out);
        out.events.append(event);
    }
}

Result<QStringList> CommitScanner::broughtIn(git_commit *merge)
{
    Git::RevwalkHandle walk;
    if (Git::call(walk, git_revwalk_new, m_repository) < 0)
        return Git::lastError(QStringLiteral("Cannot walk the history"));
    git_revwalk_sorting(walk.get(), GIT_SORT_NONE);
    const unsigned count = git_commit_parentcount(merge);
    for (unsigned i = 0; i < count; ++i) {
        const git_oid *parent = git_commit_parent_id(merge, i);
        const int rc
            = i == 0 ? git_revwalk_hide(walk.get(), parent) : git_revwalk_push(walk.get(), parent);
        if (rc < 0)
            return Git::lastError(QStringLiteral("Cannot walk the history"));
    }
    QStringList ids;
    git_oid id;
    while (git_revwalk_next(&id, walk.get()) == 0)
        ids.append(Git::toHex(id));
    return ids;
}

std::shared_ptr<TreePaths> CommitScanner::recentTree(Git::TreeHandle tree)
{
    const QByteArray key = oidKey(*git_tree_id(tree.get()));
    std::shared_ptr<TreePaths> paths = m_recentTrees.value(key);
    if (!paths)
        paths = std::make_shared<TreePaths>(m_repository, std::move(tree));
    m_usedTrees.insert(key, paths);
    return paths;
}

Result<void> CommitScanner::openTrees(git_commit *commit, std::shared_ptr<TreePaths> &tree,
                                      QList<std::shared_ptr<TreePaths>> &parents)
{
    m_usedTrees.clear();
    Git::TreeHandle own;
    if (Git::call(own, git_commit_tree, commit) < 0)
        return Git::lastError(
            QStringLiteral("Cannot read the tree of %1").arg(Git::toHex(*git_commit_id(commit))));
    tree = recentTree(std::move(own));
    for (unsigned i = 0; i < git_commit_parentcount(commit); ++i) {
        Git::CommitHandle parent;
        Git::TreeHandle parentTree;
        if (Git::call(parent, git_commit_parent, commit, i) < 0
            || Git::call(parentTree, git_commit_tree, parent.get()) < 0)
            return Git::lastError(QStringLiteral("Cannot read the parents of %1")
                                      .arg(Git::toHex(*git_commit_id(commit))));
        parents.append(recentTree(std::move(parentTree)));
    }
    // Only the trees of this commit are kept for the next one: memory stays flat on long walks.
    m_recentTrees = m_usedTrees;
    return {};
}

Result<ScannedCommit> CommitScanner::scan(git_commit *commit)
{
    ScannedCommit out;
    out.id = Git::toHex(*git_commit_id(commit));
    const git_signature *author = git_commit_author(commit);
    out.author = Git::fromUtf8(author->name);
    out.authorEmail = Git::fromUtf8(author->email);
    out.date = QDateTime::fromSecsSinceEpoch(author->when.time, Qt::UTC);
    out.mergeRequest = mergeRequestFromMessage(Git::fromUtf8(git_commit_message(commit)));

    for (unsigned i = 0; i < git_commit_parentcount(commit); ++i)
        out.parents.append(Git::toHex(*git_commit_parent_id(commit, i)));
    std::shared_ptr<TreePaths> tree;
    QList<std::shared_ptr<TreePaths>> parentTrees;
    if (auto opened = openTrees(commit, tree, parentTrees); !opened)
        return opened.error();
    Trees parents;
    for (const auto &parentTree : std::as_const(parentTrees))
        parents.append(parentTree.get());

    // Renames are rare: without one in this commit every unit is its own "before".
    const bool renamesHere = m_renamesByCommit.contains(out.id);
    for (qsizetype i = 0; i < m_units.size(); ++i) {
        const Unit &unit = m_units[i];
        const UnitLookup &lookup = m_lookups[i];
        if (!renamesHere) {
            const auto folderNow = lookup.folderHoldsVersions
                                       ? tree->entryIn(lookup.keyFolder, lookup.keyName)
                                       : std::nullopt;
            const bool untouched
                = folderNow && std::any_of(parents.cbegin(), parents.cend(), [&](TreePaths *side) {
                      return sameId(side->entryIn(lookup.keyFolder, lookup.keyName), folderNow);
                  });
            if (!untouched) {
                versionEvents(unit, out.id, *tree, parents, out);
                terraformEvents(unit, out.id, *tree, parents, out);
            }
            const auto approvalsNow = tree->entry(lookup.approvalsFolder);
            const bool approvalsUntouched
                = approvalsNow && std::any_of(parents.cbegin(), parents.cend(), [&](TreePaths *s) {
                      return sameId(s->entry(lookup.approvalsFolder), approvalsNow);
                  });
            if (!approvalsUntouched)
                approvalEvents(unit, out.id, *tree, parents, out);
            continue;
        }
        if (renamedAway(unit.key, out.id))
            continue;
        // A folder whose tree id some parent shares changed neither its versions file nor its
        // .tf/.tfvars: most commits leave most environments alone, and this costs one lookup.
        const Unit &before = unitBefore(unit, out.id);
        const bool folderHoldsVersions = unit.key != u"." && before.key != u"."
                                         && unit.versionsPath.startsWith(unit.key + u'/')
                                         && before.versionsPath.mid(before.key.size())
                                                == unit.versionsPath.mid(unit.key.size());
        const auto folderNow = folderHoldsVersions ? tree->entry(unit.key) : std::nullopt;
        const bool untouched
            = folderNow && std::any_of(parents.cbegin(), parents.cend(), [&](TreePaths *side) {
                  return sameId(side->entry(before.key), folderNow);
              });
        if (!untouched) {
            versionEvents(unit, out.id, *tree, parents, out);
            terraformEvents(unit, out.id, *tree, parents, out);
        }
        // Likewise the folder of all approvals ("approvals"), which few commits change.
        const QString &approvalsFolder = lookup.approvalsFolder;
        const auto approvalsNow = tree->entry(approvalsFolder);
        const bool approvalsUntouched
            = before.approvalsPath == unit.approvalsPath && approvalsNow
              && std::any_of(parents.cbegin(), parents.cend(), [&](TreePaths *side) {
                     return sameId(side->entry(approvalsFolder), approvalsNow);
                 });
        if (!approvalsUntouched)
            approvalEvents(unit, out.id, *tree, parents, out);
    }

    if (parentTrees.size() > 1 && !out.mergeRequest.isEmpty()) {
        auto brought = broughtIn(commit);
        if (!brought)
            return brought.error();
        out.broughtIn = brought.value();
    }
    return out;
}

} // namespace EnvDeck::History
