// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace EnvDeck::Forge {

// Where merge requests are opened. `Local` keeps them in the repository itself (refs/envdeck/…),
// for offline teams and the demo.
enum class Provider { Local, GitLab, GitHub, AzureDevOps };

// "local", "gitlab", "github", "azure-devops" — the spelling of `.envdeck.yaml` and `--provider`.
QString providerName(Provider provider);
std::optional<Provider> providerFromName(const QString &name);
// "GitLab", "GitHub", "Azure DevOps", "Local (git only)" for people.
QString providerDisplayName(Provider provider);

// What to open: the branch was pushed before the request is made.
struct MergeRequestSpec
{
    QString sourceBranch;
    QString targetBranch;
    QString title;
    QString description; // Markdown
};

enum class MergeRequestState { Open, Merged, Closed };
// "open", "merged", "closed": the state as written in local records and printed by the CLI
// (MergeRequestListModel shows a translated text instead).
QString mergeRequestStateName(MergeRequestState state);
std::optional<MergeRequestState> mergeRequestStateFromName(const QString &name);

// A merge request (GitLab), pull request (GitHub, Azure DevOps) or local record, as EnvDeck shows
// it.
struct MergeRequest
{
    Provider provider = Provider::Local;
    int number = 0;    // GitLab iid, GitHub number, Azure DevOps pullRequestId, local record number
    QString reference; // "!12", "#12", "PR 12", "local 3"
    QString title;
    QString sourceBranch;
    QString targetBranch;
    MergeRequestState state = MergeRequestState::Open;
    QUrl webUrl; // empty for local records
    QString author;
    QDateTime created;
    bool reused = false; // it existed already for this branch and was reused instead of created
};

// One forge call in flight. Created by a ForgeClient, started at once; emits finished() exactly
// once, after which result() holds the merge requests (one for open/get, any number for list) or
// an Error a person can read. A token never appears in an Error, a log line or a URL.
class ForgeJob : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    bool isFinished() const { return m_finished; }
    const Result<QList<MergeRequest>> &result() const { return m_result; }
    virtual void cancel() = 0;

signals:
    // Human-readable progress: "Waiting 30 s: GitLab asked to slow down (429)".
    void statusChanged(const QString &message);
    void finished();

protected:
    // Sets the result and emits finished(); later calls are ignored.
    void finish(Result<QList<MergeRequest>> result)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_result = std::move(result);
        emit finished();
    }

private:
    bool m_finished = false;
    Result<QList<MergeRequest>> m_result = Error(QStringLiteral("not finished"));
};

// One interface for every forge. Jobs are children of `parent` (or of nothing) and run on the
// calling thread's event loop; nothing here blocks.
class ForgeClient
{
public:
    virtual ~ForgeClient() = default;
    virtual Provider provider() const = 0;

    // Opens a merge request, or finds and reuses the open one for the same source branch
    // (then MergeRequest::reused is true).
    virtual ForgeJob *openMergeRequest(const MergeRequestSpec &spec, QObject *parent = nullptr) = 0;
    // The merge request with this number, with its current state.
    virtual ForgeJob *mergeRequest(int number, QObject *parent = nullptr) = 0;
    // Merge requests whose source branch is one of `sourceBranches` (all pages), any state.
    virtual ForgeJob *mergeRequests(const QStringList &sourceBranches, QObject *parent = nullptr)
        = 0;
};

} // namespace EnvDeck::Forge
