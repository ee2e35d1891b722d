// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace EnvDeck::Cli {

enum ExitCode { Success = 0, Failed = 1, Usage = 2 };

// True when `argument` (argv[1]) is for the command line rather than the window: a command,
// --help, --version, or a word that is neither an option nor an existing path (an unknown
// command, reported without opening a window).
bool isHeadless(const QString &argument);
// True for the commands that draw (export-diagram): they run without a window, but with fonts
// and a painter, on the offscreen platform when there is no display.
bool drawsWithoutWindow(const QString &argument);

// Runs `envdeck <arguments...>` headless; `arguments` excludes the program name.
// Writes results to `out` and messages to `err`, returns the process exit code.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

// The top-level usage text.
QString usage();

} // namespace EnvDeck::Cli
