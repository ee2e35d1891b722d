// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/BuildingBlocks.h"
#include "diagram/DiagramEdits.h"

#include <QHash>
#include <QObject>
#include <QTemporaryDir>

class tst_DiagramEdits : public QObject
{
    Q_OBJECT

private slots:
    void addModule_data();
    void addModule();
    void refusals_data();
    void refusals();
    void removeModule_data();
    void removeModule();
    void setSourceAndVersion_data();
    void setSourceAndVersion();
    void connectInput_data();
    void connectInput();
    void renameModule_data();
    void renameModule();
    void bufferDiff();
    void identifiers_data();
    void identifiers();

    // tst_diagramedits_blocks.cpp: the demo repository's building blocks
    void initTestCase();
    void demoBuildingBlocks();
    void demoVariables_data();
    void demoVariables();
    void demoSources();
    void remoteBlocks();

private:
    QTemporaryDir m_tmp;
    QString m_demo;
    QList<EnvDeck::Diagram::BuildingBlock> m_blocks;
};

// Files in memory, read through the same callback the workspace gives.
struct MemoryFiles
{
    QHash<QString, QByteArray> files;

    EnvDeck::Diagram::EnvironmentFiles environment(const QString &folder
                                                   = QStringLiteral("env")) const;
};
