// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_diagramgraph.h"

#include "TestSupport.h"

#include "demo/DemoRepository.h"
#include "repo/RepositoryLoader.h"

using namespace EnvDeck;

void TestDiagramGraph::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    Demo::Options options;
    options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
    const auto demo = Demo::generate(m_tmp.filePath(QStringLiteral("infra")), options);
    QVERIFY(demo.ok());
    auto snapshot = RepositoryLoader::load(demo->workTree, {}, RepositoryLoader::History::Skip);
    QVERIFY(snapshot.ok());
    m_demo = std::make_unique<RepositorySnapshot>(snapshot.value());
}

const Environment *TestDiagramGraph::environment(const QString &name) const
{
    return m_demo ? m_demo->findEnvironment(name) : nullptr;
}

ENVDECK_TEST_MAIN_CORE(TestDiagramGraph)
