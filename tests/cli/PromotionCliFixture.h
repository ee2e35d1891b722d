// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the tests of `envdeck approve`, `promote` and `rollback` share: a generated demo
// repository with its bare origin in a temporary home, the real binary run on it, and git to
// check what it did.

#include "CliRunner.h"
#include "DemoPicks.h"
#include "GitFixture.h"

#include "versions/VersionDocument.h"

#include <QRegularExpression>
#include <QTemporaryDir>

class PromotionCliFixture
{
protected:
    QTemporaryDir m_home;
    QString m_demo;
    QString m_origin;

    // The demo repository, committed to by "Quinn Tester" (GIT_AUTHOR_* in this process, which
    // the binary inherits).
    bool makeDemo()
    {
        qputenv("GIT_AUTHOR_NAME", "Quinn Tester");
        qputenv("GIT_AUTHOR_EMAIL", "quinn@example.io");
        qputenv("GIT_COMMITTER_NAME", "Quinn Tester");
        qputenv("GIT_COMMITTER_EMAIL", "quinn@example.io");
        if (!m_home.isValid())
            return false;
        m_demo = m_home.filePath(QStringLiteral("infra"));
        m_origin = m_home.filePath(QStringLiteral("infra-origin.git"));
        const CliRun made = envdeck({QStringLiteral("demo-repo"), m_demo, QStringLiteral("--quiet"),
                                     QStringLiteral("--end-date"), QStringLiteral("2026-11-20")});
        if (made.exitCode != 0)
            qWarning().noquote() << made.err;
        return made.exitCode == 0 && QFileInfo::exists(m_origin);
    }

    CliRun envdeck(const QStringList &arguments) const
    {
        return runEnvdeck(arguments, m_home.path());
    }
    QString git(const QStringList &arguments) const { return GitFixture(m_demo).git(arguments); }
    QByteArray fileAt(const QString &revision, const QString &path) const
    {
        return git({QStringLiteral("show"), revision + u':' + path}).toUtf8();
    }
    QString status() const
    {
        return git({QStringLiteral("status"), QStringLiteral("--porcelain")}).trimmed();
    }
    bool checkoutMain() const
    {
        return !git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")})
                    .isNull();
    }
    bool resetMainTo(const QString &revision) const
    {
        return checkoutMain()
               && !git({QStringLiteral("reset"), QStringLiteral("-q"), QStringLiteral("--hard"),
                        revision})
                       .isNull();
    }
    static QString commitOf(const CliRun &run)
    {
        static const QRegularExpression line(QStringLiteral("^commit ([0-9a-f]{40}) on "),
                                             QRegularExpression::MultilineOption);
        return line.match(run.outText()).captured(1);
    }
    // Bumps a staging component to a newer tagged version on main; returns the pick.
    DemoPick bumpStaging() const
    {
        const DemoPick pick = newerTaggedVersion(m_demo, QStringLiteral("staging"));
        if (!pick.isValid())
            return {};
        const CliRun run
            = envdeck({QStringLiteral("bump"), m_demo, QStringLiteral("--env"),
                       QStringLiteral("staging"), QStringLiteral("--component"), pick.component,
                       QStringLiteral("--version"), pick.to, QStringLiteral("--offline")});
        if (run.exitCode != 0) {
            qWarning().noquote() << run.err;
            return {};
        }
        return pick;
    }
};
