// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validation/Finding.h"
#include "validation/ValidationInput.h"

#include <QByteArray>
#include <QString>

namespace EnvDeck::Change {

// One component's version (and lock) in one environment, as `envdeck bump` asks for it.
struct BumpRequest
{
    enum class Lock { Keep, Lock, Unlock };
    QString environment;
    QString component;
    QString version; // empty: only change the lock
    Lock lock = Lock::Keep;
    QString reason; // why it is locked or unlocked; required for both
};

// The edit a bump makes: the versions file's bytes before and after, patched surgically.
struct BumpEdit
{
    QString file; // relative to the repository root
    QString absolutePath;
    QByteArray before;
    QByteArray after;
    QString from; // the version before
    bool wasLocked = false;
    QString lockReason; // the reason of the lock that is being lifted, when unlocking
};

struct BumpPlan
{
    enum class Outcome {
        Ready,   // `edit` holds the change
        Refused, // the request contradicts the repository (a lock, no change): exit 1
        Invalid  // an unknown environment or component, a missing file: exit 2
    };
    Outcome outcome = Outcome::Invalid;
    Error error;
    BumpEdit edit;
};

// Works out the edit from a loaded repository: refuses a locked component unless the request
// unlocks it, and a request that changes nothing. Reads the versions file; writes nothing.
BumpPlan planBump(const Validation::ValidationInput &input, const BumpRequest &request);

// The findings the edit brings that the repository did not have before, in the bumped
// environment: validation of `input` as it is against `input` with the edited file applied.
QList<Validation::Finding> newFindings(const Validation::ValidationInput &input,
                                       const BumpEdit &edit, const QString &environment);

} // namespace EnvDeck::Change
