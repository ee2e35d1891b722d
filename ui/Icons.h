// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

class QObject;

// EnvDeck's action icons: monochrome SVG drawings (resources/icons/actions/<name>.svg) rendered
// at the exact pixel size a screen asks for, so they stay sharp at any scale factor, and painted
// in the palette's text colour at that moment, so they follow the light and dark themes (and
// the disabled and selected states) without a second set of files.
namespace EnvDeck::Icons {

// The icon `name` ("open", "reload", "commit", ...), in the palette's text colour, or always in
// `colour` when it is valid (a padlock in the staging colour). A name without a drawing gives a
// null icon and a warning in the log.
QIcon icon(const QString &name, const QColor &colour = QColor());

// Whether resources/icons/actions/<name>.svg exists and parses.
bool exists(const QString &name);

// Gives the actions found under `root` (by object name, e.g. "actionOpenRepository") their
// icons. One table for the whole window, so a menu and a toolbar never disagree.
void applyToActions(QObject *root);

} // namespace EnvDeck::Icons
