// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "git/GitHandle.h"
#include "history/DeploymentEvent.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>
#include <QString>

// Writes a repository of environments through libgit2 with a seeded random sequence of version
// bumps, adds and removes, locks and unlocks, approvals, feature branches merged with GitLab,
// Azure DevOps, GitHub and local merge request messages (some with a conflict resolved to a third
// version), squash merges, unrelated commits, malformed versions files and renamed environment
// folders, and records the events it meant to write: the ledger the scanner is checked against.
class HistoryRepoGenerator
{
public:
    explicit HistoryRepoGenerator(QString root, quint32 seed);

    // Creates the repository with dev, staging and prod and a first commit.
    EnvDeck::Result<void> init();
    // `count` random steps on main; a step is one commit, or a merged feature branch.
    EnvDeck::Result<void> randomSteps(int count);
    // Exactly `count` single commits on main, each bumping one component.
    EnvDeck::Result<void> bumps(int count);
    // Renames environments/<from> (and approvals/<from>) to <to> in one commit.
    EnvDeck::Result<void> renameEnvironment(const QString &from, const QString &to);
    // A commit whose versions file of `environment` is not YAML, then one restoring it.
    EnvDeck::Result<void> malformedCommit(const QString &environment);
    // Points main back at the commit made `commitsBack` commits before its tip (first parents).
    EnvDeck::Result<void> resetMain(int commitsBack);
    // Sets refs/heads/main and checks the work tree out.
    EnvDeck::Result<void> publish();

    // The expected events of the commits reachable from main, in readHistory's order.
    QList<EnvDeck::History::DeploymentEvent> ledger() const;
    // `<commit>:<path>` of every malformed file reachable from main.
    QStringList malformedFiles() const;
    QString mainTip() const;
    int commitCount() const { return int(m_commits.size()); }

private:
    struct Component
    {
        QString version;
        bool locked = false;
        QString lockReason;
        friend bool operator==(const Component &, const Component &) = default;
    };
    struct Env
    {
        QString name; // also the folder under environments/ and approvals/
        QMap<QString, Component> components;
        QMap<QString, QString> approvals; // file base name -> release
        bool malformed = false;
    };
    struct Expected
    {
        int environment; // index into m_envs of the commit's state; named at HEAD
        EnvDeck::History::DeploymentEvent event;
    };
    struct State
    {
        QList<Env> envs;
        QString notes;
    };
    struct Commit
    {
        git_oid id;
        QList<int> parents;
        QDateTime date;
        QString mergeRequest; // expected for its events
        State state;
        QList<Expected> events;
    };

    EnvDeck::Result<int> writeCommit(const State &state, const QList<int> &parents,
                                     const QString &message, QList<Expected> events,
                                     const QString &mergeRequest);
    void randomChange(State &state, QList<Expected> &events, const QSet<QString> &avoid,
                      bool featureOnly, QString *touched = nullptr);
    EnvDeck::Result<void> featureBranch();
    QString nextVersion(const QString &version);
    QString pickComponent(const Env &env);

    QString m_root;
    QRandomGenerator m_random;
    EnvDeck::Git::RepositoryHandle m_repository;
    QList<Commit> m_commits;
    int m_main = -1;
    int m_counter = 0;
    QDateTime m_clock;
};
