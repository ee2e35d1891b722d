// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/Environment.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

// buildGraph() and compareGraphs(): the demo repository's environments as generated, and small
// hand-written root modules for what the demo does not use.
class TestDiagramGraph : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // tst_diagramgraph_demo.cpp
    void demoNodes_data();
    void demoNodes();
    void demoEdges_data();
    void demoEdges();
    void demoDetails();
    void comparesContosoWithProdEu();
    void identicalGraphsHaveNoDifferences();

    // tst_diagramgraph_fixtures.cpp
    void multiplicity_data();
    void multiplicity();
    void dependsOnIsSplitFromReferences();
    void rootHelmReleaseAndSecrets();
    void secretsHangOnTheReleaseUsingThem_data();
    void secretsHangOnTheReleaseUsingThem();
    void nestedModulesAreClusters();
    void gitRefVersionAndLocation();
    void parseErrorsBecomeProblems();
    void terragruntUnits();
    void comparesChanges_data();
    void comparesChanges();
    void overlayReplacesFilesOnDisk();

private:
    const EnvDeck::Environment *environment(const QString &name) const;

    QTemporaryDir m_tmp;
    std::unique_ptr<EnvDeck::RepositorySnapshot> m_demo;
};
