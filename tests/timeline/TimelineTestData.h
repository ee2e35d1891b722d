// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/DeploymentEvent.h"
#include "pipelines/PipelineRun.h"
#include "repo/Environment.h"

#include <QCryptographicHash>
#include <QHash>
#include <QList>

// Hand-built deployment events and pipeline runs shared by the timeline tests.
namespace TimelineTestData {

using EnvDeck::History::DeploymentEvent;
using EnvDeck::Pipelines::PipelineRun;

inline QDateTime utc(const char *text)
{
    QDateTime date = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
    date.setTimeSpec(Qt::UTC);
    return date;
}

inline DeploymentEvent deploy(const char *environment, const char *component, const char *from,
                              const char *to, const char *date,
                              DeploymentEvent::Kind kind = DeploymentEvent::Kind::Deploy)
{
    DeploymentEvent event;
    event.environment = QString::fromLatin1(environment);
    event.component = QString::fromLatin1(component);
    event.from = QString::fromLatin1(from);
    event.to = QString::fromLatin1(to);
    event.kind = kind;
    event.date = utc(date);
    // A commit id derived from what changed, so every event has its own.
    const QByteArray seed = QByteArray(environment) + component + to + date;
    event.commit
        = QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha1).toHex());
    event.author = QStringLiteral("Maria Silva");
    event.authorEmail = QStringLiteral("maria@example.com");
    event.mergeRequest = QStringLiteral("!42");
    event.path = QStringLiteral("environments/%1/versions.yaml").arg(event.environment);
    return event;
}

inline PipelineRun run(const char *name, const char *environment, const char *result,
                       const char *started, qint64 durationSeconds)
{
    PipelineRun run;
    run.provider = QStringLiteral("demo");
    run.name = QString::fromLatin1(name);
    run.environment = QString::fromLatin1(environment);
    run.status = QStringLiteral("completed");
    run.result = QString::fromLatin1(result);
    run.started = utc(started);
    run.finished = run.started.addSecs(durationSeconds);
    run.branch = QStringLiteral("main");
    run.id = QString::number(qHash(run.name + run.started.toString()));
    run.commit = QString(40, QLatin1Char('a'));
    return run;
}

inline QHash<QString, EnvDeck::Tier> tiers()
{
    return {{QStringLiteral("dev"), EnvDeck::Tier::Dev},
            {QStringLiteral("staging"), EnvDeck::Tier::Staging},
            {QStringLiteral("prod"), EnvDeck::Tier::Production},
            {QStringLiteral("prod-eu"), EnvDeck::Tier::Production}};
}

// Two components moving through dev, staging and two production environments over three weeks
// of January 2026 (Monday 5, 12 and 19), with one rollback in production.
inline QList<DeploymentEvent> events()
{
    return {
        deploy("dev", "orders", "1.0.0", "1.1.0", "2026-01-05T09:00:00"),
        deploy("dev", "billing", "2.0.0", "2.1.0", "2026-01-06T10:00:00"),
        deploy("staging", "orders", "1.0.0", "1.1.0", "2026-01-06T12:00:00"),
        deploy("prod", "orders", "1.0.0", "1.1.0", "2026-01-07T09:00:00"),
        deploy("dev", "orders", "1.1.0", "1.2.0", "2026-01-12T08:00:00"),
        deploy("prod-eu", "orders", "1.0.0", "1.1.0", "2026-01-13T09:00:00"),
        deploy("prod", "billing", "2.0.0", "2.1.0", "2026-01-14T10:00:00"),
        deploy("prod", "orders", "1.1.0", "1.2.0", "2026-01-14T20:00:00"),
        deploy("prod", "orders", "1.2.0", "1.1.0", "2026-01-15T08:00:00"), // rollback
        deploy("dev", "orders", "", "1.2.0", "2026-01-16T08:00:00", DeploymentEvent::Kind::Lock),
        deploy("staging", "billing", "2.0.0", "2.1.0", "2026-01-19T11:00:00"),
    };
}

inline QList<PipelineRun> runs()
{
    return {
        run("deploy", "prod", "succeeded", "2026-01-07T08:50:00", 600),
        run("deploy", "prod", "failed", "2026-01-08T10:00:00", 300),
        run("deploy", "prod", "failed", "2026-01-08T11:00:00", 300),
        run("deploy", "prod", "succeeded", "2026-01-08T13:00:00", 900),
        run("deploy", "dev", "succeeded", "2026-01-12T07:50:00", 420),
        run("deploy", "dev", "canceled", "2026-01-12T09:00:00", 60),
        run("deploy", "prod-eu", "failed", "2026-01-13T08:00:00", 1200),
        run("deploy", "prod-eu", "succeeded", "2026-01-13T08:40:00", 1200),
        run("deploy", "staging", "succeeded", "2026-01-19T10:50:00", 480),
    };
}

} // namespace TimelineTestData
