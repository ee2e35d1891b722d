// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryRepoGenerator.h"

#include "git/MutableTree.h"

#include <QDir>
#include <QFile>

#include <algorithm>

using namespace EnvDeck;
using Kind = History::DeploymentEvent::Kind;

namespace {

QString versionsPath(const QString &env)
{
    return QStringLiteral("environments/%1/versions.yaml").arg(env);
}

History::DeploymentEvent makeEvent(const QString &component, Kind kind, const QString &from,
                                   const QString &to, const QString &path,
                                   const QString &reason = {})
{
    History::DeploymentEvent event;
    event.component = component;
    event.kind = kind;
    event.from = from;
    event.to = to;
    event.path = path;
    event.lockReason = reason;
    return event;
}

} // namespace

HistoryRepoGenerator::HistoryRepoGenerator(QString root, quint32 seed)
    : m_root(std::move(root))
    , m_random(seed)
    , m_clock(QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC))
{}

Result<void> HistoryRepoGenerator::init()
{
    const QByteArray path = QFile::encodeName(m_root);
    if (Git::call(m_repository, git_repository_init, path.constData(), 0u) < 0)
        return Git::lastError(QStringLiteral("Cannot create %1").arg(m_root));
    State state;
    QList<Expected> events;
    const QStringList names{QStringLiteral("dev"), QStringLiteral("staging"),
                            QStringLiteral("prod")};
    for (int i = 0; i < names.size(); ++i) {
        Env env;
        env.name = names[i];
        env.components.insert(QStringLiteral("api"), {QStringLiteral("1.0.0"), false, {}});
        env.components.insert(QStringLiteral("web"), {QStringLiteral("1.1.0"), false, {}});
        env.components.insert(QStringLiteral("worker"), {QStringLiteral("2.0.0"), false, {}});
        for (auto it = env.components.cbegin(); it != env.components.cend(); ++it)
            events.append(
                {i, makeEvent(it.key(), Kind::Add, {}, it->version, versionsPath(env.name))});
        state.envs.append(env);
    }
    auto first
        = writeCommit(state, {}, QStringLiteral("Environments dev, staging and prod"), events, {});
    if (!first)
        return first.error();
    m_main = first.value();
    return {};
}

QString HistoryRepoGenerator::nextVersion(const QString &version)
{
    QStringList parts = version.split(u'.');
    parts.last() = QString::number(parts.last().toInt() + 1 + int(m_random.bounded(3)));
    return parts.join(u'.');
}

QString HistoryRepoGenerator::pickComponent(const Env &env)
{
    const QStringList names = env.components.keys();
    return names.isEmpty() ? QString() : names[int(m_random.bounded(int(names.size())))];
}

void HistoryRepoGenerator::randomChange(State &state, QList<Expected> &events,
                                        const QSet<QString> &avoid, bool featureOnly,
                                        QString *touched)
{
    const int envIndex = touched && !touched->isEmpty()
                             ? touched->section(u'/', 0, 0).toInt()
                             : int(m_random.bounded(int(state.envs.size())));
    Env &env = state.envs[envIndex];
    const QString path = versionsPath(env.name);
    QString name = touched && !touched->isEmpty() ? touched->section(u'/', 1) : pickComponent(env);
    const bool blocked = avoid.contains(QString::number(envIndex) + u'/' + name);
    int operation = int(m_random.bounded(featureOnly ? 4 : 9));
    if (blocked && operation < 7)
        operation = 7; // an approval or an unrelated change never touches a component

    auto approval = [&]() {
        const QString release = QStringLiteral("r%1").arg(++m_counter);
        const QString id = m_clock.date().toString(Qt::ISODate) + u'-' + release;
        env.approvals.insert(id, release);
        events.append(
            {envIndex, makeEvent(id, Kind::Approval, {}, release,
                                 QStringLiteral("approvals/%1/%2.yaml").arg(env.name, id))});
    };
    switch (operation) {
    case 0:
    case 1:
    case 2: { // bump, sometimes with a lock in the same commit
        Component &component = env.components[name];
        const QString from = component.version;
        component.version = nextVersion(from);
        events.append({envIndex, makeEvent(name, Kind::Deploy, from, component.version, path)});
        if (operation == 2 && !component.locked) {
            component.locked = true;
            component.lockReason = QStringLiteral("QA run R-%1").arg(++m_counter);
            events.append({envIndex, makeEvent(name, Kind::Lock, component.version,
                                               component.version, path, component.lockReason)});
        }
        break;
    }
    case 3: { // lock or unlock
        Component &component = env.components[name];
        component.locked = !component.locked;
        component.lockReason
            = component.locked ? QStringLiteral("freeze %1").arg(++m_counter) : QString();
        events.append({envIndex, makeEvent(name, component.locked ? Kind::Lock : Kind::Unlock,
                                           component.version, component.version, path,
                                           component.lockReason)});
        break;
    }
    case 4: { // a new component
        const QString added = QStringLiteral("svc-%1").arg(++m_counter);
        env.components.insert(added, {QStringLiteral("0.1.0"), false, {}});
        events.append({envIndex, makeEvent(added, Kind::Add, {}, QStringLiteral("0.1.0"), path)});
        break;
    }
    case 5:
        if (env.components.size() > 1) {
            const QString from = env.components.value(name).version;
            env.components.remove(name);
            events.append({envIndex, makeEvent(name, Kind::Remove, from, {}, path)});
            break;
        }
        approval();
        break;
    case 6:
    case 7:
        approval();
        break;
    default:
        state.notes += QStringLiteral("note %1\n").arg(++m_counter);
        break;
    }
    if (touched && touched->isEmpty())
        *touched = QString::number(envIndex) + u'/' + name;
}

