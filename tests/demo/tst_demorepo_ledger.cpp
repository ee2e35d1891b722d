// SPDX-License-Identifier: GPL-3.0-or-later
// The ledger of the default demo repository (Summary::events) against the repository itself,
// read with the git CLI and the versions file reader only, never with models/history: the ledger
// is what history readers are tested against, so it is checked independently of them.
#include "tst_demorepo.h"

#include "DemoCheck.h"
#include "TestSupport.h"
#include "repo/VersionsFileReader.h"

#include <QRegularExpression>

#include <tuple>

using namespace EnvDeck;
using namespace DemoCheck;
using History::DeploymentEvent;
using Kind = DeploymentEvent::Kind;

namespace {

QString describe(const DeploymentEvent &e)
{
    return QStringLiteral("%1 %2 %3/%4 %5 -> %6 %7")
        .arg(e.commit.left(10), History::kindName(e.kind), e.environment, e.component, e.from, e.to,
             e.mergeRequest);
}

struct LogEntry
{
    QString author;
    QString email;
    qint64 time = 0;
    QStringList parents;
};

// What one versions file says about a component while the ledger is replayed.
struct Replayed
{
    QString version;
    bool locked = false;
    QString lockReason;
};

} // namespace

void tst_DemoRepo::ledgerMatchesLog()
{
    const QList<DeploymentEvent> &events = m_summary.events;
    QVERIFY(events.size() > 100);
    QHash<QString, LogEntry> log;
    for (const QString &line :
         lines(git(m_dir,
                   {QStringLiteral("log"), QStringLiteral("--format=%H%x09%an%x09%ae%x09%at%x09%P"),
                    QStringLiteral("main")})
                   .out)) {
        const QStringList f = line.split(u'\t');
        QCOMPARE(f.size(), 5);
        log.insert(f.at(0), {f.at(1), f.at(2), f.at(3).toLongLong(),
                             f.at(4).split(u' ', Qt::SkipEmptyParts)});
    }
    QCOMPARE(log.size(), m_summary.commits);

    // Every ledger commit is on main with the ledger's author and time, and the commits come
    // oldest first (times strictly increase, events of one commit stay together).
    QStringList order;
    for (const DeploymentEvent &e : events) {
        QVERIFY2(e.commit.size() == 40 && log.contains(e.commit), qPrintable(describe(e)));
        const LogEntry &entry = log[e.commit];
        QCOMPARE(e.author, entry.author);
        QCOMPARE(e.authorEmail, entry.email);
        QCOMPARE(e.date, QDateTime::fromSecsSinceEpoch(entry.time, Qt::UTC));
        QCOMPARE(e.date.timeSpec(), Qt::UTC);
        if (order.isEmpty() || order.last() != e.commit) {
            QVERIFY2(!order.contains(e.commit), qPrintable(describe(e)));
            if (!order.isEmpty())
                QVERIFY2(log[order.last()].time < entry.time, qPrintable(describe(e)));
            order << e.commit;
        }
    }
    // The first commit is the import: it adds everything, and it is the root of main.
    QVERIFY(log[order.first()].parents.isEmpty());

    // Within a commit: environment, component, kind.
    for (qsizetype i = 1; i < events.size(); ++i) {
        const DeploymentEvent &a = events.at(i - 1);
        const DeploymentEvent &b = events.at(i);
        if (a.commit == b.commit)
            QVERIFY2(std::tie(a.environment, a.component, a.kind)
                         < std::tie(b.environment, b.component, b.kind),
                     qPrintable(describe(a) + QStringLiteral(" / ") + describe(b)));
    }

    // Every ledger commit touches the file its events name: one `git log --name-only` lists the
    // files of each non-merge commit (the root's against the empty tree).
    QHash<QString, QSet<QString>> touched;
    QString current;
    for (const QString &line :
         lines(git(m_dir,
                   {QStringLiteral("log"), QStringLiteral("--root"), QStringLiteral("--name-only"),
                    QStringLiteral("--format=@%H"), QStringLiteral("main")})
                   .out)) {
        if (line.startsWith(u'@'))
            current = line.mid(1);
        else
            touched[current].insert(line);
    }
    for (const DeploymentEvent &e : events) {
        if (log[e.commit].parents.size() > 1) {
            const QStringList changed
                = lines(git(m_dir, {QStringLiteral("diff"), QStringLiteral("--name-only"),
                                    log[e.commit].parents.first(), e.commit})
                            .out);
            QVERIFY2(changed.contains(e.path), qPrintable(describe(e)));
        } else {
            QVERIFY2(touched.value(e.commit).contains(e.path),
                     qPrintable(describe(e) + QStringLiteral(" does not touch ") + e.path));
        }
        if (e.kind == Kind::Approval)
            QCOMPARE(e.path,
                     QStringLiteral("approvals/%1/%2.yaml").arg(e.environment, e.component));
        else
            QCOMPARE(e.path, QStringLiteral("environments/%1/versions.yaml").arg(e.environment));
    }
}

