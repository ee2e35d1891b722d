// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_forge.h"

#include "ForgeProfiles.h"
#include "forge/ForgeSettings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace EnvDeck;
using namespace EnvDeck::Forge;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

void TestForge::guessesFromRemote_data()
{
    QTest::addColumn<QString>("remote");
    QTest::addColumn<Provider>("provider");
    QTest::addColumn<QString>("apiBase");
    QTest::addColumn<QString>("webBase");
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("organization");
    QTest::addColumn<QString>("repository");

    const QString gitlab = QStringLiteral("https://gitlab.com");
    QTest::newRow("gitlab scp") << "git@gitlab.com:g/p.git" << Provider::GitLab << gitlab << gitlab
                                << "g/p"
                                << ""
                                << "";
    QTest::newRow("gitlab https subgroup") << "https://gitlab.example.io/g/sub/p.git"
                                           << Provider::GitLab << "https://gitlab.example.io"
                                           << "https://gitlab.example.io"
                                           << "g/sub/p"
                                           << ""
                                           << "";
    QTest::newRow("gitlab https with token") << "https://oauth2:S3CRET@gitlab.example.io/g/p.git"
                                             << Provider::GitLab << "https://gitlab.example.io"
                                             << "https://gitlab.example.io"
                                             << "g/p"
                                             << ""
                                             << "";
    QTest::newRow("gitlab ssh url with port") << "ssh://git@gitlab.example.io:2222/g/p.git"
                                              << Provider::GitLab << "https://gitlab.example.io"
                                              << "https://gitlab.example.io"
                                              << "g/p"
                                              << ""
                                              << "";
    const QString api = QStringLiteral("https://api.github.com");
    const QString web = QStringLiteral("https://github.com");
    QTest::newRow("github https .git")
        << "https://github.com/o/r.git" << Provider::GitHub << api << web << "o/r"
        << "o"
        << "r";
    QTest::newRow("github https") << "https://github.com/o/r" << Provider::GitHub << api << web
                                  << "o/r"
                                  << "o"
                                  << "r";
    QTest::newRow("github scp") << "git@github.com:o/r.git" << Provider::GitHub << api << web
                                << "o/r"
                                << "o"
                                << "r";
    QTest::newRow("github enterprise") << "https://github.example.com/o/r.git" << Provider::GitHub
                                       << "https://github.example.com/api/v3"
                                       << "https://github.example.com"
                                       << "o/r"
                                       << "o"
                                       << "r";
    const QString azure = QStringLiteral("https://dev.azure.com");
    QTest::newRow("azure https") << "https://dev.azure.com/org/proj/_git/repo"
                                 << Provider::AzureDevOps << azure << azure << "proj"
                                 << "org"
                                 << "repo";
    QTest::newRow("azure https user") << "https://org@dev.azure.com/org/proj/_git/repo"
                                      << Provider::AzureDevOps << azure << azure << "proj"
                                      << "org"
                                      << "repo";
    QTest::newRow("azure ssh") << "git@ssh.dev.azure.com:v3/org/proj/repo" << Provider::AzureDevOps
                               << azure << azure << "proj"
                               << "org"
                               << "repo";
    QTest::newRow("azure visualstudio.com") << "https://org.visualstudio.com/proj/_git/repo"
                                            << Provider::AzureDevOps << azure << azure << "proj"
                                            << "org"
                                            << "repo";
    QTest::newRow("azure space in project")
        << "https://dev.azure.com/org/My%20Project/_git/repo" << Provider::AzureDevOps << azure
        << azure << "My Project"
        << "org"
        << "repo";
    QTest::newRow("azure devops server") << "https://tfs.example.com/tfs/Coll/proj/_git/repo"
                                         << Provider::AzureDevOps << "https://tfs.example.com/tfs"
                                         << "https://tfs.example.com/tfs"
                                         << "proj"
                                         << "Coll"
                                         << "repo";
}

