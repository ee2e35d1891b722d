// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QString>

// The application's colours: the desktop's own (System), or EnvDeck's light or dark palette on
// the Fusion style, which draws every widget from the palette so that the dark one is complete.
// Views that paint themselves (the diagram, the charts, the diff) derive their colours from the
// palette and repaint on QEvent::PaletteChange, so switching needs no restart.
namespace EnvDeck::Theme {

enum class Mode { System, Light, Dark };

// The setting that keeps the choice: "appearance/theme", "system" | "light" | "dark".
QString settingsKey();
QString modeKey(Mode mode);
// Unknown or empty text gives System.
Mode modeFromKey(const QString &key);
// "System", "Light", "Dark", translated, for menus and the settings dialog.
QString modeDisplayName(Mode mode);

Mode storedMode();
void storeMode(Mode mode);

// Applies `mode` to the running application. System puts back the style and palette the
// application had before the first call. Call it on the GUI thread, after QApplication exists.
void apply(Mode mode);
// The mode last applied (System before any call).
Mode currentMode();

QPalette lightPalette();
QPalette darkPalette();

// Whether text is lighter than the window behind it.
bool isDark(const QPalette &palette);

} // namespace EnvDeck::Theme
