// SPDX-License-Identifier: GPL-3.0-or-later
#include "Remote.h"

#include "git/KnownHosts.h"

#include "core/Logging.h"
#include "git/GitHandle.h"
#include "git/TimeoutStream.h"

#include <QRegularExpression>
#include <QUrl>

namespace EnvDeck::Git {

QString redactUrl(const QString &url)
{
    if (!url.contains(QLatin1String("://")))
        return url;
    const QUrl parsed(url);
    if (!parsed.isValid())
        return url.section(QLatin1Char('@'), -1); // never echo what might be a secret
    return parsed.toString(QUrl::RemoveUserInfo);
}

RemoteSession::RemoteSession(const QString &url, const RemoteOptions &options)
    : m_url(redactUrl(url))
    , m_options(options)
{
    // A password written into the URL must not come back in an error message either.
    const QUrl parsed(url);
    if (parsed.isValid() && !parsed.password().isEmpty())
        m_secrets.append(parsed.password());
    TimeoutStream::ensureRegistered();
    TimeoutStream::resetThreadTimedOut();
    m_previousTimeout = TimeoutStream::setThreadTimeout(qMax(0, options.timeoutSeconds));
}

RemoteSession::~RemoteSession()
{
    TimeoutStream::setThreadTimeout(m_previousTimeout);
}

void RemoteSession::install(git_remote_callbacks &callbacks)
{
    callbacks.credentials = &RemoteSession::onCredentials;
    callbacks.certificate_check = &RemoteSession::onCertificate;
    callbacks.transfer_progress = &RemoteSession::onTransfer;
    callbacks.sideband_progress = &RemoteSession::onSideband;
    callbacks.pack_progress = &RemoteSession::onPackProgress;
    callbacks.push_transfer_progress = &RemoteSession::onPushTransfer;
    callbacks.push_update_reference = &RemoteSession::onPushUpdate;
    callbacks.payload = this;
}

void RemoteSession::install(git_checkout_options &checkout)
{
    checkout.progress_cb = &RemoteSession::onCheckout;
    checkout.progress_payload = this;
}

QString RemoteSession::scrub(QString text) const
{
    for (const QString &secret : m_secrets) {
        if (!secret.isEmpty())
            text.replace(secret, QStringLiteral("***"));
    }
    // user:password@ in any URL libgit2 quotes back.
    static const QRegularExpression userInfo(QStringLiteral("(\\w+://)[^/@\\s]*@"));
    text.replace(userInfo, QStringLiteral("\\1"));
    return text;
}

Error RemoteSession::failure(const QString &action) const
{
    switch (m_abort) {
    case Abort::Authentication:
        return Error(QStringLiteral("authentication failed for %1").arg(m_url));
    case Abort::NoCredentials:
        return Error(
            QStringLiteral("authentication failed for %1: no credentials given").arg(m_url));
    case Abort::Cancelled:
        return Error(QStringLiteral("cancelled"));
    case Abort::HostKey:
        return Error(QStringLiteral("the SSH host key of %1 was not accepted").arg(m_url));
    case Abort::HostKeyChanged:
        return Error(QStringLiteral("the SSH host key of %1 differs from the one listed at %2: "
                                    "someone may be intercepting the connection. If the server's "
                                    "key really changed, remove that line and try again")
                         .arg(m_url, m_knownHostsLine));
    case Abort::None:
        break;
    }
    if (TimeoutStream::threadTimedOut())
        return Error(QStringLiteral("%1 did not answer within %2 s (retry later)")
                         .arg(m_url)
                         .arg(m_options.timeoutSeconds));
    const Error error = lastError(action);
    return Error(scrub(error.message()));
}

int RemoteSession::onCredentials(git_credential **out, const char *url, const char *userFromUrl,
                                 unsigned int allowed, void *payload)
{
    auto *session = static_cast<RemoteSession *>(payload);
    const bool tokenAllowed = allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT;
    const bool sshAllowed = allowed & GIT_CREDENTIAL_SSH_KEY;
    const QByteArray user = userFromUrl ? QByteArray(userFromUrl) : QByteArray();
    if (!tokenAllowed && !sshAllowed && (allowed & GIT_CREDENTIAL_USERNAME))
        return git_credential_username_new(out, user.isEmpty() ? "git" : user.constData());

    // libgit2 asks again after the server refused: that refusal is final for this kind.
    if ((tokenAllowed && session->m_triedToken) || (sshAllowed && session->m_triedSsh)) {
        session->m_abort = Abort::Authentication;
        qCInfo(lcGit).noquote() << "authentication failed for" << session->m_url;
        return GIT_EUSER;
    }
    std::optional<Credential> credential;
    if (session->m_options.credentials)
        credential = session->m_options.credentials(
            redactUrl(fromUtf8(url)), QString::fromUtf8(user), tokenAllowed, sshAllowed);
    if (!credential) {
        session->m_abort = Abort::NoCredentials;
        return GIT_EUSER;
    }
    if (!credential->secret.isEmpty())
        session->m_secrets.append(credential->secret);
    const QByteArray name = credential->username.isEmpty() ? user : credential->username.toUtf8();
    if (credential->kind == Credential::Kind::UserPassToken && tokenAllowed) {
        session->m_triedToken = true;
        const QByteArray secret = credential->secret.toUtf8();
        return git_credential_userpass_plaintext_new(out, name.constData(), secret.constData());
    }
    if (credential->kind == Credential::Kind::SshAgent && sshAllowed) {
        session->m_triedSsh = true;
        return git_credential_ssh_key_from_agent(out, name.isEmpty() ? "git" : name.constData());
    }
    session->m_abort = Abort::NoCredentials;
    return GIT_EUSER;
}

int RemoteSession::onCertificate(git_cert *cert, int valid, const char *host, void *payload)
{
    auto *session = static_cast<RemoteSession *>(payload);
    // TLS certificates and known SSH hosts: libgit2's own verdict stands.
    if (valid || cert->cert_type != GIT_CERT_HOSTKEY_LIBSSH2)
        return GIT_PASSTHROUGH;
    const auto *hostKey = reinterpret_cast<const git_cert_hostkey *>(cert);
    HostKey key;
    key.host = fromUtf8(host);
    switch (hostKey->raw_type) {
    case GIT_CERT_SSH_RAW_TYPE_RSA:
        key.type = QStringLiteral("ssh-rsa");
        break;
    case GIT_CERT_SSH_RAW_TYPE_DSS:
        key.type = QStringLiteral("ssh-dss");
        break;
    case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_256:
        key.type = QStringLiteral("ecdsa-sha2-nistp256");
        break;
    case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_384:
        key.type = QStringLiteral("ecdsa-sha2-nistp384");
        break;
    case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_521:
        key.type = QStringLiteral("ecdsa-sha2-nistp521");
        break;
    case GIT_CERT_SSH_RAW_TYPE_KEY_ED25519:
        key.type = QStringLiteral("ssh-ed25519");
        break;
    case GIT_CERT_SSH_RAW_TYPE_UNKNOWN:
        key.type = QStringLiteral("unknown");
        break;
    }
    if (hostKey->type & GIT_CERT_SSH_SHA256) {
        const QByteArray digest(reinterpret_cast<const char *>(hostKey->hash_sha256), 32);
        key.sha256 = QStringLiteral("SHA256:")
                     + QString::fromLatin1(digest.toBase64(QByteArray::Base64Encoding
                                                           | QByteArray::OmitTrailingEquals));
    }
    // libgit2 1.5 trusts no SSH host key by itself: known_hosts is checked here.
    QByteArray raw;
    if (hostKey->type & GIT_CERT_SSH_RAW)
        raw = QByteArray(hostKey->hostkey, qsizetype(hostKey->hostkey_len));
    const QStringList files = session->m_options.knownHostsFiles.isEmpty()
                                  ? KnownHosts::defaultFiles()
                                  : session->m_options.knownHostsFiles;
    const QUrl url(session->m_url);
    const int port = url.scheme() == QStringLiteral("ssh") ? url.port(22) : 22;
    if (!raw.isEmpty()) {
        const KnownHosts::Check known = KnownHosts::check(files, key.host, port, key.type, raw);
        if (known.verdict == KnownHosts::Verdict::Known)
            return 0;
        if (known.verdict == KnownHosts::Verdict::Mismatch) {
            session->m_knownHostsLine = known.file + u':' + QString::number(known.line);
            session->m_abort = Abort::HostKeyChanged;
            qCWarning(lcGit).noquote()
                << "SSH host key of" << key.host << "differs from" << session->m_knownHostsLine;
            return GIT_EUSER;
        }
    }
    if (session->m_options.acceptHostKey && session->m_options.acceptHostKey(key)) {
        if (!raw.isEmpty()) {
            if (auto added = KnownHosts::add(files.first(), key.host, port, key.type, raw); !added)
                qCWarning(lcGit).noquote() << added.error().toString();
        }
        return 0;
    }
    session->m_abort = Abort::HostKey;
    return GIT_EUSER;
}

bool RemoteSession::report(const TransferProgress &progress)
{
    if (!m_options.progress || m_options.progress(progress))
        return true;
    m_abort = Abort::Cancelled;
    return false;
}

int RemoteSession::onTransfer(const git_indexer_progress *stats, void *payload)
{
    auto *session = static_cast<RemoteSession *>(payload);
    TransferProgress progress;
    progress.bytes = stats->received_bytes;
    if (stats->received_objects < stats->total_objects || stats->total_deltas == 0) {
        progress.phase = TransferProgress::Phase::Receiving;
        progress.current = stats->received_objects;
        progress.total = stats->total_objects;
    } else {
        progress.phase = TransferProgress::Phase::Resolving;
        progress.current = stats->indexed_deltas;
        progress.total = stats->total_deltas;
    }
    return session->report(progress) ? 0 : GIT_EUSER;
}

int RemoteSession::onSideband(const char *text, int length, void *payload)
{
    auto *session = static_cast<RemoteSession *>(payload);
    session->m_serverMessages += QString::fromUtf8(text, length);
    return 0;
}

int RemoteSession::onPackProgress(int, uint32_t current, uint32_t total, void *payload)
{
    auto *session = static_cast<RemoteSession *>(payload);
    return session->report({TransferProgress::Phase::Packing, current, total, 0}) ? 0 : GIT_EUSER;
}

int RemoteSession::onPushTransfer(unsigned int current, unsigned int total, size_t bytes,
                                  void *payload)
{
    auto *session = static_cast<RemoteSession *>(payload);
    return session->report({TransferProgress::Phase::Uploading, current, total, bytes}) ? 0
                                                                                        : GIT_EUSER;
}

int RemoteSession::onPushUpdate(const char *refname, const char *status, void *payload)
{
    auto *session = static_cast<RemoteSession *>(payload);
    if (status) {
        if (!session->m_rejection.isEmpty())
            session->m_rejection += QStringLiteral("; ");
        session->m_rejection += fromUtf8(refname) + QStringLiteral(": ") + fromUtf8(status);
    }
    return 0;
}

void RemoteSession::onCheckout(const char *, size_t completed, size_t total, void *payload)
{
    auto *session = static_cast<RemoteSession *>(payload);
    // Checkout cannot be stopped half-way in libgit2 1.5; the answer is ignored.
    if (session->m_options.progress)
        session->m_options.progress({TransferProgress::Phase::Checkout, completed, total, 0});
}

} // namespace EnvDeck::Git
