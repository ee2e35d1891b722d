// SPDX-License-Identifier: GPL-3.0-or-later
// Renaming a module call. Terraform keys state by address: without a `moved` block a renamed
// call plans to destroy everything it manages and create it again (databases included). So the
// rename writes `moved { from = module.old  to = module.new }` beside the call, and renaming
// back drops that block instead of adding a cycle.
#include "DiagramEdits.h"

#include "diagram/DiagramEditSupport.h"
#include "diagram/DiagramHcl.h"

#include <algorithm>

namespace EnvDeck::Diagram {
namespace {

// `module.<name>` and nothing after it: the name.
QByteArray movedAddress(const Hcl::Body &body, const QByteArray &attribute)
{
    const Hcl::Attribute *found = HclWalk::findAttribute(body, attribute);
    if (!found || !found->expr)
        return {};
    const auto *variable = found->expr->as<Hcl::VariableExpr>();
    return variable && variable->steps.size() == 1 ? HclWalk::referencedModule(*found->expr)
                                                   : QByteArray();
}

// The `moved { from = module.<from> to = module.<to> }` block of the file; nullptr if none.
const Hcl::Block *findMoved(const Hcl::File &file, const QByteArray &from, const QByteArray &to)
{
    for (const Hcl::BodyItem &item : file.body.items) {
        const Hcl::Block *block = item.block();
        if (block && block->type == "moved" && movedAddress(block->body, "from") == from
            && movedAddress(block->body, "to") == to)
            return block;
    }
    return nullptr;
}

// Removes a top-level block's lines and the blank line before it.
Result<void> removeLines(Hcl::Document &document, const Hcl::Block &block)
{
    const QByteArray &text = document.text();
    qsizetype start = text.lastIndexOf('\n', block.range.start.offset - 1) + 1;
    qsizetype end = text.indexOf('\n', block.range.end.offset);
    end = end < 0 ? text.size() : end + 1;
    if (start >= 2 && text.at(start - 1) == '\n' && text.at(start - 2) == '\n')
        --start;
    else if (start >= 3 && text.mid(start - 3, 3) == "\n\r\n")
        start -= 2;
    return document.replaceRange(start, end, {});
}

} // namespace

Result<FileEdits> renameModule(const EnvironmentFiles &environment, const QString &oldName,
                               const QString &newName)
{
    if (!isValidIdentifier(newName))
        return Error(QStringLiteral("\"%1\" is not a valid module name: use a letter or _ "
                                    "followed by letters, digits, _ and -")
                         .arg(newName));
    if (oldName == newName)
        return FileEdits{};
    EditSession session(environment);
    auto found = session.findModule(oldName);
    if (!found)
        return found.error();
    if (session.hasModule(newName))
        return Error(QStringLiteral("There is already a module \"%1\"").arg(newName));
    if (auto renamed = found->document->renameLabel(modulePath(oldName), 0, newName.toUtf8());
        !renamed)
        return renamed.error();
    const QByteArray oldBytes = oldName.toUtf8();
    const QByteArray newBytes = newName.toUtf8();
    for (const QString &file : environment.files) {
        Hcl::Document *document = *session.document(file);
        QList<qsizetype> starts; // of the name after `module.`
        HclWalk::walk(document->file(),
                      [&](const Hcl::Expression &expression, const HclWalk::Context &context) {
                          // moved blocks name addresses of the state, which a rename does not
                          // change.
                          if (context.block && context.block->type == "moved")
                              return;
                          if (HclWalk::referencedModule(expression) != oldBytes)
                              return;
                          const auto *variable = expression.as<Hcl::VariableExpr>();
                          starts.append(variable->steps.front().range.end.offset - oldBytes.size());
                      });
        // From the end, so the offsets still to do stay where they were.
        std::sort(starts.begin(), starts.end(), std::greater<>());
        for (const qsizetype start : std::as_const(starts)) {
            if (auto replaced = document->replaceRange(start, start + oldBytes.size(), newBytes);
                !replaced)
                return replaced.error();
        }
    }
    // Renaming back (b -> a after a -> b): the earlier move goes, rather than a cycle.
    for (const QString &file : environment.files) {
        Hcl::Document *document = *session.document(file);
        if (const Hcl::Block *back = findMoved(document->file(), newBytes, oldBytes)) {
            if (auto removed = removeLines(*document, *back); !removed)
                return removed.error();
            return session.edits();
        }
    }
    const QByteArray body = "from = module." + oldBytes + "\nto   = module." + newBytes + '\n';
    if (auto added = found->document->addBlock({}, "moved", {}, body); !added)
        return added.error();
    return session.edits();
}

} // namespace EnvDeck::Diagram
