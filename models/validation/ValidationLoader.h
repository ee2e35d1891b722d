// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validation/ValidationInput.h"

#include <QFuture>

namespace EnvDeck {
class VersionDocument;
}

namespace EnvDeck::Validation {

struct LoadOptions
{
    QString base;         // compare with this revision (locks, downgrades); empty: no base
    bool offline = false; // catalogs from their cache only, never from the network
};

// Reads everything the engine needs from a repository work tree: environments and their
// Terraform, versions files, approvals, catalogs, `.envdeck.yaml`, and with a base revision the
// versions files as they were there. An Error only when the repository cannot be read at all or
// the base revision does not exist; broken files become findings. Never call it on the GUI thread.
Result<ValidationInput> loadValidationInput(const QString &path, const LoadOptions &options);

// The components of a versions document as the engine sees them.
QList<ComponentEntry> componentEntries(const VersionDocument &document);

// Puts a (re)read versions document into `environment`: its components, and its problems as
// findings; a document that does not parse leaves no components and a syntax error.
void applyVersionsDocument(EnvironmentInput &environment, const Result<VersionDocument> &document);

} // namespace EnvDeck::Validation
