// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

namespace EnvDeck {
class MainWindow;
}

namespace EnvDeck::Application {

// What `envdeck [--demo] [--read-only] [REPO]` asks of the window.
struct GuiOptions
{
    bool demo = false;
    bool readOnly = false; // editing hidden for the session, whatever the setting says
    QString repository;    // as given; relative to the current directory
};

// Parses the window's arguments (without the program name); an unknown option or a second
// repository is an error whose message names it.
Result<GuiOptions> parseGuiArguments(const QStringList &arguments);
// Applies `options` to a window that was just created: read-only mode first, so nothing
// editable shows, then the repository or the demo.
void applyGuiOptions(MainWindow &window, const GuiOptions &options);

// `envdeck` alone opens the GUI; `envdeck <subcommand> ...` runs headless.
int run(int argc, char *argv[]);

} // namespace EnvDeck::Application
