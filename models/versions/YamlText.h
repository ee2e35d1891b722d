// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "versions/YamlTree.h"

#include <QByteArray>
#include <QString>

// How a value is written into YAML text without re-emitting the document.
namespace EnvDeck::Versions::YamlText {

// True when a YAML 1.1 or 1.2 reader (yaml-cpp, Terraform's yamldecode, PyYAML) would read the
// plain text as something other than a string: null, a boolean, a number or a timestamp.
// `1.10` is a float and `yes` a boolean, so they are quoted; `2.4.1` stays plain.
bool readsAsNonString(const QString &text);

// True when `text` cannot be written as a plain scalar (in a flow collection when `inFlow`).
// With `tagged` (the value carries a tag such as `!!str`) only the syntax counts, not the type.
bool needsQuotes(const QString &text, bool inFlow, bool tagged = false);

QByteArray singleQuoted(const QString &text);
QByteArray doubleQuoted(const QString &text);

// `text` written in the style of the value it replaces: single and double quotes are kept, a
// plain value stays plain unless it must be quoted, then `quote` (' or ") is used. Block scalars
// and values with line breaks or control characters are refused.
Result<QByteArray> render(const QString &text, YamlNode::Style style, bool inFlow, char quote,
                          bool tagged = false);

} // namespace EnvDeck::Versions::YamlText
