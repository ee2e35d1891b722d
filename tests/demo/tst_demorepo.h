// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/DemoRepository.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTemporaryDir>

// Generates the default demo repository once and reads it back (tst_demorepo.cpp); generation
// options, refusals, cancel and scale run their own generations (tst_demorepo_options.cpp).
class tst_DemoRepo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void environmentFiles_data();
    void environmentFiles();
    void environmentWiring_data();
    void environmentWiring();
    void modules();
    void versionsFiles_data();
    void versionsFiles();
    void envdeckConfig();
    void approvals();
    void versionSetHash_data();
    void versionSetHash();
    void history();
    void mergeRequests();
    void rulesHoldAtEveryCommit();
    void endState();
    void tags();
    void chartIndex();
    void originAndClone();
    void summaryIsTruthful();
    void determinism();
    void defaultEndTime();
    void refusesExistingTargets_data();
    void refusesExistingTargets();
    void rejectsBadOptions_data();
    void rejectsBadOptions();
    void cancelLeavesNothing_data();
    void cancelLeavesNothing();
    void smallHistories_data();
    void smallHistories();
    void scaled();
    void ensure();
    void defaultLocation();
    // tst_demorepo_ledger.cpp: Summary::events against the repository
    void ledgerMatchesLog();
    void ledgerReplaysToHead();
    void ledgerApprovals();
    void ledgerMergeRequests();
    void ledgerDeterminism();
    // tst_demorepo_ledgerrules.cpp: the ledger's rules on hand-made worlds
    void ledgerRules_data();
    void ledgerRules();
    void ledgerOrderAndApprovals();
    void ledgerMergeRules();

private:
    QString path(const QString &relative) const { return m_dir + QLatin1Char('/') + relative; }

    QTemporaryDir m_tmp;
    QString m_dir;
    EnvDeck::Demo::Summary m_summary;
};
