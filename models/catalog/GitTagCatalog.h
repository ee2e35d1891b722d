// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

namespace EnvDeck::GitTagCatalog {

// The names of all tags of the repository at `root` ("billing/v1.9.0"), read through libgit2.
// Runs on the calling thread; never call it on the GUI thread.
Result<QStringList> listTags(const QString &root);

// The versions a tag pattern gives for a component: with "{component}/v*" and "billing", the tag
// "billing/v1.9.0" gives "1.9.0" (the text the `*` stands for). `{component}` is replaced
// literally, so glob characters in names are not special. Newest first.
QStringList versionsFor(const QStringList &tags, const QString &pattern, const QString &component);

} // namespace EnvDeck::GitTagCatalog
