// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Character classes of YAML's syntax, for the scanners of YamlTree.
namespace EnvDeck::Versions {

inline bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

inline bool isBreak(char c)
{
    return c == '\n' || c == '\r';
}

inline bool isFlowIndicator(char c)
{
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

} // namespace EnvDeck::Versions
