// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace EnvDeck::Credentials {

// How one keychain call ended. `message` is for people and never holds the token.
struct KeychainOutcome
{
    enum Kind {
        Ok,          // done; for a read, `value` holds the token
        NotFound,    // the keychain works but has no entry under the key
        Unavailable, // no D-Bus session, no secret service, no backend on this platform
        TimedOut,    // no answer within the timeout (a locked keyring never answers)
        Skipped,     // an earlier call is still unanswered, so this one was not made
        Failed,      // refused or broken
    };
    Kind kind = Failed;
    QString value;
    QString message;
};

// Whether a keychain can be reached at all. On Linux and the BSDs the keychain is the Secret
// Service on the D-Bus session bus: without DBUS_SESSION_BUS_ADDRESS or $XDG_RUNTIME_DIR/bus there
// is none, and asking would only try to autolaunch a bus. Returns the reason when there is none.
QString keychainUnavailableReason();

} // namespace EnvDeck::Credentials
