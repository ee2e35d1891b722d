// SPDX-License-Identifier: GPL-3.0-or-later
// compareGraphs(): what one environment's diagram has that another's has not, or has otherwise.
#include "diagram/GraphCompare.h"

#include <QSet>

#include <algorithm>

namespace EnvDeck::Diagram {
namespace {

QString shown(const QString &value, const QString &whenEmpty)
{
    return value.isEmpty() ? whenEmpty : value;
}

QString arrow(const QString &from, const QString &to, const QString &whenEmpty)
{
    return shown(from, whenEmpty) + QStringLiteral(" → ") + shown(to, whenEmpty);
}

// The module inputs written differently, added or removed, sorted.
QStringList changedInputs(const QMap<QString, QString> &ours, const QMap<QString, QString> &theirs)
{
    QSet<QString> names;
    for (auto it = ours.cbegin(); it != ours.cend(); ++it)
        names.insert(it.key());
    for (auto it = theirs.cbegin(); it != theirs.cend(); ++it)
        names.insert(it.key());
    QStringList changed;
    for (const QString &name : std::as_const(names)) {
        if (ours.contains(name) != theirs.contains(name) || ours.value(name) != theirs.value(name))
            changed << name;
    }
    changed.sort();
    return changed;
}

Difference changeOf(const Node &ours, const Node &theirs)
{
    Difference difference;
    difference.nodeId = ours.id;
    QStringList parts;
    if (ours.source != theirs.source) {
        difference.fields << QStringLiteral("source");
        parts << QStringLiteral("source ")
                     + arrow(theirs.source, ours.source, QStringLiteral("none"));
    }
    if (ours.version != theirs.version) {
        difference.fields << QStringLiteral("version");
        parts << QStringLiteral("version ")
                     + arrow(theirs.version, ours.version, QStringLiteral("none"));
    }
    if (ours.kind == NodeKind::Input) {
        // An input is its value: where it is declared or its type text do not matter here.
        const QString key = QStringLiteral("value");
        if (ours.inputs.value(key) != theirs.inputs.value(key)) {
            difference.fields << QStringLiteral("inputs");
            parts << QStringLiteral("value ")
                         + arrow(theirs.inputs.value(key), ours.inputs.value(key),
                                 QStringLiteral("none"));
        }
    } else if (const QStringList inputs = changedInputs(ours.inputs, theirs.inputs);
               !inputs.isEmpty()) {
        difference.fields << QStringLiteral("inputs");
        parts << QStringLiteral("inputs: ") + inputs.join(u", ");
    }
    if (ours.multiplicity != theirs.multiplicity) {
        difference.fields << QStringLiteral("multiplicity");
        parts << arrow(theirs.multiplicity, ours.multiplicity, QStringLiteral("single"));
    }
    if (ours.locked != theirs.locked) {
        difference.fields << QStringLiteral("locked");
        parts << (ours.locked ? QStringLiteral("locked") : QStringLiteral("unlocked"));
    }
    if (!difference.fields.isEmpty()) {
        difference.state = DiffState::Changed;
        difference.text = ours.id + QStringLiteral(": ") + parts.join(u"; ");
    }
    return difference;
}

} // namespace

DiffState Comparison::stateOf(const QString &nodeId) const
{
    for (const Difference &difference : differences) {
        if (difference.nodeId == nodeId)
            return difference.state;
    }
    return DiffState::Same;
}

Comparison compareGraphs(const Graph &ours, const Graph &theirs)
{
    Comparison comparison;
    comparison.ours = ours.environment;
    comparison.theirs = theirs.environment;

    for (const Node &node : ours.nodes) {
        const Node *other = theirs.node(node.id);
        if (!other) {
            comparison.differences
                << Difference{node.id, DiffState::Added, {}, node.id + QStringLiteral(": added")};
            continue;
        }
        if (Difference changed = changeOf(node, *other); changed.state == DiffState::Changed)
            comparison.differences << changed;
    }
    for (const Node &node : theirs.nodes) {
        if (ours.node(node.id))
            continue;
        comparison.differences << Difference{
            node.id, DiffState::Removed, {}, node.id + QStringLiteral(": removed")};
        comparison.removedNodes << node;
    }
    std::sort(comparison.differences.begin(), comparison.differences.end(),
              [](const Difference &a, const Difference &b) { return a.nodeId < b.nodeId; });

    QSet<QString> ourEdges;
    for (const Edge &edge : ours.edges)
        ourEdges.insert(edge.id());
    for (const Edge &edge : theirs.edges) {
        if (!ourEdges.contains(edge.id()))
            comparison.removedEdges << edge;
    }
    return comparison;
}

} // namespace EnvDeck::Diagram
