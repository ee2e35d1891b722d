// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validation/Finding.h"

#include <QMap>
#include <QString>

#include <optional>

namespace EnvDeck::Validation {

// The `validation:` part of `.envdeck.yaml`: a severity per rule, or `off`.
//
//   validation:
//     rules:
//       unknown-component: error     # error | warning | info | off
//       stale-approval: off
struct ValidationConfig
{
    // Rules named here take this severity; std::nullopt means the rule is off.
    QMap<QString, std::optional<Severity>> severities;
    QList<Finding> problems; // unknown rule ids, unknown severities (rule envdeck-config)

    bool isEnabled(const QString &ruleId) const;
    Severity severityOf(const QString &ruleId) const; // the configured one, else the default

    // Reads `<root>/.envdeck.yaml`; a missing file or section gives the defaults. A file that does
    // not parse is reported by the engine's yaml-syntax rule, so it gives the defaults here too.
    static ValidationConfig read(const QString &root);
};

} // namespace EnvDeck::Validation
