// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelines/PipelineJob.h"

#include "forge/RestForgeClient.h"
#include "pipelines/PipelineLogging.h"
#include "pipelines/ProviderRuns.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

namespace EnvDeck::Pipelines {

using Forge::HttpResponse;
using Forge::Provider;

namespace {

// More pages than this (10,000 runs and more) means the paging went wrong, not a long history.
constexpr int MaxPages = 100;

QString targetName(const PipelineSource &source)
{
    switch (source.provider) {
    case Provider::AzureDevOps:
        return QStringLiteral("project %1/%2").arg(source.organization, source.project);
    case Provider::GitLab:
        return QStringLiteral("project %1").arg(source.project);
    case Provider::GitHub:
        return QStringLiteral("repository %1").arg(source.project);
    case Provider::Local:
        break;
    }
    return source.project;
}

QString tokenHint(Provider provider)
{
    switch (provider) {
    case Provider::AzureDevOps:
        return QStringLiteral("a personal access token with the Build (Read) scope");
    case Provider::GitLab:
        return QStringLiteral("a personal or project access token with the read_api scope");
    case Provider::GitHub:
        return QStringLiteral("a token that may read Actions and Deployments (fine-grained), or "
                              "one with the repo scope (classic)");
    case Provider::Local:
        break;
    }
    return {};
}

QString hostOf(const QUrl &url)
{
    return url.port() > 0 ? QString(url.host() + u':' + QString::number(url.port())) : url.host();
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port() == b.port();
}

Result<QJsonArray> itemsOf(const QByteArray &body, const QString &key)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error(QStringLiteral("the answer is not JSON (%1 at byte %2)")
                         .arg(error.errorString())
                         .arg(error.offset));
    if (key.isEmpty()) {
        if (!document.isArray())
            return Error(QStringLiteral("the answer is not a JSON list"));
        return document.array();
    }
    const QJsonValue items = document.object().value(key);
    if (!document.isObject() || !items.isArray())
        return Error(QStringLiteral("the answer has no list \"%1\"").arg(key));
    return items.toArray();
}

// A job for a provider that has no pipelines: fails from the event loop with why.
class NoRunsJob : public PipelineJob
{
public:
    NoRunsJob(std::shared_ptr<const Forge::ForgeConnection> connection, PipelineSource source,
              QObject *parent)
        : PipelineJob(std::move(connection), std::move(source), {}, parent)
    {}

protected:
    void run() override
    {
        fail(QStringLiteral("pipeline runs come from azure-devops, gitlab or github; set "
                            "`pipelines: { provider: … }` in .envdeck.yaml"));
    }
};

} // namespace

struct PipelineJob::ListState
{
    QJsonArray all;
    QString key;
    NextPage next;
    Items done;
    std::function<bool(const QJsonArray &)> more;
    int pages = 0;
};

QString providerKey(Provider provider)
{
    return Forge::providerName(provider);
}

