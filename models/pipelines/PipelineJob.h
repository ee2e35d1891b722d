// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "forge/HttpForgeJob.h"
#include "pipelines/PipelineRun.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace EnvDeck::Pipelines {

// Where a repository's pipeline runs live (`.envdeck.yaml` `pipelines:`).
struct PipelineSource
{
    Forge::Provider provider = Forge::Provider::AzureDevOps;
    // Azure DevOps: https://dev.azure.com (or a server's collection root). GitLab: the instance
    // root (the job adds /api/v4). GitHub: https://api.github.com or https://host/api/v3.
    QUrl apiBase;
    QString organization;   // Azure DevOps only
    QString project;        // Azure DevOps project, GitLab "group/project", GitHub "owner/repo"
    QList<int> definitions; // Azure DevOps build definitions; empty means all
    // The repository's environment names: a stage or job whose name contains one (as a word
    // between '-', '_', ' ' or '/') deploys to it, because Azure DevOps timelines and GitHub jobs
    // do not name their environment.
    QStringList environments;
};

// "azure-devops", "gitlab", "github": PipelineRun::provider.
QString providerKey(Forge::Provider provider);

// Lists the runs started since a time, with their stages and environments: several requests one
// after the other (pages of runs, then each run's details), through one HttpForgeJob so that
// timeouts, 429 retries and errors behave as for merge requests. Emits finished() once; delete
// it with deleteLater().
class PipelineJob : public QObject
{
    Q_OBJECT
public:
    ~PipelineJob() override;

    bool isFinished() const { return m_finished; }
    // The runs newest first, or why not ("GitLab: cannot list the pipeline runs of …: …").
    const Result<QList<PipelineRun>> &result() const { return m_result; }
    int pagesRead() const { return m_pages; }
    void cancel();

signals:
    // After every answer read: "Read 3 pages (120 runs)" or "Waiting 30 s: …".
    void progress(int pagesRead, const QString &message);
    void finished();

protected:
    PipelineJob(std::shared_ptr<const Forge::ForgeConnection> connection, PipelineSource source,
                QDateTime since, QObject *parent);

    virtual void run() = 0;

    using Items = std::function<void(const QJsonArray &)>;
    using NextPage = std::function<QUrl(const QUrl &current, const Forge::HttpResponse &)>;
    // GETs `first` and the pages after it while `next` gives a URL; `key` names the array in an
    // object answer ("value", "workflow_runs"), empty when the answer is the array itself.
    // `more` may stop early once a page reaches back before `since`.
    void getList(const QUrl &first, const QString &key, NextPage next, Items done,
                 std::function<bool(const QJsonArray &page)> more = {});
    void getObject(const QUrl &url, std::function<void(const QJsonObject &)> done);
    void succeed(QList<PipelineRun> runs);
    void fail(const QString &reason);

    // The environment a stage or job name mentions, or "".
    QString environmentIn(const QString &name) const;
    // Fills what the provider did not say: a stage's environment from its name; the run's from
    // its last stage that deployed somewhere (not skipped), else from the run's name.
    void settleEnvironments(PipelineRun &run) const;
    // An ISO 8601 time from a provider, in UTC; invalid for null, "" or garbage.
    static QDateTime timeOf(const QJsonValue &value);
    // An id that may be a JSON number or a string, as text.
    static QString idOf(const QJsonValue &value);

    const PipelineSource &source() const { return m_source; }
    const QDateTime &since() const { return m_since; }
    const Forge::ForgeConnection &connection() const { return *m_connection; }
    QUrl url(const QStringList &segments, const QList<std::pair<QString, QString>> &query) const;

private:
    friend PipelineJob *listRuns(std::shared_ptr<const Forge::ForgeConnection>,
                                 const PipelineSource &, const QDateTime &, QObject *);
    struct ListState;
    void fetchPage(std::shared_ptr<ListState> state, const QUrl &url);
    void get(const QUrl &url, std::function<void(const Forge::HttpResponse &)> done);
    void onAnswer(const QUrl &url, const Forge::HttpResponse &response,
                  const std::function<void(const Forge::HttpResponse &)> &done);
    QString refusal(const Forge::HttpResponse &response) const;
    void finish(Result<QList<PipelineRun>> result);

    std::shared_ptr<const Forge::ForgeConnection> m_connection;
    PipelineSource m_source;
    QDateTime m_since;
    QPointer<Forge::HttpForgeJob> m_http;
    int m_rateLimitWaits = 0;
    int m_pages = 0;
    int m_runsSeen = 0;
    bool m_finished = false;
    Result<QList<PipelineRun>> m_result = Error(QStringLiteral("not finished"));
};

// A connection for pipeline requests: the provider decides the Authorization header (GitLab
// PRIVATE-TOKEN, GitHub Bearer, Azure DevOps Basic with the token as password).
std::shared_ptr<Forge::ForgeConnection> pipelineConnection(const PipelineSource &source,
                                                           const QString &token,
                                                           QNetworkAccessManager *network);

// Starts listing the runs of `source` started at or after `since` (invalid: everything the
// provider lists). The job starts from the event loop, so connect to it first.
PipelineJob *listRuns(std::shared_ptr<const Forge::ForgeConnection> connection,
                      const PipelineSource &source, const QDateTime &since,
                      QObject *parent = nullptr);

} // namespace EnvDeck::Pipelines
