// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace EnvDeck::BuildInfo {

QString applicationVersion(); // EnvDeck's own version, "0.1.0"
QString qtVersion();          // the Qt library EnvDeck runs with
QString libgit2Version();
QString yamlCppVersion();
QString spdlogVersion();

// Several lines, "EnvDeck 0.1.0\nQt 6.4.2\nlibgit2 1.5.1\n...", for --version and About.
QString summary();

} // namespace EnvDeck::BuildInfo
