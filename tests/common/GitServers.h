// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <memory>

// Real git servers on free 127.0.0.1 ports, in a temporary folder, for transport tests:
// `git daemon` (git://, no auth, push enabled) and lighttpd running git-http-backend as CGI
// (http://, Basic auth from a `user:token` file). Server-side hooks run on both, unlike file://.
// Everything started here is stopped by the destructor.
class GitServers
{
public:
    static QString lighttpdPath() { return QStringLiteral("/usr/sbin/lighttpd"); }
    static QString httpBackendPath()
    {
        return QStringLiteral("/usr/lib/git-core/git-http-backend");
    }

    GitServers()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("srv"));
        QDir(m_dir.path()).mkpath(QStringLiteral("http"));
    }
    ~GitServers()
    {
        stop(m_daemon);
        stop(m_lighttpd);
    }
    GitServers(const GitServers &) = delete;
    GitServers &operator=(const GitServers &) = delete;

    QString root() const { return m_dir.path(); }
    QString serverRoot() const { return m_dir.filePath(QStringLiteral("srv")); }
    QString repositoryPath(const QString &name) const
    {
        return serverRoot() + QLatin1Char('/') + name + QStringLiteral(".git");
    }
    const QString &errorString() const { return m_error; }

    // A bare repository `<name>.git` that both servers serve and accept pushes to.
    bool createRepository(const QString &name)
    {
        const QString path = repositoryPath(name);
        return runGit({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                       QStringLiteral("-b"), QStringLiteral("main"), path})
               && runGit({QStringLiteral("-C"), path, QStringLiteral("config"),
                          QStringLiteral("http.receivepack"), QStringLiteral("true")});
    }

    // Writes an executable hook (e.g. "pre-receive") into the repository.
    bool installHook(const QString &name, const QString &hook, const QByteArray &script)
    {
        QFile file(repositoryPath(name) + QStringLiteral("/hooks/") + hook);
        if (!file.open(QIODevice::WriteOnly) || file.write(script) != script.size())
            return false;
        file.close();
        return file.setPermissions(file.permissions() | QFileDevice::ExeOwner
                                   | QFileDevice::ExeGroup | QFileDevice::ExeOther);
    }

    bool startDaemon()
    {
        m_daemonPort = freePort();
        m_daemon = std::make_unique<QProcess>();
        // Its log (connections, and probes that hang up at once) would drown the test output.
        m_daemon->setStandardErrorFile(m_dir.filePath(QStringLiteral("daemon.log")));
        m_daemon->start(
            QStringLiteral("git"),
            {QStringLiteral("daemon"), QStringLiteral("--reuseaddr"),
             QStringLiteral("--listen=127.0.0.1"), QStringLiteral("--port=%1").arg(m_daemonPort),
             QStringLiteral("--base-path=") + serverRoot(), QStringLiteral("--export-all"),
             QStringLiteral("--enable=receive-pack"), serverRoot()});
        return waitUntilListening(*m_daemon, m_daemonPort, QStringLiteral("git daemon"));
    }

    bool startHttp(const QString &user, const QString &token)
    {
        for (const QString &tool : {lighttpdPath(), httpBackendPath()}) {
            if (!QFile::exists(tool)) {
                m_error = tool + QStringLiteral(" is missing: run scripts/install-deps.sh");
                return false;
            }
        }
        m_httpPort = freePort();
        const QString http = m_dir.filePath(QStringLiteral("http"));
        QFile users(http + QStringLiteral("/users.plain"));
        if (!users.open(QIODevice::WriteOnly)
            || users.write((user + QLatin1Char(':') + token + QLatin1Char('\n')).toUtf8()) < 0)
            return false;
        users.close();
        const QString config
            = QStringLiteral(
                  "server.modules = (\"mod_alias\", \"mod_setenv\", \"mod_auth\", "
                  "\"mod_authn_file\", "
                  "\"mod_cgi\")\n"
                  "server.bind = \"127.0.0.1\"\n"
                  "server.port = %1\n"
                  "server.document-root = \"%2\"\n"
                  "server.errorlog = \"%2/error.log\"\n"
                  "alias.url = (\"/git/\" => \"%3/\")\n"
                  "$HTTP[\"url\"] =~ \"^/git/\" {\n"
                  "  cgi.assign = (\"\" => \"\")\n"
                  "  setenv.add-environment = (\"GIT_PROJECT_ROOT\" => \"%4\", "
                  "\"GIT_HTTP_EXPORT_ALL\" => \"1\")\n"
                  "  auth.backend = \"plain\"\n"
                  "  auth.backend.plain.userfile = \"%2/users.plain\"\n"
                  "  auth.require = (\"\" => (\"method\" => \"basic\", \"realm\" => \"git\", "
                  "\"require\" => \"valid-user\"))\n"
                  "}\n")
                  .arg(m_httpPort)
                  .arg(http, httpBackendPath(), serverRoot());
        QFile conf(http + QStringLiteral("/lighttpd.conf"));
        if (!conf.open(QIODevice::WriteOnly) || conf.write(config.toUtf8()) < 0)
            return false;
        conf.close();
        m_lighttpd = std::make_unique<QProcess>();
        m_lighttpd->setStandardOutputFile(http + QStringLiteral("/stdout.log"));
        m_lighttpd->setStandardErrorFile(http + QStringLiteral("/stderr.log"));
        // -D keeps it in the foreground, so it is our child and stops with us.
        m_lighttpd->start(lighttpdPath(),
                          {QStringLiteral("-D"), QStringLiteral("-f"), conf.fileName()});
        return waitUntilListening(*m_lighttpd, m_httpPort, QStringLiteral("lighttpd"));
    }

    QString gitUrl(const QString &name) const
    {
        return QStringLiteral("git://127.0.0.1:%1/%2.git").arg(m_daemonPort).arg(name);
    }
    QString httpUrl(const QString &name, const QString &userInfo = {}) const
    {
        const QString prefix = userInfo.isEmpty() ? QString() : userInfo + QLatin1Char('@');
        return QStringLiteral("http://") + prefix
               + QStringLiteral("127.0.0.1:%1/git/%2.git").arg(m_httpPort).arg(name);
    }
    quint16 daemonPort() const { return m_daemonPort; }
    quint16 httpPort() const { return m_httpPort; }

    // The id `rev` has in the server's repository, or an empty string.
    QString revParse(const QString &name, const QString &rev) const
    {
        QProcess git;
        git.start(QStringLiteral("git"),
                  {QStringLiteral("--git-dir"), repositoryPath(name), QStringLiteral("rev-parse"),
                   QStringLiteral("--verify"), QStringLiteral("-q"), rev});
        git.waitForFinished(30000);
        return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
    }

