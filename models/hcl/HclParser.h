// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "hcl/HclAst.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace EnvDeck::Hcl {

// The limits that keep hostile input from exhausting the stack or memory.
inline constexpr int MaxNestingDepth = 256;
inline constexpr int MaxErrors = 100;

struct ParseResult
{
    File file; // always filled: what could be parsed, with InvalidExpr where nothing could
    QList<EnvDeck::Error> errors; // at most MaxErrors, in source order of discovery

    bool ok() const { return errors.isEmpty(); }
};

// Parses one file of HCL2 native syntax (a .tf file). Never throws, crashes or recurses deeper
// than MaxNestingDepth; runs in time linear in the size of the source. After an error it skips to
// the next line at body level (or the matching brace) and goes on, so several errors are found
// in one run. Error locations carry fileName, and line:column as in Position.
ParseResult parse(const QByteArray &source, const QString &fileName);

} // namespace EnvDeck::Hcl
