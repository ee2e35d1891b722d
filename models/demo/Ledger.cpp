// SPDX-License-Identifier: GPL-3.0-or-later
#include "Ledger.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace EnvDeck::Demo {
namespace {

using History::DeploymentEvent;
using Kind = DeploymentEvent::Kind;

// What one versions file says about one component: its version (empty when absent) and its lock.
struct Entry
{
    QString version;
    bool locked = false;
    QString lockReason;
};

Entry entryOf(const EnvironmentState &state, const QString &name)
{
    Entry entry;
    if (const auto it = state.components.constFind(name); it != state.components.cend())
        entry.version = it->toString();
    else if (const auto chart = state.thirdParty.constFind(name); chart != state.thirdParty.cend())
        entry.version = chart->toString();
    if (const auto lock = state.locks.constFind(name); lock != state.locks.cend()) {
        entry.locked = true;
        entry.lockReason = *lock;
    }
    return entry;
}

// Every component the versions file lists, sorted by name.
QStringList namesOf(const EnvironmentState &state)
{
    QStringList names = state.components.keys() + state.thirdParty.keys();
    names.sort();
    names.removeDuplicates();
    return names;
}

void environmentEvents(const QString &environment, const EnvironmentState &before,
                       const EnvironmentState &after, QList<DeploymentEvent> &out)
{
    // QMap compares its shared data first, so the many environments a commit leaves alone cost
    // next to nothing; that keeps the ledger cheap on 100,000-commit histories.
    if (before.components == after.components && before.thirdParty == after.thirdParty
        && before.locks == after.locks)
        return;
    QStringList names = namesOf(before) + namesOf(after);
    names.sort();
    names.removeDuplicates();
    const QString path = versionsPath(environment);
    for (const QString &name : std::as_const(names)) {
        const Entry was = entryOf(before, name);
        const Entry is = entryOf(after, name);
        const auto event = [&](Kind kind, const QString &from, const QString &to) {
            DeploymentEvent e;
            e.environment = environment;
            e.component = name;
            e.from = from;
            e.to = to;
            e.kind = kind;
            e.path = path;
            if (kind == Kind::Lock)
                e.lockReason = is.lockReason;
            out.append(e);
        };
        if (was.version.isEmpty() && !is.version.isEmpty())
            event(Kind::Add, {}, is.version);
        else if (!was.version.isEmpty() && is.version.isEmpty())
            event(Kind::Remove, was.version, {});
        else if (was.version != is.version)
            event(Kind::Deploy, was.version, is.version);
        // A lock belongs to a component that is there after the commit; a removed one only goes.
        if (is.version.isEmpty() || was.locked == is.locked)
            continue;
        event(is.locked ? Kind::Lock : Kind::Unlock, is.version, is.version);
    }
}

void approvalEvents(const World &before, const World &after, QList<DeploymentEvent> &out)
{
    // Approvals are only ever appended: most commits add none, and those need no set of paths.
    if (before.approvals.size() == after.approvals.size()
        && (after.approvals.isEmpty()
            || before.approvals.last().path == after.approvals.last().path))
        return;
    QSet<QString> known;
    for (const Approval &approval : before.approvals)
        known.insert(approval.path);
    for (const Approval &approval : after.approvals) {
        if (known.contains(approval.path))
            continue;
        // approvals/<environment>/<id>.yaml
        DeploymentEvent e;
        e.environment = approval.path.section(QLatin1Char('/'), 1, 1);
        e.component = approval.path.section(QLatin1Char('/'), -1);
        e.component.chop(int(qstrlen(".yaml")));
        e.to = QStringLiteral("r") + QString::number(approval.release);
        e.kind = Kind::Approval;
        e.path = approval.path;
        out.append(e);
    }
}

// Deploy, Add and Remove are about the version, Lock and Unlock about the lock: a merge keeps an
// event when the second parent differs from the merge in the same respect.
int aspect(Kind kind)
{
    switch (kind) {
    case Kind::Deploy:
    case Kind::Add:
    case Kind::Remove:
        return 0;
    case Kind::Lock:
    case Kind::Unlock:
        return 1;
    case Kind::Approval:
        return 2;
    }
    return 0;
}

} // namespace

QString versionsPath(const QString &environment)
{
    return QStringLiteral("environments/") + environment + QStringLiteral("/versions.yaml");
}

QList<DeploymentEvent> Ledger::difference(const World &before, const World &after)
{
    QList<DeploymentEvent> events;
    const EnvironmentState nothing; // an environment before the first commit lists nothing
    for (int e = 0; e < after.environments.size(); ++e) {
        const EnvironmentState &was
            = e < before.environments.size() ? before.environments.at(e) : nothing;
        environmentEvents(after.layout->environments.at(e).name, was, after.environments.at(e),
                          events);
    }
    approvalEvents(before, after, events);
    std::stable_sort(events.begin(), events.end(),
                     [](const DeploymentEvent &a, const DeploymentEvent &b) {
                         return std::tie(a.environment, a.component, a.kind)
                                < std::tie(b.environment, b.component, b.kind);
                     });
    return events;
}

void Ledger::append(QList<DeploymentEvent> events, const CommitMeta &meta,
                    const QString &mergeRequest)
{
    const QDateTime date = QDateTime::fromSecsSinceEpoch(meta.time, Qt::UTC);
    for (DeploymentEvent &e : events) {
        e.commit = meta.id;
        e.author = meta.author;
        e.authorEmail = meta.authorEmail;
        e.date = date;
        e.mergeRequest = mergeRequest;
    }
    m_events += events;
}

void Ledger::recordCommit(const World &after, const CommitMeta &meta)
{
    append(difference(m_previous, after), meta, {});
    m_previous = after;
}

void Ledger::beginBranch()
{
    m_branchBase = m_previous;
    m_branchStart = m_events.size();
}

void Ledger::recordMerge(const World &merged, const CommitMeta &meta, const QString &mergeRequest)
{
    const World &first = m_branchStart >= 0 ? m_branchBase : m_previous;
    if (m_branchStart >= 0) {
        for (qsizetype i = m_branchStart; i < m_events.size(); ++i)
            m_events[i].mergeRequest = mergeRequest;
    }
    const QList<DeploymentEvent> againstSecond = difference(m_previous, merged);
    QList<DeploymentEvent> kept;
    for (const DeploymentEvent &e : difference(first, merged)) {
        const bool alsoSecond
            = std::any_of(againstSecond.cbegin(), againstSecond.cend(), [&](const auto &other) {
                  return other.environment == e.environment && other.component == e.component
                         && aspect(other.kind) == aspect(e.kind);
              });
        if (alsoSecond)
            kept.append(e);
    }
    append(kept, meta, mergeRequest);
    m_previous = merged;
    m_branchBase = World();
    m_branchStart = -1;
}

} // namespace EnvDeck::Demo