PipelineJob::PipelineJob(std::shared_ptr<const Forge::ForgeConnection> connection,
                         PipelineSource source, QDateTime since, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_source(std::move(source))
    , m_since(std::move(since))
{
    m_http = new Forge::HttpForgeJob(
        m_connection, QStringLiteral("list the pipeline runs of %1").arg(targetName(m_source)),
        this);
    // The transport only finishes on an error or a cancel: success is this job's to declare.
    connect(m_http, &Forge::ForgeJob::finished, this, [this] {
        if (m_finished || !m_http || m_http->result())
            return;
        // The transport's network messages point at the merge-request setting; these requests
        // follow `pipelines.url`.
        QString message = m_http->result().error().message();
        message.replace(QStringLiteral("`forge.url`"), QStringLiteral("`pipelines.url`"));
        finish(Error(message));
    });
    connect(m_http, &Forge::ForgeJob::statusChanged, this,
            [this](const QString &message) { emit progress(m_pages, message); });
}

PipelineJob::~PipelineJob() = default;

void PipelineJob::cancel()
{
    if (m_finished)
        return;
    if (m_http && !m_http->isFinished()) {
        m_http->cancel(); // finishes this job through the transport's finished()
        return;
    }
    finish(
        Error(QStringLiteral("%1: cancelled").arg(Forge::providerDisplayName(m_source.provider))));
}

QUrl PipelineJob::url(const QStringList &segments,
                      const QList<std::pair<QString, QString>> &query) const
{
    QStringList path;
    switch (m_source.provider) {
    case Provider::AzureDevOps:
        path = QStringList{m_source.organization, m_source.project, QStringLiteral("_apis")};
        break;
    case Provider::GitLab:
        path = QStringList{QStringLiteral("api"), QStringLiteral("v4"), QStringLiteral("projects"),
                           m_source.project};
        break;
    case Provider::GitHub:
        path = QStringList{QStringLiteral("repos")} + m_source.project.split(u'/');
        break;
    case Provider::Local:
        break;
    }
    return Forge::buildUrl(m_source.apiBase, path + segments, query);
}

void PipelineJob::get(const QUrl &url, std::function<void(const HttpResponse &)> done)
{
    if (m_finished || !m_http)
        return;
    m_http->send("GET", url, {},
                 [this, url, done](const HttpResponse &response) { onAnswer(url, response, done); },
                 {401, 403, 404, 429});
}

void PipelineJob::onAnswer(const QUrl &url, const HttpResponse &response,
                           const std::function<void(const HttpResponse &)> &done)
{
    if (m_finished)
        return;
    if (response.status < 200 || response.status >= 300) {
        // GitHub's primary rate limit: 403 or 429 with x-ratelimit-remaining: 0 and the reset time
        // in seconds since the epoch. A short wait is sat out; a long one is an error saying when.
        const bool limited = response.header("x-ratelimit-remaining").trimmed() == "0"
                             && (response.status == 403 || response.status == 429);
        if (!limited) {
            fail(refusal(response));
            return;
        }
        bool ok = false;
        const qint64 reset = response.header("x-ratelimit-reset").trimmed().toLongLong(&ok);
        const QDateTime resetTime
            = ok ? QDateTime::fromSecsSinceEpoch(reset, Qt::UTC) : QDateTime();
        const qint64 wait
            = resetTime.isValid() ? QDateTime::currentDateTimeUtc().secsTo(resetTime) + 1 : -1;
        if (wait >= 0 && wait <= m_connection->maxRetryWaitSeconds
            && m_rateLimitWaits < m_connection->maxTries) {
            ++m_rateLimitWaits;
            const QString message = tr("Waiting %1 s: the %2 rate limit resets at %3 UTC")
                                        .arg(wait)
                                        .arg(Forge::providerDisplayName(m_source.provider),
                                             resetTime.toString(QStringLiteral("HH:mm:ss")));
            qCInfo(lcPipelines).noquote() << message;
            emit progress(m_pages, message);
            QTimer::singleShot(std::chrono::seconds(wait), this,
                               [this, url, done] { get(url, done); });
            return;
        }
        const QString when
            = resetTime.isValid()
                  ? resetTime.toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC")
                  : QStringLiteral("an unknown time");
        QString reason = QStringLiteral("the API rate limit is used up until %1 "
                                        "(x-ratelimit-remaining: 0). Try again then.")
                             .arg(when);
        if (m_connection->token.isEmpty())
            reason += QStringLiteral(" Without a token the limit is small: enter %1.")
                          .arg(tokenHint(m_source.provider));
        fail(reason);
        return;
    }
    ++m_pages;
    done(response);
}

QString PipelineJob::refusal(const HttpResponse &response) const
{
    const QString server = Forge::HttpForgeJob::serverMessages(response.body);
    const QString said
        = server.isEmpty() ? QString() : QStringLiteral(" The server said: %1").arg(server);
    switch (response.status) {
    case 401:
        return QStringLiteral("the token was refused (401 Unauthorized): it is missing, wrong or "
                              "expired. Create %1 and enter it again.")
            .arg(tokenHint(m_source.provider));
    case 403:
        return QStringLiteral("the token may not read the pipeline runs of %1 (403 Forbidden). "
                              "Ask for access, or use %2.%3")
            .arg(targetName(m_source), tokenHint(m_source.provider), said);
    case 404:
        return QStringLiteral("%1 or what was asked for in it was not found on %2 (404 Not "
                              "Found). Check `pipelines:` in .envdeck.yaml and that the token "
                              "may see it.")
            .arg(targetName(m_source), hostOf(m_source.apiBase));
    case 429:
        return QStringLiteral("the server still asks to slow down after %1 tries (429 Too Many "
                              "Requests). Wait a few minutes and try again.")
            .arg(m_connection->maxTries);
    default:
        break;
    }
    return m_http ? m_http->statusReason(response) : QString();
}

void PipelineJob::getList(const QUrl &first, const QString &key, NextPage next, Items done,
                          std::function<bool(const QJsonArray &)> more)
{
    auto state = std::make_shared<ListState>();
    state->key = key;
    state->next = std::move(next);
    state->done = std::move(done);
    state->more = std::move(more);
    fetchPage(std::move(state), first);
}

void PipelineJob::fetchPage(std::shared_ptr<ListState> state, const QUrl &url)
{
    get(url, [this, state, url](const HttpResponse &response) {
        const Result<QJsonArray> items = itemsOf(response.body, state->key);
        if (!items) {
            fail(items.error().message());
            return;
        }
        for (const QJsonValue &item : *items)
            state->all.append(item);
        m_runsSeen += int(items->size());
        emit progress(m_pages, tr("Read %n page(s)", nullptr, m_pages));
        const bool more = !state->more || state->more(*items);
        const QUrl following = more ? state->next(url, response) : QUrl();
        if (following.isEmpty()) {
            state->done(state->all);
            return;
        }
        if (++state->pages >= MaxPages || !sameOrigin(following, url)) {
            qCWarning(lcPipelines).noquote() << "stopped paging at" << Forge::redactedUrl(following)
                                             << "after" << state->pages << "pages";
            state->done(state->all);
            return;
        }
        fetchPage(state, following);
    });
}

void PipelineJob::getObject(const QUrl &url, std::function<void(const QJsonObject &)> done)
{
    get(url, [this, done](const HttpResponse &response) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            fail(QStringLiteral("the answer is not a JSON object (%1 at byte %2)")
                     .arg(error.errorString())
                     .arg(error.offset));
            return;
        }
        emit progress(m_pages, tr("Read %n page(s)", nullptr, m_pages));
        done(document.object());
    });
}

