// SPDX-License-Identifier: GPL-3.0-or-later
#include "BuildInfo.h"

#include "git/GitHandle.h"

#include <QtGlobal>

#include <spdlog/version.h>

namespace EnvDeck::BuildInfo {

QString applicationVersion()
{
    return QStringLiteral(ENVDECK_VERSION);
}

QString qtVersion()
{
    return QString::fromLatin1(qVersion());
}

QString libgit2Version()
{
    return Git::LibGit2::version();
}

QString yamlCppVersion()
{
    return QStringLiteral(ENVDECK_YAML_CPP_VERSION);
}

QString spdlogVersion()
{
    return QStringLiteral("%1.%2.%3")
        .arg(SPDLOG_VER_MAJOR)
        .arg(SPDLOG_VER_MINOR)
        .arg(SPDLOG_VER_PATCH);
}

QString summary()
{
    return QStringLiteral("EnvDeck %1\nQt %2\nlibgit2 %3\nyaml-cpp %4\nspdlog %5")
        .arg(applicationVersion(), qtVersion(), libgit2Version(), yamlCppVersion(),
             spdlogVersion());
}

} // namespace EnvDeck::BuildInfo
