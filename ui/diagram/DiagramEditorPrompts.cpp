// SPDX-License-Identifier: GPL-3.0-or-later
// The questions DiagramEditor's actions ask before they edit.
#include "DiagramEditor.h"

#include "diagram/AddModuleDialog.h"

#include <memory>

namespace EnvDeck {
namespace {

const Diagram::ModuleCallText *findCall(const QList<Diagram::ModuleCallText> &calls,
                                        const QString &name)
{
    for (const Diagram::ModuleCallText &call : calls) {
        if (call.name == name)
            return &call;
    }
    return nullptr;
}

} // namespace

void DiagramEditor::promptAdd()
{
    if (!m_addPrompt)
        return;
    const std::unique_ptr<AddModuleDialog> dialog(createAddModuleDialog(m_dialogParent));
    if (const auto request = m_addPrompt(*dialog))
        (void)addModule(*request);
}

void DiagramEditor::promptRemove()
{
    const QString module = selectedModule();
    if (module.isEmpty())
        return;
    const auto references = Diagram::moduleReferences(files(), module);
    if (!references) {
        (void)fail(tr("Cannot remove module %1").arg(module), references.error());
        return;
    }
    QString text = tr("Remove module \"%1\" from %2?").arg(module, m_environment);
    QStringList left;
    for (const Diagram::ModuleReference &reference : *references) {
        // depends_on entries are removed with it; everything else is left for the user to fix.
        if (!reference.where.endsWith(QLatin1String(" depends_on")))
            left.append(QStringLiteral("• %1 (%2): %3")
                            .arg(reference.where, reference.location.toString(), reference.text));
    }
    if (!left.isEmpty())
        text += QStringLiteral("\n\n")
                + tr("These still refer to it and will not be valid until you change them:")
                + QLatin1Char('\n') + left.join(QLatin1Char('\n'));
    if (m_question && !m_question(tr("Remove Module"), text))
        return;
    (void)removeModule(module);
}

void DiagramEditor::promptSource()
{
    const QString module = selectedModule();
    const auto calls = Diagram::moduleCalls(files());
    if (module.isEmpty() || !m_textPrompt || !calls)
        return;
    const Diagram::ModuleCallText *call = findCall(*calls, module);
    if (const auto source
        = m_textPrompt(tr("Change Source"), tr("Source of module \"%1\":").arg(module),
                       call ? call->source : QString()))
        (void)setSource(module, *source);
}

void DiagramEditor::promptVersion()
{
    const QString module = selectedModule();
    const auto calls = Diagram::moduleCalls(files());
    if (module.isEmpty() || !m_textPrompt || !calls)
        return;
    const Diagram::ModuleCallText *call = findCall(*calls, module);
    QString current = call ? call->version : QString();
    if (call && current.isEmpty()) {
        const qsizetype ref = call->source.indexOf(QLatin1String("ref="));
        if (ref >= 0)
            current = call->source.mid(ref + 4).section(QLatin1Char('&'), 0, 0);
    }
    if (const auto version
        = m_textPrompt(tr("Change Version"), tr("Version of module \"%1\":").arg(module), current))
        (void)setVersion(module, *version);
}

void DiagramEditor::promptRename()
{
    const QString module = selectedModule();
    if (module.isEmpty() || !m_textPrompt)
        return;
    if (const auto name
        = m_textPrompt(tr("Rename Module"), tr("New name of module \"%1\":").arg(module), module))
        (void)rename(module, name->trimmed());
}

void DiagramEditor::promptConnect()
{
    const QString module = selectedModule();
    const auto calls = Diagram::moduleCalls(files());
    if (module.isEmpty() || !m_itemPrompt || !calls)
        return;
    // The inputs: the building block's variables, and what the call sets already.
    QStringList inputs;
    const QList<Diagram::BuildingBlock> blocks = buildingBlocks();
    const Diagram::ModuleCallText *call = findCall(*calls, module);
    if (call) {
        if (const Diagram::BuildingBlock *block = blockFor(call->source, blocks)) {
            for (const Diagram::BlockVariable &variable : block->variables)
                inputs.append(variable.name);
        }
        for (const QString &input : call->inputs) {
            if (!inputs.contains(input) && input != u"source" && input != u"version"
                && input != u"depends_on" && input != u"count" && input != u"for_each"
                && input != u"providers")
                inputs.append(input);
        }
    }
    const auto input = m_itemPrompt(tr("Connect Input"), tr("Input of module \"%1\":").arg(module),
                                    inputs, true);
    if (!input || input->trimmed().isEmpty())
        return;
    QStringList outputs;
    const QStringList suggestions = expressionSuggestions(module);
    for (const QString &suggestion : suggestions) {
        if (suggestion.startsWith(QLatin1String("module.")))
            outputs.append(suggestion);
    }
    const auto output
        = m_itemPrompt(tr("Connect Input"),
                       tr("Take \"%1\" from (module.name.output):").arg(*input), outputs, true);
    if (!output)
        return;
    const QStringList parts = output->trimmed().split(QLatin1Char('.'));
    if (parts.size() != 3 || parts.at(0) != u"module") {
        (void)fail(
            tr("Connect Input"),
            Error(tr("\"%1\" is not a module output: write module.<name>.<output>").arg(*output)));
        return;
    }
    (void)connectInput(module, input->trimmed(), parts.at(1), parts.at(2));
}

} // namespace EnvDeck
