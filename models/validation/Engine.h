// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validation/ValidationInput.h"

namespace EnvDeck::Validation {

struct ValidateOptions
{
    QString environment; // only this environment (and repository-wide findings); empty: all
};

// Runs every enabled rule over the input. Pure and thread-safe: no I/O, no shared state, so the
// GUI can run it on a worker thread while the user edits a copy of the input.
Report validate(const ValidationInput &input, const ValidateOptions &options = {});

} // namespace EnvDeck::Validation
