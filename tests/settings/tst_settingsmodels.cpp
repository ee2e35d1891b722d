// SPDX-License-Identifier: GPL-3.0-or-later
// The models parts of Preferences: the pipeline source of the repository's forge, the commit
// author override of the Publisher, and the catalogs/offline setting of the version workspace.

#include "GitFixture.h"
#include "LoopbackServer.h"
#include "TestSupport.h"

#include "change/Publisher.h"
#include "demo/DemoRepository.h"
#include "matrix/VersionWorkspace.h"
#include "pipelines/PipelineSettings.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

using namespace EnvDeck;

Q_DECLARE_METATYPE(EnvDeck::Forge::Provider)

class tst_SettingsModels : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_round = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // git's own identity in this process, which the override has to beat.
        qputenv("GIT_AUTHOR_NAME", "Git Person");
        qputenv("GIT_AUTHOR_EMAIL", "git@example.io");
        qputenv("GIT_COMMITTER_NAME", "Git Person");
        qputenv("GIT_COMMITTER_EMAIL", "git@example.io");
    }

    void pipelineSourceFromForge_data()
    {
        QTest::addColumn<Forge::Provider>("provider");
        QTest::addColumn<QString>("apiBase");
        QTest::addColumn<QString>("organization");
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("expectedOrganization");
        QTest::addColumn<QString>("expectedProject");

        QTest::newRow("gitlab.com") << Forge::Provider::GitLab << "https://gitlab.com"
                                    << ""
                                    << "platform/infra"
                                    << "" << true << ""
                                    << "platform/infra";
        QTest::newRow("self-hosted gitlab with port")
            << Forge::Provider::GitLab << "https://git.example.io:8443"
            << ""
            << "ops/live"
            << "" << true << ""
            << "ops/live";
        QTest::newRow("github owner and repository")
            << Forge::Provider::GitHub << "https://api.github.com"
            << "octo"
            << ""
            << "hello" << true << ""
            << "octo/hello";
        QTest::newRow("github project only") << Forge::Provider::GitHub << "https://api.github.com"
                                             << ""
                                             << "octo/hello"
                                             << "" << true << ""
                                             << "octo/hello";
        QTest::newRow("azure devops") << Forge::Provider::AzureDevOps << "https://dev.azure.com"
                                      << "contoso"
                                      << "platform"
                                      << "infra" << true << "contoso"
                                      << "platform";
        QTest::newRow("azure devops without organization")
            << Forge::Provider::AzureDevOps << "https://dev.azure.com"
            << ""
            << "platform"
            << "infra" << false << ""
            << "";
        QTest::newRow("gitlab without project") << Forge::Provider::GitLab << "https://gitlab.com"
                                                << ""
                                                << ""
                                                << "" << false << ""
                                                << "";
        QTest::newRow("local") << Forge::Provider::Local << ""
                               << ""
                               << ""
                               << "" << false << ""
                               << "";
    }

    void pipelineSourceFromForge()
    {
        QFETCH(Forge::Provider, provider);
        QFETCH(QString, apiBase);
        QFETCH(QString, organization);
        QFETCH(QString, project);
        QFETCH(QString, repository);
        QFETCH(bool, ok);
        QFETCH(QString, expectedOrganization);
        QFETCH(QString, expectedProject);

        Forge::ForgeSettings forge;
        forge.provider = provider;
        forge.apiBase = QUrl(apiBase);
        forge.webBase = QUrl(apiBase);
        forge.organization = organization;
        forge.project = project;
        forge.repository = repository;
        forge.location = SourceLocation{QStringLiteral(".envdeck.yaml"), 3, 1};
        const QStringList environments{QStringLiteral("dev"), QStringLiteral("prod")};
        const auto source = Pipelines::pipelineSourceFromForge(forge, environments);
        QCOMPARE(source.ok(), ok);
        if (!ok) {
            // Said where: the forge's own lines in .envdeck.yaml.
            QVERIFY2(source.error().toString().startsWith(QStringLiteral(".envdeck.yaml:3:1")),
                     qPrintable(source.error().toString()));
            return;
        }
        QCOMPARE(source->provider, provider);
        QCOMPARE(source->apiBase, QUrl(apiBase));
        QCOMPARE(source->organization, expectedOrganization);
        QCOMPARE(source->project, expectedProject);
        QCOMPARE(source->environments, environments);
    }

    void authorOverride_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("expected");

        QTest::newRow("git's identity") << ""
                                        << ""
                                        << "Git Person <git@example.io>";
        QTest::newRow("override") << "Olga Override"
                                  << "olga@example.org"
                                  << "Olga Override <olga@example.org>";
        QTest::newRow("unicode override") << "Jürgen Müller"
                                          << "jm@example.de"
                                          << "Jürgen Müller <jm@example.de>";
    }

    void authorOverride()
    {
        QFETCH(QString, name);
        QFETCH(QString, email);
        QFETCH(QString, expected);

        GitFixture work(m_dir.filePath(QString::number(++m_round)));
        QVERIFY(work.init());
        QVERIFY(work.write(QStringLiteral("versions.yaml"), "a: 1\n"));
        QVERIFY(work.commit(QStringLiteral("Initial")));
        QVERIFY(work.write(QStringLiteral("versions.yaml"), "a: 2\n"));

        Change::PublishRequest request;
        request.repository = work.root();
        request.paths = {QStringLiteral("versions.yaml")};
        request.message = QStringLiteral("Bump a");
        if (!name.isEmpty())
            request.author = Git::Signature{name, email, 0, 0};
        const auto state = Change::Publisher::commit(request);
        QVERIFY2(state.ok(), qPrintable(state.ok() ? QString() : state.error().toString()));
        const QString author = work.git({QStringLiteral("log"), QStringLiteral("-1"),
                                         QStringLiteral("--format=%an <%ae>")})
                                   .trimmed();
        QCOMPARE(author, expected);
    }

    void authorOverrideRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::newRow("no email") << "Nobody"
                                  << "";
        QTest::newRow("no name") << ""
                                 << "nobody@example.org";
        QTest::newRow("angle bracket in name") << "No <body>"
                                               << "nobody@example.org";
        QTest::newRow("line break in email") << "Nobody"
                                             << "nobody@example.org\nX: y";
    }

    void authorOverrideRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, email);
        GitFixture work(m_dir.filePath(QString::number(++m_round)));
        QVERIFY(work.init());
        QVERIFY(work.write(QStringLiteral("versions.yaml"), "a: 1\n"));
        QVERIFY(work.commit(QStringLiteral("Initial")));
        QVERIFY(work.write(QStringLiteral("versions.yaml"), "a: 2\n"));
        const QString before = work.head();

        Change::PublishRequest request;
        request.repository = work.root();
        request.paths = {QStringLiteral("versions.yaml")};
        request.message = QStringLiteral("Bump a");
        request.author = Git::Signature{name, email, 0, 0};
        QVERIFY(!Change::Publisher::commit(request).ok());
        QCOMPARE(work.head(), before);
    }

    void offlineSetting_data()
    {
        QTest::addColumn<QVariant>("stored");
        QTest::addColumn<bool>("offline");

        QTest::newRow("unset: downloads") << QVariant() << false;
        QTest::newRow("false") << QVariant(false) << false;
        QTest::newRow("true: caches only") << QVariant(true) << true;
    }

    void offlineSetting()
    {
        QFETCH(QVariant, stored);
        QFETCH(bool, offline);

        QSettings settings;
        QCOMPARE(VersionWorkspace::offlineSettingsKey(), QStringLiteral("catalogs/offline"));
        if (stored.isValid())
            settings.setValue(VersionWorkspace::offlineSettingsKey(), stored);
        else
            settings.remove(VersionWorkspace::offlineSettingsKey());
        QCOMPARE(VersionWorkspace::offlineSetting(), offline);
        settings.remove(VersionWorkspace::offlineSettingsKey());
    }

    void offlineSettingReachesValidation_data()
    {
        QTest::addColumn<bool>("offline");
        QTest::newRow("downloads") << false;
        QTest::newRow("cached only") << true;
    }

    void offlineSettingReachesValidation()
    {
        QFETCH(bool, offline);

        // The demo with one more catalog: a Helm index by URL on a loopback server, which counts
        // whether the window's validation asked it.
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(404, "not here");
        const QString demo = m_dir.filePath(QStringLiteral("demo-%1").arg(++m_round));
        Demo::Options options;
        options.commits = 20;
        options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
        auto made = Demo::generate(demo, options);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));
        QFile config(demo + QStringLiteral("/.envdeck.yaml"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(config.readAll());
        config.close();
        const qsizetype at = text.indexOf(QStringLiteral("\ncatalogs:"));
        QVERIFY(at >= 0);
        text.insert(text.indexOf(u'\n', at + 1) + 1,
                    QStringLiteral("  - { kind: helm-index, url: \"%1/index.yaml\" }\n")
                        .arg(server.url().toString()));
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(text.toUtf8());
        config.close();

        QSettings().setValue(VersionWorkspace::offlineSettingsKey(), offline);
        // As the version matrix loads it: loadAsync(root), the setting deciding.
        QFuture<Result<VersionWorkspace::Data>> loading = VersionWorkspace::loadAsync(demo);
        QTRY_VERIFY_WITH_TIMEOUT(loading.isFinished(), 60000);
        QVERIFY(loading.result().ok());
        QCOMPARE(server.requests().isEmpty(), offline);
        QSettings().remove(VersionWorkspace::offlineSettingsKey());
    }
};

ENVDECK_TEST_MAIN_CORE(tst_SettingsModels)
#include "tst_settingsmodels.moc"
