// SPDX-License-Identifier: GPL-3.0-or-later
// A TokenStore in a fresh process, for the tests whose D-Bus session must differ per case (the
// session bus connection is made once per process).
//
// tokenprobe <service> <host> <keychain timeout ms> <reads> [<token to write first>]
// prints, for the write and per read: "write ms=<elapsed>" or "read <n> ms=<elapsed>", then
// "source=", "detail=", "value=", "note=" and "error=" lines.
#include "credentials/TokenStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTextStream>

using namespace EnvDeck::Credentials;

namespace {

void print(QTextStream &out, const EnvDeck::Result<Token> &token, const QStringList &notes)
{
    if (token) {
        out << "source=" << int(token->source) << '\n';
        out << "detail=" << token->detail << '\n';
        out << "value=" << token->value << '\n';
    } else {
        out << "error=" << token.error().toString() << '\n';
    }
    for (const QString &note : notes)
        out << "note=" << note << '\n';
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5 && args.size() != 6) {
        QTextStream(stderr) << "usage: tokenprobe <service> <host> <keychain timeout ms> <reads> "
                               "[<token to write first>]\n";
        return 2;
    }
    TokenStore store;
    store.setKeychainTimeout(std::chrono::milliseconds(args.at(3).toInt()));
    store.setGitTimeout(std::chrono::seconds(5));
    const Account account{args.at(1), args.at(2), QString()};
    QTextStream out(stdout);
    if (args.size() == 6) {
        QElapsedTimer elapsed;
        elapsed.start();
        TokenJob *job = store.write(account, args.at(5));
        QEventLoop loop;
        QObject::connect(job, &TokenJob::finished, &loop, &QEventLoop::quit);
        loop.exec();
        out << "write ms=" << elapsed.elapsed() << '\n';
        print(out, job->result(), job->notes());
    }
    const int reads = args.at(4).toInt();
    for (int n = 1; n <= reads; ++n) {
        QElapsedTimer elapsed;
        elapsed.start();
        QStringList notes;
        const EnvDeck::Result<Token> token = store.readBlocking(account, &notes);
        out << "read " << n << " ms=" << elapsed.elapsed() << '\n';
        print(out, token, notes);
    }
    return 0;
}
