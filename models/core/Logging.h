// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>
#include <QString>

// One logging category per module of models/ (ui/ and app/ declare their own). Debug messages
// are off unless enabled with QT_LOGGING_RULES="envdeck.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcGit)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
Q_DECLARE_LOGGING_CATEGORY(lcRepo)

namespace EnvDeck::Logging {

enum class StderrLevel { Debug, Info, Warning, Off };

struct Options
{
    // Folder of the rotating log file; empty means no file.
    QString directory;
    StderrLevel stderrLevel = StderrLevel::Warning;
    // Messages at this level and above reach the file.
    bool debugToFile = false;
};

// Routes every Qt message (qDebug, qCWarning(lcGit), ...) into spdlog: a rotating file
// `envdeck.log` in options.directory (1 MiB x 3) and stderr. Safe to call more than once; the
// last call wins. Returns the path of the log file, or an empty string when there is none.
QString install(const Options &options);

// The default folder for the log file: <app data>/logs.
QString defaultDirectory();

// Stops routing and flushes the sinks.
void shutdown();

} // namespace EnvDeck::Logging
