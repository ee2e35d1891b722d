// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The parsed files one diagram edit works on: each parsed once, edited in place, and compared
// with what was read at the end.

#include "diagram/DiagramEdits.h"
#include "hcl/HclWriter.h"

#include <map>

namespace EnvDeck::Diagram {

class EditSession
{
public:
    explicit EditSession(const EnvironmentFiles &environment)
        : m_environment(environment)
    {}

    // The file's document; a file that does not exist yet is an empty document.
    Result<Hcl::Document *> document(const QString &file);
    // Parses every file of the environment (the first parse error refuses the edit).
    Result<void> parseAll();
    // The file and top-level `module "<name>"` block; an error when there is none.
    struct Found
    {
        QString file;
        Hcl::Document *document = nullptr;
        const Hcl::Block *block = nullptr;
    };
    Result<Found> findModule(const QString &name);
    bool hasModule(const QString &name);
    const QStringList &files() const { return m_environment.files; }
    FileEdits edits() const;

private:
    const EnvironmentFiles &m_environment;
    std::map<QString, Hcl::Document> m_documents;
    std::map<QString, QByteArray> m_before;
};

Hcl::BlockPath modulePath(const QString &name);

} // namespace EnvDeck::Diagram
