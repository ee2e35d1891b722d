// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "GitFixture.h"
#include "git/ObjectWriter.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

// Repository's local operations, checked against the git command line on the same repositories:
// commits, identity and branches (tst_gitrepository.cpp); status, diffs and rebases
// (tst_gitrepository_diff.cpp).
class TestGitRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void commitFiles_data();
    void commitFiles();
    void commitFilesRefuses_data();
    void commitFilesRefuses();
    void identity_data();
    void identity();
    void branches();
    void switchBranchKeepsLocalChanges();

    // tst_gitrepository_diff.cpp
    void status();
    void diffWorkTree_data();
    void diffWorkTree();
    void diffCommitsAndStat_data();
    void diffCommitsAndStat();
    void rebaseBranchNotCheckedOut();
    void rebaseKeepsLocalEdits();

private:
    static const EnvDeck::Git::Signature kAuthor;
    // A repository with a.txt, b.txt, dir/c.txt committed on main, u.txt modified (unstaged) and
    // s.txt modified and staged.
    std::unique_ptr<GitFixture> makeRepository();
    QString read(const QString &path) const;

    QTemporaryDir m_configDir; // stands in for $HOME and /etc so no real git config leaks in
    std::unique_ptr<QTemporaryDir> m_dir;
};