void TestForge::guessesFromRemote()
{
    QFETCH(QString, remote);
    QFETCH(Provider, provider);
    QFETCH(QString, apiBase);
    QFETCH(QString, webBase);
    QFETCH(QString, project);
    QFETCH(QString, organization);
    QFETCH(QString, repository);

    // Both ways: directly, and through readForgeSettings() in a repository without .envdeck.yaml.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    for (const Result<ForgeSettings> &settings :
         {guessForgeSettings(remote), readForgeSettings(root.path(), remote)}) {
        QVERIFY2(settings.ok(),
                 qPrintable(settings.ok() ? QString() : settings.error().toString()));
        QCOMPARE(settings->provider, provider);
        QCOMPARE(settings->apiBase.toString(), apiBase);
        QCOMPARE(settings->webBase.toString(), webBase);
        QCOMPARE(settings->project, project);
        QCOMPARE(settings->organization, organization);
        QCOMPARE(settings->repository, repository);
        QCOMPARE(settings->targetBranch, QStringLiteral("main"));
        QCOMPARE(settings->remote, QStringLiteral("origin"));
        QVERIFY(!settings->location.isValid());
    }
}

void TestForge::rejectsUnknownRemote_data()
{
    QTest::addColumn<QString>("remote");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown host") << "https://user:S3CRET@git.example.org/g/p.git"
                                  << "cannot tell which forge https://git.example.org is";
    QTest::newRow("local path") << "/srv/git/infra.git"
                                << "add `forge:` to .envdeck.yaml";
    QTest::newRow("empty") << ""
                           << "add `forge:` to .envdeck.yaml";
    QTest::newRow("github one segment") << "https://github.com/o"
                                        << "owner/repository";
    QTest::newRow("azure incomplete")
        << "https://dev.azure.com/org/_git/repo"
        << "https://dev.azure.com/organization/project/_git/repository";
    QTest::newRow("azure ssh incomplete")
        << "git@ssh.dev.azure.com:v3/org/proj"
        << "git@ssh.dev.azure.com:v3/organization/project/repository";
}

void TestForge::rejectsUnknownRemote()
{
    QFETCH(QString, remote);
    QFETCH(QString, expected);
    const Result<ForgeSettings> settings = guessForgeSettings(remote);
    QVERIFY(!settings.ok());
    QVERIFY2(settings.error().message().contains(expected), qPrintable(settings.error().message()));
    QVERIFY(!settings.error().message().contains(QLatin1String("S3CRET")));
}

void TestForge::readsConfig_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("remote");
    QTest::addColumn<Provider>("provider");
    QTest::addColumn<QString>("apiBase");
    QTest::addColumn<QString>("displayProject");
    QTest::addColumn<QString>("targetBranch");
    QTest::addColumn<QString>("remoteName");
    QTest::addColumn<int>("line");

    QTest::newRow("product brief gitlab")
        << QByteArray("environments: []\n"
                      "forge:     { provider: gitlab, url: https://gitlab.example.io, project: "
                      "platform/infra, target_branch: main }\n")
        << "git@github.com:o/r.git" << Provider::GitLab << "https://gitlab.example.io"
        << "platform/infra"
        << "main"
        << "origin" << 2;
    QTest::newRow("gitlab block, project from remote")
        << QByteArray("forge:\n  provider: gitlab\n  target_branch: develop\n  remote: upstream\n")
        << "git@gitlab.example.io:team/infra.git" << Provider::GitLab << "https://gitlab.example.io"
        << "team/infra"
        << "develop"
        << "upstream" << 2;
    QTest::newRow("github enterprise")
        << QByteArray(
               "forge: { provider: github, url: https://git.corp.example, project: octo/infra }\n")
        << "" << Provider::GitHub << "https://git.corp.example/api/v3"
        << "octo/infra"
        << "main"
        << "origin" << 1;
    QTest::newRow("github.com from url")
        << QByteArray("forge: { provider: github, url: https://github.com, organization: octo, "
                      "repository: infra }\n")
        << "" << Provider::GitHub << "https://api.github.com"
        << "octo/infra"
        << "main"
        << "origin" << 1;
    QTest::newRow("azure devops") << QByteArray(
        "forge: { provider: azure-devops, organization: contoso, project: platform, "
        "repository: infra }\n") << ""
                                  << Provider::AzureDevOps << "https://dev.azure.com"
                                  << "contoso/platform/infra"
                                  << "main"
                                  << "origin" << 1;
    QTest::newRow("azure repository defaults to project")
        << QByteArray(
               "forge: { provider: azure-devops, organization: contoso, project: platform }\n")
        << "" << Provider::AzureDevOps << "https://dev.azure.com"
        << "contoso/platform/platform"
        << "main"
        << "origin" << 1;
    QTest::newRow("local") << QByteArray("forge: { provider: local }\n") << "https://github.com/o/r"
                           << Provider::Local << ""
                           << ""
                           << "main"
                           << "origin" << 1;
    QTest::newRow("no forge section guesses")
        << QByteArray("versions_file: versions.yaml\n") << "https://github.com/o/r"
        << Provider::GitHub << "https://api.github.com"
        << "o/r"
        << "main"
        << "origin" << 0;
}

