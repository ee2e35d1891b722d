// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/ObjectWriter.h"

#include <QString>

#include <optional>

// The name and email the commits EnvDeck makes carry, as the user set them in Preferences ▸
// Commit identity. Both empty means git's own identity (user.name/user.email, GIT_AUTHOR_*).
namespace EnvDeck::Settings {

QString identityNameKey();  // "identity/name"
QString identityEmailKey(); // "identity/email"

// The identity of the settings when both name and email are set, else nullopt (git's).
std::optional<Git::Signature> configuredIdentity();

// Git's identity, for showing what an empty field means: from the repository at `root` (its own
// configuration, then the global one, GIT_AUTHOR_* winning) or, without one, the global
// configuration. Empty fields when git has none.
Git::Signature gitIdentity(const QString &root);

// "something@something", without spaces: enough to catch a name typed into the email field.
bool isPlausibleEmail(const QString &email);

} // namespace EnvDeck::Settings