private:
    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    bool waitUntilListening(QProcess &process, quint16 port, const QString &what)
    {
        if (!process.waitForStarted(10000)) {
            m_error = what + QStringLiteral(" did not start: ") + process.errorString();
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (socket.waitForConnected(200))
                return true;
            if (process.state() == QProcess::NotRunning) {
                m_error = what + QStringLiteral(" exited with code %1").arg(process.exitCode());
                return false;
            }
            QThread::msleep(50);
        }
        m_error = what + QStringLiteral(" does not listen on port %1").arg(port);
        return false;
    }

    static void stop(std::unique_ptr<QProcess> &process)
    {
        if (!process || process->state() == QProcess::NotRunning)
            return;
        process->terminate();
        if (!process->waitForFinished(5000)) {
            process->kill();
            process->waitForFinished(5000);
        }
    }

    bool runGit(const QStringList &arguments)
    {
        QProcess git;
        git.start(QStringLiteral("git"), arguments);
        if (git.waitForFinished(30000) && git.exitStatus() == QProcess::NormalExit
            && git.exitCode() == 0)
            return true;
        m_error = QStringLiteral("git %1 failed: %2")
                      .arg(arguments.join(QLatin1Char(' ')),
                           QString::fromUtf8(git.readAllStandardError()));
        return false;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_daemon;
    std::unique_ptr<QProcess> m_lighttpd;
    quint16 m_daemonPort = 0;
    quint16 m_httpPort = 0;
    QString m_error;
};