void TestForge::readsConfig()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, remote);
    QFETCH(Provider, provider);
    QFETCH(QString, apiBase);
    QFETCH(QString, displayProject);
    QFETCH(QString, targetBranch);
    QFETCH(QString, remoteName);
    QFETCH(int, line);

    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(writeFile(root.filePath(QStringLiteral(".envdeck.yaml")), yaml));
    const Result<ForgeSettings> settings = readForgeSettings(root.path(), remote);
    QVERIFY2(settings.ok(), qPrintable(settings.ok() ? QString() : settings.error().toString()));
    QCOMPARE(settings->provider, provider);
    QCOMPARE(settings->apiBase.toString(), apiBase);
    if (provider != Provider::Local)
        QCOMPARE(settings->displayProject(), displayProject);
    QCOMPARE(settings->targetBranch, targetBranch);
    QCOMPARE(settings->remote, remoteName);
    QCOMPARE(settings->location.line, line);
    if (line > 0)
        QCOMPARE(settings->location.file, QStringLiteral(".envdeck.yaml"));
}

void TestForge::rejectsBadConfig_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unknown provider")
        << QByteArray("forge:\n  provider: bitbucket\n  project: a/b\n") << ".envdeck.yaml:2:13"
        << "unknown forge provider `bitbucket`";
    QTest::newRow("unknown provider inline")
        << QByteArray("forge: { provider: gitea, project: a/b }\n") << ".envdeck.yaml:1:20"
        << "unknown forge provider `gitea`";
    QTest::newRow("missing provider")
        << QByteArray("\nforge:\n  project: a/b\n") << ".envdeck.yaml:3:3"
        << "`forge.provider` is required";
    QTest::newRow("unknown key") << QByteArray("forge:\n  provider: gitlab\n  projet: a/b\n")
                                 << ".envdeck.yaml:3:3"
                                 << "unknown key `projet`";
    QTest::newRow("not a mapping") << QByteArray("forge: gitlab\n") << ".envdeck.yaml:1:8"
                                   << "`forge` must be a mapping";
    QTest::newRow("gitlab without project")
        << QByteArray("forge:\n  provider: gitlab\n") << ".envdeck.yaml:2:3"
        << "`forge.project` is required";
    QTest::newRow("bad url") << QByteArray(
        "forge:\n  provider: gitlab\n  url: ftp://gitlab.example.io\n  project: a/b\n")
                             << ".envdeck.yaml:3:8"
                             << "`forge.url` must be an http or https URL";
    QTest::newRow("url with user info") << QByteArray(
        "forge:\n  provider: gitlab\n  url: https://me:S3CRET@gitlab.example.io\n  project: a/b\n")
                                        << ".envdeck.yaml:3:8"
                                        << "without user information";
    QTest::newRow("github project shape")
        << QByteArray("forge: { provider: github, project: just-a-name }\n") << ".envdeck.yaml:1:37"
        << "owner/repository";
    QTest::newRow("azure without organization")
        << QByteArray("forge: { provider: azure-devops, project: platform }\n")
        << ".envdeck.yaml:1:8"
        << "`forge.organization` is required";
    QTest::newRow("list value") << QByteArray("forge:\n  provider: [gitlab]\n")
                                << ".envdeck.yaml:2:13"
                                << "`forge.provider` must be text";
    QTest::newRow("malformed yaml")
        << QByteArray("forge: { provider: gitlab\n") << ".envdeck.yaml:2:1"
        << "malformed YAML";
}

void TestForge::rejectsBadConfig()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, location);
    QFETCH(QString, expected);

    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(writeFile(root.filePath(QStringLiteral(".envdeck.yaml")), yaml));
    const Result<ForgeSettings> settings = readForgeSettings(root.path(), QString());
    QVERIFY(!settings.ok());
    const QString text = settings.error().toString();
    QVERIFY2(text.startsWith(QString(location + QStringLiteral(": "))), qPrintable(text));
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("S3CRET")));
}
