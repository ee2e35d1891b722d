// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimeoutStream.h"

#include <git2.h>
#include <git2/sys/stream.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>

namespace EnvDeck::Git::TimeoutStream {

namespace {

thread_local int t_timeoutSeconds = 0;
thread_local bool t_timedOut = false;

// Same first members as libgit2 1.5's git_socket_stream (src/libgit2/streams/socket.h): the SSH
// transport casts the stream to that type and reads `s`.
struct SocketStream
{
    git_stream parent;
    char *host;
    char *port;
    int s;
    int timeoutMs; // ours, after the shared prefix
};

SocketStream *self(git_stream *stream)
{
    return reinterpret_cast<SocketStream *>(stream);
}

int timedOut(SocketStream *stream, const char *what)
{
    t_timedOut = true;
    git_error_set(GIT_ERROR_NET, "%s:%s did not answer within %d s (%s)", stream->host,
                  stream->port, stream->timeoutMs / 1000, what);
    return -1;
}

// Waits until `fd` is ready for `events`; 1 ready, 0 timed out, -1 error.
int waitFor(int fd, short events, int timeoutMs)
{
    pollfd entry{fd, events, 0};
    for (;;) {
        const int rc = poll(&entry, 1, timeoutMs > 0 ? timeoutMs : -1);
        if (rc < 0 && errno == EINTR)
            continue;
        return rc > 0 ? 1 : rc;
    }
}

int connectOne(SocketStream *stream, const addrinfo *address)
{
    const int fd = socket(address->ai_family, address->ai_socktype, address->ai_protocol);
    if (fd < 0)
        return -1;
    const int flags = fcntl(fd, F_GETFL, 0);
    fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    int rc = connect(fd, address->ai_addr, address->ai_addrlen);
    if (rc < 0 && errno == EINPROGRESS) {
        const int ready = waitFor(fd, POLLOUT, stream->timeoutMs);
        if (ready == 0) {
            close(fd);
            return -2;
        }
        int error = 0;
        socklen_t length = sizeof error;
        rc = (ready > 0 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0)
                 ? 0
                 : -1;
        if (error)
            errno = error;
    }
    if (rc < 0) {
        close(fd);
        return -1;
    }
    fcntl(fd, F_SETFL, flags);
    if (stream->timeoutMs > 0) {
        // For libssh2, which reads the descriptor itself.
        timeval limit{stream->timeoutMs / 1000, (stream->timeoutMs % 1000) * 1000};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    }
    return fd;
}

int streamConnect(git_stream *base)
{
    SocketStream *stream = self(base);
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_family = AF_UNSPEC;
    addrinfo *addresses = nullptr;
    if (const int rc = getaddrinfo(stream->host, stream->port, &hints, &addresses); rc != 0) {
        git_error_set(GIT_ERROR_NET, "failed to resolve address for %s: %s", stream->host,
                      gai_strerror(rc));
        return -1;
    }
    bool timeout = false;
    int fd = -1;
    for (const addrinfo *p = addresses; p && fd < 0; p = p->ai_next) {
        fd = connectOne(stream, p);
        timeout = timeout || fd == -2;
    }
    freeaddrinfo(addresses);
    if (fd < 0) {
        if (timeout)
            return timedOut(stream, "connect");
        git_error_set(GIT_ERROR_NET, "failed to connect to %s: %s", stream->host,
                      std::strerror(errno));
        return -1;
    }
    stream->s = fd;
    return 0;
}

ssize_t streamRead(git_stream *base, void *data, size_t length)
{
    SocketStream *stream = self(base);
    const int ready = waitFor(stream->s, POLLIN, stream->timeoutMs);
    if (ready == 0)
        return timedOut(stream, "waiting for data");
    const ssize_t rc = ready < 0 ? -1 : recv(stream->s, data, length, 0);
    if (rc < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return timedOut(stream, "receiving");
        git_error_set(GIT_ERROR_NET, "error receiving socket data: %s", std::strerror(errno));
    }
    return rc;
}

ssize_t streamWrite(git_stream *base, const char *data, size_t length, int flags)
{
    SocketStream *stream = self(base);
    const int ready = waitFor(stream->s, POLLOUT, stream->timeoutMs);
    if (ready == 0)
        return timedOut(stream, "sending");
    const ssize_t rc = ready < 0 ? -1 : send(stream->s, data, length, flags | MSG_NOSIGNAL);
    if (rc < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return timedOut(stream, "sending");
        git_error_set(GIT_ERROR_NET, "error sending data: %s", std::strerror(errno));
    }
    return rc;
}

int streamClose(git_stream *base)
{
    SocketStream *stream = self(base);
    const int rc = stream->s >= 0 ? close(stream->s) : 0;
    stream->s = -1;
    return rc;
}

void streamFree(git_stream *base)
{
    SocketStream *stream = self(base);
    std::free(stream->host);
    std::free(stream->port);
    delete stream;
}

int streamNew(git_stream **out, const char *host, const char *port)
{
    auto *stream = new SocketStream{};
    stream->parent.version = GIT_STREAM_VERSION;
    stream->parent.connect = streamConnect;
    stream->parent.read = streamRead;
    stream->parent.write = streamWrite;
    stream->parent.close = streamClose;
    stream->parent.free = streamFree;
    stream->host = strdup(host);
    stream->port = strdup(port ? port : "");
    stream->s = -1;
    stream->timeoutMs = t_timeoutSeconds * 1000;
    *out = &stream->parent;
    return 0;
}

} // namespace

void ensureRegistered()
{
    // Registered again before each operation: git_libgit2_shutdown() clears the registry when the
    // last user goes away, and registering is cheap.
    git_stream_registration registration{};
    registration.version = GIT_STREAM_VERSION;
    registration.init = streamNew;
    git_stream_register(GIT_STREAM_STANDARD, &registration);
}

int setThreadTimeout(int seconds)
{
    const int previous = t_timeoutSeconds;
    t_timeoutSeconds = seconds;
    return previous;
}

bool threadTimedOut()
{
    return t_timedOut;
}

void resetThreadTimedOut()
{
    t_timedOut = false;
}

} // namespace EnvDeck::Git::TimeoutStream
