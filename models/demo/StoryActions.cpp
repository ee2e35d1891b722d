// SPDX-License-Identifier: GPL-3.0-or-later
// What the people of the demo team do, one commit each: bumps, locks, approvals, promotions, the
// rollback, module and environment changes. Every action keeps the rules the validation checks:
// versions only go up (except the one rollback), locked components stay put, production runs
// only approved version sets, and components that others require keep their major version.
#include "History.h"

#include "demo/SupportFiles.h"
#include "demo/YamlRenderer.h"

#include <QDateTime>

namespace EnvDeck::Demo {
namespace {

QString joined(const QStringList &parts)
{
    if (parts.size() <= 1)
        return parts.join(QString());
    return parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ")
           + parts.last();
}

} // namespace

QString Story::unlockedCoreComponent()
{
    const EnvironmentState &staging = m_world.environments.at(m_layout.stagingIndex());
    QStringList free;
    for (const QString &name : m_layout.coreComponents()) {
        if (!staging.locks.contains(name))
            free << name;
    }
    if (free.isEmpty())
        return m_layout.coreComponents().first();
    return m_random.pick(free);
}

void Story::schedule(Pending::Kind kind, int environment, int release, qint64 notBefore)
{
    // A newer promotion of the same environment replaces one still waiting.
    m_pending.removeIf(
        [&](const Pending &p) { return p.kind == kind && p.environment == environment; });
    m_pending.append({kind, environment, release, notBefore});
}

Result<bool> Story::devBump(const QString &component)
{
    const int dev = m_layout.devIndex();
    EnvironmentState &state = m_world.environments[dev];
    const QStringList core = m_layout.coreComponents();
    QStringList chosen{component.isEmpty() ? m_random.pick(core) : component};
    if (component.isEmpty() && core.size() > 2 && m_random.percent(18)) {
        const QString other = m_random.pick(core);
        if (other != chosen.first())
            chosen << other;
    }
    QStringList parts;
    for (const QString &name : chosen) {
        const Semver current = state.components.value(name);
        const int roll = m_random.below(200);
        // Mostly patches, some minors, a rare major (never for what others require).
        const Semver next = roll < 140                                ? current.nextPatch()
                            : roll < 197 || m_layout.isRequired(name) ? current.nextMinor()
                                                                      : current.nextMajor();
        state.components[name] = next;
        m_newVersions.append({name, next});
        parts << name + QStringLiteral(" to ") + next.toString();
    }
    if (Result<void> r = put(Yaml::versionsFile(m_world, dev)); !r)
        return r.error();
    if (Result<void> r
        = commit(person(Role::Developer), QStringLiteral("dev: bump ") + joined(parts));
        !r)
        return r.error();
    return true;
}

Result<bool> Story::devThirdPartyBump()
{
    if (m_layout.thirdParty.isEmpty())
        return false;
    const int dev = m_layout.devIndex();
    EnvironmentState &state = m_world.environments[dev];
    const QString chart
        = m_layout.thirdParty.at(m_random.below(int(m_layout.thirdParty.size()))).name;
    // Upstream charts release every few weeks, however busy the team is.
    if (clock() - m_chartReleasedAt.value(chart, -12 * SecondsPerDay) < 12 * SecondsPerDay)
        return false;
    m_chartReleasedAt.insert(chart, clock());
    const Semver current = state.thirdParty.value(chart);
    const Semver next = m_random.percent(60) ? current.nextPatch() : current.nextMinor();
    state.thirdParty[chart] = next;
    m_world.chartIndex[chart].append({next, now() - 2 * SecondsPerDay});
    if (Result<void> r = put({Yaml::versionsFile(m_world, dev), Yaml::chartIndex(m_world)}); !r)
        return r.error();
    const QString message = QStringLiteral("dev: bump %1 to %2").arg(chart, next.toString());
    if (Result<void> r = commit(person(Role::Platform), message); !r)
        return r.error();
    return true;
}

Result<bool> Story::stagingBump(const QString &mustInclude)
{
    const EnvironmentState &dev = m_world.environments.at(m_layout.devIndex());
    EnvironmentState &staging = m_world.environments[m_layout.stagingIndex()];
    QStringList components;
    for (const QString &name : m_layout.coreComponents()) {
        if (dev.components.value(name) > staging.components.value(name)
            && !staging.locks.contains(name) && name != mustInclude)
            components << name;
    }
    QStringList charts;
    for (auto it = dev.thirdParty.cbegin(); it != dev.thirdParty.cend(); ++it) {
        if (it.value() > staging.thirdParty.value(it.key()))
            charts << it.key();
    }
    const bool includeFirst
        = !mustInclude.isEmpty()
          && dev.components.value(mustInclude) > staging.components.value(mustInclude)
          && !staging.locks.contains(mustInclude);
    if (components.isEmpty() && charts.isEmpty() && !includeFirst)
        return false;

    QStringList taken;
    if (includeFirst)
        taken << mustInclude;
    const int wanted = m_random.between(1, 3);
    while (taken.size() < wanted && !(components.isEmpty() && charts.isEmpty())) {
        QStringList &from = charts.isEmpty() || (!components.isEmpty() && m_random.percent(80))
                                ? components
                                : charts;
        taken << from.takeAt(m_random.below(int(from.size())));
    }
    QStringList parts;
    for (const QString &name : std::as_const(taken)) {
        const bool chart = dev.thirdParty.contains(name);
        const Semver version = chart ? dev.thirdParty.value(name) : dev.components.value(name);
        if (chart)
            staging.thirdParty[name] = version;
        else
            staging.components[name] = version;
        parts << name + QStringLiteral(" to ") + version.toString();
    }
    m_lastStagingBump = clock();
    if (Result<void> r = put(Yaml::versionsFile(m_world, m_layout.stagingIndex())); !r)
        return r.error();
    const QString message = QStringLiteral("staging: bump %1 from dev").arg(joined(parts));
    if (Result<void> r
        = commit(person(m_random.percent(60) ? Role::Release : Role::Developer), message);
        !r)
        return r.error();
    return true;
}

Result<bool> Story::integrationBump()
{
    EnvironmentState &staging = m_world.environments[m_layout.stagingIndex()];
    QStringList candidates;
    for (const ComponentSpec &c : m_layout.components) {
        if (c.integration && !staging.locks.contains(c.name))
            candidates << c.name;
    }
    if (candidates.isEmpty())
        return false;
    const QString name = m_random.pick(candidates);
    const Semver current = staging.components.value(name);
    const Semver next = m_random.percent(70) ? current.nextPatch() : current.nextMinor();
    staging.components[name] = next;
    m_newVersions.append({name, next});
    if (Result<void> r = put(Yaml::versionsFile(m_world, m_layout.stagingIndex())); !r)
        return r.error();
    if (Result<void> r
        = commit(person(Role::Developer),
                 QStringLiteral("staging: bump %1 to %2").arg(name, next.toString()));
        !r)
        return r.error();
    return true;
}

Result<bool> Story::lock()
{
    EnvironmentState &staging = m_world.environments[m_layout.stagingIndex()];
    const int maxLocks = std::clamp(int(m_layout.coreComponents().size()) / 5, 1, 3);
    if (staging.locks.size() >= maxLocks)
        return false;
    QStringList candidates;
    for (auto it = staging.components.cbegin(); it != staging.components.cend(); ++it) {
        if (!staging.locks.contains(it.key()))
            candidates << it.key();
    }
    if (candidates.isEmpty())
        return false;
    const QString name = m_random.pick(candidates);
    QString reason;
    const ComponentSpec *spec = m_layout.component(name);
    if (spec && spec->integration && m_random.percent(70)) {
        const int customer = m_layout.environmentIndex(QStringLiteral("contoso"));
        reason = customer >= 0 ? QStringLiteral("customer UAT for contoso")
                               : QStringLiteral("ERP interface test");
    } else if ((name == u"payments" || name == u"billing") && m_random.percent(60)) {
        reason = QStringLiteral("payments sandbox certification");
    } else if (m_random.percent(75)) {
        reason = QStringLiteral("QA regression run R-%1").arg(++m_regressionRun);
    } else {
        reason = QStringLiteral("load test LT-%1").arg(++m_loadTest);
    }
    staging.locks.insert(name, reason);
    m_lockedAt.insert(name, m_emitted);
    if (Result<void> r = put(Yaml::versionsFile(m_world, m_layout.stagingIndex())); !r)
        return r.error();
    const QString message = QStringLiteral("staging: lock %1 %2 for %3")
                                .arg(name, staging.components.value(name).toString(), reason);
    if (Result<void> r = commit(person(Role::Qa), message); !r)
        return r.error();
    return true;
}

Result<bool> Story::unlock()
{
    EnvironmentState &staging = m_world.environments[m_layout.stagingIndex()];
    QStringList candidates;
    for (auto it = staging.locks.cbegin(); it != staging.locks.cend(); ++it) {
        if (m_emitted - m_lockedAt.value(it.key()) >= 4)
            candidates << it.key();
    }
    if (candidates.isEmpty())
        return false;
    const QString name = m_random.pick(candidates);
    const QString reason = staging.locks.take(name);
    m_lockedAt.remove(name);
    if (Result<void> r = put(Yaml::versionsFile(m_world, m_layout.stagingIndex())); !r)
        return r.error();
    if (Result<void> r = commit(person(Role::Qa),
                                QStringLiteral("staging: unlock %1 (%2 done)").arg(name, reason));
        !r)
        return r.error();
    return true;
}

Result<bool> Story::approve()
{
    const int staging = m_layout.stagingIndex();
    const QMap<QString, QString> versions = m_world.versionSet(staging);
    if (!m_world.approvals.isEmpty() && m_world.approvals.last().versions == versions)
        return false;

    const Person &qa = person(Role::Qa);
    Approval approval;
    approval.release = int(m_world.approvals.size()) + 1;
    approval.time = now();
    approval.approvedBy = qa.name + QStringLiteral(" <") + qa.email + QLatin1Char('>');
    approval.commit = Git::toHex(m_head);
    approval.versions = versions;
    approval.path
        = QStringLiteral("approvals/staging/%1-r%2.yaml")
              .arg(QDateTime::fromSecsSinceEpoch(approval.time, Qt::UTC).toString(u"yyyy-MM-dd"))
              .arg(approval.release);
    const QString passed = QStringLiteral("passed");
    approval.checklist
        << ChecklistItem{QStringLiteral("Smoke tests green on staging"), passed, {}}
        << ChecklistItem{QStringLiteral("Regression run R-%1").arg(++m_regressionRun), passed, {}};
    if (m_layout.component(QStringLiteral("payments")))
        approval.checklist << ChecklistItem{
            QStringLiteral("Payments sandbox end-to-end"), passed, {}};
    approval.checklist << ChecklistItem{
        QStringLiteral("ERP and SFTP integration checks"), passed, {}};
    if (m_random.percent(20))
        approval.checklist << ChecklistItem{
            QStringLiteral("Performance baseline"), QStringLiteral("passed with remarks"),
            QStringLiteral("p95 latency up %1%, accepted").arg(m_random.between(3, 9))};
    approval.checklist << ChecklistItem{QStringLiteral("No open P1 incidents on staging"),
                                        passed,
                                        {}}
                       << ChecklistItem{QStringLiteral("Release notes reviewed"), passed, {}};
    m_world.approvals.append(approval);
    m_lastApproval = clock();
    if (Result<void> r = put(Yaml::approvalFile(approval)); !r)
        return r.error();
    if (Result<void> r
        = commit(qa, QStringLiteral("qa: approve staging r%1").arg(approval.release));
        !r)
        return r.error();

    // Release managers plan the production rollout a few days out; not every release goes
    // everywhere, and prod-us often waits for the next one.
    const qint64 t = clock();
    for (int e = 0; e < m_layout.environments.size(); ++e) {
        const EnvironmentSpec &env = m_layout.environments.at(e);
        if (env.tier != EnvironmentTier::Production || env.customer)
            continue;
        if (e == m_layout.prodEuIndex()) {
            if (m_random.percent(80))
                schedule(Pending::Promote, e, approval.release,
                         t + SecondsPerDay + m_random.below64(3 * SecondsPerDay));
        } else if (env.name == u"prod-us") {
            if (m_random.percent(60))
                schedule(Pending::Promote, e, approval.release,
                         t + 2 * SecondsPerDay + m_random.below64(5 * SecondsPerDay));
        } else if (m_random.percent(35)) {
            schedule(Pending::Promote, e, approval.release,
                     t + 3 * SecondsPerDay + m_random.below64(7 * SecondsPerDay));
        }
    }
    return true;
}

Result<bool> Story::promote(int environment, int release, bool follow)
{
    EnvironmentState &state = m_world.environments[environment];
    const Approval *approval = m_world.approval(release);
    if (!approval || release <= state.release)
        return false;
    for (auto it = state.components.begin(); it != state.components.end(); ++it)
        it.value() = Semver::fromString(approval->versions.value(it.key()));
    for (auto it = state.thirdParty.begin(); it != state.thirdParty.end(); ++it)
        it.value() = Semver::fromString(approval->versions.value(it.key()));
    const int previous = state.release;
    state.release = release;
    const bool prodEu = environment == m_layout.prodEuIndex();
    if (prodEu)
        m_prodEuPrevious = previous;
    if (Result<void> r = put(Yaml::versionsFile(m_world, environment)); !r)
        return r.error();
    const QString name = m_layout.environments.at(environment).name;
    const QString message
        = follow ? QStringLiteral("%1: promote r%2 (follows prod-eu)").arg(name).arg(release)
                 : QStringLiteral("%1: promote r%2 from staging").arg(name).arg(release);
    const Person &author = person(Role::Release);
    if (Result<void> r = commit(author, message); !r)
        return r.error();
    if (!prodEu)
        return true;

    if (!m_releaseTagged.contains(release)) {
        m_releaseTagged.insert(release);
        const Git::Signature tagger{author.name, author.email, now() - 1, author.offsetMinutes};
        const QString text = QStringLiteral("Release r%1\n\nApproved by QA in %2, first promoted "
                                            "to prod-eu.\n")
                                 .arg(release)
                                 .arg(approval->path);
        if (Result<void> r = m_writer.addAnnotatedTag(QStringLiteral("release/r%1").arg(release),
                                                      m_head, tagger, text);
            !r)
            return r.error();
    }
    const qint64 t = clock();
    for (int e = 0; e < m_layout.environments.size(); ++e) {
        const EnvironmentSpec &env = m_layout.environments.at(e);
        if (env.customer && (env.name == u"contoso" || m_random.percent(50)))
            schedule(Pending::Follow, e, release,
                     t + SecondsPerDay + m_random.below64(2 * SecondsPerDay));
    }
    const bool rollbackPending
        = std::any_of(m_pending.cbegin(), m_pending.cend(),
                      [](const Pending &p) { return p.kind == Pending::Rollback; });
    if (!m_rollbackDone && !rollbackPending && m_emitted >= m_rollbackAt && previous >= 1)
        schedule(Pending::Rollback, environment, previous,
                 t + 2 * SecondsPerHour + m_random.below64(6 * SecondsPerHour));
    return true;
}

Result<bool> Story::rollback()
{
    const int environment = m_layout.prodEuIndex();
    EnvironmentState &state = m_world.environments[environment];
    const int target = m_prodEuPrevious;
    const Approval *approval = m_world.approval(target);
    if (m_rollbackDone || !approval || target >= state.release)
        return false;
    const int bad = state.release;
    for (auto it = state.components.begin(); it != state.components.end(); ++it)
        it.value() = Semver::fromString(approval->versions.value(it.key()));
    for (auto it = state.thirdParty.begin(); it != state.thirdParty.end(); ++it)
        it.value() = Semver::fromString(approval->versions.value(it.key()));
    state.release = target;
    m_rollbackDone = true;
    // Nobody else gets the release that just failed.
    m_pending.removeIf([bad](const Pending &p) {
        return p.kind == Pending::Rollback || (p.kind == Pending::Promote && p.release == bad);
    });
    if (Result<void> r = put(Yaml::versionsFile(m_world, environment)); !r)
        return r.error();
    const QString reason = m_layout.component(QStringLiteral("payments"))
                               ? QStringLiteral("payment errors")
                               : QStringLiteral("elevated 5xx rates");
    if (Result<void> r
        = commit(person(Role::Release),
                 QStringLiteral("prod-eu: roll back to r%1 after %2\n\nr%3 is "
                                "withdrawn; the next approved release replaces it.\n")
                     .arg(target)
                     .arg(reason)
                     .arg(bad));
        !r)
        return r.error();
    return true;
}

Result<bool> Story::moduleEdit(int module, const QString &message)
{
    if (module < 0) {
        // Mostly the hand-written blocks while they still have changes of their own to make.
        QList<int> fresh;
        for (int m = 0; m < qMin(12, int(m_layout.modules.size())); ++m) {
            if (m_world.modules.at(m).edits < Terraform::moduleOwnEdits(m_layout, m))
                fresh << m;
        }
        module = !fresh.isEmpty() && m_random.percent(75)
                     ? m_random.pick(fresh)
                     : m_random.below(int(m_layout.modules.size()));
    }
    const int edit = m_world.modules[module].edits++;
    const QString description = Terraform::moduleEditMessage(m_layout, module, edit);
    if (Result<void> r = put(Terraform::moduleFiles(m_world, module)); !r)
        return r.error();
    const QString text
        = message.isEmpty()
              ? QStringLiteral("modules/%1: %2").arg(m_layout.modules.at(module).name, description)
              : message;
    if (Result<void> r
        = commit(person(m_random.percent(60) ? Role::Architect : Role::Platform), text);
        !r)
        return r.error();
    return true;
}

Result<bool> Story::environmentTweak(int environment)
{
    if (environment < 0) {
        const int roll = m_random.below(100);
        environment = roll < 50   ? m_layout.devIndex()
                      : roll < 75 ? m_layout.stagingIndex()
                                  : m_random.between(m_layout.prodEuIndex(),
                                                     int(m_layout.environments.size()) - 1);
    }
    const EnvironmentSpec &spec = m_layout.environments.at(environment);
    EnvironmentState &state = m_world.environments[environment];
    const QStringList &versions = kubernetesVersions();
    // AKS upgrades go dev -> staging -> production, never past the tier before.
    int ceiling = int(versions.size()) - 1;
    if (spec.tier == EnvironmentTier::Staging)
        ceiling = m_world.environments.at(m_layout.devIndex()).kubernetes;
    else if (spec.tier == EnvironmentTier::Production)
        ceiling = m_world.environments.at(m_layout.stagingIndex()).kubernetes;

    QString change;
    if (state.kubernetes < ceiling && m_random.percent(40)) {
        ++state.kubernetes;
        change = QStringLiteral("upgrade AKS to %1").arg(versions.at(state.kubernetes));
    } else if (spec.tier == EnvironmentTier::Production && m_random.percent(15)) {
        state.vmSize = state.vmSize == u"Standard_D8s_v5" ? QStringLiteral("Standard_E4s_v5")
                                                          : QStringLiteral("Standard_D8s_v5");
        change = QStringLiteral("move the system pool to %1").arg(state.vmSize);
    } else {
        const int low = spec.tier == EnvironmentTier::Dev ? 2 : 3;
        const int high = spec.tier == EnvironmentTier::Production ? 10 : 6;
        const bool up = state.nodeCount <= low || (state.nodeCount < high && m_random.percent(60));
        state.nodeCount += up ? 1 : -1;
        change = QStringLiteral("scale the system pool to %1 nodes").arg(state.nodeCount);
    }
    if (Result<void> r = put(Terraform::environmentTfvars(m_world, environment)); !r)
        return r.error();
    if (Result<void> r = commit(person(Role::Platform), spec.name + QStringLiteral(": ") + change);
        !r)
        return r.error();
    return true;
}

Result<bool> Story::pipelineEdit()
{
    if (m_world.pipelineRevision >= Support::lastPipelineRevision())
        return false;
    ++m_world.pipelineRevision;
    if (Result<void> r = put(Support::pipelineFiles(m_world)); !r)
        return r.error();
    if (Result<void> r = commit(person(Role::Platform),
                                QStringLiteral("pipelines: ")
                                    + Support::pipelineEditMessage(m_world.pipelineRevision));
        !r)
        return r.error();
    return true;
}

Result<bool> Story::readmeEdit()
{
    if (m_world.readmeRevision >= 12)
        return false;
    ++m_world.readmeRevision;
    if (Result<void> r = put(Support::readme(m_world)); !r)
        return r.error();
    if (Result<void> r
        = commit(person(m_random.percent(50) ? Role::Architect : Role::Release),
                 QStringLiteral("docs: ") + Support::readmeEditMessage(m_world.readmeRevision));
        !r)
        return r.error();
    return true;
}

} // namespace EnvDeck::Demo
