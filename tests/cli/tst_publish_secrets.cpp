// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck bump --open-mr` against a GitLab stand-in on 127.0.0.1, with the token in
// GITLAB_TOKEN and every log category on: the request carries the token in its header, and the
// token appears nowhere else — not in the output, the logs, the settings and data folders, the
// work tree, or any object of the repository and its origin.

#include "CliRunner.h"
#include "DemoPicks.h"
#include "GitFixture.h"
#include "LoopbackServer.h"
#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

const QByteArray Token = "glpat-EnvDeckSecret-4c1d9e";

QByteArray fixture(const QString &relativePath)
{
    QFile file(QStringLiteral(ENVDECK_SHARED_FIXTURES "/") + relativePath);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPublishSecrets : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_demo;
    LoopbackServer m_server;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // Runs envdeck while this thread's event loop keeps serving the stand-in.
    Run envdeck(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("XDG_DATA_HOME"),
                           m_home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           m_home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"),
                           m_home.filePath(QStringLiteral("cache")));
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        environment.insert(QStringLiteral("GITLAB_TOKEN"), QString::fromLatin1(Token));
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("envdeck.*=true"));
        environment.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Sam Secret"));
        environment.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("sam@example.io"));
        environment.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Sam Secret"));
        environment.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("sam@example.io"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(ENVDECK_BINARY), arguments);
        Run run;
        if (!process.waitForStarted())
            return run;
        QDeadlineTimer deadline(300000);
        while (process.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(20);
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    // Every file below `root` that contains the token, and every git object that does.
    QStringList filesWithToken(const QString &root) const
    {
        QStringList found;
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(Token))
                found.append(path);
        }
        return found;
    }
    bool objectsContainToken(const QString &repository) const
    {
        QProcess git;
        git.setWorkingDirectory(repository);
        git.start(QStringLiteral("git"),
                  {QStringLiteral("cat-file"), QStringLiteral("--batch-all-objects"),
                   QStringLiteral("--batch")});
        if (!git.waitForFinished(120000) || git.exitCode() != 0)
            return true; // cannot tell: fail
        return git.readAllStandardOutput().contains(Token);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(m_server.listen());
        m_demo = m_home.filePath(QStringLiteral("infra"));
        const CliRun made
            = runEnvdeck({QStringLiteral("demo-repo"), m_demo, QStringLiteral("--quiet"),
                          QStringLiteral("--end-date"), QStringLiteral("2026-11-20")},
                         m_home.path());
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        // The team moved to a (self-hosted) GitLab.
        const GitFixture git(m_demo);
        QFile config(m_demo + QStringLiteral("/.envdeck.yaml"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QByteArray text = config.readAll();
        config.close();
        const QRegularExpression forgeLine(QStringLiteral("^forge:.*$"),
                                           QRegularExpression::MultilineOption);
        QString changed = QString::fromUtf8(text);
        QVERIFY(changed.contains(forgeLine));
        changed.replace(
            forgeLine,
            QStringLiteral("forge: { provider: gitlab, url: %1, project: platform/infra, "
                           "target_branch: main }")
                .arg(m_server.url().toString()));
        QVERIFY(git.write(QStringLiteral(".envdeck.yaml"), changed.toUtf8()));
        QVERIFY(git.commit(QStringLiteral("Merge requests go to GitLab")));
    }

    void mergeRequestOnGitLabKeepsTheTokenSecret()
    {
        const QByteArray body = fixture(QStringLiteral("gitlab/merge_request_get.go-gitlab.json"));
        QVERIFY(!body.isEmpty());
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        m_server.enqueue(201, body, {{"Content-Type", "application/json"}});
        const DemoPick pick = newerTaggedVersion(m_demo, QStringLiteral("dev"));
        QVERIFY(pick.isValid());
        const QString branch = QStringLiteral("envdeck/dev-") + pick.component;
        const Run run
            = envdeck({QStringLiteral("bump"), m_demo, QStringLiteral("--env"),
                       QStringLiteral("dev"), QStringLiteral("--component"), pick.component,
                       QStringLiteral("--version"), pick.to, QStringLiteral("--branch"), branch,
                       QStringLiteral("--open-mr"), QStringLiteral("--offline")});
        QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
        const QByteArray expected = "merge request !"
                                    + QByteArray::number(answer.value(u"iid").toInt()) + ' '
                                    + answer.value(u"web_url").toString().toUtf8();
        QVERIFY2(run.out.contains(expected), run.out.constData());

        // The one request GitLab got: the documented call, the token in its header only.
        QCOMPARE(m_server.requests().size(), 1);
        const LoopbackServer::Request &request = m_server.requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.rawPath, QByteArray("/api/v4/projects/platform%2Finfra/merge_requests"));
        QCOMPARE(request.header("private-token"), Token);
        const QJsonObject sent = request.json();
        QCOMPARE(sent.value(u"source_branch").toString(), branch);
        QCOMPARE(sent.value(u"target_branch").toString(), QStringLiteral("main"));
        QCOMPARE(sent.value(u"title").toString(),
                 QStringLiteral("dev: %1 %2 → %3").arg(pick.component, pick.from, pick.to));
        QVERIFY(sent.value(u"description")
                    .toString()
                    .contains(QStringLiteral("| %1 | dev | %2 | %3 | — |")
                                  .arg(pick.component, pick.from, pick.to)));
        QVERIFY(!request.rawPath.contains(Token));

        // Debug logging was on, and still the token is nowhere.
        QVERIFY2(run.err.contains("envdeck."), run.err.constData());
        QVERIFY(!run.out.contains(Token));
        QVERIFY(!run.err.contains(Token));
        QCOMPARE(filesWithToken(m_home.path()), QStringList());
        QVERIFY(!objectsContainToken(m_demo));
        QVERIFY(!objectsContainToken(m_home.filePath(QStringLiteral("infra-origin.git"))));
    }

    void expiredTokenIsAClearErrorAndTheCommitStays()
    {
        m_server.enqueue(401, R"({"message":"401 Unauthorized"})",
                         {{"Content-Type", "application/json"}});
        const GitFixture git(m_demo);
        QVERIFY(!git.git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")})
                     .isNull());
        const DemoPick pick = newerTaggedVersion(m_demo, QStringLiteral("dev"));
        QVERIFY(pick.isValid());
        const QString branch = QStringLiteral("envdeck/dev-expired-token");
        const Run run
            = envdeck({QStringLiteral("bump"), m_demo, QStringLiteral("--env"),
                       QStringLiteral("dev"), QStringLiteral("--component"), pick.component,
                       QStringLiteral("--version"), pick.to, QStringLiteral("--branch"), branch,
                       QStringLiteral("--open-mr"), QStringLiteral("--offline")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("401"), QByteArray(run.out + run.err).right(3000).constData());
        QVERIFY(!run.err.contains(Token));
        // The commit is on its branch and pushed: only the merge request is missing.
        QVERIFY2(run.out.startsWith("commit "), run.out.constData());
        QCOMPARE(git.git({QStringLiteral("rev-parse"), branch}).trimmed(),
                 GitFixture(m_home.filePath(QStringLiteral("infra-origin.git")))
                     .git({QStringLiteral("rev-parse"), branch})
                     .trimmed());
        QCOMPARE(filesWithToken(m_home.path()), QStringList());
    }
};

ENVDECK_TEST_MAIN_CORE(TestPublishSecrets)
#include "tst_publish_secrets.moc"
