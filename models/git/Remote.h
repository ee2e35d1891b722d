// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <git2.h>

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace EnvDeck::Git {

// How far a clone, fetch or push has come. `bytes` counts what went over the wire so far.
struct TransferProgress
{
    enum class Phase { Receiving, Resolving, Checkout, Packing, Uploading };
    Phase phase = Phase::Receiving;
    quint64 current = 0;
    quint64 total = 0;
    quint64 bytes = 0;
};

struct Credential
{
    enum class Kind { UserPassToken, SshAgent };
    Kind kind = Kind::UserPassToken;
    QString username;
    QString secret; // password or token; never logged, never part of an Error
};

struct HostKey
{
    QString host;
    QString type;   // "ssh-ed25519", "ecdsa-sha2-nistp256", ...
    QString sha256; // "SHA256:<base64 without '='>", as `ssh-keygen -lf` prints it
};

struct RemoteOptions
{
    // Asked when the server wants credentials; nullopt gives up. Asked at most once per kind and
    // operation: a second request for the same kind means the first answer was refused, and the
    // operation ends with "authentication failed for <url>".
    std::function<std::optional<Credential>(const QString &url, const QString &userFromUrl,
                                            bool tokenAllowed, bool sshAllowed)>
        credentials;
    // An SSH host key that known_hosts does not list; true accepts it (and adds it to the first
    // known_hosts file, as ssh does). A key that differs from the listed one is refused without
    // asking.
    std::function<bool(const HostKey &)> acceptHostKey;
    // The known_hosts files to honour; empty: ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts.
    QStringList knownHostsFiles;
    // Returning false cancels the operation with Error "cancelled".
    std::function<bool(const TransferProgress &)> progress;
    // A server that stays silent this long ends the operation: "<url> did not answer within N s".
    int timeoutSeconds = 60;
};

struct PushResult
{
    bool pushed = false;
    // Why the server (or the non-fast-forward check before sending) refused, for people.
    QString rejectedReason;
    bool isNonFastForward = false;
};

// "https://host/x.git" without user name or password; scp-like "user@host:path" stays as it is
// (an SSH user name is not a secret).
QString redactUrl(const QString &url);

// The glue between RemoteOptions and libgit2's C callbacks for one network operation on one
// thread. Also applies the timeout: while a session lives, sockets opened on its thread give up
// after options.timeoutSeconds of silence.
class RemoteSession
{
public:
    RemoteSession(const QString &url, const RemoteOptions &options);
    ~RemoteSession();
    RemoteSession(const RemoteSession &) = delete;
    RemoteSession &operator=(const RemoteSession &) = delete;

    void install(git_remote_callbacks &callbacks);
    // For clones: reports checkout progress (which libgit2 cannot cancel).
    void install(git_checkout_options &checkout);

    // The Error for a failed libgit2 call: our own text for authentication, cancellation and
    // timeouts, libgit2's otherwise; secrets and user info are removed either way.
    Error failure(const QString &action) const;

    // What push_update_reference and the server's side-band messages said.
    const QString &rejection() const { return m_rejection; }
    const QString &serverMessages() const { return m_serverMessages; }
    QString scrub(QString text) const;

private:
    static int onCredentials(git_credential **out, const char *url, const char *userFromUrl,
                             unsigned int allowed, void *payload);
    static int onCertificate(git_cert *cert, int valid, const char *host, void *payload);
    static int onTransfer(const git_indexer_progress *stats, void *payload);
    static int onSideband(const char *text, int length, void *payload);
    static int onPackProgress(int stage, uint32_t current, uint32_t total, void *payload);
    static int onPushTransfer(unsigned int current, unsigned int total, size_t bytes,
                              void *payload);
    static int onPushUpdate(const char *refname, const char *status, void *payload);
    static void onCheckout(const char *path, size_t completed, size_t total, void *payload);
    bool report(const TransferProgress &progress);

    enum class Abort { None, Authentication, NoCredentials, Cancelled, HostKey, HostKeyChanged };

    QString m_url;
    RemoteOptions m_options;
    QStringList m_secrets;
    bool m_triedToken = false;
    bool m_triedSsh = false;
    Abort m_abort = Abort::None;
    QString m_rejection;
    QString m_knownHostsLine; // file:line of a listed key that did not match
    QString m_serverMessages;
    int m_previousTimeout = 0;
};

} // namespace EnvDeck::Git
