// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace EnvDeck::Application {

// `envdeck` alone opens the GUI; `envdeck <subcommand> ...` runs headless.
int run(int argc, char *argv[]);

} // namespace EnvDeck::Application
