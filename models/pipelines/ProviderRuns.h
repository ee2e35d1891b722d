// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipelines/PipelineJob.h"

#include <QHash>

// The three providers' runs jobs (created by listRuns()) and how their words map onto
// PipelineRun's vocabulary. Status: "queued", "running", "completed"; result: "succeeded",
// "failed", "canceled", "skipped", or "" while not completed.
namespace EnvDeck::Pipelines {

struct Normalised
{
    QString status;
    QString result;
};

// Build status (notStarted, inProgress, completed, cancelling, postponed, none) and result
// (succeeded, partiallySucceeded, failed, canceled, none); timeline records use state (pending,
// inProgress, completed) and result (succeeded, succeededWithIssues, failed, canceled, skipped,
// abandoned) and go through the same function.
Normalised normaliseAzureDevOps(const QString &status, const QString &result);
// Pipeline and job status: created, waiting_for_resource, preparing, pending, scheduled, manual,
// running, canceling, success, failed, canceled, skipped.
Normalised normaliseGitLab(const QString &status);
// Workflow run and job status (queued, waiting, requested, pending, in_progress, completed) and
// conclusion (success, failure, cancelled, skipped, neutral, timed_out, action_required, stale,
// startup_failure).
Normalised normaliseGitHub(const QString &status, const QString &conclusion);

// Builds list (continuationToken), then each build's timeline: the Stage records are the stages.
class AzureDevOpsRunsJob : public PipelineJob
{
public:
    AzureDevOpsRunsJob(std::shared_ptr<const Forge::ForgeConnection> connection,
                       PipelineSource source, QDateTime since, QObject *parent)
        : PipelineJob(std::move(connection), std::move(source), std::move(since), parent)
    {}

protected:
    void run() override;

private:
    void readTimeline(int index);
    QList<PipelineRun> m_runs;
};

// Pipelines (x-next-page), each pipeline's details and jobs, then the deployments that give the
// environments.
class GitLabRunsJob : public PipelineJob
{
public:
    GitLabRunsJob(std::shared_ptr<const Forge::ForgeConnection> connection, PipelineSource source,
                  QDateTime since, QObject *parent)
        : PipelineJob(std::move(connection), std::move(source), std::move(since), parent)
    {}

protected:
    void run() override;

private:
    void readPipeline(int index);
    void readDeployments();
    QList<PipelineRun> m_runs;
    QHash<QString, std::pair<int, int>> m_jobs; // job id -> (run, stage)
};

// Workflow runs (Link rel="next"), each run's jobs, then the deployments of their commits.
class GitHubRunsJob : public PipelineJob
{
public:
    GitHubRunsJob(std::shared_ptr<const Forge::ForgeConnection> connection, PipelineSource source,
                  QDateTime since, QObject *parent)
        : PipelineJob(std::move(connection), std::move(source), std::move(since), parent)
    {}

protected:
    void run() override;

private:
    void readJobs(int index);
    void readDeployments();
    QList<PipelineRun> m_runs;
};

} // namespace EnvDeck::Pipelines