Result<void> HistoryRepoGenerator::featureBranch()
{
    static const char *const Providers[] = {"gitlab", "azure", "github", "local"};
    const int number = ++m_counter;
    const QString provider = QLatin1String(Providers[m_random.bounded(4)]);
    QString mergeRequest;
    QString message;
    if (provider == u"gitlab") {
        mergeRequest = u'!' + QString::number(number);
        message = QStringLiteral("Merge branch 'feature-%1' into 'main'\n\nBump versions\n\n"
                                 "See merge request platform/infra!%1\n")
                      .arg(number);
    } else if (provider == u"azure") {
        mergeRequest = QStringLiteral("PR %1").arg(number);
        message = QStringLiteral("Merged PR %1: Bump versions\n").arg(number);
    } else if (provider == u"github") {
        mergeRequest = u'#' + QString::number(number);
        message = QStringLiteral("Merge pull request #%1 from team/feature-%1\n\nBump versions\n")
                      .arg(number);
    } else {
        mergeRequest = u'#' + QString::number(number);
        message = QStringLiteral("Merge branch 'feature-%1' into main\n\nBump versions\n\n"
                                 "Local merge request %1\n")
                      .arg(number);
    }

    const int base = m_main;
    int feature = base;
    QString target; // "env/component" the feature works on
    const int featureCommits = 1 + int(m_random.bounded(3));
    for (int i = 0; i < featureCommits; ++i) {
        State state = m_commits[feature].state;
        QList<Expected> events;
        randomChange(state, events, {}, true, &target);
        auto written = writeCommit(state, {feature},
                                   QStringLiteral("feature-%1: change %2").arg(number).arg(i),
                                   events, mergeRequest);
        if (!written)
            return written.error();
        feature = written.value();
    }

    const int envIndex = target.section(u'/', 0, 0).toInt();
    const QString component = target.section(u'/', 1);
    const Component baseValue = m_commits[base].state.envs[envIndex].components.value(component);
    const Component featureValue
        = m_commits[feature].state.envs[envIndex].components.value(component);
    const bool conflict = featureValue.version != baseValue.version && m_random.bounded(2) == 0;

    const int mainCommits = int(m_random.bounded(3));
    for (int i = 0; i < mainCommits; ++i) {
        State state = m_commits[m_main].state;
        QList<Expected> events;
        randomChange(state, events, {target}, false);
        auto written = writeCommit(state, {m_main}, QStringLiteral("main: change"), events, {});
        if (!written)
            return written.error();
        m_main = written.value();
    }
    QStringList parts = baseValue.version.split(u'.');
    if (conflict) {
        State state = m_commits[m_main].state;
        Component &value = state.envs[envIndex].components[component];
        parts[1] = QString::number(parts[1].toInt() + 1);
        parts[2] = QStringLiteral("0");
        const QString from = value.version;
        value.version = parts.join(u'.');
        const QList<Expected> events{
            {envIndex, makeEvent(component, Kind::Deploy, from, value.version,
                                 versionsPath(state.envs[envIndex].name))}};
        auto written = writeCommit(state, {m_main}, QStringLiteral("hotfix on main"), events, {});
        if (!written)
            return written.error();
        m_main = written.value();
    }

    // Three-way merge of the model: each side's change wins; a conflict gets a third version.
    const State &baseState = m_commits[base].state;
    const State &ours = m_commits[m_main].state;
    const State &theirs = m_commits[feature].state;
    State merged = ours;
    QList<Expected> events;
    for (int e = 0; e < merged.envs.size(); ++e) {
        Env &env = merged.envs[e];
        QSet<QString> names;
        for (const auto *side : {&baseState.envs[e], &ours.envs[e], &theirs.envs[e]})
            for (auto it = side->components.cbegin(); it != side->components.cend(); ++it)
                names.insert(it.key());
        for (const QString &name : std::as_const(names)) {
            const auto b = baseState.envs[e].components.constFind(name);
            const auto t = theirs.envs[e].components.constFind(name);
            const bool inBase = b != baseState.envs[e].components.cend();
            const bool inTheirs = t != theirs.envs[e].components.cend();
            const bool theirsChanged = inBase != inTheirs || (inBase && *b != *t);
            if (!theirsChanged)
                continue;
            if (inTheirs)
                env.components.insert(name, *t);
            else
                env.components.remove(name);
        }
        for (auto it = theirs.envs[e].approvals.cbegin(); it != theirs.envs[e].approvals.cend();
             ++it)
            env.approvals.insert(it.key(), it.value());
    }
    if (conflict) {
        Component &value = merged.envs[envIndex].components[component];
        parts[1] = QString::number(parts[1].toInt() + 1);
        const QString from = ours.envs[envIndex].components.value(component).version;
        value.version = parts.join(u'.');
        events.append({envIndex, makeEvent(component, Kind::Deploy, from, value.version,
                                           versionsPath(merged.envs[envIndex].name))});
    }
    auto written = writeCommit(merged, {m_main, feature}, message, events, mergeRequest);
    if (!written)
        return written.error();
    m_main = written.value();
    return {};
}