void tst_DemoRepo::ledgerReplaysToHead()
{
    // The import's events are exactly what its versions files list, all of them Add.
    const QList<DeploymentEvent> &events = m_summary.events;
    const QString first = events.first().commit;
    for (const QString &env : defaultEnvironments()) {
        const VersionsFile initial = parseVersions(
            git(m_dir, {QStringLiteral("show"), first + QStringLiteral(":environments/") + env
                                                    + QStringLiteral("/versions.yaml")})
                .out.toUtf8());
        QVERIFY2(initial.error.isEmpty(), qPrintable(initial.error));
        QMap<QString, QString> added;
        for (const DeploymentEvent &e : events) {
            if (e.commit == first && e.environment == env && e.kind != Kind::Approval) {
                QCOMPARE(History::kindName(e.kind), QStringLiteral("add"));
                added.insert(e.component, e.to);
            }
        }
        QMap<QString, QString> expected = initial.components;
        expected.insert(initial.thirdParty);
        QCOMPARE(added, expected);
        QVERIFY(initial.locks.isEmpty());
    }

    // Replaying every Deploy/Add/Remove/Lock/Unlock gives each versions.yaml at HEAD; each event
    // starts from what the replay holds, so a missed or invented change shows where it happens.
    QMap<QString, QMap<QString, Replayed>> state;
    QSet<Kind> kinds;
    for (const DeploymentEvent &e : events) {
        kinds.insert(e.kind);
        if (e.kind == Kind::Approval)
            continue;
        QMap<QString, Replayed> &env = state[e.environment];
        const bool present = env.contains(e.component);
        Replayed &c = env[e.component];
        switch (e.kind) {
        case Kind::Add:
            QVERIFY2(!present && e.from.isEmpty() && !e.to.isEmpty(), qPrintable(describe(e)));
            c.version = e.to;
            break;
        case Kind::Deploy:
            QVERIFY2(present && c.version == e.from && e.to != e.from, qPrintable(describe(e)));
            c.version = e.to;
            break;
        case Kind::Remove:
            QVERIFY2(present && c.version == e.from && e.to.isEmpty(), qPrintable(describe(e)));
            env.remove(e.component);
            break;
        case Kind::Lock:
        case Kind::Unlock:
            QVERIFY2(present && c.version == e.from && e.to == e.from
                         && c.locked == (e.kind == Kind::Unlock),
                     qPrintable(describe(e)));
            QVERIFY2((e.kind == Kind::Lock) == !e.lockReason.isEmpty(), qPrintable(describe(e)));
            c.locked = e.kind == Kind::Lock;
            c.lockReason = e.lockReason;
            break;
        case Kind::Approval:
            break;
        }
    }
    // The default history has all of these; an empty or one-sided ledger fails here.
    for (Kind kind : {Kind::Add, Kind::Deploy, Kind::Lock, Kind::Unlock, Kind::Approval})
        QVERIFY2(kinds.contains(kind), qPrintable(History::kindName(kind)));

    QCOMPARE(QStringList(state.keys()), [] {
        QStringList sorted = defaultEnvironments();
        sorted.sort();
        return sorted;
    }());
    for (const QString &env : defaultEnvironments()) {
        const QString relative = QStringLiteral("environments/%1/versions.yaml").arg(env);
        Result<VersionsFileContents> head = readVersionsFile(path(relative), relative);
        QVERIFY2(head.ok(), qPrintable(head ? QString() : head.error().toString()));
        QVERIFY(head->problems.isEmpty());
        QMap<QString, Replayed> atHead;
        for (const ComponentVersion &c : head->components)
            atHead.insert(c.name, {c.version, c.locked, c.locked ? c.lockReason : QString()});
        const QMap<QString, Replayed> replayed = state.value(env);
        QCOMPARE(QStringList(replayed.keys()), QStringList(atHead.keys()));
        for (auto it = atHead.cbegin(); it != atHead.cend(); ++it) {
            const Replayed r = replayed.value(it.key());
            const QString where = env + QLatin1Char('/') + it.key();
            QVERIFY2(r.version == it->version, qPrintable(where + QLatin1Char(' ') + r.version));
            QVERIFY2(r.locked == it->locked, qPrintable(where));
            QVERIFY2(r.lockReason == it->lockReason,
                     qPrintable(where + QLatin1Char(' ') + r.lockReason));
        }
    }
}

