// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace EnvDeck::Git::TimeoutStream {

// libgit2 1.5 has no network timeout (GIT_OPT_SET_SERVER_TIMEOUT came in 1.7), and a silent
// server blocks its recv() for ever. We register our own plain socket stream instead: it connects
// and reads with poll() and a deadline, and it keeps the layout of libgit2's socket stream because
// the SSH transport reaches into it for the file descriptor. SO_RCVTIMEO/SO_SNDTIMEO on that
// descriptor give libssh2 the same limit. TLS streams wrap this one, so https is covered too.
//
// The limit is per thread: each network operation sets it for its own thread while it runs.
void ensureRegistered();

// Seconds of silence before a socket on this thread gives up; 0 waits for ever. Returns the
// previous value.
int setThreadTimeout(int seconds);
// Whether a socket on this thread gave up since the last reset.
bool threadTimedOut();
void resetThreadTimedOut();

} // namespace EnvDeck::Git::TimeoutStream
