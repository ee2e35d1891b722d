// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace EnvDeck::History {

// One change to what an environment runs, as read from the Git history of its version files
// (versions.yaml, and versions written in .tf/.tfvars), or an approval recorded for it.
struct DeploymentEvent
{
    enum class Kind {
        Deploy,   // a component's version changed: from -> to
        Add,      // a component appeared: from is empty
        Remove,   // a component disappeared: to is empty
        Lock,     // locked: from/to hold the version at the time
        Unlock,   //
        Approval, // approvals/<environment>/<file>.yaml added; component is the approval id
    };

    QString environment;  // the environment's current name (renamed folders are followed)
    QString component;    // component name, or the approval id for Kind::Approval
    QString from;         // version before, empty for Add
    QString to;           // version after, empty for Remove
    Kind kind = Kind::Deploy;
    QString commit;       // full 40-hex id of the commit that made the change
    QString author;       // author name
    QString authorEmail;  //
    QDateTime date;       // author time, UTC
    QString mergeRequest; // "!123" (GitLab), "PR 123" (Azure DevOps), "#123" (GitHub/local), or empty
    QString path;         // the file changed, relative to the repository root, at that commit
    QString lockReason;   // for Lock

    friend bool operator==(const DeploymentEvent &, const DeploymentEvent &) = default;
};

// "deploy", "add", "remove", "lock", "unlock", "approval", and back (Deploy and ok=false when unknown).
QString kindName(DeploymentEvent::Kind kind);
DeploymentEvent::Kind kindFromName(const QString &name, bool *ok = nullptr);

} // namespace EnvDeck::History

Q_DECLARE_METATYPE(EnvDeck::History::DeploymentEvent)
