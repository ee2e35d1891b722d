// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/Environment.h"

namespace EnvDeck {

// Reads the component list of an environment's versions file (`components:` and `third_party:`
// in the format of the product brief). Problems in single entries are collected with their
// location and the rest is still read; an Error only when the file cannot be parsed at all.
struct VersionsFileContents
{
    QList<ComponentVersion> components;
    QList<Error> problems;
};

Result<VersionsFileContents> readVersionsFile(const QString &absolutePath,
                                              const QString &displayPath);

} // namespace EnvDeck
