// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_pipelines.h"

#include "pipelines/PipelineSettings.h"

#include <QFile>
#include <QtTest>

using namespace EnvDeck;
using namespace EnvDeck::Pipelines;

namespace {

Result<RepositoryConfig> readConfig(const QString &root, const QByteArray &yaml)
{
    QFile file(root + QStringLiteral("/.envdeck.yaml"));
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size())
        return Error(QStringLiteral("cannot write the test's .envdeck.yaml"));
    file.close();
    return RepositoryConfig::read(root);
}

} // namespace

void TestPipelines::readsPipelinesConfig_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("provider");
    QTest::addColumn<QString>("apiBase");
    QTest::addColumn<QString>("organization");
    QTest::addColumn<QString>("project");
    QTest::addColumn<QList<int>>("definitions");
    QTest::newRow("azure-devops, the product brief's example")
        << QByteArray("environments:\n  - { name: dev }\n  - { name: staging }\n"
                      "pipelines: { provider: azure-devops, organization: contoso, project: "
                      "platform, definitions: [12, 14] }\n")
        << int(Forge::Provider::AzureDevOps) << QStringLiteral("https://dev.azure.com")
        << QStringLiteral("contoso") << QStringLiteral("platform") << QList<int>{12, 14};
    QTest::newRow("gitlab on its own server")
        << QByteArray("environments:\n  - { name: dev }\n  - { name: staging }\n"
                      "pipelines:\n  provider: gitlab\n  url: https://gitlab.example.io\n"
                      "  project: platform/infra\n")
        << int(Forge::Provider::GitLab) << QStringLiteral("https://gitlab.example.io") << QString()
        << QStringLiteral("platform/infra") << QList<int>{};
    QTest::newRow("github") << QByteArray(
        "environments:\n  - { name: dev }\n  - { name: staging }\n"
        "pipelines: { provider: github, project: octo/hello }\n")
                            << int(Forge::Provider::GitHub)
                            << QStringLiteral("https://api.github.com") << QString()
                            << QStringLiteral("octo/hello") << QList<int>{};
}

void TestPipelines::readsPipelinesConfig()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, provider);
    QFETCH(QString, apiBase);
    QFETCH(QString, organization);
    QFETCH(QString, project);
    QFETCH(QList<int>, definitions);
    const Result<RepositoryConfig> config = readConfig(m_tmp->path(), yaml);
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().toString()));
    QVERIFY2(config->problems.isEmpty(), qPrintable(config->problems.value(0).toString()));
    const Result<PipelineSource> source = pipelineSourceFrom(*config);
    QVERIFY2(source.ok(), source.ok() ? "" : qPrintable(source.error().toString()));
    QCOMPARE(int(source->provider), provider);
    QCOMPARE(source->apiBase.toString(), apiBase);
    QCOMPARE(source->organization, organization);
    QCOMPARE(source->project, project);
    QCOMPARE(source->definitions, definitions);
    QCOMPARE(source->environments, QStringList({QStringLiteral("dev"), QStringLiteral("staging")}));
}

void TestPipelines::rejectsBadPipelinesConfig_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("problem");
    QTest::newRow("not a mapping") << QByteArray("pipelines: azure\n")
                                   << QStringLiteral(".envdeck.yaml:1:12: `pipelines` must be a "
                                                     "mapping with provider and project");
    QTest::newRow("unknown provider")
        << QByteArray("pipelines:\n  provider: jenkins\n  project: x\n")
        << QStringLiteral(".envdeck.yaml:2:13: unknown pipelines provider `jenkins` (use "
                          "azure-devops, gitlab or github)");
    QTest::newRow("missing project") << QByteArray("pipelines:\n  provider: gitlab\n")
                                     << QStringLiteral(".envdeck.yaml:2:3: `pipelines` needs a "
                                                       "`project`");
    QTest::newRow("azure without organization")
        << QByteArray("pipelines: { provider: azure-devops, project: platform }\n")
        << QStringLiteral(".envdeck.yaml:1:12: Azure DevOps `pipelines` need an `organization`");
    QTest::newRow("github project without owner")
        << QByteArray("pipelines: { provider: github, project: hello }\n")
        << QStringLiteral(".envdeck.yaml:1:41: a GitHub `project` is `owner/repository`, not "
                          "`hello`");
    QTest::newRow("definition not a number")
        << QByteArray("pipelines:\n  provider: azure-devops\n  organization: contoso\n"
                      "  project: platform\n  definitions: [12, deploy]\n")
        << QStringLiteral(".envdeck.yaml:5:21: a build definition id is a positive number, not "
                          "`deploy`");
    QTest::newRow("definitions not a list")
        << QByteArray("pipelines:\n  provider: azure-devops\n  organization: contoso\n"
                      "  project: platform\n  definitions: 12\n")
        << QStringLiteral(".envdeck.yaml:5:16: `definitions` must be a list of build definition "
                          "ids, e.g. [12, 14]");
    QTest::newRow("url without scheme")
        << QByteArray("pipelines: { provider: gitlab, project: a/b, url: gitlab.example.io }\n")
        << QStringLiteral(".envdeck.yaml:1:51: `url` must start with https:// (or http://)");
}

void TestPipelines::rejectsBadPipelinesConfig()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, problem);
    const Result<RepositoryConfig> config = readConfig(m_tmp->path(), yaml);
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().toString()));
    QVERIFY(!config->pipelines.has_value());
    QVERIFY(!config->problems.isEmpty());
    QCOMPARE(config->problems.first().toString(), problem);
    QVERIFY(!pipelineSourceFrom(*config).ok());
}

void TestPipelines::warnsAboutUnknownPipelinesKeys()
{
    const Result<RepositoryConfig> config = readConfig(
        m_tmp->path(), "pipelines:\n  provider: gitlab\n  project: a/b\n  defintions: [1]\n");
    QVERIFY(config.ok());
    // A typo is reported where it is, and the rest of the entry is still used.
    QVERIFY(config->pipelines.has_value());
    QCOMPARE(config->problems.size(), 1);
    QCOMPARE(config->problems.first().toString(),
             QStringLiteral(".envdeck.yaml:4:3: unknown key `defintions` in `pipelines` (use "
                            "provider, url, organization, project, definitions)"));
}
