// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QtTest>

// Builds small repositories with the git command line for tests: write files, commit, and read
// back with `git` to cross-check what EnvDeck wrote or read through libgit2.
class GitFixture
{
public:
    explicit GitFixture(QString root)
        : m_root(std::move(root))
    {}

    const QString &root() const { return m_root; }

    // Runs git in the fixture folder; returns stdout, or a null string when git failed.
    QString git(const QStringList &arguments, const QString &committerDate = {}) const
    {
        QProcess process;
        process.setWorkingDirectory(m_root);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Test Author"));
        environment.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("author@example.io"));
        environment.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Test Author"));
        environment.insert(QStringLiteral("GIT_COMMITTER_EMAIL"),
                           QStringLiteral("author@example.io"));
        environment.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
        environment.insert(QStringLiteral("HOME"), m_root);
        if (!committerDate.isEmpty())
            environment.insert(QStringLiteral("GIT_COMMITTER_DATE"), committerDate);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral("git"), arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            qWarning().noquote() << "git" << arguments.join(QLatin1Char(' '))
                                 << "failed:" << process.readAllStandardError();
            return {};
        }
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        return out.isNull() ? QStringLiteral("") : out;
    }

    bool init() const
    {
        QDir().mkpath(m_root);
        return !git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                     QStringLiteral("main")})
                    .isNull();
    }

    bool write(const QString &relativePath, const QByteArray &contents) const
    {
        const QString path = QDir(m_root).filePath(relativePath);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
    }

    // Stages everything and commits; `date` as ISO 8601 keeps histories reproducible.
    bool commit(const QString &message,
                const QString &date = QStringLiteral("2026-01-05T10:00:00Z"),
                const QString &author = QStringLiteral("Test Author <author@example.io>")) const
    {
        if (git({QStringLiteral("add"), QStringLiteral("-A")}).isNull())
            return false;
        return !git({QStringLiteral("-c"), QStringLiteral("user.name=Test Author"),
                     QStringLiteral("-c"), QStringLiteral("user.email=author@example.io"),
                     QStringLiteral("commit"), QStringLiteral("-q"),
                     QStringLiteral("--allow-empty"), QStringLiteral("-m"), message,
                     QStringLiteral("--date"), date, QStringLiteral("--author"), author},
                    date)
                    .isNull();
    }

    QString head() const
    {
        return git({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).trimmed();
    }

private:
    QString m_root;
};