void PipelineJob::succeed(QList<PipelineRun> runs)
{
    std::stable_sort(runs.begin(), runs.end(), [](const PipelineRun &a, const PipelineRun &b) {
        return a.started > b.started;
    });
    qCInfo(lcPipelines).noquote() << Forge::providerDisplayName(m_source.provider) << "read"
                                  << runs.size() << "runs of" << targetName(m_source) << "in"
                                  << m_pages << "requests";
    finish(std::move(runs));
}

void PipelineJob::fail(const QString &reason)
{
    if (m_http && !m_http->isFinished())
        m_http->fail(reason); // names the provider and the action, hides the token
    else if (!m_finished)
        finish(Error(reason));
}

void PipelineJob::finish(Result<QList<PipelineRun>> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = std::move(result);
    emit finished();
}

QString PipelineJob::environmentIn(const QString &name) const
{
    static const QRegularExpression separators(QStringLiteral("[-_ /.:]+"));
    const QStringList words = name.toLower().split(separators, Qt::SkipEmptyParts);
    const QString joined = words.join(u'-');
    // The longest name first, so "prod-eu" wins over "prod".
    QStringList candidates = m_source.environments;
    std::sort(candidates.begin(), candidates.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &environment : std::as_const(candidates)) {
        const QString wanted
            = environment.toLower().split(separators, Qt::SkipEmptyParts).join(u'-');
        if (wanted.isEmpty())
            continue;
        const QString padded = u'-' + joined + u'-';
        if (padded.contains(u'-' + wanted + u'-'))
            return environment;
    }
    return {};
}

void PipelineJob::settleEnvironments(PipelineRun &run) const
{
    for (PipelineStage &stage : run.stages) {
        if (stage.environment.isEmpty())
            stage.environment = environmentIn(stage.name);
    }
    if (!run.environment.isEmpty())
        return;
    for (auto it = run.stages.crbegin(); it != run.stages.crend(); ++it) {
        if (!it->environment.isEmpty() && it->result != u"skipped") {
            run.environment = it->environment;
            return;
        }
    }
    run.environment = environmentIn(run.name);
}

QDateTime PipelineJob::timeOf(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    const QDateTime time = Forge::parseTime(value.toString());
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString PipelineJob::idOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

std::shared_ptr<Forge::ForgeConnection> pipelineConnection(const PipelineSource &source,
                                                           const QString &token,
                                                           QNetworkAccessManager *network)
{
    auto connection = std::make_shared<Forge::ForgeConnection>();
    connection->settings.provider = source.provider;
    connection->settings.apiBase = source.apiBase;
    connection->settings.project = source.project;
    connection->settings.organization = source.organization;
    connection->token = token;
    connection->network = network;
    return connection;
}

PipelineJob *listRuns(std::shared_ptr<const Forge::ForgeConnection> connection,
                      const PipelineSource &source, const QDateTime &since, QObject *parent)
{
    PipelineJob *job = nullptr;
    switch (source.provider) {
    case Provider::AzureDevOps:
        job = new AzureDevOpsRunsJob(std::move(connection), source, since, parent);
        break;
    case Provider::GitLab:
        job = new GitLabRunsJob(std::move(connection), source, since, parent);
        break;
    case Provider::GitHub:
        job = new GitHubRunsJob(std::move(connection), source, since, parent);
        break;
    case Provider::Local:
        job = new NoRunsJob(std::move(connection), source, parent);
        break;
    }
    QMetaObject::invokeMethod(
        job,
        [job] {
            if (!job->isFinished())
                job->run();
        },
        Qt::QueuedConnection);
    return job;
}

} // namespace EnvDeck::Pipelines
