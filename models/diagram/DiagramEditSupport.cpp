// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiagramEditSupport.h"

#include "diagram/DiagramHcl.h"

#include <QDir>

namespace EnvDeck::Diagram {

QStringList EnvironmentFiles::list(const QString &root, const QString &folder)
{
    QStringList files;
    const QStringList names = QDir(QDir(root).filePath(folder))
                                  .entryList({QStringLiteral("*.tf")}, QDir::Files, QDir::Name);
    for (const QString &name : names)
        files.append(folder + QLatin1Char('/') + name);
    return files;
}

Hcl::BlockPath modulePath(const QString &name)
{
    return {Hcl::BlockSelector{"module", {name.toUtf8()}}};
}

Result<Hcl::Document *> EditSession::document(const QString &file)
{
    if (auto it = m_documents.find(file); it != m_documents.end())
        return &it->second;
    QByteArray bytes = m_environment.read ? m_environment.read(file) : QByteArray();
    if (bytes.isNull())
        bytes = QByteArray("");
    auto parsed = Hcl::Document::parse(bytes, file);
    if (!parsed)
        return parsed.error();
    m_before.emplace(file, bytes);
    auto inserted = m_documents.emplace(file, std::move(parsed.value()));
    return &inserted.first->second;
}

Result<void> EditSession::parseAll()
{
    for (const QString &file : m_environment.files) {
        if (auto document = this->document(file); !document)
            return document.error();
    }
    return {};
}

Result<EditSession::Found> EditSession::findModule(const QString &name)
{
    if (auto parsed = parseAll(); !parsed)
        return parsed.error();
    for (const QString &file : m_environment.files) {
        Hcl::Document *document = &m_documents.at(file);
        if (const Hcl::Block *block
            = HclWalk::findTopBlock(document->file(), "module", name.toUtf8()))
            return Found{file, document, block};
    }
    return Error(QStringLiteral("There is no module \"%1\" in %2").arg(name, m_environment.folder));
}

bool EditSession::hasModule(const QString &name)
{
    return findModule(name).ok();
}

FileEdits EditSession::edits() const
{
    FileEdits edits;
    for (const QString &file : m_environment.files) {
        const auto it = m_documents.find(file);
        if (it != m_documents.end() && it->second.text() != m_before.at(file))
            edits.append(FileEdit{file, m_before.at(file), it->second.text()});
    }
    // A new file (main.tf of a folder that had none) is not among the environment's files.
    for (const auto &[file, document] : m_documents) {
        if (!m_environment.files.contains(file) && document.text() != m_before.at(file))
            edits.append(FileEdit{file, m_before.at(file), document.text()});
    }
    return edits;
}

} // namespace EnvDeck::Diagram