void tst_DemoRepo::ledgerApprovals()
{
    // Every approval file at HEAD appears once, in the commit that added it, with its release.
    QHash<QString, QString> addedBy; // path -> commit
    QString current;
    for (const QString &line :
         lines(git(m_dir, {QStringLiteral("log"), QStringLiteral("--root"),
                           QStringLiteral("--diff-filter=A"), QStringLiteral("--name-only"),
                           QStringLiteral("--format=@%H"), QStringLiteral("main"),
                           QStringLiteral("--"), QStringLiteral("approvals")})
                   .out)) {
        if (line.startsWith(u'@'))
            current = line.mid(1);
        else
            addedBy.insert(line, current);
    }
    const QStringList files
        = lines(git(m_dir, {QStringLiteral("ls-files"), QStringLiteral("approvals")}).out);
    QVERIFY(files.size() >= 3);
    QHash<QString, int> seen;
    for (const DeploymentEvent &e : m_summary.events) {
        if (e.kind != Kind::Approval)
            continue;
        ++seen[e.path];
        QVERIFY2(files.contains(e.path), qPrintable(e.path));
        QCOMPARE(e.commit, addedBy.value(e.path));
        QVERIFY(e.from.isEmpty());
        QString error;
        const YAML::Node approval = loadYaml(path(e.path), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(e.to, str(approval["release"]));
        QCOMPARE(e.environment, str(approval["environment"]));
    }
    for (const QString &file : files)
        QVERIFY2(seen.value(file) == 1, qPrintable(file));
    QCOMPARE(seen.size(), files.size());
}

void tst_DemoRepo::ledgerMergeRequests()
{
    // Branch commits (off main's first-parent line) carry their merge's "!N", which names a
    // merge commit of main; the commits of the first-parent line carry none unless they are
    // merges themselves.
    const QStringList firstParentIds
        = lines(git(m_dir, {QStringLiteral("rev-list"), QStringLiteral("--first-parent"),
                            QStringLiteral("main")})
                    .out);
    const QSet<QString> firstParent(firstParentIds.cbegin(), firstParentIds.cend());
    QVERIFY(firstParent.size() < m_summary.commits);
    QSet<QString> merges;
    for (const QString &line :
         lines(git(m_dir,
                   {QStringLiteral("rev-list"), QStringLiteral("--merges"), QStringLiteral("main")})
                   .out))
        merges.insert(line);
    QCOMPARE(merges.size(), m_summary.merges);
    QSet<QString> named; // "!N" of every merge commit of main
    static const QRegularExpression see(QStringLiteral("See merge request platform/infra(!\\d+)"));
    const QString bodies = git(m_dir, {QStringLiteral("log"), QStringLiteral("--merges"),
                                       QStringLiteral("--format=%B"), QStringLiteral("main")})
                               .out;
    for (auto it = see.globalMatch(bodies); it.hasNext();)
        named.insert(it.next().captured(1));
    QCOMPARE(named.size(), m_summary.merges);
    for (const DeploymentEvent &e : m_summary.events) {
        if (!firstParent.contains(e.commit) || merges.contains(e.commit))
            QVERIFY2(named.contains(e.mergeRequest), qPrintable(describe(e)));
        else
            QVERIFY2(e.mergeRequest.isEmpty(), qPrintable(describe(e)));
    }
}

void tst_DemoRepo::ledgerDeterminism()
{
    QTemporaryDir tmp;
    Demo::Options options;
    options.seed = 11;
    options.commits = 60;
    options.endTime = fixedEnd();
    const auto run = [&](const QString &name, const Demo::Options &o) {
        Result<Demo::Summary> s = Demo::generate(tmp.path() + QLatin1Char('/') + name, o);
        return s ? s->events : QList<DeploymentEvent>();
    };
    const QList<DeploymentEvent> a = run(QStringLiteral("a"), options);
    QVERIFY(a.size() > 20);
    QVERIFY(a == run(QStringLiteral("b"), options));
    options.seed = 12;
    QVERIFY(a != run(QStringLiteral("c"), options));
}
