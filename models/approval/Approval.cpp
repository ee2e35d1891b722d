// SPDX-License-Identifier: GPL-3.0-or-later
#include "Approval.h"

#include "core/YamlSupport.h"
#include "demo/VersionSet.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace EnvDeck {

bool Approval::isConsistent() const
{
    return versionSetHash == EnvDeck::versionSetHash(versions);
}

const Approval *ApprovalList::latestApproved() const
{
    for (auto it = approvals.crbegin(); it != approvals.crend(); ++it) {
        if (it->isApproved())
            return &*it;
    }
    return nullptr;
}

bool ApprovalList::wasApproved(const QString &component, const QString &version) const
{
    return std::any_of(approvals.cbegin(), approvals.cend(), [&](const Approval &approval) {
        return approval.isApproved() && approval.versions.value(component) == version;
    });
}

namespace {

Result<Approval> readApproval(const QString &absolutePath, const QString &displayPath,
                              const QString &environment)
{
    auto loaded = Yaml::loadFile(absolutePath, displayPath);
    if (!loaded)
        return loaded.error();
    const YAML::Node document = loaded.value();
    if (!document.IsMap())
        return Error(QStringLiteral("an approval must be a mapping with `versions:`"),
                     Yaml::locationOf(document, displayPath));

    Approval approval;
    approval.id = QFileInfo(absolutePath).completeBaseName();
    approval.file = displayPath;
    approval.environment = Yaml::scalar(document["environment"]);
    if (approval.environment.isEmpty())
        approval.environment = environment;
    approval.release = Yaml::scalar(document["release"]);
    approval.approvedBy = Yaml::scalar(document["approved_by"]);
    approval.approvedAt = QDateTime::fromString(Yaml::scalar(document["approved_at"]), Qt::ISODate);
    approval.commit = Yaml::scalar(document["commit"]);
    if (approval.commit == u"null" || approval.commit == u"~")
        approval.commit.clear();
    approval.decision = Yaml::scalar(document["decision"]).trimmed().toLower();
    if (approval.decision.isEmpty())
        approval.decision = QStringLiteral("approved");
    approval.comment = Yaml::scalar(document["comment"]);

    const YAML::Node versions = document["versions"];
    if (!versions || !versions.IsMap())
        return Error(QStringLiteral("`versions` must map each component to its version"),
                     Yaml::locationOf(versions ? versions : document, displayPath));
    for (auto it = versions.begin(); it != versions.end(); ++it) {
        const YAML::Node key = it->first;
        const YAML::Node value = it->second;
        approval.versions.insert(Yaml::scalar(key), Yaml::scalar(value));
    }

    const YAML::Node hash = document["version_set_hash"];
    approval.versionSetHash = Yaml::scalar(hash);
    if (hash)
        approval.hashLocation = Yaml::locationOf(hash, displayPath);

    const YAML::Node checklist = document["checklist"];
    if (checklist && checklist.IsSequence()) {
        for (const YAML::Node &entry : checklist) {
            if (!entry.IsMap())
                continue;
            approval.checklist.append({Yaml::scalar(entry["item"]), Yaml::scalar(entry["result"]),
                                       Yaml::scalar(entry["note"])});
        }
    }
    return approval;
}

} // namespace

ApprovalList readApprovals(const QString &repositoryRoot, const QString &environment)
{
    ApprovalList list;
    const QString folder = QStringLiteral("approvals/") + environment;
    const QDir dir(QDir(repositoryRoot).filePath(folder));
    if (!dir.exists())
        return list;
    const QStringList files = dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")},
                                            QDir::Files, QDir::Name);
    for (const QString &name : files) {
        auto approval = readApproval(dir.filePath(name), folder + u'/' + name, environment);
        if (approval)
            list.approvals.append(std::move(approval.value()));
        else
            list.problems.append(approval.error());
    }
    std::stable_sort(list.approvals.begin(), list.approvals.end(),
                     [](const Approval &a, const Approval &b) {
                         if (a.approvedAt != b.approvedAt)
                             return a.approvedAt < b.approvedAt;
                         return a.id < b.id;
                     });
    return list;
}

} // namespace EnvDeck
