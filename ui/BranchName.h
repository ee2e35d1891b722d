// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace EnvDeck {

// Git's rules for a branch name (git check-ref-format --branch), checked before anything runs so
// the review dialog can say what is wrong while the user types.
class BranchName
{
    Q_DECLARE_TR_FUNCTIONS(EnvDeck::BranchName)

public:
    // Why `name` cannot be a branch, for a person ("A branch name cannot contain “..”."), or an
    // empty string when it can.
    static QString problem(const QString &name);
    static bool isValid(const QString &name) { return problem(name).isEmpty(); }
};

} // namespace EnvDeck
