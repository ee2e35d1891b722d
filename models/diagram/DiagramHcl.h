// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading helpers the diagram edits and building blocks share: walking a parsed HCL tree.

#include "hcl/HclAst.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace EnvDeck::Diagram::HclWalk {

// Where an expression stands: the top-level block (type and first label) and the attribute
// path inside it ("depends_on", "inputs.x" is just "inputs").
struct Context
{
    const Hcl::Block *block = nullptr; // the top-level block; nullptr for top-level attributes
    QByteArray attribute;              // the attribute of that block (or nested block) holding it
};

using Visitor = std::function<void(const Hcl::Expression &, const Context &)>;

// Calls visit for every expression of the file, nested ones included, parents first.
void walk(const Hcl::File &file, const Visitor &visit);
void walkExpression(const Hcl::Expression &expression, const Context &context,
                    const Visitor &visit);

// `module.<name>` (with any steps after it): the name; empty otherwise.
QByteArray referencedModule(const Hcl::Expression &expression);

// The source text of a range.
inline QByteArray textOf(const QByteArray &source, const Hcl::Range &range)
{
    return source.mid(range.start.offset, range.length());
}

// A quoted string without interpolations: its decoded text. Null otherwise.
QByteArray literalString(const Hcl::Expression &expression);

// The top-level block `type "label"`; nullptr when there is none.
const Hcl::Block *findTopBlock(const Hcl::File &file, const QByteArray &type,
                               const QByteArray &label);
const Hcl::Attribute *findAttribute(const Hcl::Body &body, const QByteArray &name);

} // namespace EnvDeck::Diagram::HclWalk
