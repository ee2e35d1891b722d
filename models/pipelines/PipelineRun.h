// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace EnvDeck::Pipelines {

// One stage, job or environment deployment inside a run.
struct PipelineStage
{
    QString name;        // stage/job name
    QString environment; // the deployment environment it targets, empty when none
    QString status;      // normalised: "queued", "running", "completed"
    QString result;      // normalised: "succeeded", "failed", "canceled", "skipped", "" while running
    QDateTime started;   // UTC, invalid when unknown
    QDateTime finished;  // UTC, invalid while running

    friend bool operator==(const PipelineStage &, const PipelineStage &) = default;
};

// One CI/CD pipeline run (Azure DevOps build, GitLab pipeline, GitHub Actions workflow run).
struct PipelineRun
{
    QString provider;    // "azure-devops", "gitlab", "github", "demo"
    QString id;          // the provider's run id, as text
    QString name;        // definition / workflow / pipeline name
    QString status;      // normalised as in PipelineStage
    QString result;      //
    QDateTime started;   // UTC
    QDateTime finished;  // UTC, invalid while running
    QString branch;      // "main", without refs/heads/
    QString commit;      // full id
    QString environment; // the environment the run deployed to, empty when none
    QString url;         // web page of the run
    QList<PipelineStage> stages;

    // Seconds from start to finish; -1 while running or unknown.
    qint64 durationSeconds() const
    {
        if (!started.isValid() || !finished.isValid())
            return -1;
        return started.secsTo(finished);
    }
    bool succeeded() const { return result == u"succeeded"; }
    bool failed() const { return result == u"failed"; }

    friend bool operator==(const PipelineRun &, const PipelineRun &) = default;
};

} // namespace EnvDeck::Pipelines

Q_DECLARE_METATYPE(EnvDeck::Pipelines::PipelineRun)
