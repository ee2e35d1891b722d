// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionsFileReader.h"

#include "versions/VersionDocument.h"

namespace EnvDeck {

// One reader for versions files: VersionDocument, which the editors use too.
Result<VersionsFileContents> readVersionsFile(const QString &absolutePath,
                                              const QString &displayPath)
{
    auto document = VersionDocument::load(absolutePath, displayPath);
    if (!document)
        return document.error();
    VersionsFileContents contents;
    for (const VersionEntry &entry : document->entries()) {
        ComponentVersion component;
        component.name = entry.name;
        component.version = entry.version.text;
        component.locked = entry.isLocked();
        component.lockReason = entry.lockReason.text;
        component.thirdParty = entry.thirdParty;
        component.location = entry.version.isPresent() ? entry.version.location : entry.location;
        contents.components.append(component);
    }
    contents.problems = document->problems();
    return contents;
}

} // namespace EnvDeck
