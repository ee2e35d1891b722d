// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// HCL → JSON in exactly the shape of HashiCorp's converter (@cdktf/hcl2json 0.21.0,
// `parse(filename, text)`): blocks as arrays under their type and labels, literals as JSON
// values, every other expression as "${source text}", templates re-rendered. The rules are
// written down in tests/hcl/reference/SHAPE.md; tests/hcl/tst_hcl2json.cpp checks them
// differentially against the reference.

#include "core/Result.h"
#include "hcl/HclAst.h"

#include <QByteArray>
#include <QJsonObject>

namespace EnvDeck::Hcl {

// The JSON object for a parsed file. source must be the bytes given to parse() (expressions are
// copied from it by their ranges). Fails where the reference fails on a well-formed file: a unary
// operator on an unsuitable literal (`-true`), blocks of one type with and without labels.
Result<QJsonObject> toJsonObject(const File &file, const QByteArray &source);

// The same as JSON text (UTF-8), byte for byte what the reference prints through node's
// JSON.stringify: compact, keys in its order, numbers and escapes formatted like JavaScript.
Result<QByteArray> toJson(const File &file, const QByteArray &source);

} // namespace EnvDeck::Hcl