Result<void> HistoryRepoGenerator::randomSteps(int count)
{
    for (int step = 0; step < count; ++step) {
        const int kind = int(m_random.bounded(10));
        if (kind < 2) {
            if (auto merged = featureBranch(); !merged)
                return merged;
            continue;
        }
        State state = m_commits[m_main].state;
        QList<Expected> events;
        QString message = QStringLiteral("change %1").arg(step);
        QString mergeRequest;
        if (kind == 2) { // a squash merge names its pull request in its own message
            const int number = ++m_counter;
            mergeRequest = QStringLiteral("PR %1").arg(number);
            message = QStringLiteral("Merged PR %1: squashed feature\n").arg(number);
        }
        // Two changes in one commit: the second never touches the first one's component, so
        // each intended event is also what the commit's diff shows.
        QString first;
        randomChange(state, events, {}, false, &first);
        if (kind == 3)
            randomChange(state, events, {first}, false);
        auto written = writeCommit(state, {m_main}, message, events, mergeRequest);
        if (!written)
            return written.error();
        m_main = written.value();
    }
    return {};
}

Result<void> HistoryRepoGenerator::bumps(int count)
{
    for (int i = 0; i < count; ++i) {
        State state = m_commits[m_main].state;
        const int index = int(m_random.bounded(int(state.envs.size())));
        Env &env = state.envs[index];
        const QString name = pickComponent(env);
        Component &component = env.components[name];
        const QString from = component.version;
        component.version = nextVersion(from);
        auto written = writeCommit(state, {m_main}, QStringLiteral("bump %1").arg(name),
                                   {{index, makeEvent(name, Kind::Deploy, from, component.version,
                                                      versionsPath(env.name))}},
                                   {});
        if (!written)
            return written.error();
        m_main = written.value();
    }
    return {};
}

Result<void> HistoryRepoGenerator::renameEnvironment(const QString &from, const QString &to)
{
    State state = m_commits[m_main].state;
    for (Env &env : state.envs) {
        if (env.name == from)
            env.name = to;
    }
    auto written
        = writeCommit(state, {m_main}, QStringLiteral("Rename %1 to %2").arg(from, to), {}, {});
    if (!written)
        return written.error();
    m_main = written.value();
    return {};
}

Result<void> HistoryRepoGenerator::malformedCommit(const QString &environment)
{
    for (bool broken : {true, false}) {
        State state = m_commits[m_main].state;
        for (Env &env : state.envs) {
            if (env.name == environment)
                env.malformed = broken;
        }
        auto written
            = writeCommit(state, {m_main},
                          broken ? QStringLiteral("Broken edit") : QStringLiteral("Fix"), {}, {});
        if (!written)
            return written.error();
        m_main = written.value();
    }
    return {};
}

Result<void> HistoryRepoGenerator::resetMain(int commitsBack)
{
    for (int i = 0; i < commitsBack; ++i) {
        if (m_commits[m_main].parents.isEmpty())
            return EnvDeck::Error(
                QStringLiteral("History too short to go back %1").arg(commitsBack));
        m_main = m_commits[m_main].parents.first();
    }
    return {};
}
